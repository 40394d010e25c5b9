// Properties of the whole pipeline over generated data (fast-check): importing is a pure function of the
// files (the same files twice give identical orders, and diffing the second import against the first finds
// nothing to change), no valid line is ever lost or duplicated even when rows of different orders are
// interleaved and some orders carry a bad line, and an exported list reads back cell for cell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderId } from '../domain/ids';
import type { Order } from '../domain/schemas';
import { cleanCell, stripTextGuards } from './cleaning';
import { parseDelimited, toDelimited } from './delimited';
import { decodeText } from './encoding';
import { exportList } from './export';
import { encodeGbk } from './gbk';
import { diffAgainst, parseOrderFiles } from './import-orders';

const HEAD = ['订单号', '收件人', '手机', '省', '市', '区', '详细地址', '商家编码', '商品名称', '规格', '数量', '单价', '运费', '实付', '付款时间', '买家留言', '卖家备注'];
const PLACES = [
  ['北京市', '北京市', '朝阳区'],
  ['浙江省', '杭州市', '西湖区'],
  ['广东省', '东莞市', '虎门镇'],
  ['湖北省', '仙桃市', ''],
  ['新疆维吾尔自治区', '乌鲁木齐市', '天山区']
] as const;
const PHONES = ['13812345678', '138****1234', '13800138000-1234', '0571-88886666'];

/** Text that survives cleaning unchanged: no outer whitespace, no guards, no full-width digits. */
const text = (min = 0) =>
  fc
    .string({ unit: fc.constantFrom('张', '伟', '杯', 'a', 'Z', '1', ' ', ',', '"', '\n', '，', '-', '=', '+', '@', ';', '(', '#'), minLength: min, maxLength: 12 })
    .filter((s) => cleanCell(s).value === s && (min === 0 || s.length > 0));

const wall = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const yuan = (c: number) => (c / 100).toFixed(2);

const lineArb = fc.record({ title: text(1), spec: text(), sku: fc.stringMatching(/^[A-Z]{1,3}-\d{1,4}$/), qty: fc.integer({ min: 1, max: 99 }), price: fc.integer({ min: 0, max: 99_999 }) });
const orderArb = fc.record({
  place: fc.constantFrom(...PLACES),
  name: text(1),
  phone: fc.constantFrom(...PHONES),
  detail: text(1),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  shipping: fc.integer({ min: 0, max: 5000 }),
  discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
  paidAt: fc.integer({ min: 1_577_836_800, max: 1_893_456_000 }).map((s) => s * 1000),
  message: text(),
  memo: text()
});

type Generated = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;

function toOrder(no: string, g: Generated): Order {
  const lines = g.lines.map((l, i) => ({ lineNo: i + 1, platformSku: l.sku, sku: '', title: l.title, spec: l.spec, qty: l.qty, price: l.price }));
  const goodsTotal = lines.reduce((t, l) => t + l.qty * l.price, 0);
  const discount = Math.floor(goodsTotal * g.discountShare);
  const [province, city, district] = g.place;
  return {
    id: orderId('generic', 's', no),
    platform: 'generic',
    shopId: 's',
    orderNo: no,
    buyer: '',
    // Addresses are printed on one label line: the importer folds any run of whitespace into one space.
    recipient: { name: g.name, phone: g.phone, address: { province, city, district, detail: g.detail.replace(/\s+/g, ' ') } },
    lines,
    goodsTotal,
    shippingFee: g.shipping,
    discount,
    paid: goodsTotal + g.shipping - discount,
    paidAt: g.paidAt,
    buyerMessage: g.message,
    sellerMemo: g.memo,
    refund: 'none',
    presale: false
  };
}

const rowsOf = (o: Order, detail: string): string[][] =>
  o.lines.map((l) => {
    const a = o.recipient.address;
    return [o.orderNo, o.recipient.name, o.recipient.phone, a.province, a.city, a.district, detail, l.platformSku, l.title, l.spec, String(l.qty), yuan(l.price), yuan(o.shippingFee), yuan(o.paid), wall(o.paidAt), o.buyerMessage, o.sellerMemo];
  });

