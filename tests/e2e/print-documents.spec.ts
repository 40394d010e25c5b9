// Documents in a print batch: about 20 shipments get their waybill labels and one pick list on a (fake) USB
// printer, then their packing slips — a first print, though the labels were printed — then the slips again,
// which asks for a reason. The journal holds each document under its own kind and the detail panel counts
// each. System print, with no printer connected: the print dialog (stubbed) gets one page per label at
// 100×150 mm and the A4 pick list at 210×297 mm, and the same document rendered to PDF has those pages.
import { test, expect, type Page } from '@playwright/test';
import { installFakeUsbPrinter } from './fake-usb-printer';
import { loadDemo, orderCount, setUpStation } from './helpers';

/** Narrows the list to the courier with the most orders (up to 40): the courier menu shows each count. */
async function selectAbout20(page: Page): Promise<number> {
  const options = await page.getByTestId('filter-courier').locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  const counts = options.filter((o) => o.value && o.value !== '(none)').map((o) => ({ value: o.value, n: Number(/\((\d[\d,]*)\)/.exec(o.text)?.[1].replace(/,/g, '') ?? 0) }));
  const best = counts.filter((c) => c.n <= 40).sort((a, b) => b.n - a.n)[0];
  expect(best?.n).toBeGreaterThanOrEqual(10);
  await page.getByTestId('filter-courier').selectOption(best.value);
  await expect.poll(() => orderCount(page)).toBe(best.n);
  return best.n;
}

/** A listed order that prints (neither held nor cancelled). */
const printableRow = async (page: Page): Promise<string> =>
  (await page.locator('[data-testid="order-row"]:not([data-display="on_hold"]):not([data-display="cancelled"])').first().getAttribute('data-id'))!;

interface JournalRow {
  document: string;
  shipmentId?: string;
  state: string;
  jobId: string;
  printer: string;
  reprintReason?: string;
}

async function journal(page: Page): Promise<JournalRow[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('packdesk');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    return new Promise<JournalRow[]>((res) => {
      const r = db.transaction('journal').objectStore('journal').getAll();
      r.onsuccess = () => res(r.result);
    });
  });
}

const confirmedJobs = (rows: JournalRow[], document: string) => new Set(rows.filter((r) => r.document === document && r.state === 'confirmed').map((r) => r.jobId)).size;

async function setDocuments(page: Page, docs: Record<'label' | 'packing-slip' | 'pick-list', false | 'printer' | 'system'>) {
  for (const [kind, output] of Object.entries(docs)) {
    await page.getByTestId(`doc-${kind}`).setChecked(output !== false);
    if (output) await page.getByTestId(`doc-${kind}-output`).selectOption(output);
  }
}

