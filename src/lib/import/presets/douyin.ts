// 抖店 → 订单管理 → 批量导出 (CSV, UTF-8; one row per 子订单). Confirmed against public scripts that read:
// 主订单编号, 子订单编号, 选购商品, 商品ID, 商品数量, 商品金额 (a unit price), 订单提交时间, 支付完成时间,
// 订单状态, 售后状态, 取消原因, 商家编码/货号, 省, 市, 区, 详细地址; values carry a leading tab.
// Assumed (not confirmed): 收件人, 收件人手机号 (often encrypted, then the order is flagged), 商品规格, 街道,
// 买家留言, 商家备注, 运费, 优惠总金额, 订单应付金额, SKU ID, 店铺名称.
import { col, type Preset } from './types';

export const DOUYIN: Preset = {
  id: 'douyin',
  platform: 'douyin',
  label: '抖店 订单导出',
  role: 'full',
  recipientMayBeHidden: true,
  typicalEncoding: 'UTF-8',
  source: 'confirmed: order/line/time/status/address columns from public 抖店 export readers; assumed: recipient, spec, fees, memos',
  columns: [
    col('orderNo', '主订单编号'),
    col('subOrderNo', '子订单编号'),
    col('title', '选购商品'),
    col('platformSku', 'SKU ID', false),
    col('platformSku', '商品ID'),
    col('outerSku', '商家编码'),
    col('outerSku', '货号'),
    col('spec', '商品规格', false),
    col('qty', '商品数量'),
    col('price', '商品金额'),
    col('createdAt', '订单提交时间'),
    col('paidAt', '支付完成时间'),
    col('status', '订单状态'),
    col('refundStatus', '售后状态'),
    col('province', '省'),
    col('city', '市'),
    col('district', '区'),
    col('street', '街道', false),
    col('detail', '详细地址'),
    col('recipientName', '收件人', false),
    col('phone', '收件人手机号', false),
    col('buyerMessage', '买家留言', false),
    col('sellerMemo', '商家备注', false),
    col('shippingFee', '运费', false),
    col('discount', '优惠总金额', false),
    col('paid', '订单应付金额', false),
    col('shop', '店铺名称', false)
  ],
  signature: ['主订单编号', '子订单编号', '选购商品', '商品ID', '商品数量', '商品金额', '订单提交时间', '支付完成时间', '售后状态']
};
