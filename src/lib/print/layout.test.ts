import { describe, expect, test, vi } from 'vitest';
import { createDemoContext, demoOrders, generateCatalog } from '../domain/demo/generate';
import { demoTrackingNo } from '../domain/demo/catalog';
import { Rng } from '../domain/demo/rng';
import { BUILTIN_TEMPLATES, builtinTemplate } from './builtin-templates';
import type { PrintContext } from './fields';
import { defaultTarget, layoutTemplate, LayoutError, MissingFieldsError, type BarcodeItem, type LayoutItem, type TextItem } from './layout';
import { defaultProfile, ESCPOS_FONT_SIZES, targetFor, TSPL_FONT_SIZES } from './profiles';
import { parseTemplate } from './template';
import { fixtureContext, fixturePickContext } from './test-fixtures';

const tspl = targetFor(defaultProfile('tspl'));
const texts = (items: LayoutItem[], source: string) => items.filter((i): i is TextItem => i.kind === 'text' && i.source === source);

function contextFor(templateId: string): PrintContext {
  return templateId.includes('pick-list') ? fixturePickContext() : fixtureContext();
}

describe('waybill 100×150', () => {
  const layout = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext(), tspl);
  const [page] = layout.pages;

  test('is one 800×1200-dot label at 203 dpi', () => {
    expect(layout.width).toBe(800);
    expect(layout.pages).toHaveLength(1);
    expect(page.height).toBe(1200);
    expect(layout.warnings).toEqual([]);
  });

  test('the tracking barcode fills its box with whole-dot modules, centred, quiet zones kept', () => {
    const bc = page.items.find((i): i is BarcodeItem => i.kind === 'barcode')!;
    expect(bc).toMatchObject({ data: 'SF1412345678901', module: 4, y: 316 });
    expect(bc.width).toBe(bc.symbol.modules * 4);
    const box = { x: 16, w: 768 };
    expect(bc.x - box.x).toBeGreaterThanOrEqual(10 * 4);
    expect(box.x + box.w - (bc.x + bc.width)).toBeGreaterThanOrEqual(10 * 4);
    expect(Math.abs(bc.x - box.x - (box.x + box.w - bc.x - bc.width))).toBeLessThanOrEqual(1);
    const [hri] = texts(page.items, 'tracking-barcode');
    expect(hri).toMatchObject({ text: 'SF1412345678901', em: 24, y: bc.y + bc.height + 5 });
  });

  test('text sizes are the printer font sizes, and every line stays in its box', () => {
    const t = builtinTemplate('waybill-100x150');
    for (const it of page.items.filter((i): i is TextItem => i.kind === 'text')) {
      expect(TSPL_FONT_SIZES).toContain(it.em);
      const el = t.elements.find((e) => e.id === it.source)!;
      if (el.type === 'text') expect(it.x + it.width, it.text).toBeLessThanOrEqual(Math.round((el.x + el.w) * 8));
    }
  });

  test('routing code is large and centred; the address wraps inside its box', () => {
    const [bigPen] = texts(page.items, 'big-pen');
    expect(bigPen).toMatchObject({ text: '杭州西湖', em: 96, bold: true });
    expect(bigPen.x + bigPen.width / 2).toBe(400);
  });
});

describe('refusals and errors', () => {
  test('a waybill without a tracking number is refused, naming the field', () => {
    const run = () => layoutTemplate(builtinTemplate('waybill-100x150'), { ...fixtureContext(), trackingNo: undefined }, tspl);
    expect(run).toThrow(MissingFieldsError);
    expect(run).toThrow(/builtin:waybill-100x150 needs trackingNo/);
  });

  test('documents that need no tracking number still print without one', () => {
    expect(() => layoutTemplate(builtinTemplate('packing-slip-a5'), { ...fixtureContext(), trackingNo: undefined }, tspl)).not.toThrow();
  });

  test('a barcode that cannot fit its box names the element', () => {
    const t = parseTemplate({ ...builtinTemplate('waybill-76x130'), elements: [{ type: 'barcode', id: 'bc', x: 0, y: 0, w: 20, h: 15, symbology: 'code128', value: '{trackingNo}' }] });
    expect(() => layoutTemplate(t, fixtureContext(), tspl)).toThrow(LayoutError);
    expect(() => layoutTemplate(t, fixtureContext(), tspl)).toThrow(/^bc: "SF1412345678901" needs \d+ dots/);
  });

  test('bad barcode data names the element', () => {
    const t = parseTemplate({ ...builtinTemplate('sku-40x30') });
    const ctx = { ...fixtureContext(), sku: { ...fixtureContext().sku!, barcodes: ['6923456000019'] } };
    expect(() => layoutTemplate(t, ctx, tspl)).toThrow(/^barcode: EAN-13: check digit/);
  });
});

