import { describe, expect, it } from 'vitest';
import { classifyRefund, classifyStage, parseCents, parseDateTime, parseFlag, parseQty } from './values';

const val = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : 'error');

describe('money', () => {
  it('parses yuan to integer cents without floating-point error', () => {
    expect(['12.5', '49.90', '0.1', '1,234.56', '¥12', '￥12.30', '12元', '$19.99', 'RMB 8', '１２．５０', '0.015', '0.014', '', '-', '-0.00'].map((s) => val(parseCents(s)))).toEqual([
      1250, 4990, 10, 123456, 1200, 1230, 1200, 1999, 800, 1250, 2, 1, undefined, undefined, 0
    ]);
  });

  it('rejects negative, scientific and non-numeric amounts with a reason', () => {
    expect(parseCents('-5')).toMatchObject({ ok: false, code: 'amount_negative' });
    expect(parseCents('1.2E+3')).toMatchObject({ ok: false, code: 'amount_scientific' });
    expect(parseCents('十元')).toMatchObject({ ok: false, code: 'amount_invalid' });
  });
});

describe('quantities', () => {
  it('accepts positive whole numbers only', () => {
    expect(['2', '2.0', '２', ''].map((s) => val(parseQty(s)))).toEqual([2, 2, 2, undefined]);
    expect(parseQty('0')).toMatchObject({ ok: false });
    expect(parseQty('1.5')).toMatchObject({ ok: false });
  });
});

describe('times', () => {
  const chinaWall = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s) - 8 * 3_600_000;

  it('reads platform times as China time when they carry no zone', () => {
    expect(val(parseDateTime('2025-11-20 21:30:00'))).toBe(chinaWall(2025, 11, 20, 21, 30));
    expect(val(parseDateTime('2025/11/20 21:30'))).toBe(chinaWall(2025, 11, 20, 21, 30));
    expect(val(parseDateTime('2025年11月20日 21:30:05'))).toBe(chinaWall(2025, 11, 20, 21, 30, 5));
    expect(val(parseDateTime('2025-11-20'))).toBe(chinaWall(2025, 11, 20));
  });

  it('honours an explicit offset (Shopify, Amazon)', () => {
    expect(val(parseDateTime('2025-11-20 09:15:00 -0500'))).toBe(Date.UTC(2025, 10, 20, 14, 15));
    expect(val(parseDateTime('2025-11-20T10:05:00+00:00'))).toBe(Date.UTC(2025, 10, 20, 10, 5));
    expect(val(parseDateTime('2025-11-20T10:05:00.123Z'))).toBe(Date.UTC(2025, 10, 20, 10, 5, 0, 123));
  });

  it('reads Excel serial dates as China wall-clock time', () => {
    expect(val(parseDateTime('45981.5'))).toBe(chinaWall(2025, 11, 20, 12));
  });

  it('rejects impossible dates', () => {
    expect(parseDateTime('2025-13-01 00:00:00')).toMatchObject({ ok: false });
    expect(parseDateTime('2025-02-30')).toMatchObject({ ok: false });
    expect(parseDateTime('yesterday')).toMatchObject({ ok: false });
  });
});

describe('statuses', () => {
  it('maps platform status words to what packing needs', () => {
    const cases: [string, string][] = [
      ['买家已付款，等待卖家发货', 'to_ship'],
      ['待发货', 'to_ship'],
      ['等待出库', 'to_ship'],
      ['等待买家付款', 'unpaid'],
      ['卖家已发货，等待买家确认', 'shipped'],
      ['交易成功', 'shipped'],
      ['交易关闭', 'closed'],
      ['已取消，退款成功', 'closed'],
      ['pending', 'unpaid'],
      ['unfulfilled', 'to_ship'],
      ['fulfilled', 'shipped'],
      ['Processing', 'to_ship'],
      ['Completed', 'shipped'],
      ['Cancelled', 'closed'],
      ['', 'unknown']
    ];
    for (const [word, stage] of cases) expect([word, classifyStage(word)]).toEqual([word, stage]);
  });

  it('maps after-sale words to a refund state', () => {
    expect(['无售后或售后取消', '退款成功', '退款中', '买家申请退款', 'partially_refunded', 'refunded', 'paid', '-', ''].map(classifyRefund)).toEqual([
      'none', 'refunded', 'requested', 'requested', 'requested', 'refunded', 'none', 'none', 'none'
    ]);
  });

  it('reads yes/no cells', () => {
    expect(['是', 'Y', '预售', '定金已付', '否', 'no', '', '0', '-'].map(parseFlag)).toEqual([true, true, true, true, false, false, false, false, false]);
  });
});
