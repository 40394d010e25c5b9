// Fixed print contexts for tests and golden files: one waybill shipment with Chinese text everywhere it
// matters, a long shipment that continues onto a second label, a SKU and a pick batch. Written out by hand
// (not generated) so the golden bytes change only when printing changes.
import type { Order, Shop, Sku } from '../domain/schemas';
import type { PrintContext } from './fields';
import { aggregatePickList } from './pick-list';
import { ean13CheckDigit } from './symbologies';

const ean = (first12: string): string => first12 + ean13CheckDigit(first12);

export const FIXTURE_SKUS: Sku[] = [
  { code: 'SKU-10001', barcodes: [ean('692345600001')], name: '纯棉圆领短袖T恤', spec: '颜色:白色;尺码:L', weight: 210, location: 'A-03-07', price: 5990 },
  { code: 'SKU-10002', barcodes: [ean('692345600002')], name: '北欧风陶瓷马克杯 350ml', spec: '颜色:雾蓝', weight: 420, location: 'C-11-02', price: 3590 },
  { code: 'SKU-10003', barcodes: [ean('692345600003')], name: 'Type-C编织数据线', spec: '颜色:黑色;长度:1米', weight: 60, location: 'D-02-15', price: 2590 }
];

export const FIXTURE_SHOP: Shop = {
  id: 'tb-xiaolu',
  platform: 'taobao',
  name: '小鹿家居生活馆',
  sender: { name: '小鹿家居', phone: '13912345678', address: { province: '浙江省', city: '杭州市', district: '余杭区', detail: '仓前街道良睦路1399号 3号仓库' } }
};

export function fixtureOrder(lineCount = 3): Order {
  const base = [
    { title: '纯棉圆领短袖T恤', spec: '颜色分类:白色;尺码:L', sku: 'SKU-10001', qty: 2, price: 5990 },
    { title: '北欧风陶瓷马克杯 350ml', spec: '颜色:雾蓝', sku: 'SKU-10002', qty: 1, price: 3590 },
    { title: 'Type-C编织数据线', spec: '黑色 1米', sku: 'SKU-10003', qty: 1, price: 2590 }
  ];
  const lines = Array.from({ length: lineCount }, (_, i) => ({ ...base[i % 3], lineNo: i + 1, platformSku: `5${String(100000000000 + i)}` }));
  const goods = lines.reduce((s, l) => s + l.qty * l.price, 0);
  return {
    id: 'taobao:tb-xiaolu:2345678901234567890',
    platform: 'taobao',
    shopId: 'tb-xiaolu',
    orderNo: '2345678901234567890',
    buyer: 'tb_xiaoming88',
    recipient: { name: '张伟', phone: '13812345678', address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文一西路969号 3幢1201室（前台代收）' } },
    lines,
    goodsTotal: goods,
    shippingFee: 0,
    discount: 500,
    paid: goods - 500,
    paidAt: Date.UTC(2025, 10, 20, 12, 5),
    buyerMessage: '请尽快发货，谢谢！',
    sellerMemo: '送小礼品 "杯垫"',
    refund: 'none',
    presale: false
  };
}

export function fixtureContext(opts: { lines?: number } = {}): PrintContext {
  const order = fixtureOrder(opts.lines);
  return {
    printedAt: Date.UTC(2025, 10, 21, 6, 30),
    station: { id: 'st-01', name: '打包台1' },
    shipment: { id: 'shp-7f3a', parts: order.lines.map((l) => ({ orderId: order.id, lineNo: l.lineNo, qty: l.qty })), warehouseId: 'wh-hz', expectedWeight: 1250, mergedFrom: [] },
    orders: [order],
    shop: FIXTURE_SHOP,
    courier: { id: 'sf', name: '顺丰速运', nameEn: 'SF Express' },
    trackingNo: 'SF1412345678901',
    routing: { bigPen: '杭州西湖', sortCode: '571-W-018', hub: '杭州中转场' },
    weightGrams: 1180,
    skus: new Map(FIXTURE_SKUS.map((s) => [s.code, s])),
    sku: FIXTURE_SKUS[0]
  };
}

export function fixturePickContext(): PrintContext {
  const ctx = fixtureContext();
  const order = ctx.orders![0];
  const second: Order = { ...order, id: 'taobao:tb-xiaolu:2345678901234567891', orderNo: '2345678901234567891', lines: order.lines.slice(0, 2) };
  const shipments = [ctx.shipment!, { ...ctx.shipment!, id: 'shp-7f3b', parts: second.lines.map((l) => ({ orderId: second.id, lineNo: l.lineNo, qty: l.qty })) }];
  return { ...ctx, batch: aggregatePickList({ id: 'PK20251121-01', shipments, orders: [order, second], skus: FIXTURE_SKUS }) };
}
