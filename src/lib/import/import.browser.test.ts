// The import library in a real browser (Chromium): no Node Buffer, the browser's own TextDecoder for GBK
// and UTF-16, SheetJS and the division tables bundled by Vite. The same code runs in the import worker.
import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding';
import { bulkShipFile, exportList } from './export';
import { encodeGbk } from './gbk';
import { parseOrderFiles } from './import-orders';
import { readSpreadsheet } from './spreadsheet';

const CSV = ['订单号,收件人,手机,完整地址,商家编码,商品名称,数量,单价,付款时间', 'B1,张伟,138****1234,北京 北京市 朝阳区 建国路88号,SKU-1,马克杯,2,35.80,2025-11-20 21:30:00'].join('\r\n');

describe('import in the browser', () => {
  it('encodes and detects GBK with the browser decoder', () => {
    const { bytes, unencodable } = encodeGbk(CSV);
    expect(unencodable).toEqual([]);
    expect(decodeText(bytes)).toMatchObject({ encoding: 'gbk', text: CSV });
  });

  it('imports a GBK CSV into validated orders, resolving the address', () => {
    const r = parseOrderFiles({ files: [{ name: 'b.csv', bytes: encodeGbk(CSV).bytes }], shopId: 's' });
    expect(r.rejected).toEqual([]);
    expect(r.orders[0]).toMatchObject({ id: 'generic:s:B1', recipient: { phone: '138****1234', address: { province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路88号' } }, paid: 7160 });
    expect(r.flags['generic:s:B1'].map((f) => f.kind)).toEqual(['phone_masked']);
  });

  it('writes XLSX and bulk-ship files', () => {
    const x = exportList({ headers: ['订单号'], rows: [['3012345678901234567']], format: 'xlsx', baseName: 'x' });
    expect(readSpreadsheet(x.bytes).rows).toEqual([['3012345678901234567']]);
    const f = bulkShipFile({ platform: 'pdd', records: [{ orderNo: '251120-1', courierId: 'zto', trackingNo: '789' }], shipDate: 0 });
    expect(new TextDecoder('gbk').decode(f.bytes)).toContain('中通快递');
  });
});
