import { describe, expect, it } from 'vitest';
import { Catalog, Order } from '../schemas';
import { PROVINCES } from './china-divisions';
import { createDemoContext, demoOrder, demoOrders, generateCatalog } from './generate';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 10, 26, 16, 0, 0);
const catalog = generateCatalog(7);
const ctx = createDemoContext({ seed: 7, catalog, now: NOW });
const sample = demoOrders(ctx, 0, 10_000);

/** Written from the GS1 rule, independently of the generator's helper. */
function validEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const d = [...code].map(Number);
  const sum = d.slice(0, 12).reduce((s, x, i) => s + x * (i % 2 === 0 ? 1 : 3), 0);
  return (sum + d[12]) % 10 === 0;
}

const share = (pred: (o: Order) => boolean) => sample.filter(pred).length / sample.length;

describe('demo catalog', () => {
  it('passes the Catalog schema and is the same for the same seed', () => {
    expect(() => Catalog.parse(catalog)).not.toThrow();
    expect(generateCatalog(7)).toEqual(catalog);
    expect(generateCatalog(8).skus.map((s) => s.price)).not.toEqual(catalog.skus.map((s) => s.price));
  });

  it('has about 300 SKUs with unique codes and valid unique EAN-13 barcodes', () => {
    expect(catalog.skus.length).toBeGreaterThanOrEqual(280);
    expect(catalog.skus.length).toBeLessThanOrEqual(330);
    expect(new Set(catalog.skus.map((s) => s.code)).size).toBe(catalog.skus.length);
    const barcodes = catalog.skus.flatMap((s) => s.barcodes);
    expect(barcodes.every(validEan13)).toBe(true);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const s of catalog.skus) {
      expect(s.code).toMatch(/^SKU-\d{5}$/);
      expect(s.location).toMatch(/^[A-F]-\d{2}-\d{2}$/);
      expect(s.weight).toBeGreaterThan(0);
      expect(s.price).toBeGreaterThan(0);
    }
  });

  it('rejects a barcode with a wrong check digit (the validator can fail)', () => {
    const good = catalog.skus[0].barcodes[0];
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    expect(validEan13(bad)).toBe(false);
  });

  it('maps every shop platform SKU to an existing SKU, unique within the shop', () => {
    const codes = new Set(catalog.skus.map((s) => s.code));
    for (const shop of catalog.shops) {
      const mine = catalog.skuMappings.filter((m) => m.shopId === shop.id);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((m) => m.platform === shop.platform && codes.has(m.sku))).toBe(true);
      expect(new Set(mine.map((m) => m.platformSku)).size).toBe(mine.length);
    }
    expect(new Set(catalog.shops.map((s) => s.platform))).toEqual(new Set(['taobao', 'tmall', 'pdd', 'jd', 'douyin', 'shopify']));
  });

  it('lists exactly the eight couriers, stock for every SKU in both warehouses', () => {
    expect(catalog.couriers.map((c) => c.id).sort()).toEqual(['ems', 'jd', 'jt', 'sf', 'sto', 'yd', 'yto', 'zto']);
    expect(catalog.warehouses).toHaveLength(2);
    for (const w of catalog.warehouses) {
      const skus = new Set(catalog.stock.filter((s) => s.warehouseId === w.id).map((s) => s.sku));
      expect(skus.size).toBe(catalog.skus.length);
    }
  });
});

