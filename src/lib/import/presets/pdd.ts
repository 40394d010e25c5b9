// 拼多多 商家后台 → 订单查询 → 导出 (CSV, UTF-8 with BOM or GBK by version; one row per order, one SKU each).
// Confirmed against several public scripts and an EasyExcel import model that list the export's columns:
// 订单号, 订单状态, 商品, 商品id, 样式ID, 商品规格, 商品数量(件), 商品总价(元), 邮费(元), 店铺优惠折扣(元),
// 平台优惠折扣(元), 多多支付立减金额(元), 用户实付金额(元), 商家实收金额(元), 支付时间, 订单成交时间,
// 商家编码-规格维度, 商家编码-商品维度, 商家备注, 买家留言, 售后状态, 快递单号, 快递公司, 省, 市, 区, 街道/镇.
// Current exports withhold the recipient (name, phone, street address are encrypted and only printed through
// PDD's own waybill service): 收货人/手机/详细地址 are assumed names from older exports; when absent the order is
// imported with a `recipient_hidden` flag. 用户实付 = 商品总价 + 邮费 - the three discounts, so they add up.
import { col, type Preset } from './types';

export const PDD: Preset = {
  id: 'pdd',
  platform: 'pdd',
  label: '拼多多 订单导出',
  role: 'full',
  recipientMayBeHidden: true,
  typicalEncoding: 'UTF-8 (BOM) / GBK',
  source: 'confirmed: public PDD export readers (column lists incl. 商家编码-规格维度, 街道/镇); assumed: 收货人, 手机, 详细地址',
  columns: [
    col('orderNo', '订单号'),
    col('status', '订单状态'),
    col('title', ['商品', '商品名称']),
    col('platformSku', '样式ID'),
    col('outerSku', '商家编码-规格维度'),
    col('outerSku', '商家编码-商品维度'),
    col('spec', '商品规格'),
    col('qty', '商品数量(件)'),
    col('goodsTotal', '商品总价(元)'),
    col('shippingFee', '邮费(元)'),
    col('discount', '店铺优惠折扣(元)'),
    col('discount', '平台优惠折扣(元)'),
    col('discount', '多多支付立减金额(元)'),
    col('paid', '用户实付金额(元)'),
    col('paidAt', '支付时间'),
    col('paidAt', '订单成交时间'),
    col('sellerMemo', '商家备注'),
    col('buyerMessage', '买家留言'),
    col('refundStatus', '售后状态'),
    col('trackingNo', '快递单号'),
    col('courier', '快递公司'),
    col('province', '省'),
    col('city', '市'),
    col('district', '区'),
    col('street', '街道/镇'),
    col('recipientName', ['收货人', '收件人'], false),
    col('phone', ['手机', '收货人手机号'], false),
    col('detail', '详细地址', false)
  ],
  signature: ['订单号', '商品', '商品数量(件)', '商品总价(元)', '邮费(元)', '店铺优惠折扣(元)', '用户实付金额(元)', '商家实收金额(元)', '样式ID', '商家编码-规格维度', '售后状态']
};
