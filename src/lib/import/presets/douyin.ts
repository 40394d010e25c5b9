// 抖店 → 订单管理 → 批量导出 (CSV, UTF-8; one row per 子订单). Checked (2025, the search tool's public-code
// corpus) against open scripts that read the export with pandas: 主订单编号, 子订单编号, 选购商品, 商品ID,
// 商品数量, 商品金额 (a unit price), 订单提交时间, 支付完成时间, 订单完成时间, 订单状态, 售后状态, 取消原因,
// 订单类型, 商家编码 or 货号, 订单应付金额, 商家备注, 省, 市, 区, 详细地址; values carry a leading tab. A
// browser script that normalises the official CSV (/order/torder/export) also reads 商家SKU编码 for the SKU code
// and 店铺名称. Still assumed: 收件人, 收件人手机号 (often encrypted, then the order is flagged), 商品规格,
// 街道, 买家留言, 运费, 优惠总金额, SKU ID. Fixture: tests/fixtures/import/files/douyin.
import { col, type Preset } from './types';

export const DOUYIN: Preset = {
  id: 'douyin',
  platform: 'douyin',
  label: '抖店 订单导出',
  role: 'full',
  recipientMayBeHidden: true,
  typicalEncoding: 'UTF-8',
  source: 'confirmed: order/line/time/status/address, 订单应付金额, 商家备注 from public 抖店 export readers; assumed: recipient, spec, fees, buyer message',
  columns: [
    col('orderNo', '主订单编号'),
    col('subOrderNo', '子订单编号'),
    col('title', '选购商品'),
    col('platformSku', 'SKU ID', false),
    col('platformSku', '商品ID'),
    col('outerSku', '商家编码'),
    col('outerSku', '货号'),
    col('outerSku', '商家SKU编码'),
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
    col('sellerMemo', '商家备注'),
    col('shippingFee', '运费', false),
    col('discount', '优惠总金额', false),
    col('paid', '订单应付金额'),
    col('shop', '店铺名称')
  ],
  signature: ['主订单编号', '子订单编号', '选购商品', '商品ID', '商品数量', '商品金额', '订单提交时间', '支付完成时间', '售后状态']
};