async function printDone(page: Page) {
  await page.getByTestId('print-start').click();
  await expect(page.getByTestId('print-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const total = await page.getByTestId('print-progress').getAttribute('data-total');
  await expect(page.getByTestId('print-progress')).toHaveAttribute('data-confirmed', total!);
  return Number(total);
}

async function closePanel(page: Page) {
  await page.getByTestId('print-panel').getByRole('button', { name: /close|关闭/i }).last().click();
  await expect(page.getByTestId('print-panel')).toBeHidden();
}

/** The detail panel's print counts of one order: 面单 ×n, 装箱单 ×n, 拣货单 ×n (0 shows —). */
async function expectPrinted(page: Page, id: string, counts: { label: number; slip: number; pick: number }) {
  await page.locator(`[data-testid="order-row"][data-id="${id}"]`).click();
  await expect(page.getByTestId('detail')).toBeVisible();
  for (const [kind, n] of [['label', counts.label], ['packing-slip', counts.slip], ['pick-list', counts.pick]] as const) {
    await expect(page.getByTestId(`detail-printed-${kind}`)).toHaveAttribute('data-n', String(n));
    await expect(page.getByTestId(`detail-printed-${kind}`)).toContainText(n ? `×${n}` : '—');
  }
  await page.getByTestId('detail-close').click();
}

test('labels and a pick list, then packing slips as first prints, then slips again only with a reason', async ({ page }) => {
  await installFakeUsbPrinter(page);
  await page.goto('/');
  await setUpStation(page, { name: 'Documents', alone: true });
  await loadDemo(page, 1000);
  const n = await selectAbout20(page);
  const firstId = await printableRow(page);

  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  // Label only is the default; the slip and the pick list are offered, unticked.
  await expect(page.getByTestId('doc-label')).toBeChecked();
  await expect(page.getByTestId('doc-packing-slip')).not.toBeChecked();
  await expect(page.getByTestId('doc-pick-list')).not.toBeChecked();
  const printable = Number(await page.getByTestId('print-count').getAttribute('data-n'));
  expect(printable).toBeGreaterThan(0);
  expect(printable).toBeLessThanOrEqual(n);
  await page.getByTestId('connect-usb').click();
  await expect(page.getByTestId('printer-label')).toContainText('Fake TSPL printer');

  // Batch 1: labels and the 80 mm pick list to the printer.
  await setDocuments(page, { label: 'printer', 'packing-slip': false, 'pick-list': 'printer' });
  await page.getByTestId('doc-pick-list-template').selectOption('builtin:pick-list-80mm');
  expect(await printDone(page)).toBe(printable + 1);
  await expect.poll(async () => confirmedJobs(await journal(page), 'label')).toBe(printable);
  let rows = await journal(page);
  expect(confirmedJobs(rows, 'pick-list')).toBe(1);
  expect(rows.filter((r) => r.document === 'pick-list').every((r) => r.shipmentId === undefined)).toBe(true);
  await closePanel(page);
  await expectPrinted(page, firstId, { label: 1, slip: 0, pick: 1 });

  // Batch 2: the packing slips were never printed: no reason asked, though the labels were.
  await page.getByTestId('print-open').click();
  await setDocuments(page, { label: false, 'packing-slip': 'printer', 'pick-list': false });
  await page.getByTestId('doc-packing-slip-template').selectOption('builtin:packing-slip-80mm');
  await expect(page.getByTestId('print-refused')).toHaveCount(0);
  expect(await printDone(page)).toBe(printable);
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await expect.poll(async () => confirmedJobs(await journal(page), 'packing-slip')).toBe(printable);
  rows = await journal(page);
  expect(confirmedJobs(rows, 'label')).toBe(printable);

  // Batch 3: the same slips again are a deliberate reprint, named as packing slips.
  await page.getByTestId('print-start').click();
  await expect(page.getByTestId('print-reprint')).toBeVisible();
  await expect(page.getByTestId('print-reprint')).toContainText(/Packing slip ×1|装箱单 ×1/);
  await expect(page.getByTestId('print-reprint')).not.toContainText(/Label|面单 ×/);
  await page.getByTestId('reprint-reason').fill('装箱单被撕破');
  expect(await printDone(page)).toBe(printable);
  await expect.poll(async () => confirmedJobs(await journal(page), 'packing-slip')).toBe(2 * printable);
  rows = await journal(page);
  expect(rows.filter((r) => r.document === 'packing-slip' && r.state === 'confirmed' && r.reprintReason === '装箱单被撕破')).toHaveLength(printable);
  await closePanel(page);
  // The detail panel counts each document.
  await expect(page.getByTestId('filter-status-printed')).toContainText(String(printable));
  await expectPrinted(page, firstId, { label: 1, slip: 2, pick: 1 });
});

test('system print with no printer: one page per label at 100×150 mm and the A4 pick list, journaled', async ({ page, browser }) => {
  // The print dialog is stubbed in every frame: count the calls and keep what the frame would print.
  await page.addInitScript(() => {
    if (window === window.top) return;
    window.print = () => {
      const top = window.top as unknown as { __prints: unknown[] };
      const images = [...document.images];
      const dataUrls = images.map((img) => {
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        c.getContext('2d')!.drawImage(img, 0, 0);
        return c.toDataURL('image/png');
      });
      const html = document.documentElement.outerHTML;
      let i = 0;
      (top.__prints ??= []).push({
        pages: document.querySelectorAll('.page').length,
        sizes: images.map((img) => [img.naturalWidth, img.naturalHeight]),
        css: document.querySelector('style')?.textContent ?? '',
        html: html.replace(/src="blob:[^"]+"/g, () => `src="${dataUrls[i++]}"`)
      });
    };
  });
  await page.goto('/');
  await setUpStation(page, { name: 'System print', alone: true });
  await loadDemo(page, 1000);
  await selectAbout20(page);
  const firstId = await printableRow(page);
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  const printable = Number(await page.getByTestId('print-count').getAttribute('data-n'));
  await expect(page.getByTestId('printer-label')).toHaveText(/none|not connected|未连接/i);
  await setDocuments(page, { label: 'system', 'packing-slip': false, 'pick-list': 'system' });
  const state = page.getByTestId('system-print-state');
  await page.getByTestId('print-start').click();
  // The browser cannot tell whether the OS dialog printed: the seller says. "Not printed" counts nothing,
  // so the same pages print again without a reprint reason.
  await expect(state).toHaveAttribute('data-phase', 'confirm', { timeout: 60_000 });
  await page.getByTestId('system-printed-no').click();
  await expect(state).toHaveAttribute('data-phase', 'cancelled');
  expect(confirmedJobs(await journal(page), 'label')).toBe(0);
  await page.getByTestId('print-start').click();
  await expect(state).toHaveAttribute('data-phase', 'confirm', { timeout: 60_000 });
  await expect(page.getByTestId('print-reprint')).toHaveCount(0);
  await page.getByTestId('system-printed-yes').click();
  await expect(state).toHaveAttribute('data-phase', 'done');

  const prints = await page.evaluate(() => (window as unknown as { __prints?: { pages: number; sizes: number[][]; css: string; html: string }[] }).__prints ?? []);
  expect(prints).toHaveLength(2);
  const printed = prints[1];
  // The A4 pick list comes first (at 300 dpi), then one 100×150 page per label (at 203 dpi).
  expect(printed.css).toContain('@page { size: 210mm 297mm; margin: 0; }');
  expect(printed.css).toContain('@page size1 { size: 100mm 150mm; margin: 0; }');
  const labels = printed.sizes.filter(([w, h]) => w === 800 && h === 1200).length;
  expect(labels).toBe(printable);
  expect(printed.sizes.slice(0, printed.pages - printable).every(([w, h]) => w === 2520 && h === 3564)).toBe(true);
  expect(printed.pages).toBe(printed.sizes.length);
  await expect(page.getByTestId('system-print-state')).toHaveAttribute('data-pages', String(printed.pages));

  // The same document as the browser's "Save as PDF" makes it: one PDF page per page, at the paper size.
  const pdfPage = await browser.newPage();
  await pdfPage.setContent(printed.html, { waitUntil: 'load' });
  const pdf = (await pdfPage.pdf({ preferCSSPageSize: true })).toString('latin1');
  await pdfPage.close();
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round((Number(m[1]) / 72) * 25.4), Math.round((Number(m[2]) / 72) * 25.4)]);
  expect(boxes).toHaveLength(printed.pages);
  expect(boxes.filter(([w, h]) => w === 100 && h === 150)).toHaveLength(printable);
  expect(boxes.filter(([w, h]) => w === 210 && h === 297)).toHaveLength(printed.pages - printable);

  // Journaled as printed through system print: the shipments are printed, the detail panel counts them.
  await expect.poll(async () => confirmedJobs(await journal(page), 'label')).toBe(printable);
  const rows = await journal(page);
  expect(rows.filter((r) => r.state === 'confirmed').every((r) => r.printer === 'system print')).toBe(true);
  await closePanel(page);
  await expect(page.getByTestId('filter-status-printed')).toContainText(String(printable));
  await expectPrinted(page, firstId, { label: 1, slip: 0, pick: 1 });
});
