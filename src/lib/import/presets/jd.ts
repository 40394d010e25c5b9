// 京东 商家后台 (POP) → 订单管理 → 导出 (Excel/CSV, GBK; one row per SKU line, order fields repeated).
// Confirmed against a public OMS importer that reads the export by header: 订单号, 商品ID, 商品名称, 订购数量,
// 京东价, 订单金额, 结算金额, 应付金额, 运费金额, 下单时间, 付款确认时间, 订单状态, 订单类型, 下单帐号, 客户姓名,
// 客户地址, 联系电话, 订单备注, 商家备注, 货号, 仓库名称, 增值税发票 (and a seller's schema comment listing 店铺名称).
// Assumed semantics: 订单金额 is the goods total, 京东价 the unit price, 订单备注 the buyer's note, 货号 the
// seller's own item code. Cash-on-delivery orders have no 付款确认时间: a 等待出库 order uses 下单时间.
import { col, type Preset } from './types';

export const JD: Preset = {
  id: 'jd',
  platform: 'jd',
  label: '京东 订单导出',
  role: 'full',
  typicalEncoding: 'GBK',
  source: 'confirmed: headers read by name in a public JD order importer; assumed: meaning of 订单金额 and 货号',
  columns: [
    col('orderNo', '订单号'),
    col('platformSku', '商品ID'),
    col('outerSku', '货号'),
    col('title', '商品名称'),
    col('qty', '订购数量'),
    col('price', '京东价'),
    col('goodsTotal', '订单金额'),
    col('paid', '应付金额'),
    col('shippingFee', '运费金额'),
    col('createdAt', '下单时间'),
    col('paidAt', '付款确认时间'),
    col('status', '订单状态'),
    col('buyer', ['下单帐号', '下单账号']),
    col('recipientName', '客户姓名'),
    col('fullAddress', '客户地址'),
    col('phone', '联系电话'),
    col('buyerMessage', '订单备注'),
    col('sellerMemo', '商家备注'),
    col('shop', '店铺名称')
  ],
  signature: ['订单号', '商品ID', '商品名称', '订购数量', '京东价', '应付金额', '下单帐号', '客户姓名', '客户地址', '联系电话', '付款确认时间']
};
