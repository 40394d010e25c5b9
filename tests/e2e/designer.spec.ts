// The template designer end to end: start from the built-in 100×150 waybill, drag the tracking barcode with
// the mouse, save, reload, print one order with the saved template as ZPL to the fake USB printer, render
// the bytes the printer got with zpl-renderer-js and find the barcode scanned at its new place (compared
// with the same order printed from the built-in). A second station on the same server sees the template.
import { test, expect, type Page } from '@playwright/test';
import { installFakeUsbPrinter, receivedJobs } from './fake-usb-printer';
import { expectSynced, loadDemo, newStation, orderCount, setUpStation } from './helpers';
import { decodeBarcodes, decodePng, renderZpl } from '../../src/lib/print/test-oracles';

const NAME = 'E2E 面单 条码上移';
const BUILTIN = '电子面单 100×150 (4×6)';
/** The drag: 2 mm right, 10 mm up (up, because below the barcode the recipient block would overprint it). */
const DX_MM = 2;
const DY_MM = -10;
const DOTS_PER_MM = 8;

async function findOrderWithTracking(page: Page): Promise<{ orderNo: string; trackingNo: string }> {
  // ZTO numbers are 14 digits: Code 128 subset C all the way, which the ZPL renderer reads as Zebra does.
  await page.getByTestId('filter-courier').selectOption('zto');
  await expect.poll(() => orderCount(page)).toBeLessThan(1000);
  const row = page.locator('[data-testid="order-row"]:not([data-display="on_hold"]):not([data-display="cancelled"])').filter({ hasNot: page.locator('.c-track:empty') }).first();
  const id = (await row.getAttribute('data-id'))!;
  const trackingNo = ((await row.locator('.c-track').textContent()) ?? '').trim();
  expect(trackingNo).toMatch(/^\d{14}$/);
  return { orderNo: id.split(':')[2], trackingNo };
}

async function narrowTo(page: Page, orderNo: string) {
  await page.getByTestId('search').fill(orderNo);
  await expect.poll(() => orderCount(page)).toBe(1);
}

