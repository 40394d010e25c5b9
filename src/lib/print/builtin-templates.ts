// The templates every station starts with: Chinese e-waybills (76×130 一联单, 100×180 二联单, 100×150 4×6),
// pick lists (A4 and 80 mm roll), packing slips (A5 and 80 mm roll) and SKU barcode labels (40×30, 50×30).
// Sizes are chosen for the printers' built-in Chinese fonts at 203 dpi: 2 mm = 16 dots (TSS16), 3 mm = 24
// dots (TSS24), 4/6/9/12 mm their magnifications. Receipt templates are 72 mm wide: the printable width of
// 80 mm paper. Waybills require a tracking number, so a shipment without one is refused, not printed blank.
import { Template, type ElementInput, type TemplateInput } from './template';

const text = (id: string, x: number, y: number, w: number, h: number, value: string, fontSize: number, more: Partial<Extract<ElementInput, { type: 'text' }>> = {}): ElementInput => ({
  type: 'text',
  id,
  x,
  y,
  w,
  h,
  value,
  fontSize,
  ...more
});
const hline = (id: string, x: number, y: number, length: number, more: Partial<Extract<ElementInput, { type: 'line' }>> = {}): ElementInput => ({
  type: 'line',
  id,
  x,
  y,
  length,
  thickness: 0.25,
  ...more
});

/** Recipient and sender blocks with the 收/寄 marks, shared by the waybills. */
function parties(x: number, y: number, w: number): ElementInput[] {
  const body = w - 10;
  return [
    text('recipient-mark', x, y + 1, 8, 8, '收', 6, { bold: true }),
    text('recipient-name', x + 10, y, body, 5, '{recipient.name} {recipient.phone}', 4, { bold: true, shrinkToFit: true, minFontSize: 3 }),
    text('recipient-address', x + 10, y + 5.5, body, 14, '{recipient.address}', 3, { wrap: true, maxLines: 3, shrinkToFit: true, minFontSize: 2 }),
    hline('parties-rule', x, y + 20.5, w),
    text('sender-mark', x, y + 22, 8, 8, '寄', 6, { bold: true }),
    text('sender-name', x + 10, y + 21.5, body, 3.5, '{sender.name} {sender.phone}', 3),
    text('sender-address', x + 10, y + 25.5, body, 6, '{sender.address}', 2, { wrap: true, maxLines: 2 })
  ];
}

const waybill100x150: TemplateInput = {
  id: 'builtin:waybill-100x150',
  name: '电子面单 100×150 (4×6)',
  kind: 'waybill',
  size: { width: 100, height: 150 },
  media: { kind: 'gap', gap: 2 },
  requires: ['trackingNo'],
  elements: [
    text('courier', 4, 2.5, 44, 7, '{courier.name}', 6, { bold: true, pages: 'first' }),
    text('print-time', 50, 2.5, 46, 3, '{print.time}', 2, { align: 'right', pages: 'first' }),
    text('order-no-top', 50, 6, 46, 3, '{order.no}', 2, { align: 'right', pages: 'first' }),
    text('continued', 4, 2.5, 92, 4, '续页 {trackingNo} {recipient.name}', 3, { pages: 'rest' }),
    hline('rule-top', 0, 11.5, 100),
    text('big-pen', 4, 13, 92, 14, '{routing.bigPen}', 12, { bold: true, align: 'center', shrinkToFit: true, minFontSize: 6, pages: 'first' }),
    hline('rule-big-pen', 0, 28, 100, { pages: 'first' }),
    text('sort-code', 4, 29.5, 58, 7, '{routing.sortCode}', 6, { bold: true, pages: 'first' }),
    text('hub', 62, 30.5, 34, 4, '{routing.hub}', 3, { align: 'right', shrinkToFit: true, pages: 'first' }),
    hline('rule-routing', 0, 38, 100, { pages: 'first' }),
    { type: 'barcode', id: 'tracking-barcode', x: 2, y: 39.5, w: 96, h: 25, symbology: 'code128', value: '{trackingNo}', hriFontSize: 3, pages: 'first' },
    hline('rule-barcode', 0, 66, 100, { pages: 'first' }),
    ...parties(4, 67.5, 92).map((e) => ({ ...e, pages: 'first' as const })),
    hline('rule-parties', 0, 101.5, 100, { pages: 'first' }),
    {
      type: 'table',
      id: 'items',
      x: 4,
      y: 102.5,
      w: 92,
      h: 29,
      source: 'items',
      fontSize: 2,
      rowHeight: 3.5,
      headerBold: false,
      columns: [
        { header: '商品', value: '{row.title}', width: 52 },
        { header: '规格', value: '{row.spec}', width: 28 },
        { header: '数量', value: '{row.qty}', width: 12, align: 'right' }
      ],
      continuation: { y: 8, h: 124 }
    },
    hline('rule-items', 0, 132.5, 100),
    text('order-no', 4, 134, 64, 3, '订单 {order.no}', 2),
    text('counts', 4, 137.5, 64, 3, '共{items.qty}件 {weight}', 2),
    text('memo', 4, 141, 64, 6, '{order.sellerMemo}', 2, { wrap: true, maxLines: 2 }),
    text('page', 4, 146.5, 30, 2.5, '{page.number}/{page.count}', 2),
    { type: 'qr', id: 'tracking-qr', x: 76, y: 133, size: 17, value: '{trackingNo}', ecc: 'M' }
  ]
};

