// Taobao/Tmall seller exports (卖家中心 → 已卖出的宝贝 → 批量导出): two GBK CSV files, the 订单报表 (one row per
// order: buyer, amounts, recipient, combined address) and the 宝贝报表 (one row per line: title, price,
// quantity, 商家编码), joined by 订单编号 when both are dropped together. Headers confirmed against public
// code that reads these files (TaobaoSaledObject in c2003070110/TBTool lists the order report in export order;
// several analysis scripts read 订单编号/标题/价格/购买数量/外部系统编号/商品属性/套餐信息/备注/订单状态/商家编码
// from the item report, and newer exports' 主订单编号/子订单编号/商品标题/商品价格/退款状态/商家备注/主订单买家留言).
// Tmall stores export the same layout, so the platform cannot be told from headers: pass `platform: 'tmall'`.
// Values carry tab or ="..." guards on long numbers; 收货地址 is "省 市 区 详细(邮编)", 联系手机 is masked.
import { col, type Preset } from './types';

export const TAOBAO_ORDERS: Preset = {
  id: 'taobao-orders',
  platform: 'taobao',
  label: '淘宝/天猫 订单报表',
  role: 'orders',
  typicalEncoding: 'GBK',
  source: 'confirmed: TBTool TaobaoSaledObject field list, tmall_order_report analysis scripts; 主订单编号/商家备注/主订单买家留言 from newer exports',
  columns: [
    col('orderNo', ['订单编号', '主订单编号']),
    col('buyer', '买家会员名'),
    col('goodsTotal', '买家应付货款'),
    col('shippingFee', '买家应付邮费'),
    col('paid', ['买家实际支付金额', '买家实付金额']),
    col('refundAmount', '退款金额'),
    col('status', '订单状态'),
    col('buyerMessage', ['买家留言', '主订单买家留言']),
    col('recipientName', '收货人姓名'),
    col('fullAddress', '修改后的收货地址'),
    col('fullAddress', '收货地址'),
    col('phone', '联系手机'),
    col('phone', '联系电话'),
    col('createdAt', '订单创建时间'),
    col('paidAt', '订单付款时间'),
    col('title', '宝贝标题'),
    col('qty', '宝贝总数量'),
    col('trackingNo', '物流单号'),
    col('courier', '物流公司'),
    col('sellerMemo', ['订单备注', '商家备注']),
    col('shop', '店铺名称'),
    col('presale', '分阶段订单信息')
  ],
  signature: ['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '买家实际支付金额', '订单状态', '收货人姓名', '收货地址', '联系手机', '订单付款时间', '宝贝标题', '宝贝总数量']
};

export const TAOBAO_ITEMS: Preset = {
  id: 'taobao-items',
  platform: 'taobao',
  label: '淘宝/天猫 宝贝报表',
  role: 'items',
  typicalEncoding: 'GBK',
  source: 'confirmed: 订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码 (several scripts); newer 主订单编号/子订单编号/商品标题/商品价格/退款状态',
  columns: [
    col('orderNo', ['订单编号', '主订单编号']),
    col('subOrderNo', '子订单编号'),
    col('title', ['标题', '商品标题']),
    col('price', ['价格', '商品价格']),
    col('qty', '购买数量'),
    col('outerSku', '商家编码'),
    col('outerSku', '外部系统编号'),
    col('spec', '商品属性'),
    col('spec', '套餐信息'),
    col('status', '订单状态'),
    col('refundStatus', '退款状态')
  ],
  signature: ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注', '订单状态', '商家编码']
};
