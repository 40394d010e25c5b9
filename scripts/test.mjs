// `npm test`: everything a fresh machine needs, then every test. Plain Node (it may start on the system's
// Node 20 before node_modules exists); each step runs through npm so tools get Node 24 from node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

function ensureChromium() {
  if (existsSync('/usr/bin/chromium') && existsSync('/usr/share/fonts/truetype/wqy')) return;
  console.log('Installing Chromium and a CJK font from Debian packages (once per machine)…');
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  const apt = (args) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt(['update', '-qq']) !== 0) process.exit(1);
  if (apt(['install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=300', 'chromium', 'fonts-wqy-microhei']) !== 0) process.exit(1);
}

function ensureDependencies() {
  const lock = 'node_modules/.package-lock.json';
  if (existsSync(lock) && statSync(lock).mtimeMs >= statSync('package.json').mtimeMs) return;
  console.log('Installing dependencies…');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

ensureChromium();
ensureDependencies();
mkdirSync('test-reports', { recursive: true });
for (const f of ['unit', 'browser', 'e2e']) rmSync(`test-reports/${f}.json`, { force: true });

const steps = [
  ['type check', ['run', 'check']],
  ['unit tests (Node)', ['run', 'test:unit', '--', '--reporter=default', '--reporter=json', '--outputFile.json=test-reports/unit.json']],
  ['browser tests (Chromium)', ['run', 'test:browser', '--', '--reporter=default', '--reporter=json', '--outputFile.json=test-reports/browser.json']],
  ['build', ['run', 'build']],
  ['end-to-end tests (Playwright)', ['run', 'test:e2e']]
];

let failedStep = '';
for (const [label, args] of steps) {
  if (run('npm', args) !== 0) {
    failedStep = label;
    break;
  }
}

let passed = 0;
let failed = 0;
const count = (file, read) => {
  if (!existsSync(file)) return;
  try {
    const [p, f] = read(JSON.parse(readFileSync(file, 'utf8')));
    passed += p;
    failed += f;
  } catch {
    /* a missing or partial report is covered by the step's exit code */
  }
};
count('test-reports/unit.json', (j) => [j.numPassedTests, j.numFailedTests]);
count('test-reports/browser.json', (j) => [j.numPassedTests, j.numFailedTests]);
count('test-reports/e2e.json', (j) => [j.stats.expected, j.stats.unexpected + j.stats.flaky]);

if (failedStep) {
  console.log(`\nFailed at: ${failedStep}`);
  console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
  process.exit(1);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
