import { beforeEach, describe, expect, it } from 'vitest';
import { OrderIndex, OrderQuery, rowMatcher } from './order-query';
import { toOrderRow, type OrderRow } from './order-row';
import type { Address } from './schemas';
import { entry, makeOrder, regs } from './test-factories';

const H = 3_600_000;
const T0 = Date.UTC(2025, 10, 20, 0, 0, 0);
const addr = (province: string, city: string, district: string): Address => ({ province, city, district, detail: '人民路1号' });

function fixtureRows(): OrderRow[] {
  const a = makeOrder({
    platform: 'taobao', shopId: 'tb-1', orderNo: '3000000000000000111', paidAt: T0 + 1 * H, courierId: 'zto', trackingNo: '73100000000001',
    recipient: { name: '张伟', phone: '138****1234', address: addr('浙江省', '杭州市', '西湖区') },
    lines: [{ sku: 'SKU-10001', price: 5000 }]
  });
  const b = makeOrder({
    platform: 'pdd', shopId: 'pdd-1', orderNo: '251120-000000000000222', paidAt: T0 + 2 * H,
    recipient: { name: '李娜', phone: '17012345678-0917', address: addr('广东省', '深圳市', '南山区') },
    lines: [{ sku: 'SKU-10002', price: 12000 }]
  });
  const c = makeOrder({
    platform: 'jd', shopId: 'jd-1', orderNo: '290000000333', paidAt: T0 + 3 * H, courierId: 'jd', trackingNo: 'JDVA00000000001',
    recipient: { name: '王芳', phone: '13900001111', address: addr('广东省', '广州市', '天河区') },
    lines: [{ sku: 'SKU-10003', price: 800 }]
  });
  const d = makeOrder({
    platform: 'taobao', shopId: 'tb-2', orderNo: '3000000000000000444', paidAt: T0 + 4 * H, refund: 'refunded', courierId: 'sf', trackingNo: 'SF1400000000004',
    recipient: { name: '赵敏', phone: '186****4444', address: addr('北京市', '北京市', '朝阳区') },
    lines: [{ sku: 'SKU-10004', price: 3000 }]
  });
  const e = makeOrder({
    platform: 'douyin', shopId: 'dy-1', orderNo: '6000000000000000555', paidAt: T0 + 5 * H,
    recipient: { name: '陈静', phone: '155****5555', address: addr('浙江省', '宁波市', '鄞州区') },
    lines: [{ sku: 'SKU-10005', price: 2000 }]
  });
  return [
    toOrderRow(a, 's', undefined),
    toOrderRow(b, 's', regs({ status: [entry('A', 1, 'printed')] })),
    toOrderRow(c, 's', regs({ hold: [entry('A', 1, true)] })),
    toOrderRow(d, 's', regs({ hold: [entry('B', 1, true)] })),
    toOrderRow(e, 's', regs({ status: [entry('A', 1, 'shipped')], priority: [entry('A', 1, 3)] }))
  ];
}

/** Recipient names in result order: one letter per fixture row, a=张伟 … e=陈静. */
const LETTER: Record<string, string> = { 张伟: 'a', 李娜: 'b', 王芳: 'c', 赵敏: 'd', 陈静: 'e' };

let index: OrderIndex;
const run = (q: OrderQuery, offset = 0, limit = 100) => index.query(q, offset, limit);
const letters = (q: OrderQuery) => run(q).rows.map((r) => LETTER[r.recipientName]).join('');

beforeEach(() => {
  index = new OrderIndex();
  index.upsert(fixtureRows());
});

describe('OrderIndex filters', () => {
  it('returns everything, newest paid first, by default', () => {
    expect(letters({})).toBe('edcba');
    expect(run({}).total).toBe(5);
  });

  it('filters by display status, with on_hold also catching held rows another flag outranks', () => {
    expect(letters({ statuses: ['printed'] })).toBe('b');
    expect(letters({ statuses: ['pending_audit'] })).toBe('a');
    expect(letters({ statuses: ['cancelled'] })).toBe('d');
    expect(letters({ statuses: ['on_hold'] })).toBe('dc');
    expect(letters({ statuses: ['shipped', 'printed'] })).toBe('eb');
  });

  it('filters by platform, shop, province and courier', () => {
    expect(letters({ platforms: ['taobao'] })).toBe('da');
    expect(letters({ shops: ['pdd-1', 'dy-1'] })).toBe('eb');
    expect(letters({ provinces: ['广东省'] })).toBe('cb');
    expect(letters({ couriers: ['zto', 'sf'] })).toBe('da');
    expect(letters({ couriers: [''] })).toBe('eb');
  });

  it('filters by paid range, both ends inclusive', () => {
    expect(letters({ paidFrom: T0 + 2 * H, paidTo: T0 + 4 * H })).toBe('dcb');
    expect(letters({ paidFrom: T0 + 4 * H + 1 })).toBe('e');
    expect(letters({ paidTo: T0 + 1 * H })).toBe('a');
  });

  it('combines filters with AND', () => {
    expect(letters({ provinces: ['浙江省'], platforms: ['douyin'] })).toBe('e');
    expect(letters({ provinces: ['浙江省'], platforms: ['jd'] })).toBe('');
  });
});

