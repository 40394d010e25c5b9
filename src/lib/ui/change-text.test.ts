import { describe, expect, it } from 'vitest';
import { memoryEnv } from '../app/browser-env';
import { fieldLabel, valueText } from './change-text';
import { I18n } from './i18n.svelte';

describe('history lines', () => {
  it('name print counters by document and tracking numbers by what they are, in both languages', () => {
    const zh = new I18n(memoryEnv({ languages: ['zh-CN'] }));
    expect(fieldLabel(zh, 'printed:packing-slip')).toBe('打印 · 装箱单');
    expect(valueText(zh, 'printed:label', 2)).toBe('×2');
    expect(fieldLabel(zh, 'tracking')).toBe('运单号');
    expect(valueText(zh, 'tracking', { courierId: 'sf', trackingNo: 'SF1234567890123' })).toBe('sf SF1234567890123');
    const en = new I18n(memoryEnv({ languages: ['en-US'] }));
    expect(fieldLabel(en, 'printed:pick-list')).toBe('Printed · Pick list');
    expect(fieldLabel(en, 'memo')).toBe('Memo');
  });
});
