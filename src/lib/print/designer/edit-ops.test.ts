import { describe, expect, test } from 'vitest';
import { builtinTemplate } from '../builtin-templates';
import { parseTemplate, TemplateError, type Template } from '../template';
import { boundsOf } from './geometry';
import { addElement, deleteElement, dragElement, duplicateElement, elementById, insertField, nudgeElement, resizeElement, updateElement, updateTemplate } from './edit-ops';

const blank = (): Template =>
  parseTemplate({
    id: 't1',
    name: 'Test',
    kind: 'custom',
    size: { width: 100, height: 60 },
    media: { kind: 'gap' },
    elements: [
      { type: 'box', id: 'a', x: 10, y: 10, w: 20, h: 10 },
      { type: 'box', id: 'b', x: 50, y: 30, w: 20, h: 10 }
    ]
  });

const rectOf = (t: Template, id: string) => boundsOf(elementById(t, id));

describe('dragging', () => {
  test('snaps to the 0.5 mm grid', () => {
    const t = blank();
    const { template } = dragElement(t, 'a', rectOf(t, 'a'), 3.37, 1.12);
    expect(rectOf(template, 'a')).toMatchObject({ x: 13.5, y: 11 });
  });

  test('Alt (free) keeps the exact position', () => {
    const t = blank();
    const { template, guides } = dragElement(t, 'a', rectOf(t, 'a'), 3.37, 1.12, { free: true, threshold: 1 });
    expect(rectOf(template, 'a')).toMatchObject({ x: 13.37, y: 11.12 });
    expect(guides).toEqual([]);
  });

  test("snaps an edge to another element's edge within the threshold and reports the guide", () => {
    const t = blank();
    // a's left edge lands 0.8 mm from b's left edge (50): it snaps there instead of to the grid.
    const { template, guides } = dragElement(t, 'a', rectOf(t, 'a'), 40.8, 4.3, { threshold: 1 });
    expect(rectOf(template, 'a')).toMatchObject({ x: 50, y: 14.5 });
    expect(guides).toContainEqual({ axis: 'x', at: 50 });
    expect(guides.some((g) => g.axis === 'y')).toBe(false);
  });

  test("snaps its centre to the label's centre", () => {
    const t = blank();
    // centre x = 10 + 29.6 + 10 = 49.6 -> 50 (label centre); centre y = 10 + 14.7 + 5 = 29.7 -> 30 (label centre)
    const { template, guides } = dragElement(t, 'a', rectOf(t, 'a'), 29.6, 14.7, { threshold: 0.5 });
    expect(rectOf(template, 'a')).toMatchObject({ x: 40, y: 25 });
    expect(guides).toEqual(expect.arrayContaining([{ axis: 'x', at: 50 }, { axis: 'y', at: 30 }]));
  });

  test('stays inside the label', () => {
    const t = blank();
    const { template } = dragElement(t, 'a', rectOf(t, 'a'), 500, -80);
    expect(rectOf(template, 'a')).toMatchObject({ x: 80, y: 0 });
  });

  test('leaves the original template unchanged', () => {
    const t = blank();
    const before = JSON.stringify(t);
    dragElement(t, 'a', rectOf(t, 'a'), 5, 5);
    expect(JSON.stringify(t)).toBe(before);
  });

  test('moves a built-in barcode and the result is still a valid template', () => {
    const t = builtinTemplate('waybill-100x150');
    const { template } = dragElement(t, 'tracking-barcode', rectOf(t, 'tracking-barcode'), 2, -10);
    expect(rectOf(template, 'tracking-barcode')).toMatchObject({ x: 4, y: 29.5, w: 96, h: 25 });
    expect(() => parseTemplate(template)).not.toThrow();
  });
});

describe('resizing', () => {
  test('the south-east handle grows width and height on the grid; the top-left corner stays', () => {
    const t = blank();
    const { template } = resizeElement(t, 'a', rectOf(t, 'a'), 'se', 5.2, 2.9);
    expect(rectOf(template, 'a')).toEqual({ x: 10, y: 10, w: 25, h: 13 });
  });

  test('the west handle moves the left edge and keeps the right one', () => {
    const t = blank();
    const { template } = resizeElement(t, 'a', rectOf(t, 'a'), 'w', -4.1, 0);
    expect(rectOf(template, 'a')).toEqual({ x: 6, y: 10, w: 24, h: 10 });
  });

  test('never below 1 mm, never past the label edge', () => {
    const t = blank();
    expect(rectOf(resizeElement(t, 'a', rectOf(t, 'a'), 'e', -50, 0).template, 'a').w).toBe(1);
    expect(rectOf(resizeElement(t, 'a', rectOf(t, 'a'), 'se', 500, 500).template, 'a')).toEqual({ x: 10, y: 10, w: 90, h: 50 });
  });

  test('a QR code stays square and a line only changes its length', () => {
    let t = addElement(blank(), 'qr', { at: { x: 70, y: 5 } }).template;
    const q = rectOf(t, 'qr-1');
    const r = rectOf(resizeElement(t, 'qr-1', q, 'se', 3, 9).template, 'qr-1');
    expect(r.w).toBe(r.h);
    expect(r.w).toBe(29);
    // Past the label's right edge the square stops growing.
    expect(rectOf(resizeElement(t, 'qr-1', q, 'e', 50, 0).template, 'qr-1')).toEqual({ x: 70, y: 5, w: 30, h: 30 });
    t = addElement(blank(), 'line', { at: { x: 5, y: 50 } }).template;
    const line = resizeElement(t, 'line-1', rectOf(t, 'line-1'), 'se', 10, 10).template.elements.find((e) => e.id === 'line-1')!;
    expect(line).toMatchObject({ length: 50, thickness: 0.25, y: 50 });
  });
});