describe('OrderIndex search', () => {
  it('matches order number, name, phone tail, SKU and tracking number, case-insensitively', () => {
    expect(letters({ search: '000222' })).toBe('b');
    expect(letters({ search: '王芳' })).toBe('c');
    expect(letters({ search: '0917' })).toBe('b');
    expect(letters({ search: '4444' })).toBe('d');
    expect(letters({ search: 'sku-10005' })).toBe('e');
    expect(letters({ search: 'jdva00000000001' })).toBe('c');
  });

  it('requires every term to match and ignores extra whitespace', () => {
    expect(letters({ search: '  张伟   1234 ' })).toBe('a');
    expect(letters({ search: '张伟 0917' })).toBe('');
  });
});

describe('OrderIndex sorting and windows', () => {
  it('sorts ascending and descending by amount', () => {
    expect(letters({ sort: 'amount', desc: false })).toBe('cedab');
    expect(letters({ sort: 'amount', desc: true })).toBe('badec');
  });

  it('sorts by order number, priority and status', () => {
    expect(letters({ sort: 'orderNo', desc: false })).toBe('bcade');
    expect(run({ sort: 'priority' }).rows[0].recipientName).toBe('陈静');
    expect(letters({ sort: 'status', desc: false })).toBe('acdbe');
  });

  it('sorts Chinese names in pinyin order', () => {
    expect(letters({ sort: 'recipientName', desc: false })).toBe('ebcad');
  });

  it('pages through one result with offset and limit, keeping the total', () => {
    const page = run({ sort: 'paidAt' }, 1, 2);
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => LETTER[r.recipientName]).join('')).toBe('dc');
    expect(run({ sort: 'paidAt' }, 4, 10).rows).toHaveLength(1);
  });
});

describe('OrderIndex writes', () => {
  it('invalidates cached matches and sort orders on upsert', () => {
    expect(letters({ sort: 'amount' })).toBe('badec');
    const c = index.get('jd:jd-1:290000000333')!;
    index.upsert([{ ...c, amount: 99_999 }]);
    expect(letters({ sort: 'amount' })).toBe('cbade');
    expect(letters({ search: 'new-sku' })).toBe('');
    index.upsert([{ ...c, haystack: c.haystack + '\nnew-sku' }]);
    expect(letters({ search: 'new-sku' })).toBe('c');
  });

  it('drops removed rows from results and clear empties the index', () => {
    expect(run({}).total).toBe(5);
    index.remove(['jd:jd-1:290000000333']);
    expect(letters({})).toBe('edba');
    expect(index.size).toBe(4);
    index.clear();
    expect(run({}).total).toBe(0);
  });
});

describe('facets', () => {
  it('counts rows per display status, platform, shop, province and courier, most first', () => {
    const f = index.facets();
    expect(f.platforms).toEqual([
      { value: 'taobao', n: 2 },
      { value: 'pdd', n: 1 },
      { value: 'jd', n: 1 },
      { value: 'douyin', n: 1 }
    ]);
    expect(f.provinces.slice(0, 2)).toEqual([
      { value: '浙江省', n: 2 },
      { value: '广东省', n: 2 }
    ]);
    expect(Object.fromEntries(f.statuses.map((s) => [s.value, s.n]))).toEqual({ pending_audit: 1, printed: 1, on_hold: 1, cancelled: 1, shipped: 1 });
    expect(f.couriers[0]).toEqual({ value: '', n: 2 });
    expect(f.shops.reduce((n, s) => n + s.n, 0)).toBe(5);
  });

  it('follow edits, bulk writes and removals (a value nobody has left disappears from the menu)', () => {
    const rows = fixtureRows();
    index.upsert([{ ...rows[0], province: '江苏省', display: 'printed' }]);
    index.remove([rows[4].id]);
    index.upsert(rows.slice(1, 4).map((r) => ({ ...r, platform: 'kuaishou' })).concat(Array.from({ length: 40 }, (_, i) => ({ ...rows[1], id: `bulk-${i}`, platform: 'pdd' }))));
    const f = index.facets();
    expect(f.platforms).toEqual([
      { value: 'pdd', n: 40 },
      { value: 'kuaishou', n: 3 },
      { value: 'taobao', n: 1 }
    ]);
    expect(f.provinces.find((p) => p.value === '江苏省')?.n).toBe(1);
    expect(f.statuses.find((s) => s.value === 'shipped')).toBeUndefined();
    const fresh = new OrderIndex();
    fresh.upsert([...index.all()]);
    const byValue = (x: typeof f) => Object.fromEntries(Object.entries(x).map(([k, v]: [string, { value: string; n: number }[]]) => [k, Object.fromEntries(v.map((e) => [e.value, e.n]))]));
    expect(byValue(f)).toEqual(byValue(fresh.facets()));
  });
});

