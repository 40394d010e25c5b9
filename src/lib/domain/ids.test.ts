import { describe, expect, it } from 'vitest';
import { SHARD_BUCKETS, contentHash, orderId, shardOf, shipmentId, shardDayStart, activeShards } from './ids';

describe('orderId', () => {
  it('is platform:shop:orderNo, the same on every call', () => {
    expect(orderId('pdd', 'pdd-1', '231126-123456789012345')).toBe('pdd:pdd-1:231126-123456789012345');
    expect(orderId('jd', 's', '1')).toBe(orderId('jd', 's', '1'));
    expect(orderId('jd', 's', '1')).not.toBe(orderId('jd', 's2', '1'));
  });
});

describe('shipmentId', () => {
  const a1 = { orderId: 'taobao:s:1', lineNo: 1, qty: 2 };
  const a2 = { orderId: 'taobao:s:1', lineNo: 2, qty: 1 };
  const b1 = { orderId: 'pdd:p:9', lineNo: 1, qty: 1 };

  it('names a whole single order after the order', () => {
    expect(shipmentId([a1, a2], 'taobao:s:1')).toBe('s:taobao:s:1');
  });

  it('gives a merge the same id whatever order its parts come in', () => {
    const id = shipmentId([a1, a2, b1]);
    expect(shipmentId([b1, a1, a2])).toBe(id);
    expect(shipmentId([a2, b1, a1])).toBe(id);
    expect(id).toMatch(/^s:h[0-9a-z]{14}$/);
  });

  it('tells different content apart: other quantities, lines or orders', () => {
    const id = shipmentId([a1, b1]);
    expect(shipmentId([{ ...a1, qty: 1 }, b1])).not.toBe(id);
    expect(shipmentId([a2, b1])).not.toBe(id);
    expect(shipmentId([a1])).not.toBe(id);
  });
});

describe('contentHash', () => {
  it('is stable and sensitive to a one-character change', () => {
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
    expect(contentHash('')).toHaveLength(14);
  });
});

describe('shardOf', () => {
  const id = 'taobao:tb-1:1000000000000000001';

  it('is stable for the same order and time', () => {
    expect(shardOf(id, 1_764_000_000_000)).toBe(shardOf(id, 1_764_000_000_000));
    expect(shardOf(id, 1_764_000_000_000)).toMatch(new RegExp(`^orders-\\d{8}-[0-${SHARD_BUCKETS - 1}]$`));
  });

  it('uses the China-local day: 00:00 Beijing time starts a new day at 16:00 UTC', () => {
    const lastMinute = Date.UTC(2025, 10, 25, 15, 59, 59, 999);
    const midnight = Date.UTC(2025, 10, 25, 16, 0, 0);
    expect(shardOf(id, lastMinute)).toMatch(/^orders-20251125-/);
    expect(shardOf(id, midnight)).toMatch(/^orders-20251126-/);
    expect(shardOf(id, Date.UTC(2025, 10, 26, 15, 0, 0))).toBe(shardOf(id, midnight));
  });

  it('keeps an order in one bucket across the day and spreads orders over all buckets', () => {
    const day = Date.UTC(2025, 10, 25, 16, 0, 0);
    const bucket = (s: string) => s.split('-').pop();
    expect(bucket(shardOf(id, day))).toBe(bucket(shardOf(id, day + 12 * 3_600_000)));
    const buckets = new Set(Array.from({ length: 200 }, (_, i) => bucket(shardOf(`pdd:p:${i}`, day))));
    expect(buckets.size).toBe(SHARD_BUCKETS);
  });
});

describe('which shards stay open', () => {
  const now = Date.UTC(2026, 10, 26, 4); // 12:00 in China
  it('reads the China-local day from a shard name', () => {
    expect(shardDayStart('orders-20261126-3')).toBe(Date.UTC(2026, 10, 25, 16));
    expect(shardDayStart('catalog')).toBeNull();
  });

  it('keeps recent, never-indexed and unfinished shards open and closes finished old ones', () => {
    const names = ['orders-20261001-0', 'orders-20261002-1', 'orders-20261003-2', 'orders-20261120-0', 'orders-20261126-5'];
    const open = activeShards({ names, indexed: new Set(names.filter((n) => n !== 'orders-20261002-1')), unfinished: new Set(['orders-20261003-2']), now, activeDays: 14 });
    expect(open).toEqual(['orders-20261002-1', 'orders-20261003-2', 'orders-20261120-0', 'orders-20261126-5']);
  });
});
