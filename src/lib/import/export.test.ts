import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { makeOrder } from '../domain/test-factories';
import { PLATFORMS } from '../domain/schemas';
import { parseDelimited } from './delimited';
import { decodeText } from './encoding';
import { ExportError } from './errors';
import { bulkShipFile, exportList, ORDER_LIST_HEADERS, orderListRows } from './export';
import { parseOrderFiles } from './import-orders';
import { readSpreadsheet } from './spreadsheet';

const SHIP_DATE = Date.UTC(2025, 10, 21, 2, 30);
const records = [
  { orderNo: '3012345678901234567', courierId: 'zto', trackingNo: '78912345678901' },
  { orderNo: '3012345678901234568', courierId: 'sf', trackingNo: 'SF1412345678901' }
];
const readBack = (bytes: Uint8Array) => {
  const d = decodeText(bytes);
  return { encoding: d.encoding, bom: d.bom, table: parseDelimited(d.text) };
};

describe('bulk-ship files', () => {
  it('writes Taobao\'s file in GBK with its column names and courier names', () => {
    const f = bulkShipFile({ platform: 'taobao', records, shipDate: SHIP_DATE });
    expect(f).toMatchObject({ encoding: 'gbk', mimeType: 'text/csv', fileName: 'taobao-bulk-ship-20251121-1030.csv', unencodable: [] });
    const { encoding, table } = readBack(f.bytes);
    expect(encoding).toBe('gbk');
    expect(table.headers).toEqual(['订单编号', '物流公司', '运单号']);
    expect(table.rows).toEqual([
      ['3012345678901234567', '中通快递', '78912345678901'],
      ['3012345678901234568', '顺丰速运', 'SF1412345678901']
    ]);
  });

  it('writes PDD and JD in GBK, Douyin in UTF-8 with a BOM, each with its own courier names', () => {
    expect(readBack(bulkShipFile({ platform: 'pdd', records, shipDate: SHIP_DATE }).bytes).table.rows[1]).toEqual(['3012345678901234568', '顺丰快递', 'SF1412345678901']);
    expect(readBack(bulkShipFile({ platform: 'jd', records, shipDate: SHIP_DATE }).bytes).encoding).toBe('gbk');
    const dy = readBack(bulkShipFile({ platform: 'douyin', records, shipDate: SHIP_DATE }).bytes);
    expect(dy).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(dy.table.headers).toEqual(['订单号', '快递公司', '快递单号']);
  });

  it('writes Amazon\'s shipping confirmation as tab-separated text with the ship date', () => {
    const f = bulkShipFile({ platform: 'amazon', records: [{ orderNo: '113-1234567-1234567', courierId: 'sf', trackingNo: 'SF1412345678901' }], shipDate: SHIP_DATE });
    expect(f.fileName).toMatch(/\.txt$/);
    const t = parseDelimited(new TextDecoder().decode(f.bytes));
    expect(t.delimiter).toBe('\t');
    expect(t.headers).toEqual(['order-id', 'order-item-id', 'quantity', 'ship-date', 'carrier-code', 'carrier-name', 'tracking-number', 'ship-method']);
    expect(t.rows[0]).toEqual(['113-1234567-1234567', '', '', '2025-11-21', 'Other', 'SF Express', 'SF1412345678901', '']);
  });

  it('has a layout for every platform', () => {
    for (const platform of PLATFORMS) expect(bulkShipFile({ platform, records, shipDate: SHIP_DATE }).bytes.length).toBeGreaterThan(20);
  });

  it('refuses a courier the platform has no name for, or a tracking number with a line break', () => {
    expect(() => bulkShipFile({ platform: 'pdd', records: [{ orderNo: '1', courierId: 'dhl', trackingNo: '1' }], shipDate: SHIP_DATE })).toThrow(ExportError);
    expect(() => bulkShipFile({ platform: 'pdd', records: [{ orderNo: '1', courierId: 'sf', trackingNo: 'SF1\n2' }], shipDate: SHIP_DATE })).toThrow(/换行/);
    expect(() => bulkShipFile({ platform: 'pdd', records: [], shipDate: SHIP_DATE })).toThrow(ExportError);
  });
});

describe('list exports', () => {
  const headers = ['订单号', '买家留言', '金额'];
  const rows = [
    ['3012345678901234567', '=HYPERLINK("http://evil","点我")', '49.90'],
    ['3012345678901234568', '-5元 优惠', '12.00'],
    ['U1', '@所有人 \t 好评😀', '1.00']
  ];

  it('neutralises formula starts in CSV cells and keeps long numbers as text for Excel', () => {
    const f = exportList({ headers, rows, format: 'csv-utf8', baseName: 'orders' });
    const { bom, table } = readBack(f.bytes);
    expect(bom).toBe(true);
    expect(table.rows.map((r) => r[1])).toEqual(['\'=HYPERLINK("http://evil","点我")', "'-5元 优惠", "'@所有人 \t 好评😀"]);
    expect(table.rows[0][0]).toBe('\t3012345678901234567');
  });

  it('writes GBK and reports characters GBK cannot hold', () => {
    const f = exportList({ headers, rows, format: 'csv-gbk', baseName: 'orders' });
    expect(f.encoding).toBe('gbk');
    expect(f.unencodable).toEqual(['😀']);
    expect(readBack(f.bytes).encoding).toBe('gbk');
  });

  it('writes XLSX with every cell a string, so ids stay exact and nothing evaluates', () => {
    const f = exportList({ headers, rows, format: 'xlsx', baseName: 'orders', sheetName: '订单' });
    const wb = XLSX.read(f.bytes, { type: 'array' });
    const ws = wb.Sheets['订单'];
    expect(ws['A2']).toMatchObject({ t: 's', v: '3012345678901234567' });
    expect(ws['B2']).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil","点我")' });
    expect(ws['B2'].f).toBeUndefined();
    expect(readSpreadsheet(f.bytes).rows[0][0]).toBe('3012345678901234567');
  });

  it('exports orders so that Packdesk can read the list back with the same numbers', () => {
    const orders = [makeOrder({ orderNo: '3012345678901234567', sellerMemo: '=1+1' }), makeOrder({ orderNo: '3012345678901234568', recipient: { name: '李娜', phone: '13812345678', address: { province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路88号' } } })];
    const f = exportList({ headers: [...ORDER_LIST_HEADERS], rows: orderListRows(orders), format: 'csv-gbk', baseName: 'x' });
    const t = readBack(f.bytes).table;
    expect(t.rows.map((r) => r[0])).toEqual(['\t3012345678901234567', '\t3012345678901234568']);
    expect(t.rows[0][15]).toBe("'=1+1");
    expect(t.rows[1].slice(4, 10)).toEqual(['李娜', '13812345678', '北京市', '北京市', '朝阳区', '建国路88号']);
    const back = parseOrderFiles({ files: [{ name: 'x.csv', bytes: f.bytes }], mapping: { id: 'list', name: 'list', platform: 'taobao', mapping: { 订单号: 'orderNo', 收件人: 'recipientName', 手机: 'phone', 省: 'province', 市: 'city', 区: 'district', 详细地址: 'detail', 商品: 'title', 件数: 'qty', '实付(元)': 'paid', 付款时间: 'paidAt', 卖家备注: 'sellerMemo' } }, shopId: 'tb-1' });
    expect(back.orders.map((o) => [o.orderNo, o.paid, o.paidAt, o.sellerMemo])).toEqual(orders.map((o) => [o.orderNo, o.paid, o.paidAt, o.sellerMemo]));
  });
});
