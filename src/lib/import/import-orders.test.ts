import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { platformFixtures } from '../../../tests/fixtures/import/platform-files';
import type { Order, Shop } from '../domain/schemas';
import { makeOrder } from '../domain/test-factories';
import { parseDelimited } from './delimited';
import { decodeText } from './encoding';
import { ImportError } from './errors';
import { diffAgainst, parseOrderFiles, rejectedToCsv, type ImportProgress } from './import-orders';
import { formatImport } from './messages';

const HEAD = '订单号,收件人,手机,省,市,区,详细地址,商家编码,商品名称,规格,数量,单价,运费,实付,付款时间,买家留言,卖家备注';
const line = (no: string, sku: string, qty: string, extra: Partial<Record<'phone' | 'paidAt' | 'memo', string>> = {}) =>
  `${no},张伟,${extra.phone ?? '13812345678'},浙江省,杭州市,西湖区,文三路100号,${sku},马克杯,蓝色,${qty},35.80,0,35.80,${extra.paidAt ?? '2025-11-20 10:00:00'},,${extra.memo ?? ''}`;
const csvFile = (name: string, ...lines: string[]) => ({ name, bytes: new TextEncoder().encode([HEAD, ...lines].join('\r\n') + '\r\n') });

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const fixture = (id: string) => platformFixtures().find((f) => f.id === id)!;

