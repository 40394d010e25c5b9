// 快手小店 → 订单 → 导出. Headers ASSUMED: searching public code, pages and docs (2025, the search tool's
// corpora: "快手小店 订单导出 表头", "快手 订单 excel 收货人") found SDKs for the open API and order-status
// tables but no reader of the back office's export file, so every column below comes from the platform's
// order page wording and must be checked against a real export (or mapped on the mapping screen, which
// saves a custom preset and syncs it). The signature uses the most distinctive assumed words so a file
// from another platform is not claimed by this preset.
import { col, type Preset } from './types';

export const KUAISHOU: Preset = {
  id: 'kuaishou',
  platform: 'kuaishou',
  label: '快手小店 订单导出（表头未经证实）',
  role: 'full',
  recipientMayBeHidden: true,
  typicalEncoding: 'UTF-8',
  source: 'assumed: no public export sample found',
  columns: [
    col('orderNo', '订单号', false),
    col('title', '商品名称', false),
    col('platformSku', ['SKU ID', '商品ID'], false),
    col('outerSku', ['SKU编码', '商家编码'], false),
    col('spec', ['SKU名称', '商品规格'], false),
    col('qty', ['成交数量', '商品数量'], false),
    col('price', ['成交单价', '商品单价'], false),
    col('paid', ['实付款', '订单实付款'], false),
    col('shippingFee', '运费', false),
    col('discount', '优惠金额', false),
    col('paidAt', ['支付时间', '付款时间'], false),
    col('createdAt', ['下单时间', '订单创建时间'], false),
    col('status', '订单状态', false),
    col('refundStatus', '售后状态', false),
    col('buyer', '买家昵称', false),
    col('recipientName', ['收货人姓名', '收货人'], false),
    col('phone', ['收货人电话', '收货人手机号'], false),
    col('province', '省', false),
    col('city', '市', false),
    col('district', '区', false),
    col('fullAddress', '收货地址', false),
    col('buyerMessage', '买家留言', false),
    col('sellerMemo', '商家备注', false),
    col('trackingNo', '快递单号', false),
    col('courier', '快递公司', false),
    col('shop', '店铺名称', false)
  ],
  signature: ['订单号', '买家昵称', '成交数量', '成交单价', '实付款', '收货人姓名', '收货人电话', '收货地址', 'SKU编码']
};
