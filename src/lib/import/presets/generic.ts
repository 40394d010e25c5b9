// Packdesk's own generic format, for sellers whose platform has no preset: one row per order line, order
// fields repeated (or left blank) on the order's other rows. Documented headers (Chinese or English, any
// order; only 订单号, 收件人, 数量 and either 完整地址 or 省/市/区/详细地址 are required):
//   订单号 order_no · 店铺 shop · 买家 buyer · 收件人 recipient · 手机 phone · 省 province · 市 city · 区 district
//   详细地址 address · 完整地址 full_address · 邮编 postcode · 平台SKU platform_sku · 商家编码 sku
//   商品名称 title · 规格 spec · 数量 qty · 单价 price (元) · 商品总额 goods_total · 运费 shipping_fee
//   优惠 discount · 实付 paid · 付款时间 paid_at (no zone = China time) · 订单状态 status · 退款状态 refund
//   预售 presale (是/否) · 买家留言 buyer_message · 卖家备注 seller_memo · 快递公司 courier · 快递单号 tracking_no
// UTF-8 (with or without BOM) or GBK, comma or tab separated, or XLSX.
import { col, type Preset } from './types';

export const GENERIC: Preset = {
  id: 'generic',
  platform: 'generic',
  label: '通用格式（打单台模板）',
  role: 'full',
  typicalEncoding: 'UTF-8',
  source: 'ours: documented in presets/generic.ts',
  columns: [
    col('orderNo', ['订单号', 'order_no']),
    col('shop', ['店铺', 'shop']),
    col('buyer', ['买家', 'buyer']),
    col('recipientName', ['收件人', 'recipient']),
    col('phone', ['手机', 'phone']),
    col('province', ['省', 'province']),
    col('city', ['市', 'city']),
    col('district', ['区', 'district']),
    col('detail', ['详细地址', 'address']),
    col('fullAddress', ['完整地址', 'full_address']),
    col('postcode', ['邮编', 'postcode']),
    col('platformSku', ['平台SKU', 'platform_sku']),
    col('outerSku', ['商家编码', 'sku']),
    col('title', ['商品名称', 'title']),
    col('spec', ['规格', 'spec']),
    col('qty', ['数量', 'qty']),
    col('price', ['单价', 'price']),
    col('goodsTotal', ['商品总额', 'goods_total']),
    col('shippingFee', ['运费', 'shipping_fee']),
    col('discount', ['优惠', 'discount']),
    col('paid', ['实付', 'paid']),
    col('paidAt', ['付款时间', 'paid_at']),
    col('status', ['订单状态', 'status']),
    col('refundStatus', ['退款状态', 'refund']),
    col('presale', ['预售', 'presale']),
    col('buyerMessage', ['买家留言', 'buyer_message']),
    col('sellerMemo', ['卖家备注', 'seller_memo']),
    col('courier', ['快递公司', 'courier']),
    col('trackingNo', ['快递单号', 'tracking_no'])
  ],
  signature: ['订单号', '收件人', '手机', '省', '市', '区', '详细地址', '商家编码', '商品名称', '规格', '数量', '单价', '付款时间']
};