describe('parseOrderFiles', () => {
  it('never half-imports an order: one bad line rejects the whole order, listing every row', () => {
    const r = parseOrderFiles({ files: [csvFile('g.csv', line('A1', 'S1', '1'), line('A2', 'S1', '1'), line('A2', 'S2', 'x'), line('A3', 'S3', '2'))], shopId: 's' });
    expect(r.orders.map((o) => o.orderNo)).toEqual(['A1', 'A3']);
    expect(r.rejected).toEqual([
      expect.objectContaining({ file: 'g.csv', row: 4, column: '数量', value: 'x', code: 'qty_invalid', orderNo: 'A2' }),
      expect.objectContaining({ file: 'g.csv', row: 3, code: 'order_incomplete', orderNo: 'A2' })
    ]);
    expect(r.stats).toMatchObject({ rows: 4, orders: 2, lines: 2, rejectedOrders: 1 });
  });

  it('joins Taobao\'s two reports, and without the item report builds one flagged line from the summary', () => {
    const tb = fixture('taobao');
    const alone = parseOrderFiles({ files: [tb.files[0]], shopId: tb.shopId });
    expect(alone.format).toBe('taobao-orders');
    const second = alone.orders[1];
    expect(second.lines).toEqual([{ lineNo: 1, platformSku: '', sku: '', title: '北欧陶瓷马克杯 带盖，加厚珊瑚绒毛毯', spec: '', qty: 3, price: Math.round(16060 / 3) }]);
    expect(alone.flags[second.id].map((f) => f.kind)).toContain('lines_from_summary');
  });

  it('refuses to build orders from the item report alone (no recipient), saying which file is missing', () => {
    const tb = fixture('taobao');
    const r = parseOrderFiles({ files: [tb.files[1]], shopId: tb.shopId });
    expect(r.orders).toEqual([]);
    expect(r.rejected[0]).toMatchObject({ code: 'order_head_missing' });
    expect(r.rejected[0].reason).toContain('订单报表');
  });

  it('uses the same order only once when two overlapping exports are dropped, and says so', () => {
    const a = csvFile('a.csv', line('A1', 'S1', '1'), line('A1', 'S2', '1'));
    const b = csvFile('b.csv', line('A1', 'S1', '1'), line('A1', 'S2', '1'), line('B1', 'S1', '1'));
    const r = parseOrderFiles({ files: [a, b], shopId: 's' });
    expect(r.orders.map((o) => [o.orderNo, o.lines.length])).toEqual([
      ['A1', 2],
      ['B1', 1]
    ]);
    expect(r.flags[r.orders[0].id].map((f) => f.kind)).toEqual(['duplicate_source']);
  });

  it('rejects an order whose payment time is missing', () => {
    const r = parseOrderFiles({ files: [csvFile('g.csv', line('A1', 'S1', '1', { paidAt: '' }))], shopId: 's' });
    expect(r.rejected[0]).toMatchObject({ code: 'paid_at_missing', column: '付款时间' });
  });

  it('derives the shop from the option first, then the shop column (by catalog id or name), then "default"', () => {
    const shops: Shop[] = [{ id: 'tb-xiaolu', platform: 'taobao', name: '小鹿家居生活馆', sender: { name: 'x', phone: '1', address: { province: '', city: '', district: '', detail: '' } } }];
    const tb = fixture('taobao');
    expect(parseOrderFiles({ files: tb.files, shops }).orders[0].id).toBe('taobao:tb-xiaolu:3012345678901234567');
    expect(parseOrderFiles({ files: tb.files }).orders[0].shopId).toBe('小鹿家居生活馆');
    expect(parseOrderFiles({ files: tb.files, shops, shopId: 'other', platform: 'tmall' }).orders[0].id).toBe('tmall:other:3012345678901234567');
    expect(parseOrderFiles({ files: [csvFile('g.csv', line('A1', 'S1', '1'))] }).orders[0].id).toBe('generic:default:A1');
  });

  it('maps lines to our SKUs by platform SKU mapping or by an outer id equal to a SKU code, and flags the rest', () => {
    const r = parseOrderFiles({
      files: [csvFile('g.csv', line('A1', 'P-1', '1'), line('A1', 'SKU-10002', '1'), line('A1', 'P-9', '1'))],
      shopId: 's',
      skuMappings: [{ platform: 'generic', shopId: 's', platformSku: 'P-1', sku: 'SKU-10001', qty: 1 }],
      skuCodes: ['SKU-10001', 'SKU-10002']
    });
    expect(r.orders[0].lines.map((l) => l.sku)).toEqual(['SKU-10001', 'SKU-10002', '']);
    expect(r.flags[r.orders[0].id]).toEqual([expect.objectContaining({ kind: 'sku_unmapped', detail: expect.stringContaining('P-9') })]);
  });

  it('keeps tracking numbers with the courier as an id, and flags a courier it does not know', () => {
    const head = HEAD + ',快递公司,快递单号';
    const bytes = new TextEncoder().encode([head, line('A1', 'S', '1') + ',中通快递,78912345678901', line('A2', 'S', '1') + ',某某快运,X1'].join('\n'));
    const r = parseOrderFiles({ files: [{ name: 'g.csv', bytes }], shopId: 's' });
    expect(r.orders.map((o) => [o.courierId, o.trackingNo])).toEqual([
      ['zto', '78912345678901'],
      [undefined, 'X1']
    ]);
    expect(r.flags[r.orders[1].id][0].kind).toBe('courier_unknown');
  });

  it('imports orders already shipped only when asked', () => {
    const shopify = fixture('woocommerce');
    expect(parseOrderFiles({ files: shopify.files, shopId: 'w', keepShipped: true }).orders.map((o) => o.orderNo)).toEqual(['5001', '5002']);
  });

  it('reads a workbook renamed .csv as a workbook and says so', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEAD.split(','), line('A1', 'S1', '1').split(',')]), 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = parseOrderFiles({ files: [{ name: 'orders.csv', bytes }], shopId: 's' });
    expect(r.orders).toHaveLength(1);
    expect(r.files[0]).toMatchObject({ kind: 'xlsx', presetId: 'generic' });
    expect(r.files[0].issues.map((i) => i.kind)).toContain('content_mismatch');
  });

  it('previews the first rows without an order cut in half', () => {
    const r = parseOrderFiles({ files: [csvFile('g.csv', line('A1', 'S1', '1'), line('A2', 'S1', '1'), line('A2', 'S2', '1'), line('A3', 'S1', '1'))], shopId: 's', limitRows: 2 });
    expect(r.orders.map((o) => o.orderNo)).toEqual(['A1']);
  });

  it('reports progress while reading and building', () => {
    const seen: ImportProgress[] = [];
    parseOrderFiles({ files: fixture('jd').files, shopId: 'j', onProgress: (p) => seen.push(p) });
    expect(seen.some((p) => p.phase === 'read')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ phase: 'build', done: 3, total: 3 });
  });

  it('shows the detected encoding and honours the seller\'s override', () => {
    const gbk = { name: 'g.csv', bytes: new Uint8Array(iconv.encode([HEAD, line('A1', 'S1', '1')].join('\r\n'), 'gbk')) };
    expect(parseOrderFiles({ files: [gbk], shopId: 's' }).files[0].encoding).toMatchObject({ name: 'gbk', label: 'GBK', overridden: false });
    const e = importError(() => parseOrderFiles({ files: [gbk], shopId: 's', encodingOverride: 'utf-8' }));
    expect(e.code).toBe('unknown_format');
    expect(e.message).toContain('换一种编码');
    expect(parseOrderFiles({ files: [gbk], shopId: 's', encodingOverride: { 'g.csv': 'gb18030' } }).orders).toHaveLength(1);
  });

  it('warns when a header the import uses appears twice', () => {
    const bytes = new TextEncoder().encode('订单号,收件人,收件人,手机,完整地址,商品名称,数量,单价,付款时间\n1,张伟,王芳,13812345678,浙江省杭州市西湖区文三路100号,杯子,1,10,2025-11-20 10:00\n');
    const r = parseOrderFiles({ files: [{ name: 'd.csv', bytes }], shopId: 's' });
    expect(r.orders[0].recipient.name).toBe('张伟');
    expect(r.files[0].issues[0].message).toContain('参与导入');
  });
});