const waybill76x130: TemplateInput = {
  id: 'builtin:waybill-76x130',
  name: '电子面单 76×130 一联单',
  kind: 'waybill',
  size: { width: 76, height: 130 },
  media: { kind: 'gap', gap: 2 },
  requires: ['trackingNo'],
  elements: [
    text('courier', 3, 2, 34, 7, '{courier.name}', 6, { bold: true }),
    text('print-time', 38, 2, 35, 3, '{print.time}', 2, { align: 'right' }),
    text('order-no-top', 38, 5.5, 35, 3, '{order.no}', 2, { align: 'right' }),
    hline('rule-top', 0, 10, 76),
    text('big-pen', 3, 11, 70, 11, '{routing.bigPen}', 9, { bold: true, align: 'center', shrinkToFit: true, minFontSize: 4 }),
    hline('rule-big-pen', 0, 23, 76),
    text('sort-code', 3, 24, 44, 7, '{routing.sortCode}', 6, { bold: true, shrinkToFit: true }),
    text('hub', 47, 25, 26, 4, '{routing.hub}', 3, { align: 'right', shrinkToFit: true, minFontSize: 2 }),
    hline('rule-routing', 0, 32, 76),
    { type: 'barcode', id: 'tracking-barcode', x: 1, y: 33, w: 74, h: 21, symbology: 'code128', value: '{trackingNo}', hriFontSize: 3 },
    hline('rule-barcode', 0, 55, 76),
    ...parties(3, 56, 70),
    hline('rule-parties', 0, 89, 76),
    text('items', 3, 90.5, 70, 12, '{items.summary}', 2, { wrap: true, maxLines: 4 }),
    text('counts', 3, 103, 50, 3, '共{items.qty}件 {weight}', 2),
    hline('rule-items', 0, 107, 76),
    text('order-no', 3, 108.5, 50, 3, '订单 {order.no}', 2),
    text('memo', 3, 112, 50, 9, '{order.sellerMemo}', 2, { wrap: true, maxLines: 3 }),
    text('station', 3, 125, 50, 3, '{station.name}', 2),
    { type: 'qr', id: 'tracking-qr', x: 55, y: 108, size: 19, value: '{trackingNo}', ecc: 'M' }
  ]
};

