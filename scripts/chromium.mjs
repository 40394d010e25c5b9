// Debian's Chromium and the flags every headless run here needs: no sandbox as root, no GPU, and none of
// the background connections this closed network refuses. Shared by Vitest, Playwright and the benchmark.
export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
];