describe('files that cannot be imported', () => {
  it('stops with a clear, typed error and produces nothing', () => {
    const cases: [string, () => unknown, string][] = [
      ['empty_file', () => parseOrderFiles({ files: [{ name: 'e.csv', bytes: new Uint8Array() }] }), 'e.csv'],
      ['zip_archive', () => parseOrderFiles({ files: [{ name: 'z.csv', bytes: zipSync({ 'a.csv': new Uint8Array([65]) }) }] }), 'z.csv'],
      ['binary_file', () => parseOrderFiles({ files: [{ name: 'p.csv', bytes: new TextEncoder().encode('%PDF-1.4 ...') }] }), 'PDF'],
      ['file_too_large', () => parseOrderFiles({ files: [csvFile('big.csv', line('A1', 'S', '1'))], maxBytes: 100 }), 'big.csv'],
      ['no_header', () => parseOrderFiles({ files: [{ name: 'q.csv', bytes: new TextEncoder().encode('"订单号,收件人\n1,2\n') }] }), 'q.csv']
    ];
    for (const [code, fn, mention] of cases) {
      const e = importError(fn);
      expect({ mention, code: e.code }).toEqual({ mention, code });
      expect(e.message).toContain(mention);
    }
  });

  it('hands an unknown file to the mapping screen with its headers, sample rows and a guessed mapping', () => {
    const bytes = new TextEncoder().encode('单号,客户,电话,地址,货品,件数\nX1,张伟,13812345678,北京市朝阳区建国路88号,杯子,1\n');
    const e = importError(() => parseOrderFiles({ files: [{ name: 'erp.csv', bytes }] }));
    expect(e.code).toBe('unknown_format');
    expect(e.details).toMatchObject({ file: 'erp.csv', headers: ['单号', '客户', '电话', '地址', '货品', '件数'], samples: [['X1', '张伟', '13812345678', '北京市朝阳区建国路88号', '杯子', '1']] });
    expect(ImportError.fromJSON(JSON.parse(JSON.stringify(e.toJSON())))).toMatchObject({ code: 'unknown_format', message: e.message });
    const mapped = parseOrderFiles({
      files: [{ name: 'erp.csv', bytes }],
      mapping: { id: 'erp', name: 'ERP', platform: 'generic', mapping: { 单号: 'orderNo', 客户: 'recipientName', 电话: 'phone', 地址: 'fullAddress', 货品: 'title', 件数: 'qty' } },
      shopId: 's'
    });
    expect(mapped.rejected).toEqual([expect.objectContaining({ code: 'paid_at_missing' })]);
  });

  it('stops when a mapping has no order-number column', () => {
    const e = importError(() =>
      parseOrderFiles({ files: [csvFile('g.csv', line('A1', 'S', '1'))], mapping: { id: 'm', name: 'm', platform: 'generic', mapping: { 收件人: 'recipientName' } } })
    );
    expect(e.code).toBe('missing_column');
  });
});