describe('demo orders', () => {
  it('are fully determined by seed and index, whatever order they are generated in', () => {
    const other = createDemoContext({ seed: 7, catalog: generateCatalog(7), now: NOW });
    for (const i of [9_999, 0, 4_242, 17, 123_456]) expect(demoOrder(other, i)).toEqual(i < sample.length ? sample[i] : demoOrder(ctx, i));
  });

  it('differ between seeds', () => {
    const other = createDemoContext({ seed: 8, catalog: generateCatalog(8), now: NOW });
    const a = sample.slice(0, 50).map((o) => o.id);
    const b = demoOrders(other, 0, 50).map((o) => o.id);
    expect(b.filter((id) => a.includes(id))).toEqual([]);
  });

  it('pass the Order schema (2,000 sample)', () => {
    for (const o of sample.slice(0, 2_000)) expect(() => Order.parse(o)).not.toThrow();
  });

  it('have unique ids built from platform, shop and order number', () => {
    expect(new Set(sample.map((o) => o.id)).size).toBe(sample.length);
    for (const o of sample.slice(0, 500)) expect(o.id).toBe(`${o.platform}:${o.shopId}:${o.orderNo}`);
  });

  it('use each platform’s order number shape', () => {
    const shapes: Record<string, RegExp> = {
      taobao: /^[1-9]\d{17,18}$/,
      tmall: /^[1-9]\d{17,18}$/,
      pdd: /^\d{6}-\d{15}$/,
      jd: /^[1-9]\d{11}$/,
      douyin: /^[1-9]\d{18}$/,
      shopify: /^#\d{4,}$/
    };
    for (const o of sample) expect(o.orderNo).toMatch(shapes[o.platform]);
  });

  it('reach all 31 provinces in 10,000 orders, the populous ones most', () => {
    const count = new Map<string, number>();
    for (const o of sample) count.set(o.recipient.address.province, (count.get(o.recipient.address.province) ?? 0) + 1);
    expect(PROVINCES).toHaveLength(31);
    expect([...count.keys()].sort()).toEqual(PROVINCES.map((p) => p.name).sort());
    const top = [...count].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([p]) => p);
    expect(top).toContain('广东省');
    expect(count.get('广东省')!).toBeGreaterThan(10 * count.get('西藏自治区')!);
  });

  it('only use real city/district pairs from the divisions table', () => {
    const known = new Set(PROVINCES.flatMap((p) => p.cities.flatMap(([c, ds]) => ds.map((d) => `${p.name}/${c}/${d}`))));
    for (const o of sample) {
      const a = o.recipient.address;
      expect(known.has(`${a.province}/${a.city}/${a.district}`)).toBe(true);
      expect(a.detail.length).toBeGreaterThan(4);
    }
  });

  it('keep amounts consistent and never negative', () => {
    for (const o of sample) {
      expect(o.goodsTotal).toBe(o.lines.reduce((s, l) => s + l.price * l.qty, 0));
      expect(o.paid).toBe(o.goodsTotal + o.shippingFee - o.discount);
      expect(o.paid).toBeGreaterThanOrEqual(0);
    }
    expect(share((o) => o.discount > 0)).toBeGreaterThan(0.2);
    expect(share((o) => o.shippingFee > 0)).toBeGreaterThan(0.02);
  });

  it('carry 1–5 lines, mostly 1–2, with qty 1–3 and numbered from 1', () => {
    for (const o of sample) {
      expect(o.lines.length).toBeGreaterThanOrEqual(1);
      expect(o.lines.length).toBeLessThanOrEqual(5);
      o.lines.forEach((l, i) => {
        expect(l.lineNo).toBe(i + 1);
        expect(l.qty).toBeGreaterThanOrEqual(1);
        expect(l.qty).toBeLessThanOrEqual(3);
      });
    }
    expect(share((o) => o.lines.length <= 2)).toBeGreaterThan(0.75);
    expect(share((o) => o.lines.length >= 4)).toBeGreaterThan(0);
  });

  it('map lines through the shop’s SKU mapping, leaving about 2% unmapped', () => {
    const mapping = new Map(catalog.skuMappings.map((m) => [`${m.shopId}|${m.platformSku}`, m.sku]));
    let lines = 0;
    let unmapped = 0;
    for (const o of sample)
      for (const l of o.lines) {
        lines++;
        const mapped = mapping.get(`${o.shopId}|${l.platformSku}`);
        if (l.sku === '') {
          unmapped++;
          expect(mapped).toBeUndefined();
        } else expect(mapped).toBe(l.sku);
      }
    expect(unmapped / lines).toBeGreaterThan(0.01);
    expect(unmapped / lines).toBeLessThan(0.03);
  });

  it('are paid within the last 7 days, more in the evening than at night (China time)', () => {
    for (const o of sample) {
      expect(o.paidAt).toBeLessThanOrEqual(NOW);
      expect(o.paidAt).toBeGreaterThanOrEqual(NOW - 7 * DAY);
    }
    const hour = (o: Order) => new Date(o.paidAt + 8 * 3_600_000).getUTCHours();
    expect(share((o) => hour(o) >= 19 && hour(o) <= 22)).toBeGreaterThan(3 * share((o) => hour(o) >= 1 && hour(o) <= 4));
    const short = createDemoContext({ seed: 7, catalog, now: NOW, days: 2 });
    for (const o of demoOrders(short, 0, 500)) expect(o.paidAt).toBeGreaterThanOrEqual(NOW - 2 * DAY);
  });

  it('carry phones masked, in full and as privacy numbers with an extension', () => {
    expect(share((o) => /^1\d{2}\*{4}\d{4}$/.test(o.recipient.phone))).toBeGreaterThan(0.4);
    expect(share((o) => /^1\d{10}$/.test(o.recipient.phone))).toBeGreaterThan(0.05);
    expect(share((o) => /^1\d{10}(-|转)\d{4}$/.test(o.recipient.phone))).toBeGreaterThan(0.05);
  });

  it('carry messages, memos, refunds and presales at about the stated rates', () => {
    expect(share((o) => o.buyerMessage !== '')).toBeCloseTo(0.15, 1);
    expect(share((o) => o.sellerMemo !== '')).toBeCloseTo(0.1, 1);
    expect(share((o) => o.refund === 'requested')).toBeGreaterThan(0.01);
    expect(share((o) => o.refund === 'requested')).toBeLessThan(0.03);
    expect(share((o) => o.refund === 'refunded')).toBeGreaterThan(0.004);
    expect(share((o) => o.refund === 'refunded')).toBeLessThan(0.02);
    expect(share((o) => o.presale)).toBeGreaterThan(0.015);
    expect(share((o) => o.presale)).toBeLessThan(0.05);
  });

  it('give about 10% of orders a tracking number that matches its courier’s pattern', () => {
    const patterns = new Map(catalog.couriers.map((c) => [c.id, new RegExp(c.trackingPattern!)]));
    const tracked = sample.filter((o) => o.trackingNo);
    expect(tracked.length / sample.length).toBeGreaterThan(0.07);
    expect(tracked.length / sample.length).toBeLessThan(0.13);
    for (const o of tracked) expect(o.trackingNo).toMatch(patterns.get(o.courierId!)!);
    expect(new Set(tracked.map((o) => o.courierId)).size).toBe(8);
    expect(sample.filter((o) => !o.trackingNo).every((o) => o.courierId === undefined)).toBe(true);
  });
});