const filesArb = fc
  .uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,8}$/), { minLength: 1, maxLength: 8 })
  .chain((nos) => fc.tuple(fc.constant(nos), fc.array(orderArb, { minLength: nos.length, maxLength: nos.length }), fc.array(fc.boolean(), { minLength: nos.length, maxLength: nos.length }), fc.integer()));

function shuffle<T>(items: T[], seed: number): T[] {
  const a = items.slice();
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('import properties', () => {
  it('is idempotent: the same file twice gives the same orders, and the second import changes nothing', () => {
    fc.assert(
      fc.property(filesArb, ([nos, gens]) => {
        const orders = nos.map((no, i) => toOrder(no, gens[i]));
        const bytes = new TextEncoder().encode(toDelimited([HEAD, ...orders.flatMap((o, i) => rowsOf(o, gens[i].detail))]));
        const first = parseOrderFiles({ files: [{ name: 'p.csv', bytes }], shopId: 's' });
        const second = parseOrderFiles({ files: [{ name: 'p.csv', bytes: bytes.slice() }], shopId: 's' });
        expect(second).toEqual(first);
        expect(first.orders).toEqual(orders);
        const d = diffAgainst({ existing: new Map(first.orders.map((o) => [o.id, o])), incoming: second.orders, isPrinted: () => false });
        expect(d.unchanged).toHaveLength(orders.length);
      }),
      { numRuns: 60 }
    );
  });

  it('never loses or duplicates a valid line, however rows interleave and whichever orders carry a bad line', () => {
    fc.assert(
      fc.property(filesArb, ([nos, gens, broken, seed]) => {
        const orders = nos.map((no, i) => toOrder(no, gens[i]));
        const rows = orders.flatMap((o, i) => rowsOf(o, gens[i].detail).map((r, n) => (broken[i] && n === o.lines.length - 1 ? Object.assign(r.slice(), { 10: 'x' }) : r)));
        const mixed = shuffle(rows, seed);
        const result = parseOrderFiles({ files: [{ name: 'p.csv', bytes: new TextEncoder().encode(toDelimited([HEAD, ...mixed])) }], shopId: 's' });

        const key = (no: string, l: { platformSku: string; title: string; spec: string; qty: number; price: number }) => JSON.stringify([no, l.platformSku, l.title, l.spec, l.qty, l.price]);
        const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
        const want = count(orders.filter((_, i) => !broken[i]).flatMap((o) => o.lines.map((l) => key(o.orderNo, l))));
        const got = count(result.orders.flatMap((o) => o.lines.map((l) => key(o.orderNo, l))));
        expect(got).toEqual(want);

        const brokenNos = new Set(nos.filter((_, i) => broken[i]));
        expect(result.orders.every((o) => !brokenNos.has(o.orderNo))).toBe(true);
        const rejectedRows = new Set(result.rejected.map((r) => r.row));
        mixed.forEach((r, i) => expect(rejectedRows.has(i + 2)).toBe(brokenNos.has(r[0])));
      }),
      { numRuns: 80 }
    );
  });

  it('reads an exported list back cell for cell, in UTF-8 and in GBK', () => {
    const gbkSafe = (s: string) => encodeGbk(s).unencodable.length === 0;
    const cell = fc.oneof(fc.string(), fc.stringMatching(/^\d{10,20}$/), fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", '\t', '\r', '\n', '"', ',', '张', '1', ' ') }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('csv-utf8' as const, 'csv-gbk' as const), (rows, format) => {
        if (format === 'csv-gbk' && !rows.flat().every(gbkSafe)) return;
        const f = exportList({ headers: ['a', 'b', 'c'], rows, format, baseName: 'x' });
        const t = parseDelimited(decodeText(f.bytes).text);
        expect(t.rows.map((r) => r.map((v) => stripTextGuards(v).value))).toEqual(rows);
      }),
      { numRuns: 200 }
    );
  });
});