describe('diffAgainst', () => {
  const stored = [makeOrder({ orderNo: '1' }), makeOrder({ orderNo: '2' }), makeOrder({ orderNo: '3' })];
  const existing = new Map(stored.map((o) => [o.id, o]));
  const notPrinted = () => false;

  it('finds nothing to do when the same orders come again', () => {
    expect(diffAgainst({ existing, incoming: stored.map((o) => structuredClone(o)), isPrinted: notPrinted })).toEqual({ new: [], updated: [], unchanged: stored.map((o) => o.id), conflicts: [] });
  });

  it('updates what the platform may change on orders not yet printed, and names the fields', () => {
    const changed: Order = structuredClone(stored[0]);
    changed.recipient.address.detail = '文一西路969号 5幢';
    changed.sellerMemo = '改发圆通';
    changed.refund = 'requested';
    changed.buyer = 'someone-else';
    changed.paidAt += 1000;
    changed.lines[0].sku = '';
    const fresh = makeOrder({ orderNo: '9' });
    const d = diffAgainst({ existing, incoming: [changed, fresh], isPrinted: notPrinted });
    expect(d.new).toEqual([fresh]);
    expect(d.updated).toHaveLength(1);
    expect(d.updated[0].changed).toEqual(['recipient', 'sellerMemo', 'refund']);
    expect(d.updated[0].after).toMatchObject({ buyer: stored[0].buyer, paidAt: stored[0].paidAt, sellerMemo: '改发圆通', refund: 'requested' });
    expect(d.updated[0].after.lines[0].sku).toBe(stored[0].lines[0].sku);
  });

  it('reports changed lines and amounts', () => {
    const changed: Order = structuredClone(stored[1]);
    changed.lines[0].qty = 2;
    changed.goodsTotal *= 2;
    changed.paid *= 2;
    expect(diffAgainst({ existing, incoming: [changed], isPrinted: notPrinted }).updated[0].changed).toEqual(['lines', 'amounts']);
  });

  it('never overwrites a printed order: the change is a conflict', () => {
    const changed: Order = { ...structuredClone(stored[2]), buyerMessage: '改地址了' };
    const d = diffAgainst({ existing, incoming: [changed], isPrinted: (o) => o.orderNo === '3' });
    expect(d.updated).toEqual([]);
    expect(d.conflicts).toEqual([expect.objectContaining({ id: stored[2].id, changed: ['buyerMessage'] })]);
  });
});

describe('rejectedToCsv', () => {
  it('downloads the rejected rows as a UTF-8 CSV Excel opens, with formulas neutralised', () => {
    const f = rejectedToCsv([{ file: 'a.csv', row: 3, column: '数量', value: '=1+1', reason: '数量「=1+1」不是正整数。', text: { key: 'qty_invalid', params: { value: '=1+1' } }, code: 'qty_invalid', orderNo: 'A1' }]);
    const d = decodeText(f.bytes);
    expect(d).toMatchObject({ encoding: 'utf-8', bom: true });
    const t = parseDelimited(d.text);
    expect(t.headers).toEqual(['文件', '行', '列', '值', '原因', '订单号', '代码']);
    expect(t.rows[0]).toEqual(['a.csv', '3', '数量', "'=1+1", '数量「=1+1」不是正整数。', 'A1', 'qty_invalid']);
  });
});

describe('findings on imported orders in both languages', () => {
  it('keep the Chinese sentence and carry a message for any language', () => {
    const csv = ['订单号,收件人,手机,完整地址,商家编码,商品名称,数量,单价,付款时间', 'F1,张伟,138****1234,火星 某某路1号,SKU-1,马克杯,1,35.80,2025-11-20 21:30:00'].join('\r\n');
    const r = parseOrderFiles({ files: [{ name: 'f.csv', bytes: new TextEncoder().encode(csv) }], shopId: 's' });
    const flags = r.flags['generic:s:F1'];
    const masked = flags.find((f) => f.kind === 'phone_masked')!;
    expect(masked.detail).toBe('电话「138****1234」是打码号码，按原样保留。');
    expect(formatImport(masked.text!, 'en')).toBe('The phone "138****1234" is masked; kept as it is.');
    const address = flags.find((f) => f.kind === 'address_unresolved')!;
    expect(address.detail).toContain('地址的省无法识别');
    expect(formatImport(address.text!, 'en')).toBe('The province of the address cannot be recognised: "火星 某某路1号". Please check it.');
  });
});
