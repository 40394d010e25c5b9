// 微信小店 (视频号小店) → 订单管理 → 导出. Headers ASSUMED: searching public code, pages and docs (2025, the
// search tool's corpora: "微信小店 视频号小店 订单导出 字段") found no reader of this export, so every column
// below must be checked against a real export (unknown files go to the mapping screen instead).
import { col, type Preset } from './types';

export const WECHAT: Preset = {
  id: 'wechat',
  platform: 'wechat',
  label: '微信小店 订单导出（表头未经证实）',
  role: 'full',
  typicalEncoding: 'UTF-8',
  source: 'assumed: no public export sample found',
  columns: [
    col('orderNo', '订单号', false),
    col('title', '商品名称', false),
    col('platformSku', ['SKU ID', '商品ID'], false),
    col('outerSku', ['SKU编码', '商品编码'], false),
    col('spec', ['商品规格', 'SKU名称'], false),
    col('qty', '商品数量', false),
    col('price', ['商品单价', '商品价格'], false),
    col('paid', ['订单实付金额', '实付金额'], false),
    col('shippingFee', '运费', false),
    col('discount', '优惠金额', false),
    col('paidAt', '支付时间', false),
    col('createdAt', '下单时间', false),
    col('status', '订单状态', false),
    col('refundStatus', '售后状态', false),
    col('recipientName', ['收件人姓名', '收件人'], false),
    col('phone', ['收件人手机', '收件人电话'], false),
    col('province', '省份', false),
    col('city', '城市', false),
    col('district', '区县', false),
    col('detail', '详细地址', false),
    col('buyerMessage', ['买家备注', '买家留言'], false),
    col('sellerMemo', '商家备注', false),
    col('trackingNo', ['快递单号', '运单号'], false),
    col('courier', '快递公司', false)
  ],
  signature: ['订单号', '商品名称', '订单实付金额', '收件人姓名', '收件人手机', '省份', '城市', '区县', '详细地址', '买家备注']
};
