import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { parseOrderFiles } from './import-orders';
import { formatImport, IMPORT_MESSAGES } from './messages';
import { parseCents } from './values';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('import messages in two languages', () => {
  it('every message has Chinese and English with the same placeholders, and the English has no Chinese', () => {
    for (const [key, m] of Object.entries(IMPORT_MESSAGES)) {
      expect(placeholders(m.en), key).toEqual(placeholders(m.zh));
      expect(m.en, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a file that cannot be read says so in English too, naming the file', () => {
    let error: unknown;
    try {
      parseOrderFiles({ files: [{ name: 'orders.csv', bytes: new TextEncoder().encode('PK\x03\x04 not really a zip') }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.message).toContain('orders.csv');
    expect(formatImport(e.text, 'en')).toMatch(/orders\.csv/);
    expect(formatImport(e.text, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a rejected row keeps its Chinese reason and reads in English with the term translated', () => {
    const r = parseCents('1.2E+5');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('金额「1.2E+5」是科学计数法，无法确定原值。');
    expect(formatImport(r.text, 'en')).toBe('The amount "1.2E+5" is in scientific notation; its real value is unknown.');
    expect(formatImport({ key: 'id_missing', params: { what: 'trackingNo' } }, 'en')).toBe('The tracking number is empty.');
    expect(formatImport({ key: 'missing_order_column', params: { file: 'a.csv', expected: ['订单编号', '订单号'] } }, 'en')).toContain('订单编号, 订单号');
  });
});
