import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { exportTemplateJson, importTemplateJson } from './template-io';

describe('template files', () => {
  test('export then import gives the same template back', () => {
    const t = builtinTemplate('waybill-76x130');
    const file = exportTemplateJson(t);
    expect(file.name).toBe('电子面单_76×130_一联单.template.json');
    const back = importTemplateJson(file.text);
    expect(back).toEqual({ ok: true, template: t });
  });

  test('broken JSON names the line and column', () => {
    const r = importTemplateJson('{\n  "id": "x",\n  "name": oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^not JSON: line 3, column 11: /);
  });

  test('a wrong value names the element and property', () => {
    const t = structuredClone(builtinTemplate('waybill-100x150')) as unknown as { elements: Record<string, unknown>[] };
    t.elements[3].fontSize = 'big';
    const r = importTemplateJson(JSON.stringify(t));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/elements\.3\.fontSize/);
  });

  test('an unknown field placeholder is refused with its element', () => {
    const t = structuredClone(builtinTemplate('sku-40x30'));
    const el = t.elements.find((e) => e.type === 'text')!;
    (el as { value: string }).value = '{recipient.shoeSize}';
    const r = importTemplateJson(JSON.stringify(t));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`${el.id}: unknown field {recipient.shoeSize}`);
  });

  test('duplicate element ids and non-templates are refused', () => {
    const t = structuredClone(builtinTemplate('sku-40x30'));
    t.elements.push({ ...t.elements[0] });
    expect(importTemplateJson(JSON.stringify(t))).toMatchObject({ ok: false, message: expect.stringContaining('duplicate id') });
    expect(importTemplateJson('[1,2]')).toMatchObject({ ok: false });
    expect(importTemplateJson('{"template": {}}')).toMatchObject({ ok: false, message: expect.stringContaining('id') });
  });
});
