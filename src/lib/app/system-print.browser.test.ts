// System print in real Chromium: three waybills drawn by the print worker become one print document in a
// hidden iframe, one page per label at the exact paper size, each page's picture at the printer's
// resolution and scanning back to its own tracking number.
import { afterEach, describe, expect, test } from 'vitest';
import { builtinTemplate } from '../print/builtin-templates';
import { numberedContexts } from '../print/canvas/test-contexts';
import { scan } from '../print/canvas/test-zxing';
import { loadPrintFrame, printFrame, removePrintFrame, renderSystemPages } from './system-print';

const template = builtinTemplate('waybill-100x150');
const contexts = numberedContexts(3);

async function pixels(img: HTMLImageElement): Promise<ImageData> {
  const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(img, 0, 0);
  return g.getImageData(0, 0, canvas.width, canvas.height);
}

afterEach(() => removePrintFrame());

describe('system print of three 100×150 waybills', () => {
  test('one page per label at 100×150 mm, each picture 800×1200 dots scanning to its tracking number', async () => {
    const { pages, failures } = await renderSystemPages({ template, contexts, describe: (i) => `面单 ${contexts[i].trackingNo}` });
    expect(failures).toEqual([]);
    const frame = await loadPrintFrame(pages, { title: '面单' });
    const doc = frame.contentDocument!;
    const css = [...doc.styleSheets].flatMap((s) => [...s.cssRules]);
    // The frame has its own CSSPageRule class: compare the rule type, not the constructor.
    const pageRules = css.filter((r): r is CSSPageRule => r.type === CSSRule.PAGE_RULE);
    expect(pageRules.length).toBeGreaterThan(0);
    for (const r of pageRules) {
      expect(r.style.getPropertyValue('size')).toBe('100mm 150mm');
      expect(r.style.getPropertyValue('margin')).toBe('0px');
    }
    const sheets = [...doc.querySelectorAll<HTMLElement>('.page')];
    expect(sheets).toHaveLength(3);
    for (const [i, sheet] of sheets.entries()) {
      // 100 mm at 96 CSS px per inch.
      expect(sheet.getBoundingClientRect().width).toBeCloseTo((100 / 25.4) * 96, 0);
      expect(sheet.getBoundingClientRect().height).toBeCloseTo((150 / 25.4) * 96, 0);
      const img = sheet.querySelector('img')!;
      expect([img.naturalWidth, img.naturalHeight]).toEqual([800, 1200]);
      const codes = (await scan(await pixels(img))).map((f) => f.text);
      expect(codes).toContain(contexts[i].trackingNo);
      expect(codes.filter((c) => c !== contexts[i].trackingNo && /^SF/.test(c))).toEqual([]);
    }
  });

  test('a label without a tracking number is named, and the others still print', async () => {
    const batch = [contexts[0], { ...contexts[1], trackingNo: undefined }, contexts[2]];
    const { pages, failures } = await renderSystemPages({ template, contexts: batch, describe: (i) => `order ${i + 1}` });
    expect(pages.map((p) => p.context)).toEqual([0, 2]);
    expect(failures).toHaveLength(1);
    expect(failures[0].message).toMatch(/^order 2: .*trackingNo/);
  });

  test('printing calls the frame window’s print, not the page’s', async () => {
    const { pages } = await renderSystemPages({ template, contexts: contexts.slice(0, 1), describe: () => 'x' });
    const frame = await loadPrintFrame(pages, { title: 'x' });
    let framePrints = 0;
    let pagePrints = 0;
    frame.contentWindow!.print = () => void framePrints++;
    const own = window.print;
    window.print = () => void pagePrints++;
    try {
      await printFrame(frame);
    } finally {
      window.print = own;
    }
    expect([framePrints, pagePrints]).toEqual([1, 0]);
  });
});