describe('rowMatcher', () => {
  it('applies the parsed defaults: an empty query matches every row', () => {
    const match = rowMatcher(OrderQuery.parse({}));
    expect(fixtureRows().every(match)).toBe(true);
  });
});

describe('OrderIndex kept current on small writes', () => {
  const demoRows = (n: number): OrderRow[] =>
    Array.from({ length: n }, (_, i) =>
      toOrderRow(
        makeOrder({ orderNo: `N${(i * 7919) % 1000}`, paidAt: 1_700_000_000_000 + ((i * 104729) % 5000) * 1000, recipient: { name: ['张三', '李四', '王五', '赵六'][i % 4] + i, phone: '13800000000', address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: 'x' } } }),
        's',
        undefined
      )
    );

  it('answers every sort exactly as a freshly built index after edits, inserts and removals', () => {
    const rows = demoRows(300);
    const live = new OrderIndex();
    live.upsert(rows);
    const keys = ['paidAt', 'amount', 'orderNo', 'recipientName', 'priority', 'status'] as const;
    for (const sort of keys) live.query({ sort }, 0, 1); // build every sort cache
    let state = new Map(rows.map((r) => [r.id, r]));
    for (let step = 0; step < 60; step++) {
      const victim = rows[(step * 37) % rows.length];
      const edited: OrderRow = { ...state.get(victim.id)!, priority: step % 4, paidAt: victim.paidAt + step * 13, recipientName: `改${step}` };
      live.upsert([edited]);
      state.set(edited.id, edited);
      if (step % 10 === 0) {
        const gone = rows[(step * 11) % rows.length].id;
        live.remove([gone]);
        state.delete(gone);
      }
    }
    const fresh = new OrderIndex();
    fresh.upsert([...state.values()]);
    for (const sort of keys)
      for (const desc of [true, false]) {
        const a = live.query({ sort, desc }, 0, 1000).rows.map((r) => r.id);
        const b = fresh.query({ sort, desc }, 0, 1000).rows.map((r) => r.id);
        expect(a, `${sort} ${desc ? 'desc' : 'asc'}`).toEqual(b);
      }
  });

  it('merges a bulk batch (an import chunk: new orders and changed ones) into every cached order', () => {
    const rows = demoRows(400);
    const live = new OrderIndex();
    live.upsert(rows.slice(0, 250));
    const keys = ['paidAt', 'amount', 'orderNo', 'recipientName', 'priority', 'status'] as const;
    for (const sort of keys) live.query({ sort }, 0, 1);
    // 150 new rows and 100 changed ones in one write, the changed ones moving in every sort order.
    const changed = rows.slice(0, 100).map((r, i) => ({ ...r, priority: i % 4, paidAt: r.paidAt - i * 997, recipientName: `批${i}`, orderNo: `Z${i}` }));
    live.upsert([...rows.slice(250), ...changed]);
    const fresh = new OrderIndex();
    fresh.upsert([...changed, ...rows.slice(100)]);
    expect(live.size).toBe(400);
    for (const sort of keys)
      for (const desc of [true, false]) {
        const a = live.query({ sort, desc }, 0, 1000).rows.map((r) => r.id);
        const b = fresh.query({ sort, desc }, 0, 1000).rows.map((r) => r.id);
        expect(a, `${sort} ${desc ? 'desc' : 'asc'}`).toEqual(b);
      }
  });
});

describe('searching while typing', () => {
  it('gives the same rows whether each keystroke narrows the last answer or the index is asked afresh', () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      toOrderRow(
        makeOrder({ orderNo: `${(i * 7919) % 100000}`, recipient: { name: `收件人${i % 37}`, phone: `1380000${String((i * 31) % 10000).padStart(4, '0')}`, address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: 'x' } } }),
        's',
        undefined
      )
    );
    const typing = new OrderIndex();
    typing.upsert(rows);
    for (const text of ['1', '13', '138', '1380', '13800', '13800 3', '13800 31', '收', '收件人1', '收件人1 2']) {
      const fresh = new OrderIndex();
      fresh.upsert(rows);
      const q = { search: text, provinces: ['浙江省'] };
      expect(typing.query(q, 0, 500).rows.map((r) => r.id), text).toEqual(fresh.query(q, 0, 500).rows.map((r) => r.id));
    }
  });
});
