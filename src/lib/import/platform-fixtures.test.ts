// Every platform preset against generated export files (tests/fixtures/import): each file is recognised,
// decoded with the platform's real encoding, and imported into exactly the orders, skips, rejections and
// flags its fixture expects.
import { describe, expect, it } from 'vitest';
import { platformFixtures } from '../../../tests/fixtures/import/platform-files';
import { parseOrderFiles } from './import-orders';

describe.each(platformFixtures().map((f) => [f.id, f] as const))('the %s fixture', (_id, fx) => {
  const result = parseOrderFiles({ files: fx.files, shopId: fx.shopId, platform: fx.platform });

  it('is recognised as its preset in its encoding', () => {
    expect(result.format).toBe(fx.format);
    expect(result.encoding).toBe(fx.encoding);
  });

  it('imports exactly the expected orders', () => {
    expect(result.orders).toEqual(fx.expected);
  });

  it('rejects the damaged rows with the expected reasons and imports nothing of their orders', () => {
    for (const r of fx.rejected) expect(result.rejected).toContainEqual(expect.objectContaining(r));
    const importedNos = new Set(result.orders.map((o) => o.orderNo));
    for (const r of result.rejected) if (r.orderNo) expect(importedNos.has(r.orderNo)).toBe(false);
    if (!fx.rejected.length) expect(result.rejected).toEqual([]);
  });

  it('skips unpaid and shipped orders', () => {
    expect(result.skipped.map((s) => ({ orderNo: s.orderNo, code: s.code }))).toEqual(fx.skipped);
  });

  it('flags what a human must check', () => {
    const got = Object.values(result.flags)
      .flat()
      .map((f) => f.kind);
    const want = fx.flags.map((f) => f.kind);
    expect(got.sort()).toEqual(want.sort());
    for (const f of fx.flags) {
      const order = result.orders.find((o) => o.orderNo === f.orderNo)!;
      expect(result.flags[order.id].map((x) => x.kind)).toContain(f.kind);
    }
  });
});
