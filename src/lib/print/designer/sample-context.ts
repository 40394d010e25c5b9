// The sample shipment the designer previews with when the station has no order to show (a fresh station,
// an empty list): every field a template can bind has a plausible Chinese value, including routing codes,
// a SKU for SKU labels and a pick batch for pick lists, so each built-in template previews fully.
import type { Order, Shop, Sku } from '../../domain/schemas';
import type { PrintContext } from '../fields';
import { aggregatePickList } from '../pick-list';
import { ean13CheckDigit } from '../symbologies';

const ean = (first12: string): string => first12 + ean13CheckDigit(first12);

const SKUS: Sku[] = [
  { code: 'SKU-20001', barcodes: [ean('692345600101')], name: '加厚纯棉毛巾', spec: '颜色:米白;规格:70×140cm', weight: 380, location: 'A-02-05', price: 3990 },
  { code: 'SKU-20002', barcodes: [ean('692345600102')], name: '不锈钢保温杯 500ml', spec: '颜色:墨绿', weight: 320, location: 'B-07-11', price: 6900 }
];

const SHOP: Shop = {
  id: 'sample-shop',
  platform: 'taobao',
  name: '示例旗舰店',
  sender: { name: '示例仓', phone: '13900001111', address: { province: '浙江省', city: '杭州市', district: '余杭区', detail: '仓前街道文一西路1号 2号仓库' } }
};

function sampleOrder(): Order {
  const lines = [
    { lineNo: 1, platformSku: '5100000000001', sku: 'SKU-20001', title: '加厚纯棉毛巾', spec: '米白 70×140cm', qty: 2, price: 3990 },
    { lineNo: 2, platformSku: '5100000000002', sku: 'SKU-20002', title: '不锈钢保温杯 500ml', spec: '墨绿', qty: 1, price: 6900 }
  ];
  const goods = lines.reduce((s, l) => s + l.qty * l.price, 0);
  return {
    id: 'taobao:sample-shop:3100000000000000001',
    platform: 'taobao',
    shopId: SHOP.id,
    orderNo: '3100000000000000001',
    buyer: 'sample_buyer',
    recipient: { name: '李娜', phone: '13800002222', address: { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园南区深南大道10000号 A座1201' } },
    lines,
    goodsTotal: goods,
    shippingFee: 0,
    discount: 0,
    paid: goods,
    paidAt: Date.UTC(2025, 10, 20, 4, 0),
    buyerMessage: '麻烦包装结实一点',
    sellerMemo: '示例备注',
    refund: 'none',
    presale: false
  };
}

export function sampleContext(opts: { printedAt: number; station: { id: string; name: string } }): PrintContext {
  const order = sampleOrder();
  const shipment = { id: 'sample-shipment', parts: order.lines.map((l) => ({ orderId: order.id, lineNo: l.lineNo, qty: l.qty })), warehouseId: 'sample-wh', expectedWeight: 1080, mergedFrom: [] };
  return {
    printedAt: opts.printedAt,
    station: opts.station,
    timeZoneOffsetMinutes: 480,
    shipment,
    orders: [order],
    shop: SHOP,
    courier: { id: 'zto', name: '中通快递', nameEn: 'ZTO Express' },
    trackingNo: '73100000000001',
    routing: { bigPen: '深圳南山', sortCode: '755-A12-03', hub: '深圳转运中心' },
    weightGrams: 1100,
    skus: new Map(SKUS.map((s) => [s.code, s])),
    sku: SKUS[0],
    batch: aggregatePickList({ id: 'PK-SAMPLE-01', shipments: [shipment], orders: [order], skus: SKUS })
  };
}
