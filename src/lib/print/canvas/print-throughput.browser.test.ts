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

// Keys are what `npm run bench` reports (scripts/bench.mjs reads the PRINT_MEASURE_JSON line).
const PROFILES: { key: string; name: string; profile: PrinterProfileInput; labels: number; kind: 'native' | 'raster' }[] = [
  { key: 'tsplNative', name: 'TSPL native (printer fonts TSS24/TSS16, GBK)', profile: { language: 'tspl' }, labels: 2000, kind: 'native' },
  { key: 'zplNativeCjkFont', name: "ZPL native, the printer's Chinese font (zpl.cjkFont)", profile: { language: 'zpl', zpl: { cjkFont: 'E:ANMDS.TTF' } }, labels: 2000, kind: 'native' },
  { key: 'zplNoCjkFont', name: 'ZPL, no Chinese font on the printer (Chinese lines as ^GFA Z64)', profile: { language: 'zpl' }, labels: 1000, kind: 'native' },
  { key: 'zplRaster', name: 'ZPL raster 203 dpi (whole label ^GFA Z64)', profile: { language: 'zpl', render: 'raster' }, labels: 300, kind: 'raster' },
  { key: 'tsplRaster', name: 'TSPL raster 203 dpi (BITMAP)', profile: { language: 'tspl', render: 'raster' }, labels: 300, kind: 'raster' }
];

describe.skipIf(!import.meta.env.VITE_PRINT_MEASURE)('print worker throughput (measurement)', () => {
  test('100×150 waybill in the worker: labels per second, bytes per label, time to first label', async () => {
    const all = demoContexts(9000, 11);
    const warm = demoContexts(200, 23);
    const { api, worker } = start();
    const rates: Record<string, { name: string; kind: string; labels: number; labelsPerSecond: number; avgBytes: number; maxBytes: number }> = {};
    let offset = 0;
    for (const { key, name, profile, labels, kind } of PROFILES) {
      await batch(api, profile, warm);
      const contexts = all.slice(offset, (offset += labels));
      let maxBytes = 0;
      const t0 = performance.now();
      const summary = await api.encodeBatch(
        { template, profile: defaultProfile(profile.language, profile), contexts },
        proxy((c: LabelChunk) => {
          for (const l of c.labels) maxBytes = Math.max(maxBytes, l.bytes.length);
        })
      );
      const ms = performance.now() - t0;
      expect(summary.failures).toEqual([]);
      rates[key] = { name, kind, labels: summary.labels, labelsPerSecond: Math.round((summary.labels / ms) * 1000), avgBytes: Math.round(summary.bytes / summary.labels), maxBytes };
    }

    const firstLabel: Record<string, { name: string; mainThreadPostMs: number; warmWorkerMs: number; newWorkerMs: number; wholeBatchMs: number }> = {};
    for (const { key, name, profile } of PROFILES.slice(0, 3)) {
      const contexts = all.slice(offset, (offset += 1000));
      const warmRun = await batch(api, profile, contexts);
      const cold = start();
      const coldRun = await batch(cold.api, profile, all.slice(0, 1000));
      cold.worker.terminate();
      firstLabel[key] = { name, mainThreadPostMs: Math.round(warmRun.postMs), warmWorkerMs: Math.round(warmRun.firstMs), newWorkerMs: Math.round(coldRun.firstMs), wholeBatchMs: Math.round(warmRun.ms) };
    }
    worker.terminate();
    console.log(`PRINT_MEASURE_JSON ${JSON.stringify({ template: template.id, rates, firstLabel, userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency })}`);
  }, 300_000);
});
