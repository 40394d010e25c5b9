import { describe, expect, test } from 'vitest';
import { BUILTIN_TEMPLATES } from './builtin-templates';
import { parseTemplate, TemplateError } from './template';

const minimal = {
  id: 't1',
  name: 'test',
  kind: 'custom',
  size: { width: 50, height: 30 },
  media: { kind: 'gap' },
  elements: [{ type: 'text', id: 'a', x: 1, y: 1, w: 20, h: 4, value: '{sku.name}', fontSize: 3 }]
};

describe('template model', () => {
  test('fills defaults so a designer can save only what it changed', () => {
    const t = parseTemplate(minimal);
    expect(t.dpi).toBe(203);
    expect(t.orientation).toBe(0);
    expect(t.media).toEqual({ kind: 'gap', gap: 2, offset: 0 });
    expect(t.elements[0]).toMatchObject({ bold: false, align: 'left', wrap: false, shrinkToFit: false, pages: 'all', lineHeight: 1.2 });
  });

  test('survives a JSON round trip unchanged (export/import, sync)', () => {
    for (const t of BUILTIN_TEMPLATES) expect(parseTemplate(JSON.parse(JSON.stringify(t)))).toEqual(t);
  });

  test('says what is wrong and where', () => {
    const bad = { ...minimal, elements: [{ ...minimal.elements[0], w: -3 }] };
    expect(() => parseTemplate(bad)).toThrow(TemplateError);
    expect(() => parseTemplate(bad)).toThrow(/elements\.0\.w/);
    expect(() => parseTemplate({ ...minimal, elements: [{ type: 'circle', id: 'c' }] })).toThrow(/elements\.0/);
    expect(() => parseTemplate({ ...minimal, dpi: 600 })).toThrow(/dpi/);
  });

  test('refuses two elements with one id', () => {
    expect(() => parseTemplate({ ...minimal, elements: [minimal.elements[0], minimal.elements[0]] })).toThrow(/duplicate id a/);
  });
});
