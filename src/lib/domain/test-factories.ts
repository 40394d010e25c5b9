// Small builders for domain tests: a valid Order with overridable fields, register entries and register maps,
// so each test states only what it is about.
import type { Order, OrderLine } from './schemas';
import type { StationEntry } from './registers';
import type { OrderRegisters } from './order-row';

export function makeOrder(over: Partial<Omit<Order, 'lines'>> & { lines?: Partial<OrderLine>[] } = {}): Order {
  const platform = over.platform ?? 'taobao';
  const shopId = over.shopId ?? 'tb-1';
  const orderNo = over.orderNo ?? '1000000000000000001';
  const lines: OrderLine[] = (over.lines ?? [{}]).map((l, i) => ({
    lineNo: i + 1,
    platformSku: `P${i + 1}`,
    sku: `SKU-1000${i + 1}`,
    title: '纯棉圆领短袖T恤',
    spec: '颜色分类:白色;尺码:L',
    qty: 1,
    price: 4990,
    ...l
  }));
  const goodsTotal = lines.reduce((s, l) => s + l.price * l.qty, 0);
  return {
    id: `${platform}:${shopId}:${orderNo}`,
    platform,
    shopId,
    orderNo,
    buyer: 'tb1234567890',
    recipient: {
      name: '张伟',
      phone: '138****1234',
      address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文一西路969号 3幢 1201室' }
    },
    goodsTotal,
    shippingFee: 0,
    discount: 0,
    paid: goodsTotal,
    paidAt: Date.UTC(2025, 10, 20, 12, 0, 0),
    buyerMessage: '',
    sellerMemo: '',
    refund: 'none',
    presale: false,
    ...over,
    lines
  };
}

export const entry = (station: string, at: number, v: unknown, by = 'u1'): StationEntry => ({ station, at, v, by });

/** Registers by field, e.g. `regs({ memo: [entry('A', 1, 'x')] })`. */
export const regs = (fields: Record<string, StationEntry[]>): OrderRegisters => new Map(Object.entries(fields));

/** Every ordering of `items` (Heap's algorithm); keep inputs small. */
export function permutations<T>(items: readonly T[]): T[][] {
  const a = [...items];
  const out: T[][] = [a.slice()];
  const c = new Array(a.length).fill(0);
  for (let i = 1; i < a.length; ) {
    if (c[i] < i) {
      const j = i % 2 ? c[i] : 0;
      [a[j], a[i]] = [a[i], a[j]];
      out.push(a.slice());
      c[i]++;
      i = 1;
    } else c[i++] = 0;
  }
  return out;
}
