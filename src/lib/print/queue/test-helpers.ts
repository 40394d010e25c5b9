// Test data for the print queue: real TSPL waybill labels (the built-in 100×150 template, each with its own
// tracking number so every label's bytes are unique and can be found in what a fake printer received),
// job factories, sources that stream, and a byte search over a printer's received stream.
import { fixedClock } from '../../domain/ports';
import { builtinTemplate } from '../builtin-templates';
import { encodeLayout } from '../encoders';
import { layoutTemplate } from '../layout';
import { defaultProfile, targetFor } from '../profiles';
import { fixtureContext } from '../test-fixtures';
import { MemoryJournal, type PrintJob } from './journal';
import { PrintQueue, type PrintQueueOptions } from './print-queue';

const profile = defaultProfile('tspl');
const target = targetFor(profile);
const template = builtinTemplate('waybill-100x150');
const base = fixtureContext();

/** The bytes of waybill label `i` (tracking number SF14100000000<i>), all pages joined. */
export function tsplLabel(i: number): Uint8Array {
  const ctx = { ...base, trackingNo: `SF${1410000000000 + i}`, shipment: { ...base.shipment!, id: `shp-${i}` } };
  const pages = encodeLayout(layoutTemplate(template, ctx, target), { profile });
  return concat(pages);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const labelJob = (i: number, bytes: PrintJob['bytes'] = tsplLabel(i), over: Partial<PrintJob> = {}): PrintJob => ({
  id: `job-${i}`,
  documentKind: 'label',
  shipmentId: `shp-${i}`,
  batchId: 'batch-1',
  copy: 1,
  bytes,
  ...over
});

/** Yields the jobs one by one across event-loop turns, as a renderer in a worker would. */
export async function* streamed(jobs: readonly PrintJob[]): AsyncGenerator<PrintJob> {
  for (const job of jobs) {
    await new Promise((r) => setTimeout(r, 0));
    yield job;
  }
}

/** How many times `needle` occurs in `haystack`. */
export function occurrences(haystack: Uint8Array, needle: Uint8Array): number {
  const hay = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

export function makeQueue(over: Partial<PrintQueueOptions> = {}): { queue: PrintQueue; journal: MemoryJournal } {
  const journal = (over.journal as MemoryJournal | undefined) ?? new MemoryJournal();
  const queue = new PrintQueue({ journal, clock: fixedClock(Date.UTC(2025, 10, 21, 8, 0), 1), language: 'tspl', station: '打包台1', user: '小王', printer: 'XP-420B', statusTimeoutMs: 200, ...over });
  return { queue, journal };
}
