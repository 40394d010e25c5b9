// A measurement, not a timed test: how long after "print" the first label's bytes reach the transport for a
// 1,000-label batch, and how long the whole batch takes, with the real TSPL encoder rendering each label as
// the queue pulls it (an async source, as a worker would stream them) and an in-memory transport and journal.
// The reprint check over all 1,000 targets is included. Skipped unless asked for:
//
//   QUEUE_MEASURE=1 npx vitest run --project unit src/lib/print/queue/queue-measure
import { describe, expect, test } from 'vitest';
import { STATUS_QUERY } from '../transports/status';
import type { PrintJob } from './journal';
import { MemoryTransport } from './memory-transport';
import type { StatusCheck } from './print-queue';
import { labelJob, makeQueue, tsplLabel } from './test-helpers';

const N = 1000;

async function* rendering(n: number): AsyncGenerator<PrintJob> {
  for (let i = 0; i < n; i++) yield labelJob(i, tsplLabel(i));
}

async function run(statusCheck: StatusCheck): Promise<{ firstBytesMs: number; totalMs: number }> {
  const t = new MemoryTransport('tspl');
  const { queue } = makeQueue({ statusCheck });
  queue.attach(t);
  let first = 0;
  t.onWrite = (b) => {
    if (!first && b.length !== STATUS_QUERY.tspl.length) first = performance.now();
  };
  const start = performance.now();
  const targets = Array.from({ length: N }, (_, i) => ({ shipmentId: `shp-${i}`, document: 'label' as const }));
  const r = await queue.enqueue(rendering(N), { targets, expected: N });
  expect(r.ok).toBe(true);
  const done = await queue.until((s) => s.state === 'done');
  expect(done.counts.confirmed).toBe(N);
  return { firstBytesMs: first - start, totalMs: performance.now() - start };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe.skipIf(!process.env.QUEUE_MEASURE)('print queue (measurement)', () => {
  test('1,000-label TSPL batch: time to first bytes and to the end', async () => {
    tsplLabel(0); // warm the encoder and template
    const rows: Record<string, Record<string, number>> = {};
    for (const mode of ['never', 'every-label'] as const) {
      const runs = [];
      for (let k = 0; k < 5; k++) runs.push(await run(mode));
      const f = runs.map((r) => r.firstBytesMs);
      const tot = runs.map((r) => r.totalMs);
      rows[`statusCheck ${mode}`] = {
        'first bytes ms (median)': +median(f).toFixed(2),
        'first bytes ms (max)': +Math.max(...f).toFixed(2),
        'whole batch ms (median)': Math.round(median(tot)),
        'labels/s': Math.round((N / median(tot)) * 1000)
      };
    }
    console.table(rows);
    console.log(`node ${process.version}, ${process.arch}; 5 runs each; main thread, real TSPL encoder, in-memory transport and journal`);
  }, 120_000);
});