const waybill100x180: TemplateInput = {
  id: 'builtin:waybill-100x180',
  name: '电子面单 100×180 二联单',
  kind: 'waybill',
  size: { width: 100, height: 180 },
  media: { kind: 'gap', gap: 2 },
  requires: ['trackingNo'],
  elements: [
    text('courier', 4, 2.5, 44, 7, '{courier.name}', 6, { bold: true }),
    text('print-time', 50, 2.5, 46, 3, '{print.time}', 2, { align: 'right' }),
    text('order-no-top', 50, 6, 46, 3, '{order.no}', 2, { align: 'right' }),
    hline('rule-top', 0, 11.5, 100),
    text('big-pen', 4, 13, 92, 14, '{routing.bigPen}', 12, { bold: true, align: 'center', shrinkToFit: true, minFontSize: 6 }),
    hline('rule-big-pen', 0, 28, 100),
    text('sort-code', 4, 29.5, 58, 7, '{routing.sortCode}', 6, { bold: true }),
    text('hub', 62, 30.5, 34, 4, '{routing.hub}', 3, { align: 'right', shrinkToFit: true }),
    hline('rule-routing', 0, 38, 100),
    { type: 'barcode', id: 'tracking-barcode', x: 2, y: 39.5, w: 96, h: 25, symbology: 'code128', value: '{trackingNo}', hriFontSize: 3 },
    hline('rule-barcode', 0, 66, 100),
    ...parties(4, 67.5, 92),
    hline('rule-parties', 0, 101.5, 100),
    text('items', 4, 103, 92, 6, '{items.summary}', 2, { wrap: true, maxLines: 2 }),
    text('signature', 4, 110, 92, 3, '签收人：            时间：', 2),
    // The recipient's copy (收件联), below the perforation.
    { type: 'line', id: 'perforation', x: 0, y: 114, length: 100, thickness: 0.5 },
    { type: 'barcode', id: 'copy-barcode', x: 2, y: 116, w: 62, h: 15, symbology: 'code128', value: '{trackingNo}', hriFontSize: 2 },
    { type: 'qr', id: 'copy-qr', x: 76, y: 115, size: 18, value: '{trackingNo}', ecc: 'M' },
    text('copy-recipient', 4, 134, 92, 3, '收 {recipient.name} {recipient.phone}', 2),
    text('copy-address', 4, 137.5, 92, 6, '{recipient.address}', 2, { wrap: true, maxLines: 2 }),
    text('copy-sender', 4, 144.5, 92, 3, '寄 {sender.name} {sender.phone}', 2),
    hline('copy-rule', 0, 148.5, 100),
    text('copy-items', 4, 150, 92, 18, '{items.summary}', 2, { wrap: true, maxLines: 5 }),
    text('copy-counts', 4, 170, 60, 3, '共{items.qty}件 {weight} 订单 {order.no}', 2),
    text('copy-memo', 4, 174, 92, 3, '{order.buyerMessage}', 2)
  ]
};

const pickListA4: TemplateInput = {
  id: 'builtin:pick-list-a4',
  name: '拣货单 A4',
  kind: 'pick-list',
  size: { width: 210, height: 297 },
  media: { kind: 'gap', gap: 0 },
  elements: [
    text('title', 10, 10, 100, 8, '拣货单', 6, { bold: true, pages: 'first' }),
    text('title-rest', 10, 10, 120, 5, '拣货单 {batch.id}（续）', 3, { pages: 'rest' }),
    text('print-time', 120, 10, 80, 4, '{print.time}', 3, { align: 'right' }),
    text('summary', 10, 20, 190, 4, '批次 {batch.id}  包裹 {batch.shipments}  SKU {batch.skus}  件数 {batch.qty}', 3, { pages: 'first' }),
    {
      type: 'table',
      id: 'rows',
      x: 10,
      y: 27,
      w: 190,
      h: 252,
      source: 'pickRows',
      fontSize: 3,
      rowHeight: 6,
      borders: 'grid',
      columns: [
        { header: '序', value: '{row.index}', width: 12, align: 'center' },
        { header: '库位', value: '{row.location}', width: 28 },
        { header: '商品编码', value: '{row.sku}', width: 30 },
        { header: '名称', value: '{row.name}', width: 62 },
        { header: '规格', value: '{row.spec}', width: 34 },
        { header: '数量', value: '{row.qty}', width: 14, align: 'right' },
        { header: '单', value: '{row.shipments}', width: 10, align: 'right' }
      ],
      continuation: { y: 18, h: 261 }
    },
    text('page', 10, 285, 190, 4, '第 {page.number}/{page.count} 页  {station.name}', 3, { align: 'center' })
  ]
};

