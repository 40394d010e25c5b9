// Deterministic ids: the same order or the same shipment content gets the same id on every station,
// so concurrent imports, merges and splits converge instead of duplicating.
import type { ShipmentPart } from './schemas';

export const orderId = (platform: string, shopId: string, orderNo: string): string => `${platform}:${shopId}:${orderNo}`;

/** FNV-1a 32-bit twice with different seeds: short, stable, good enough to name content (not security). */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(36).padStart(7, '0') + (h2 >>> 0).toString(36).padStart(7, '0');
}

/**
 * A shipment of exactly one whole order is named after the order (`s:<orderId>`); any other content
 * (a merge of orders, a split part) is named by a hash of its sorted parts.
 */
export function shipmentId(parts: ShipmentPart[], wholeOrderOf?: string): string {
  if (wholeOrderOf) return `s:${wholeOrderOf}`;
  const key = parts
    .map((p) => `${p.orderId}#${p.lineNo}x${p.qty}`)
    .sort()
    .join('|');
  return `s:h${contentHash(key)}`;
}

/** Order shards: one per China-local paid day and bucket. A day's shard stops changing once its orders ship,
 *  which bounds both the document size and the client ids it accumulates. */
export const SHARD_BUCKETS = 8;
const CHINA_OFFSET_MS = 8 * 3600_000;

export function shardOf(orderIdValue: string, paidAt: number): string {
  const day = new Date(paidAt + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  let h = 0;
  for (let i = 0; i < orderIdValue.length; i++) h = (Math.imul(h, 31) + orderIdValue.charCodeAt(i)) | 0;
  return `orders-${day}-${(h >>> 0) % SHARD_BUCKETS}`;
}

/** The China-local day a shard belongs to, as the epoch ms of that day's start (null for other names). */
export function shardDayStart(name: string): number | null {
  const m = /^orders-(\d{4})(\d{2})(\d{2})-\d+$/.exec(name);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) - CHINA_OFFSET_MS : null;
}

/**
 * Which shards a station keeps open (loaded and syncing): any it has never indexed, any of the last
 * `activeDays` days, and any holding an order not yet finished. Finished old shards stay closed, so the
 * loaded documents and the client ids they accumulate stay bounded; they open on demand when read.
 */
export function activeShards(opts: { names: string[]; indexed: Set<string>; unfinished: Set<string>; now: number; activeDays: number }): string[] {
  const cutoff = opts.now - opts.activeDays * 86_400_000;
  return opts.names.filter((n) => !opts.indexed.has(n) || opts.unfinished.has(n) || (shardDayStart(n) ?? Infinity) >= cutoff);
}