describe('fitting text', () => {
  test('shrink-to-fit steps down through the printer sizes before truncating', () => {
    const ctx = { ...fixtureContext(), routing: { bigPen: '浙江省杭州市西湖区留下镇' } };
    const [line] = texts(layoutTemplate(builtinTemplate('waybill-100x150'), ctx, tspl).pages[0].items, 'big-pen');
    expect(line.em).toBe(48); // 96, 80, 72, 64 are too wide for 12 characters in 736 dots
    expect(line.width).toBeLessThanOrEqual(736);
  });

  test('text that cannot fit is cut with an ellipsis and reported', () => {
    const long = '浙江省杭州市西湖区文一西路969号阿里巴巴西溪园区'.repeat(6);
    const ctx = fixtureContext();
    ctx.orders = [{ ...ctx.orders![0], recipient: { ...ctx.orders![0].recipient, address: { ...ctx.orders![0].recipient.address, detail: long } } }];
    const layout = layoutTemplate(builtinTemplate('waybill-100x150'), ctx, tspl);
    const lines = texts(layout.pages[0].items, 'recipient-address');
    expect(lines).toHaveLength(3);
    expect(lines[2].text.endsWith('…')).toBe(true);
    expect(lines.every((l) => l.em === 16)).toBe(true);
    expect(layout.warnings).toEqual([expect.objectContaining({ element: 'recipient-address', page: 1 })]);
  });
});

describe('item tables', () => {
  test('a long shipment continues on further labels: every line once, in order, header repeated', () => {
    const layout = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext({ lines: 40 }), tspl);
    expect(layout.pages.length).toBe(2);
    const qtyCells = layout.pages.flatMap((p) => texts(p.items, 'items').filter((t) => t.align === 'right' && t.text !== '数量'));
    expect(qtyCells).toHaveLength(40);
    expect(layout.pages[1].items.some((i) => i.kind === 'barcode')).toBe(false);
    expect(texts(layout.pages[1].items, 'continued')[0].text).toBe('续页 SF1412345678901 张伟');
    expect(texts(layout.pages[1].items, 'items')[0].text).toBe('商品');
    expect(texts(layout.pages[1].items, 'page')[0].text).toBe('2/2');
    expect(texts(layout.pages[0].items, 'page')[0].text).toBe('1/2');
  });

  test('a receipt grows with its table and pushes the footer down', () => {
    const short = layoutTemplate(builtinTemplate('pick-list-80mm'), fixturePickContext(), targetFor(defaultProfile('escpos')));
    const ctx = fixturePickContext();
    ctx.batch = { ...ctx.batch!, rows: Array.from({ length: 30 }, (_, i) => ({ ...ctx.batch!.rows[i % 3], index: i + 1, location: `A-${i}` })) };
    const long = layoutTemplate(builtinTemplate('pick-list-80mm'), ctx, targetFor(defaultProfile('escpos')));
    expect(long.pages).toHaveLength(1);
    expect(long.pages[0].height - short.pages[0].height).toBe(27 * 32);
    const footer = (l: typeof long) => texts(l.pages[0].items, 'total')[0].y;
    expect(footer(long) - footer(short)).toBe(long.pages[0].height - short.pages[0].height);
    for (const t of long.pages[0].items.filter((i): i is TextItem => i.kind === 'text')) expect(ESCPOS_FONT_SIZES).toContain(t.em);
  });
});

describe('purity', () => {
  test('same inputs, same layout; no clock is read', () => {
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('layout read the clock');
    });
    try {
      const a = layoutTemplate(builtinTemplate('waybill-76x130'), fixtureContext(), tspl);
      const b = layoutTemplate(builtinTemplate('waybill-76x130'), fixtureContext(), tspl);
      expect(a).toEqual(b);
    } finally {
      now.mockRestore();
    }
  });

  test('at 300 dpi positions scale to 12 dots per mm', () => {
    const l300 = layoutTemplate(builtinTemplate('waybill-100x150'), fixtureContext(), targetFor(defaultProfile('tspl', { dpi: 300 })));
    expect(l300.width).toBe(1200);
    const bc = l300.pages[0].items.find((i) => i.kind === 'barcode')!;
    expect(bc.y).toBe(Math.round(39.5 * 12));
  });

  test('every built-in template lays out for every printer language and the default target', () => {
    for (const t of BUILTIN_TEMPLATES)
      for (const target of [defaultTarget(203), tspl, targetFor(defaultProfile('zpl')), targetFor(defaultProfile('escpos')), targetFor(defaultProfile('tspl', { render: 'raster' }))]) {
        const layout = layoutTemplate(t, contextFor(t.id), target);
        expect(layout.pages.length, t.id).toBeGreaterThan(0);
      }
  });

  test('waybills for 200 demo orders lay out without errors', () => {
    const catalog = generateCatalog(3);
    const orders = demoOrders(createDemoContext({ seed: 3, catalog, now: Date.UTC(2025, 10, 21) }), 0, 200);
    const rng = new Rng(5);
    const skus = new Map(catalog.skus.map((s) => [s.code, s]));
    for (const order of orders) {
      const courier = catalog.couriers[rng.int(0, catalog.couriers.length - 1)];
      const ctx: PrintContext = {
        printedAt: Date.UTC(2025, 10, 21),
        station: { id: 's', name: '打包台' },
        orders: [order],
        shop: catalog.shops.find((s) => s.id === order.shopId),
        courier,
        trackingNo: demoTrackingNo(rng, courier.id),
        skus
      };
      for (const id of ['waybill-100x150', 'waybill-76x130', 'waybill-100x180']) expect(() => layoutTemplate(builtinTemplate(id), ctx, tspl), `${id} ${order.id}`).not.toThrow();
    }
  });
});
