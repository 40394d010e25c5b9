import { describe, expect, test } from 'vitest';
import { TSPL_FONT_SIZES } from './profiles';
import { estimateMetrics, monospaceCjkMetrics, truncateLine, wrapText } from './text-metrics';

const m = estimateMetrics;

describe('measuring', () => {
  test('CJK is one em, ASCII half an em', () => {
    expect(m.measure('顺丰', 24, false)).toBe(48);
    expect(m.measure('SF14', 24, false)).toBe(48);
    expect(m.measure('3幢1201室', 24, false)).toBe(24 * 2 + 12 * 5);
  });

  test('printer fonts only come in their cell sizes', () => {
    const tspl = monospaceCjkMetrics({ sizes: TSPL_FONT_SIZES });
    expect([10, 16, 20, 24, 30, 40, 100].map((e) => tspl.fit(e))).toEqual([16, 16, 16, 24, 24, 32, 96]);
    expect(tspl.smaller(48)).toBe(32);
    expect(tspl.smaller(16)).toBeUndefined();
    expect(m.smaller(9)).toBe(8);
    expect(m.smaller(8)).toBeUndefined();
  });
});

describe('wrapping', () => {
  test('Chinese breaks between any two characters, within the width', () => {
    const lines = wrapText('浙江省杭州市西湖区文一西路969号', 24 * 6, 24, false, m);
    expect(lines).toEqual(['浙江省杭州市', '西湖区文一西', '路969号']);
    for (const l of lines) expect(m.measure(l, 24, false)).toBeLessThanOrEqual(144);
  });

  test('ASCII words stay whole; a word longer than the line is cut', () => {
    expect(wrapText('Lotus & Pine Goods', 12 * 8, 24, false, m)).toEqual(['Lotus &', 'Pine', 'Goods']);
    expect(wrapText('SF1412345678901', 12 * 6, 24, false, m)).toEqual(['SF1412', '345678', '901']);
  });

  test('a newline in the template forces a break', () => {
    expect(wrapText('发货单\n谢谢', 1000, 24, false, m)).toEqual(['发货单', '谢谢']);
  });

  test('truncation ends with an ellipsis inside the width', () => {
    expect(truncateLine('纯棉圆领短袖T恤', 24 * 4, 24, false, m)).toBe('纯棉圆…');
    expect(truncateLine('短', 96, 24, false, m)).toBe('短');
    expect(truncateLine('短', 96, 24, false, m, true)).toBe('短…');
  });
});