async function printOne(page: Page, template: string, reprintReason?: string) {
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-count')).toHaveAttribute('data-n', '1');
  await page.getByTestId('print-template').selectOption({ label: template });
  if (!(await page.getByTestId('printer-label').textContent())?.includes('Fake')) await page.getByTestId('connect-usb').click();
  await expect(page.getByTestId('printer-label')).toContainText('Fake TSPL printer');
  // The language belongs to the printer: set after connecting (the fake's name suggests TSPL).
  await page.getByTestId('print-language').selectOption('zpl');
  await expect(page.getByTestId('print-language')).toHaveValue('zpl');
  await page.getByTestId('print-start').click();
  if (reprintReason) {
    await expect(page.getByTestId('print-reprint')).toBeVisible();
    await page.getByTestId('reprint-reason').fill(reprintReason);
    await page.getByTestId('print-start').click();
  }
  await expect(page.getByTestId('print-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await page.getByTestId('print-panel').getByRole('button', { name: /close|关闭/i }).last().click();
  await expect(page.getByTestId('print-panel')).toBeHidden();
}

/** Where the Code 128 symbol with `text` is on a rendered 100×150 label: left edge and top of its bars, in dots. */
async function barcodeAt(zpl: Uint8Array, text: string): Promise<{ left: number; top: number }> {
  const png = await renderZpl(new TextDecoder().decode(zpl), 100, 150, DOTS_PER_MM);
  const found = (await decodeBarcodes(png)).filter((f) => f.format === 'Code128');
  expect(found.map((f) => f.text)).toContain(text);
  const f = found.find((x) => x.text === text)!;
  // zxing reports the scan line of a 1D code, not its top: walk up from it while the rows carry the same bars
  // (a rule crossing the bars is a few rows that differ; it is stepped over).
  const img = decodePng(png);
  const dark = (x: number, y: number) => img.data[(y * img.width + x) * 4] < 128;
  const [x0, x1] = [Math.round(f.left), Math.round(f.right)];
  const scan = Math.round((f.top + f.bottom) / 2);
  const same = (y: number) => {
    let eq = 0;
    for (let x = x0; x <= x1; x++) if (dark(x, y) === dark(x, scan)) eq++;
    return eq / (x1 - x0 + 1) > 0.97;
  };
  let top = scan;
  for (let y = scan - 1, misses = 0; y >= 0 && misses < 6; y--) {
    if (same(y)) {
      top = y;
      misses = 0;
    } else misses++;
  }
  return { left: f.left, top };
}

test('design a waybill: drag the barcode, save, print it as ZPL and scan it at its new place; a second station sees the template', async ({ page, browser, baseURL }) => {
  await installFakeUsbPrinter(page);
  await page.goto('/');
  await setUpStation(page, { name: 'Designer A' });
  await loadDemo(page, 1000);
  const { orderNo, trackingNo } = await findOrderWithTracking(page);
  await narrowTo(page, orderNo);

  // Open the designer on a copy of the built-in 100×150 waybill; the preview shows the order from the list.
  await page.getByTestId('designer-open').click();
  await expect(page.getByTestId('designer')).toBeVisible();
  await page.getByTestId('designer-template').selectOption('builtin:waybill-100x150');
  await expect(page.getByTestId('designer-preview')).toBeVisible();
  await expect(page.getByTestId('designer-preview-source')).toContainText(orderNo);
  await page.getByTestId('designer-name').fill(NAME);
  await page.getByTestId('designer-name').press('Enter');
  await expect(page.getByTestId('designer-template').locator('option:checked')).toContainText(NAME);

  // Drag the tracking barcode with the mouse; the position inputs show where it snapped.
  const paper = page.getByTestId('designer-paper');
  const z = Number(await paper.getAttribute('data-px-per-mm'));
  expect(z).toBeGreaterThan(2);
  const barcode = page.getByTestId('designer-element-tracking-barcode');
  await barcode.click();
  await expect(page.getByTestId('designer-x')).toHaveValue('2');
  await expect(page.getByTestId('designer-y')).toHaveValue('39.5');
  const box = (await barcode.boundingBox())!;
  const [sx, sy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  await page.mouse.move(sx + (DX_MM * z) / 2, sy + (DY_MM * z) / 2, { steps: 5 });
  await page.mouse.move(sx + DX_MM * z, sy + DY_MM * z, { steps: 5 });
  await expect(page.getByTestId('designer-guide').first()).toBeVisible();
  await page.mouse.up();
  await expect(page.getByTestId('designer-x')).toHaveValue('4');
  await expect(page.getByTestId('designer-y')).toHaveValue('29.5');
  await expect(page.getByTestId('designer-guide')).toHaveCount(0);

  // Undo puts it back, redo moves it again (keyboard, focus on the canvas).
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('designer-y')).toHaveValue('39.5');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('designer-y')).toHaveValue('29.5');

  await page.getByTestId('designer-save').click();
  await expect(page.getByTestId('designer-notice')).toBeVisible();

  // After a reload the saved template is still there, with the barcode where it was put.
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
  await page.getByTestId('designer-open').click();
  await page.getByTestId('designer-template').selectOption({ label: NAME });
  await page.getByTestId('designer-element-tracking-barcode').click();
  await expect(page.getByTestId('designer-y')).toHaveValue('29.5');
  await page.getByTestId('designer-close').click();
  await expect(page.getByTestId('designer')).toBeHidden();

  // Print the order with the built-in, then with the saved template (a reprint, with a reason).
  await page.getByTestId('filter-courier').selectOption('zto');
  await narrowTo(page, orderNo);
  await printOne(page, BUILTIN);
  await printOne(page, NAME, '模板测试');
  const jobs = await receivedJobs(page);
  expect(jobs).toHaveLength(2);
  const before = await barcodeAt(jobs[0], trackingNo);
  const after = await barcodeAt(jobs[1], trackingNo);
  expect(Math.abs(after.left - before.left - DX_MM * DOTS_PER_MM)).toBeLessThanOrEqual(2);
  expect(Math.abs(after.top - before.top - DY_MM * DOTS_PER_MM)).toBeLessThanOrEqual(2);
  // The built-in's bars start where layout puts them: 39.5 mm down, below nothing but the rule above.
  expect(Math.abs(before.top - 39.5 * DOTS_PER_MM)).toBeLessThanOrEqual(2);

  // A second station on the same server gets the template through sync.
  await expectSynced(page);
  const b = await newStation(browser, baseURL!);
  await b.page.goto('/');
  await setUpStation(b.page, { name: 'Designer B' });
  await expectSynced(b.page, 60_000);
  await expect(async () => {
    await b.page.getByTestId('designer-open').click();
    try {
      await expect(b.page.getByTestId('designer-template').locator('option', { hasText: NAME })).toHaveCount(1, { timeout: 1_000 });
    } finally {
      await b.page.getByTestId('designer-close').click();
    }
  }).toPass({ timeout: 20_000 });
  await b.context.close();
});
