import { describe, expect, test } from 'vitest';
import { builtinTemplate } from './builtin-templates';
import { pageSizeMm, systemPrintDocument, systemPrintDpi, type SystemPage } from './system-page';

const page = (over: Partial<SystemPage> = {}): SystemPage => ({ src: 'blob:x/1', widthMm: 100, heightMm: 150, alt: '面单 1', ...over });

describe('system print pages', () => {
  test('labels and receipts are drawn at 203 dpi, A4 and A5 sheets at 300 dpi', () => {
    expect(systemPrintDpi(builtinTemplate('waybill-100x150'))).toBe(203);
    expect(systemPrintDpi(builtinTemplate('packing-slip-80mm'))).toBe(203);
    expect(systemPrintDpi(builtinTemplate('pick-list-a4'))).toBe(300);
    expect(systemPrintDpi(builtinTemplate('packing-slip-a5'))).toBe(300);
  });

  test('a label page is the template size; a receipt page is as long as its content', () => {
    expect(pageSizeMm(builtinTemplate('waybill-100x150'), 1200, 203)).toEqual({ widthMm: 100, heightMm: 150 });
    expect(pageSizeMm(builtinTemplate('pick-list-a4'), 3564, 300)).toEqual({ widthMm: 210, heightMm: 297 });
    expect(pageSizeMm(builtinTemplate('packing-slip-80mm'), 763, 203)).toEqual({ widthMm: 72, heightMm: 95.38 });
  });

  test('one page per picture at its exact size, without margins', () => {
    const html = systemPrintDocument([page(), page({ src: 'blob:x/2' }), page({ src: 'blob:x/3' })], { title: '面单' });
    expect(html).toContain('@page { size: 100mm 150mm; margin: 0; }');
    expect(html.match(/class="page"/g)).toHaveLength(3);
    expect(html.match(/width: 100mm; height: 150mm/g)).toHaveLength(3);
  });

  test('pages of other sizes get named pages of their own', () => {
    const html = systemPrintDocument([page({ widthMm: 210, heightMm: 297 }), page(), page()], { title: 'batch' });
    expect(html).toContain('@page { size: 210mm 297mm; margin: 0; }');
    expect(html).toContain('@page size1 { size: 100mm 150mm; margin: 0; }');
    expect(html.match(/style="page: size1;/g)).toHaveLength(2);
  });

  test('titles and descriptions are text, never markup', () => {
    const html = systemPrintDocument([page({ alt: '"><script>alert(1)</script>' })], { title: '<b>x</b>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;script&#62;');
  });

  test('an empty batch is an error, not a blank page', () => {
    expect(() => systemPrintDocument([], { title: 'x' })).toThrow(/at least one page/);
  });
});
