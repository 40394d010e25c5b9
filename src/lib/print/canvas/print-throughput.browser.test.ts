// A measurement, not a timed test: the real print worker in Chromium turning demo shipments (varied Chinese
// names and addresses, 1–5 lines) into 100×150 waybill labels, through comlink as the app calls it. Skipped
// unless asked for:
//
//   VITE_PRINT_MEASURE=1 npx vitest run --project browser src/lib/print/canvas/print-throughput
//
// Rates are end to end (contexts cloned into the worker, label bytes transferred back in chunks), each over
// contexts the worker has not seen (no glyph cache hits from an earlier pass). Time to first label is from
// calling encodeBatch with 1,000 contexts to the first chunk arriving on the page, in a warm worker and in
// one started just before the call.
import { proxy, wrap, type Remote } from 'comlink';
import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { defaultProfile, type PrinterProfileInput } from '../profiles';
import type { LabelChunk, PrintApi } from './print-api';
import { demoContexts } from './test-contexts';

const template = builtinTemplate('waybill-100x150');

function start(): { api: Remote<PrintApi>; worker: Worker } {
  const worker = new Worker(new URL('../../../../workers/print.worker.ts', import.meta.url), { type: 'module', name: 'packdesk-print-measure' });
  return { worker, api: wrap<PrintApi>(worker) };
}

async function batch(api: Remote<PrintApi>, profile: PrinterProfileInput, contexts: ReturnType<typeof demoContexts>) {
  let firstMs = 0;
  const t0 = performance.now();
  const pending = api.encodeBatch(
    { template, profile, contexts },
    proxy((c: LabelChunk) => {
      if (!firstMs && c.labels.length) firstMs = performance.now() - t0;
    })
  );
  // postMessage clones the contexts synchronously: the main thread's share of starting a batch.
  const postMs = performance.now() - t0;
  const summary = await pending;
  const ms = performance.now() - t0;
  return { summary, ms, firstMs, postMs };
}

describe.skipIf(!import.meta.env.VITE_PRINT_MEASURE)('print worker throughput (measurement)', () => {
  test('100×150 waybill in the worker: labels per second, bytes per label, time to first label', async () => {
    const all = demoContexts(7000, 11);
    const warm = demoContexts(200, 23);
    const { api, worker } = start();
    const profiles: [string, PrinterProfileInput, number][] = [
      ['TSPL native', { language: 'tspl' }, 2000],
      ['ZPL native (Chinese as ^GFA, canvas glyphs)', { language: 'zpl' }, 1000],
      ['ZPL raster 203 dpi (Z64, canvas glyphs)', { language: 'zpl', render: 'raster' }, 300],
      ['TSPL raster 203 dpi (BITMAP, canvas glyphs)', { language: 'tspl', render: 'raster' }, 300]
    ];
    const rows: Record<string, unknown> = {};
    let offset = 0;
    for (const [name, profile, n] of profiles) {
      await batch(api, profile, warm);
      const contexts = all.slice(offset, (offset += n));
      const { summary, ms } = await batch(api, defaultProfile(profile.language, profile), contexts);
      expect(summary.failures).toEqual([]);
      rows[name] = { labels: summary.labels, 'labels/s': Math.round((summary.labels / ms) * 1000), 'avg bytes': Math.round(summary.bytes / summary.labels) };
    }
    console.log(`rates and sizes\n${JSON.stringify(rows, null, 1)}`);

    const first: Record<string, unknown> = {};
    for (const [name, profile] of profiles.slice(0, 3)) {
      const contexts = all.slice(offset, (offset += 1000));
      const warmRun = await batch(api, profile, contexts);
      const cold = start();
      const coldRun = await batch(cold.api, profile, all.slice(0, 1000));
      cold.worker.terminate();
      first[name] = { 'main-thread post ms': Math.round(warmRun.postMs), 'warm worker ms': Math.round(warmRun.firstMs), 'new worker ms': Math.round(coldRun.firstMs), 'whole 1,000 (warm) ms': Math.round(warmRun.ms) };
    }
    console.log(`time to first label, 1,000-label batch\n${JSON.stringify(first, null, 1)}`);
    console.log(`${navigator.userAgent}; ${navigator.hardwareConcurrency} cores`);
    worker.terminate();
  }, 300_000);
});