describe('nudging, adding, duplicating, deleting', () => {
  test('arrow keys move by exact millimetres and stop at the edge', () => {
    const t = blank();
    expect(rectOf(nudgeElement(t, 'a', 0.5, 0), 'a')).toMatchObject({ x: 10.5, y: 10 });
    expect(rectOf(nudgeElement(t, 'a', 0, -5), 'a')).toMatchObject({ x: 10, y: 5 });
    expect(rectOf(nudgeElement(t, 'a', -50, 0), 'a')).toMatchObject({ x: 0 });
  });

  test('a text bound to a field from the palette', () => {
    const { template, id } = addElement(blank(), 'text', { field: 'recipient.name', at: { x: 95, y: 2 } });
    const e = elementById(template, id);
    expect(e).toMatchObject({ type: 'text', value: '{recipient.name}', fontSize: 3, bold: false });
    // Placed inside the label even when asked for a spot too close to the edge.
    expect(boundsOf(e).x + boundsOf(e).w).toBeLessThanOrEqual(100);
  });

  test('every palette kind adds a valid element with a fresh id', () => {
    let t = blank();
    for (const kind of ['text', 'barcode', 'qr', 'line', 'box', 'box'] as const) t = addElement(t, kind).template;
    expect(t.elements.map((e) => e.id)).toEqual(['a', 'b', 'text-1', 'barcode-1', 'qr-1', 'line-1', 'box-1', 'box-2']);
    expect(() => parseTemplate(t)).not.toThrow();
    expect(elementById(t, 'barcode-1')).toMatchObject({ symbology: 'code128', value: '{trackingNo}' });
  });

  test('duplicate copies every property under a new id, offset by 2 mm, right after the original', () => {
    const t = updateElement(blank(), 'a', { fill: true, thickness: 1 });
    const { template, id } = duplicateElement(t, 'a');
    expect(id).toBe('a-copy-1');
    expect(template.elements.map((e) => e.id)).toEqual(['a', 'a-copy-1', 'b']);
    expect(elementById(template, id)).toMatchObject({ fill: true, thickness: 1, x: 12, y: 12, w: 20, h: 10 });
    expect(duplicateElement(template, id).id).toBe('a-copy-2');
  });

  test('delete removes only that element', () => {
    expect(deleteElement(blank(), 'a').elements.map((e) => e.id)).toEqual(['b']);
    expect(() => deleteElement(blank(), 'zz')).toThrow(/no element zz/);
  });
});

describe('property changes', () => {
  test('a valid change is applied; a bad one says which property and keeps the template', () => {
    const { template: t } = addElement(blank(), 'text', { field: 'order.no' });
    const next = updateElement(t, 'text-1', { fontSize: 4, bold: true, align: 'center' });
    expect(elementById(next, 'text-1')).toMatchObject({ fontSize: 4, bold: true, align: 'center' });
    let err: unknown;
    try {
      updateElement(t, 'text-1', { fontSize: -2 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as Error).message).toMatch(/^text-1\.fontSize: /);
    expect(elementById(t, 'text-1')).toMatchObject({ fontSize: 3 });
  });

  test('typed positions are kept inside the label; id and type cannot be changed', () => {
    const t = updateElement(blank(), 'a', { x: 95, y: 2, id: 'zzz', type: 'text' });
    expect(elementById(t, 'a')).toMatchObject({ type: 'box', x: 80, y: 2 });
  });

  test('a smaller label pulls its elements inside; a bad size is refused', () => {
    const t = updateTemplate(blank(), { size: { width: 60, height: 30 } });
    expect(rectOf(t, 'b')).toMatchObject({ x: 40, y: 20 });
    expect(() => updateTemplate(blank(), { size: { width: 0, height: 30 } })).toThrow(/size\.width/);
    expect(updateTemplate(blank(), { name: 'Renamed' }).name).toBe('Renamed');
  });

  test('field placeholders insert at the caret', () => {
    expect(insertField('收 ', 'recipient.name')).toBe('收 {recipient.name}');
    expect(insertField('AB', 'trackingNo', 1)).toBe('A{trackingNo}B');
  });
});