const pickList80: TemplateInput = {
  id: 'builtin:pick-list-80mm',
  name: '拣货单 80mm 小票',
  kind: 'pick-list',
  size: { width: 72, height: 40 },
  media: { kind: 'continuous' },
  elements: [
    text('title', 0, 1, 72, 6, '拣货单', 6, { bold: true, align: 'center' }),
    text('batch', 0, 8, 72, 3, '批次 {batch.id}', 3),
    text('summary', 0, 11.5, 72, 3, '包裹{batch.shipments} SKU{batch.skus} 件数{batch.qty}', 3),
    text('print-time', 0, 15, 72, 3, '{print.time}', 3),
    hline('rule-head', 0, 19, 72),
    {
      type: 'table',
      id: 'rows',
      x: 0,
      y: 20,
      w: 72,
      h: 8,
      source: 'pickRows',
      fontSize: 3,
      rowHeight: 4,
      borders: 'none',
      columns: [
        { header: '库位', value: '{row.location}', width: 18 },
        { header: '商品', value: '{row.name} {row.spec}', width: 42 },
        { header: '数量', value: '{row.qty}', width: 12, align: 'right' }
      ]
    },
    hline('rule-foot', 0, 28.5, 72),
    text('total', 0, 29.5, 72, 3, '合计 {batch.qty} 件', 3, { align: 'right' }),
    text('station', 0, 33, 72, 3, '{station.name}', 3)
  ]
};

const packingSlipA5: TemplateInput = {
  id: 'builtin:packing-slip-a5',
  name: '发货单 A5',
  kind: 'packing-slip',
  size: { width: 148, height: 210 },
  media: { kind: 'gap', gap: 0 },
  elements: [
    text('title', 8, 8, 60, 8, '发货单', 6, { bold: true }),
    text('shop', 70, 9, 70, 6, '{shop.name}', 4, { align: 'right', shrinkToFit: true }),
    text('orders', 8, 18, 132, 4, '订单号 {order.nos}', 3, { shrinkToFit: true, minFontSize: 2 }),
    text('paid-at', 8, 23, 66, 4, '付款 {order.paidAt}', 3, { pages: 'first' }),
    text('print-time', 74, 23, 66, 4, '打印 {print.time}', 3, { align: 'right' }),
    text('recipient', 8, 29, 132, 4, '收件人 {recipient.name} {recipient.phone|mask-phone}', 3, { pages: 'first' }),
    text('address', 8, 33.5, 132, 8, '{recipient.address}', 3, { wrap: true, maxLines: 2, pages: 'first' }),
    {
      type: 'table',
      id: 'items',
      x: 8,
      y: 43,
      w: 132,
      h: 120,
      source: 'items',
      fontSize: 3,
      rowHeight: 6,
      borders: 'grid',
      columns: [
        { header: '#', value: '{row.index}', width: 8, align: 'center' },
        { header: '商品', value: '{row.title}', width: 62 },
        { header: '规格', value: '{row.spec}', width: 36 },
        { header: '单价', value: '{row.price|yuan}', width: 14, align: 'right' },
        { header: '数量', value: '{row.qty}', width: 12, align: 'right' }
      ],
      continuation: { y: 29, h: 134 }
    },
    text('total', 8, 166, 132, 5, '共 {items.qty} 件  实付 ￥{order.paid}', 4, { align: 'right' }),
    text('message', 8, 173, 132, 12, '买家留言：{order.buyerMessage|default:无}', 3, { wrap: true, maxLines: 3 }),
    text('thanks', 8, 196, 132, 4, '感谢您的惠顾！', 3, { align: 'center' }),
    text('page', 110, 202, 30, 3, '{page.number}/{page.count}', 2, { align: 'right' })
  ]
};

