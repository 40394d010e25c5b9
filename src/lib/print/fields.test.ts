import { describe, expect, test } from 'vitest';
import { builtinTemplate } from './builtin-templates';
import { checkFieldRefs, contextLookup, fieldRefs, FIELDS, missingRequired, renderValue, shipmentItems } from './fields';
import { parseTemplate, TemplateError } from './template';
import { fixtureContext } from './test-fixtures';

const env = { timeZoneOffsetMinutes: 480 };
const render = (value: string, ctx = fixtureContext()) => renderValue(value, contextLookup(ctx, { number: 1, count: 2 }), env);

describe('value templates', () => {
  test('mix static text, fields and formats', () => {
    expect(render('收 {recipient.name} {recipient.phone|mask-phone}')).toBe('收 张伟 138****5678');
    expect(render('{recipient.name|mask-name} / {trackingNo|last:4} / {{braces}}')).toBe('张* / 8901 / {braces}');
    expect(render('{page.number}/{page.count}')).toBe('1/2');
  });

  test('numbers get their field format unless the template names one', () => {
    expect(render('{weight}')).toBe('1.18kg');
    expect(render('{weight|g}')).toBe('1180g');
    expect(render('{weight|kg:1}')).toBe('1.2kg');
    expect(render('{order.paid}')).toBe('176.60');
  });

  test('times are local to the station zone, from the print time passed in', () => {
    expect(render('{print.time}')).toBe('2025-11-21 14:30');
    expect(render('{print.time|date} {print.time|time}')).toBe('2025-11-21 14:30');
    expect(renderValue('{print.time}', contextLookup({ ...fixtureContext(), timeZoneOffsetMinutes: 0 }), { timeZoneOffsetMinutes: 0 })).toBe('2025-11-21 06:30');
  });

  test('empty fields print nothing, or the default', () => {
    const ctx = { ...fixtureContext(), routing: undefined };
    expect(render('[{routing.hub}]', ctx)).toBe('[]');
    expect(render('{routing.hub|default:无}', ctx)).toBe('无');
  });

  test('control characters in order text become spaces; the template keeps its own line breaks', () => {
    const ctx = fixtureContext();
    ctx.orders = [{ ...ctx.orders![0], recipient: { ...ctx.orders![0].recipient, name: '张\r\n伟\u0000' } }];
    expect(render('{recipient.name}\n{recipient.name}', ctx)).toBe('张  伟 \n张  伟 ');
  });

  test('unknown fields and formats are template errors', () => {
    expect(() => render('{recipient.nmae}')).toThrow(TemplateError);
    expect(() => render('{recipient.name|shout}')).toThrow(/unknown format shout/);
    expect(fieldRefs('a {x.y|upper} b {z}')).toEqual(['x.y', 'z']);
  });
});

describe('field catalogue', () => {
  test('every field has a Chinese and an English label and reads the fixture without throwing', () => {
    const ctx = fixtureContext();
    for (const [path, def] of Object.entries(FIELDS)) {
      expect(def.label.zh, path).toBeTruthy();
      expect(def.label.en, path).toBeTruthy();
      expect(() => def.get(ctx), path).not.toThrow();
      expect(() => def.get({ printedAt: 0, station: { id: 's', name: 's' } }), `${path} on an empty context`).not.toThrow();
    }
  });

  test('addresses drop the repeated municipality', () => {
    const ctx = fixtureContext();
    ctx.orders = [{ ...ctx.orders![0], recipient: { ...ctx.orders![0].recipient, address: { province: '北京市', city: '北京市', district: '朝阳区', detail: '建国路88号' } } }];
    expect(render('{recipient.address}', ctx)).toBe('北京市朝阳区建国路88号');
  });

  test('the sender comes from the shop, or the warehouse when there is no shop', () => {
    const ctx = { ...fixtureContext(), shop: undefined, warehouse: { id: 'wh-gz', name: '广州分仓', address: { province: '广东省', city: '广州市', district: '白云区', detail: '太和镇' } } };
    expect(render('{sender.name} {sender.address}', ctx)).toBe('广州分仓 广东省广州市白云区太和镇');
  });

  test("a split shipment prints its parts' quantities, with locations and barcodes from the catalog", () => {
    const ctx = fixtureContext();
    ctx.shipment = { ...ctx.shipment!, parts: [{ orderId: ctx.orders![0].id, lineNo: 1, qty: 1 }] };
    expect(shipmentItems(ctx)).toEqual([
      { index: 1, orderNo: '2345678901234567890', sku: 'SKU-10001', title: '纯棉圆领短袖T恤', spec: '颜色分类:白色;尺码:L', qty: 1, price: 5990, location: 'A-03-07', barcode: ctx.skus!.get('SKU-10001')!.barcodes[0] }
    ]);
    expect(render('{items.qty} {items.lines} {items.summary}', ctx)).toBe('1 1 纯棉圆领短袖T恤 颜色分类:白色;尺码:L×1');
  });

  test('a shipment whose order is missing is an error, not an empty label', () => {
    const ctx = { ...fixtureContext(), orders: [] };
    expect(() => shipmentItems(ctx)).toThrow(/shp-7f3a holds order/);
  });
});

describe('template checks', () => {
  test('built-in templates refer only to known fields', () => {
    expect(checkFieldRefs(builtinTemplate('waybill-100x150'))).toEqual([]);
  });

  test('unknown fields are found in texts, table cells and requirements', () => {
    const t = parseTemplate({
      id: 'x',
      name: 'x',
      kind: 'custom',
      size: { width: 50, height: 30 },
      media: { kind: 'gap' },
      requires: ['tracking'],
      elements: [
        { type: 'text', id: 'a', x: 0, y: 0, w: 10, h: 3, value: '{nope}', fontSize: 3 },
        { type: 'table', id: 't', x: 0, y: 5, w: 40, h: 20, source: 'items', fontSize: 2, rowHeight: 3, columns: [{ header: 'h', value: '{row.qty} {row.location2}', width: 40 }] }
      ]
    });
    expect(checkFieldRefs(t)).toEqual(['a: unknown field {nope}', 't.columns.0: unknown field {row.location2}', 'requires: unknown field tracking']);
  });

  test('a waybill without a tracking number is missing its required field', () => {
    expect(missingRequired(builtinTemplate('waybill-76x130'), { ...fixtureContext(), trackingNo: '  ' })).toEqual(['trackingNo']);
    expect(missingRequired(builtinTemplate('waybill-76x130'), fixtureContext())).toEqual([]);
  });
});
