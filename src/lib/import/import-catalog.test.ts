import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { parseCatalogFile } from './import-catalog';

const gbkFile = (name: string, text: string) => ({ name, bytes: new Uint8Array(iconv.encode(text, 'gbk')) });

describe('catalog import', () => {
  it('reads SKUs and opening stock from a GBK sheet with Chinese headers', () => {
    const text = ['商品编码,条码,商品名称,规格,重量(g),库位,库存,售价', 'SKU-10001,"6901234567892,6901234567908",纯棉圆领短袖T恤,白色 L,180,A-01-02,120,49.90', '\tSKU-10002,6901234567915,马克杯,雾蓝,0.35kg,B-03,0,35.8'].join('\r\n');
    const r = parseCatalogFile({ file: gbkFile('skus.csv', text), warehouseId: 'wh-hz' });
    expect(r.rejected).toEqual([]);
    expect(r.skus).toEqual([
      { code: 'SKU-10001', barcodes: ['6901234567892', '6901234567908'], name: '纯棉圆领短袖T恤', spec: '白色 L', weight: 180, location: 'A-01-02', price: 4990 },
      { code: 'SKU-10002', barcodes: ['6901234567915'], name: '马克杯', spec: '雾蓝', weight: 350, location: 'B-03', price: 3580 }
    ]);
    expect(r.stock).toEqual([
      { warehouseId: 'wh-hz', sku: 'SKU-10001', onHand: 120 },
      { warehouseId: 'wh-hz', sku: 'SKU-10002', onHand: 0 }
    ]);
  });

  it('reads kilogram columns and English headers from a workbook', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['sku', 'name', 'weight_kg', 'barcode'], ['A1', 'Mug', 0.5, 6901234567892]]), 'S');
    const r = parseCatalogFile({ file: { name: 'skus.xlsx', bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) } });
    expect(r.skus).toEqual([{ code: 'A1', barcodes: ['6901234567892'], name: 'Mug', spec: '', weight: 500, location: '', price: 0 }]);
    expect(r.stock).toEqual([]);
  });

  it('rejects a repeated SKU code, a barcode Excel turned into scientific notation, and bad numbers, row by row', () => {
    const text = ['商品编码,条码,商品名称,重量,库存', 'S1,6.90123E+12,杯子,100,5', 'S2,,碗,重,5', 'S3,,盘,100,很多', 'S4,,勺,10,1', 'S4,,勺子,10,1'].join('\n');
    const r = parseCatalogFile({ file: gbkFile('s.csv', text), warehouseId: 'w' });
    expect(r.skus.map((s) => s.code)).toEqual(['S4']);
    expect(r.rejected.map((x) => [x.row, x.column, x.code])).toEqual([
      [2, '条码', 'id_scientific'],
      [3, '重量', 'weight_invalid'],
      [4, '库存', 'stock_invalid'],
      [6, '商品编码', 'duplicate_sku']
    ]);
  });

  it('stops when there is no SKU code column', () => {
    expect(() => parseCatalogFile({ file: gbkFile('s.csv', '名称,库存\n杯子,1\n') })).toThrow(ImportError);
  });
});