const packingSlip80: TemplateInput = {
  id: 'builtin:packing-slip-80mm',
  name: '发货单 80mm 小票',
  kind: 'packing-slip',
  size: { width: 72, height: 70 },
  media: { kind: 'continuous' },
  elements: [
    text('title', 0, 1, 72, 6, '发货单', 6, { bold: true, align: 'center' }),
    text('shop', 0, 8, 72, 3, '{shop.name}', 3, { align: 'center' }),
    text('order', 0, 12, 72, 3, '订单 {order.no}', 3, { shrinkToFit: true, minFontSize: 3 }),
    text('recipient', 0, 15.5, 72, 3, '收件人 {recipient.name} {recipient.phone|mask-phone}', 3),
    text('print-time', 0, 19, 72, 3, '{print.time}', 3),
    hline('rule-head', 0, 23, 72),
    {
      type: 'table',
      id: 'items',
      x: 0,
      y: 24,
      w: 72,
      h: 8,
      source: 'items',
      fontSize: 3,
      rowHeight: 4,
      borders: 'none',
      columns: [
        { header: '商品', value: '{row.title} {row.spec}', width: 48 },
        { header: '数量', value: '×{row.qty}', width: 10, align: 'right' },
        { header: '单价', value: '{row.price|yuan}', width: 14, align: 'right' }
      ]
    },
    hline('rule-foot', 0, 32.5, 72),
    text('total', 0, 33.5, 72, 3, '共{items.qty}件 实付￥{order.paid}', 3, { align: 'right' }),
    text('message', 0, 37, 72, 6, '留言：{order.buyerMessage|default:无}', 3, { wrap: true, maxLines: 2 }),
    { type: 'qr', id: 'order-qr', x: 24, y: 43.5, size: 24, value: '{order.no}', ecc: 'M' }
  ]
};

const skuLabel40x30: TemplateInput = {
  id: 'builtin:sku-40x30',
  name: '商品条码 40×30',
  kind: 'sku-label',
  size: { width: 40, height: 30 },
  media: { kind: 'gap', gap: 2 },
  requires: ['sku.barcode'],
  elements: [
    text('name', 2, 1.5, 36, 6.5, '{sku.name}', 3, { wrap: true, maxLines: 2, shrinkToFit: true, minFontSize: 2 }),
    text('spec', 2, 8.5, 36, 2.5, '{sku.spec}', 2, { shrinkToFit: true }),
    { type: 'barcode', id: 'barcode', x: 1, y: 11.5, w: 38, h: 14, symbology: 'ean13', value: '{sku.barcode}', hriFontSize: 2 },
    text('code', 2, 26.5, 20, 2.5, '{sku.code}', 2),
    text('location', 20, 26.5, 18, 2.5, '{sku.location}', 2, { align: 'right' })
  ]
};

const skuLabel50x30: TemplateInput = {
  id: 'builtin:sku-50x30',
  name: '商品条码 50×30',
  kind: 'sku-label',
  size: { width: 50, height: 30 },
  media: { kind: 'gap', gap: 2 },
  requires: ['sku.barcode'],
  elements: [
    text('name', 2, 1.5, 46, 6.5, '{sku.name}', 3, { wrap: true, maxLines: 2, shrinkToFit: true, minFontSize: 2 }),
    text('spec', 2, 8.5, 32, 2.5, '{sku.spec}', 2, { shrinkToFit: true }),
    text('price', 34, 8, 14, 3, '￥{sku.price}', 3, { align: 'right', bold: true }),
    { type: 'barcode', id: 'barcode', x: 1, y: 11.5, w: 48, h: 14, symbology: 'code128', value: '{sku.barcode}', hriFontSize: 2 },
    text('code', 2, 26.5, 24, 2.5, '{sku.code}', 2),
    text('location', 26, 26.5, 22, 2.5, '{sku.location}', 2, { align: 'right' })
  ]
};

export const BUILTIN_TEMPLATES: readonly Template[] = [
  waybill76x130,
  waybill100x180,
  waybill100x150,
  pickListA4,
  pickList80,
  packingSlipA5,
  packingSlip80,
  skuLabel40x30,
  skuLabel50x30
].map((t) => Template.parse(t));

export function builtinTemplate(id: string): Template {
  const t = BUILTIN_TEMPLATES.find((x) => x.id === id || x.id === `builtin:${id}`);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
}
