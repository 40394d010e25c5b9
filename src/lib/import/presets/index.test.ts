import { describe, expect, it } from 'vitest';
import { ColumnMapping, detectPreset, guessMapping, IMPORT_FIELDS, IMPORT_FIELD_LABELS, missingForMapping, PRESETS, presetById, resolveColumns, SavedPreset } from './index';

const SHOPIFY_HEADERS = 'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Shipping Name,Shipping Street,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes'.split(',');

describe('preset tables', () => {
  it('give every preset an order-number column and only signature headers it can find', () => {
    for (const p of PRESETS) {
      expect(p.columns.some((c) => c.field === 'orderNo'), p.id).toBe(true);
      expect(p.signature.length, p.id).toBeGreaterThanOrEqual(8);
    }
  });

  it('mark the presets whose headers no public source confirmed', () => {
    for (const id of ['kuaishou', 'wechat']) expect(presetById(id)!.columns.every((c) => !c.confirmed), id).toBe(true);
    for (const id of ['taobao-orders', 'taobao-items', 'jd', 'shopify', 'amazon']) expect(presetById(id)!.columns.every((c) => c.confirmed), id).toBe(true);
  });
});

describe('recognising a file from its headers', () => {
  it('recognises Shopify and never lets the generic format claim it', () => {
    const { best, ranked } = detectPreset(SHOPIFY_HEADERS);
    expect(best?.preset.id).toBe('shopify');
    expect(best?.score).toBe(1);
    expect(ranked.find((r) => r.preset.id === 'generic')!.score).toBeLessThan(0.5);
  });

  it('recognises newer Taobao spellings (主订单编号, 商品标题) through their column aliases', () => {
    const items = ['子订单编号', '主订单编号', '商品标题', '商品价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '联系方式备注', '订单状态', '商家编码'];
    expect(detectPreset(items).best?.preset.id).toBe('taobao-items');
  });

  it('matches headers after full-width and case normalisation', () => {
    const pdd = ['订单号', '商品', '商品数量（件）', '商品总价（元）', '邮费（元）', '店铺优惠折扣（元）', '用户实付金额（元）', '商家实收金额（元）', '样式ID', '商家编码-规格维度'];
    const m = detectPreset(pdd).best!;
    expect(m.preset.id).toBe('pdd');
    expect(resolveColumns(m.preset, pdd).byField.get('goodsTotal')).toEqual([3]);
    expect(detectPreset(['ORDER-ID', 'Order-Item-Id', 'purchase-date', 'payments-date', 'SKU', 'product-name', 'quantity-purchased', 'quantity-to-ship', 'recipient-name', 'ship-address-1']).best?.preset.id).toBe('amazon');
  });

  it('recognises the generic format in English', () => {
    expect(detectPreset(['order_no', 'recipient', 'phone', 'province', 'city', 'district', 'address', 'sku', 'title', 'spec', 'qty', 'price', 'paid_at']).best?.preset.id).toBe('generic');
  });

  it('claims nothing for unrelated headers, and guesses a mapping for the mapping screen', () => {
    const headers = ['单号', '客户', '电话', '地址', '货品', '件数', '备注'];
    expect(detectPreset(headers).best).toBeUndefined();
    const guess = guessMapping(['订单号', '收件人', '自定义列', '数量']);
    expect(guess).toEqual({ 订单号: 'orderNo', 收件人: 'recipientName', 数量: 'qty' });
    expect(ColumnMapping.parse(guess)).toEqual(guess);
  });

  it('lets a saved custom preset win for the file it was made for', () => {
    const saved = SavedPreset.parse({ id: 'erp1', name: '旧ERP导出', platform: 'generic', mapping: { 单号: 'orderNo', 客户: 'recipientName', 电话: 'phone', 地址: 'fullAddress', 货品: 'title', 件数: 'qty' } });
    const headers = ['单号', '客户', '电话', '地址', '货品', '件数', '备注'];
    const { best } = detectPreset(headers, [saved]);
    expect(best?.preset.id).toBe('custom:erp1');
    expect(resolveColumns(best!.preset, headers).byField.get('fullAddress')).toEqual([3]);
  });

  it('rejects a saved mapping to a field that does not exist', () => {
    expect(SavedPreset.safeParse({ id: 'x', name: 'x', platform: 'generic', mapping: { a: 'notAField' } }).success).toBe(false);
    expect(SavedPreset.safeParse({ id: 'x', name: 'x', platform: 'ebay', mapping: {} }).success).toBe(false);
  });

  it('uses the first of duplicated headers and the first spelling a preset lists', () => {
    const taobao = presetById('taobao-orders')!;
    const r = resolveColumns(taobao, ['订单编号', '联系电话', '联系手机', '联系手机', '收货地址', '修改后的收货地址']);
    expect(r.byField.get('phone')).toEqual([2, 1]);
    expect(r.byField.get('fullAddress')).toEqual([5, 4]);
  });
});

describe('the mapping screen', () => {
  it('has a label for every field', () => {
    for (const f of IMPORT_FIELDS) expect(IMPORT_FIELD_LABELS[f].zh, f).toBeTruthy();
  });

  it('says what a mapping still lacks before it can import', () => {
    expect(missingForMapping({ 单号: 'orderNo' })).toHaveLength(4);
    expect(missingForMapping({ 单号: 'orderNo', 客户: 'recipientName', 件数: 'qty', 省: 'province', 时间: 'createdAt' })).toEqual([]);
  });
});
