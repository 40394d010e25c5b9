// What the mapping screen shows for each import field (Chinese and English labels), and which fields a
// saved mapping must cover before it can import anything: an order number, a recipient, a quantity, an
// address (combined, or split columns) and a time (payment or creation).
import type { ColumnMapping, ImportField } from './types';
import { formatImport, msg, type ImportText } from '../messages';

export const IMPORT_FIELD_LABELS: Record<ImportField, { zh: string; en: string }> = {
  orderNo: { zh: '订单号', en: 'Order number' },
  subOrderNo: { zh: '子订单号', en: 'Sub-order / item id' },
  shop: { zh: '店铺', en: 'Shop' },
  buyer: { zh: '买家', en: 'Buyer' },
  recipientName: { zh: '收件人', en: 'Recipient' },
  phone: { zh: '电话', en: 'Phone' },
  province: { zh: '省', en: 'Province / state' },
  city: { zh: '市', en: 'City' },
  district: { zh: '区/县', en: 'District' },
  street: { zh: '街道/镇', en: 'Street / town' },
  detail: { zh: '详细地址', en: 'Address line' },
  fullAddress: { zh: '完整地址（省市区+详细）', en: 'Full address' },
  postcode: { zh: '邮编', en: 'Postcode' },
  country: { zh: '国家', en: 'Country' },
  platformSku: { zh: '平台商品/SKU 编号', en: 'Platform SKU id' },
  outerSku: { zh: '商家编码', en: 'Seller SKU code' },
  title: { zh: '商品名称', en: 'Item title' },
  spec: { zh: '规格', en: 'Variant' },
  qty: { zh: '数量', en: 'Quantity' },
  price: { zh: '单价（元）', en: 'Unit price' },
  lineTotal: { zh: '商品行金额（元）', en: 'Line total' },
  goodsTotal: { zh: '商品总额（元）', en: 'Goods total' },
  shippingFee: { zh: '运费（元）', en: 'Shipping fee' },
  discount: { zh: '优惠（元）', en: 'Discount' },
  paid: { zh: '实付（元）', en: 'Amount paid' },
  refundAmount: { zh: '退款金额（元）', en: 'Refunded amount' },
  paidAt: { zh: '付款时间', en: 'Paid at' },
  createdAt: { zh: '下单时间', en: 'Created at' },
  buyerMessage: { zh: '买家留言', en: 'Buyer note' },
  sellerMemo: { zh: '卖家备注', en: 'Seller memo' },
  status: { zh: '订单状态', en: 'Order status' },
  payStatus: { zh: '付款状态', en: 'Payment status' },
  refundStatus: { zh: '售后/退款状态', en: 'Refund status' },
  cancelled: { zh: '取消时间/已取消', en: 'Cancelled' },
  presale: { zh: '预售', en: 'Pre-sale' },
  courier: { zh: '快递公司', en: 'Courier' },
  trackingNo: { zh: '快递单号', en: 'Tracking number' },
  ignore: { zh: '（忽略）', en: '(ignore)' }
};

/** What a mapping still lacks, as messages for the mapping screen (any language); empty when it can import. */
export function missingForMappingTexts(mapping: ColumnMapping): ImportText[] {
  const has = new Set(Object.values(mapping));
  const out: ImportText[] = [];
  if (!has.has('orderNo')) out.push(msg('mapping_order_no'));
  if (!has.has('recipientName')) out.push(msg('mapping_recipient'));
  if (!has.has('qty')) out.push(msg('mapping_qty'));
  if (!has.has('fullAddress') && !has.has('detail') && !has.has('province')) out.push(msg('mapping_address'));
  if (!has.has('paidAt') && !has.has('createdAt')) out.push(msg('mapping_time'));
  return out;
}

/** The same as Chinese sentences. */
export const missingForMapping = (mapping: ColumnMapping): string[] => missingForMappingTexts(mapping).map((t) => formatImport(t));
