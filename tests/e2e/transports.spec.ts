// Printing through each transport into fake devices injected into the page (fake-devices.ts): the app's real
// print dialog, queue and WebUSB / Web Serial / Web Bluetooth transports against fakes that keep every label
// job the printer received. Each test checks what a seller would: every label came out once, in order, none
// lost and none doubled, and the dialog says why it stopped and finishes after the fix (replug, paper).
import { test, expect, type Page } from '@playwright/test';
import { countByTracking, fakeRecord, FAKE_BLE_SERVICE, installFakeDevices, trackingOf, type FakeWindow } from './fake-devices';
import { loadDemo, setUpStation } from './helpers';

/** Bytes per write the app gives each transport (src/lib/app/print-client.ts; the BLE default is in webbluetooth.ts). */
const SERIAL_CHUNK = 1024;
const BLE_WRITE = 180;

interface JournalRow {
  seq: number;
  batchId: string;
  jobId: string;
  shipmentId?: string;
  state: 'sent' | 'confirmed' | 'failed';
  attempt: number;
  reprintReason?: string;
}

/** A station with demo orders, the list narrowed to one courier's orders (they carry tracking numbers), and
 * the print dialog open on them; returns how many labels the dialog says it will print. */
async function openPrintDialog(page: Page, opts: { demo: 1000 | 10000; courier: string }): Promise<number> {
  await installFakeDevices(page);
  await page.goto('/');
  await setUpStation(page, { name: 'Transports', alone: true });
  await loadDemo(page, opts.demo);
  await page.getByTestId('filter-courier').selectOption(opts.courier);
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await expect(page.getByTestId('print-refused')).toHaveCount(0);
  return Number(await page.getByTestId('print-count').getAttribute('data-n'));
}

async function expectDone(page: Page, printable: number, timeout = 60_000) {
  const progress = page.getByTestId('print-progress');
  await expect(progress).toHaveAttribute('data-state', 'done', { timeout });
  await expect(progress).toHaveAttribute('data-confirmed', String(printable));
  await expect(progress).toHaveAttribute('data-total', String(printable));
  await expect(progress).toHaveAttribute('data-failed', '0');
}

/** The station's print journal (IndexedDB 'packdesk' → 'journal'), in the order it was written. */
function readJournal(page: Page): Promise<JournalRow[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('packdesk');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise<JournalRow[]>((res, rej) => {
      const r = db.transaction('journal').objectStore('journal').getAll();
      r.onsuccess = () => res(r.result as JournalRow[]);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return rows.sort((a, b) => a.seq - b.seq);
  });
}

/** The order number of a journaled shipment (`s:<platform>:<shop>:<orderNo>` for a whole order). */
const orderNoOf = (shipmentId: string | undefined) => shipmentId!.split(':').at(-1)!;

/** Every label job printed exactly once: as many jobs as labels, each tracking number once. */
function expectEachOnce(jobs: readonly string[], printable: number) {
  const counts = countByTracking(jobs);
  expect(jobs.length).toBe(printable);
  expect(counts.size).toBe(printable);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

test('Web Serial: a batch arrives whole, once each and in order, in chunks of at most 1 KB, on a port opened at 9600 baud', async ({ page }) => {
  const printable = await openPrintDialog(page, { demo: 1000, courier: 'zto' });
  expect(printable).toBeGreaterThan(5);
  await page.getByTestId('connect-serial').click();
  await expect(page.getByTestId('printer-label')).toContainText('serial 9600');
  await page.getByTestId('print-start').click();
  await expectDone(page, printable);

  const rec = await fakeRecord(page, 'serial');
  // The saved printer's line settings (a new serial printer: 9600 baud, no flow control), opened once.
  expect(rec.opens).toEqual([{ baudRate: 9600, flowControl: 'none' }]);
  expectEachOnce(rec.printed, printable);
  expect(rec.jobs).toEqual(rec.printed);
  expect(rec.fragments).toBe(0);
  // One status check before the first label and one after each label, each answered over the readable stream.
  expect(rec.statusQueries).toBe(printable + 1);
  // Every write fits the transport's chunk; labels are larger than one chunk, so they really were split.
  expect(Math.max(...rec.offered)).toBeLessThanOrEqual(SERIAL_CHUNK);
  expect(rec.printed.every((j) => j.length > SERIAL_CHUNK)).toBe(true);
  expect(rec.offered.filter((n) => n === SERIAL_CHUNK).length).toBeGreaterThanOrEqual(printable);
  expect(rec.accepted).toBe(rec.printed.reduce((n, j) => n + j.length, 0) + 3 * rec.statusQueries);

  // In order: label i is the shipment of the i-th 'sent' entry in the journal, and those follow the batch's order.
  const sent = (await readJournal(page)).filter((e) => e.state === 'sent');
  expect(sent.map((e) => Number(e.jobId.split(':')[2]))).toEqual([...Array(printable).keys()]);
  rec.printed.forEach((job, i) => expect(job).toContain(`${orderNoOf(sent[i].shipmentId)}"`));
});

test('Web Bluetooth: writes fit the BLE write size, a drop mid-label pauses with the reason, reconnecting prints the rest once each', async ({ page }) => {
  const printable = await openPrintDialog(page, { demo: 1000, courier: 'zto' });
  expect(printable).toBeGreaterThan(5);
  // The printer goes out of range once the 4th label has 500 of its bytes.
  await page.evaluate(() => ((globalThis as unknown as FakeWindow).__fakeDevices.bluetooth.dropDuring = { label: 4, afterBytes: 500 }));
  await page.getByTestId('connect-bluetooth').click();
  await expect(page.getByTestId('printer-label')).toContainText('Fake BLE printer');
  await page.getByTestId('print-start').click();

  const paused = page.getByTestId('print-paused');
  await expect(paused).toHaveAttribute('data-code', 'printer-disconnected', { timeout: 30_000 });
  await expect(paused).toContainText(/断开|disconnected/i);
  await expect(page.getByTestId('print-progress')).toHaveAttribute('data-confirmed', '3');
  expect((await fakeRecord(page, 'bluetooth')).printed).toHaveLength(3);

  await page.evaluate(() => (globalThis as unknown as FakeWindow).__fakeDevices.bluetooth.backInRange());
  await page.getByTestId('connect-bluetooth').click();
  await expectDone(page, printable);

  const rec = await fakeRecord(page, 'bluetooth');
  // The app asked for the printer services it knows, or Chrome would refuse the fake's service.
  expect((rec.opens[0] as { optionalServices: string[] }).optionalServices).toContain(FAKE_BLE_SERVICE);
  expect(rec.disconnects).toBe(1);
  expect(Math.max(...rec.offered)).toBeLessThanOrEqual(BLE_WRITE);
  expect(rec.offered.length).toBeGreaterThan(printable * 5);
  // Label 4 was cut off after 500 bytes; it never printed and was sent again whole: every label exactly once.
  expect(rec.fragments).toBe(1);
  expectEachOnce(rec.printed, printable);
  expect(rec.jobs).toEqual(rec.printed);
});

test('WebUSB short writes: the transport sends the rest, and the labels arrive byte for byte as without short writes', async ({ page }) => {
  const printable = await openPrintDialog(page, { demo: 1000, courier: 'zto' });
  expect(printable).toBeGreaterThan(5);
  await page.getByTestId('connect-usb').click();
  await expect(page.getByTestId('printer-label')).toContainText('Fake USB TSPL printer');
  await page.getByTestId('print-start').click();
  await expectDone(page, printable);
  const plain = await fakeRecord(page, 'usb');
  expectEachOnce(plain.printed, printable);
  // 16 KB chunks: one transfer per label, one per status query.
  expect(plain.offered.length).toBe(printable + plain.statusQueries);

  // The same labels again (a reprint, same dialog, same contexts) through a printer that takes 1, 61, 300,
  // 7 or 1000 bytes per transfer in turn.
  await page.evaluate(() => ((globalThis as unknown as FakeWindow).__fakeDevices.usb.shortWrites = [1, 61, 300, 7, 1000]));
  await page.getByTestId('print-start').click();
  await page.getByTestId('reprint-reason').fill('short-write check');
  await page.getByTestId('print-start').click();
  // The reason box goes once the reprint batch has started (until then the dialog still shows the last batch).
  await expect(page.getByTestId('print-reprint')).toBeHidden();
  await expectDone(page, printable);

  const after = await fakeRecord(page, 'usb');
  const reprinted = after.jobs.slice(plain.jobs.length);
  expect(reprinted).toHaveLength(printable);
  expect(reprinted).toEqual(plain.jobs);
  expect(after.fragments).toBe(0);
  // Short writes really happened: many transfers per label.
  const transfers = after.offered.length - plain.offered.length;
  expect(transfers).toBeGreaterThan(printable * 4);
  expect(after.accepted - plain.accepted).toBe(reprinted.reduce((n, j) => n + j.length, 0) + 3 * (after.statusQueries - plain.statusQueries));
});

test('a 200-label batch survives a USB unplug in the middle of label 101: every label printed exactly once and 200+ confirmed', async ({ page }) => {
  test.setTimeout(300_000);
  const printable = await openPrintDialog(page, { demo: 10000, courier: 'zto' });
  expect(printable).toBeGreaterThanOrEqual(200);
  expect(printable).toBeLessThanOrEqual(400);
  // Label 100 goes through and is confirmed; 700 bytes into label 101 the cable comes out: the transfer is cut
  // short, the next one fails with NotFoundError, the device leaves getDevices() and 'disconnect' fires.
  await page.evaluate(() => ((globalThis as unknown as FakeWindow).__fakeDevices.usb.unplugDuring = { label: 101, afterBytes: 700 }));
  await page.getByTestId('connect-usb').click();
  await expect(page.getByTestId('printer-label')).toContainText('Fake USB TSPL printer');
  await page.getByTestId('print-start').click();

  const paused = page.getByTestId('print-paused');
  await expect(paused).toHaveAttribute('data-code', 'printer-disconnected', { timeout: 120_000 });
  await expect(paused).toContainText(/断开|disconnected/i);
  await expect(page.getByTestId('print-progress')).toHaveAttribute('data-confirmed', '100');
  const atUnplug = await fakeRecord(page, 'usb');
  expect(atUnplug.printed).toHaveLength(100);
  expect(atUnplug.disconnects).toBe(1);

  // Plugged back in (a new USBDevice, as in Chrome) and picked again: printing continues at label 101.
  await page.evaluate(() => (globalThis as unknown as FakeWindow).__fakeDevices.usb.replug());
  await page.getByTestId('connect-usb').click();
  await expectDone(page, printable, 180_000);

  const rec = await fakeRecord(page, 'usb');
  expect(rec.fragments).toBe(1);
  expectEachOnce(rec.printed, printable);
  expect(rec.jobs).toEqual(rec.printed);
  expect(rec.printed.slice(0, 100)).toEqual(atUnplug.printed);

  // The journal agrees: each label sent once and confirmed once, and they are the labels that came out.
  const journal = await readJournal(page);
  const confirmed = journal.filter((e) => e.state === 'confirmed');
  expect(confirmed).toHaveLength(printable);
  expect(new Set(confirmed.map((e) => e.jobId)).size).toBe(printable);
  expect(journal.filter((e) => e.state === 'sent').every((e) => e.attempt === 1)).toBe(true);
  const sent = journal.filter((e) => e.state === 'sent');
  rec.printed.forEach((job, i) => expect(job).toContain(`${orderNoOf(sent[i].shipmentId)}"`));
  expect(new Set(sent.map((e) => e.shipmentId)).size).toBe(printable);
});

test('paper out after label 5 pauses with the reason, stays paused until paper is loaded, then prints every label exactly once', async ({ page }) => {
  const printable = await openPrintDialog(page, { demo: 1000, courier: 'zto' });
  expect(printable).toBeGreaterThan(8);
  // Five labels left on the roll: label 6 finds no paper, and the status query after it reports paper out.
  await page.evaluate(() => ((globalThis as unknown as FakeWindow).__fakeDevices.usb.printer.paper = 5));
  await page.getByTestId('connect-usb').click();
  await page.getByTestId('print-start').click();

  const paused = page.getByTestId('print-paused');
  await expect(paused).toHaveAttribute('data-code', 'paper-out', { timeout: 30_000 });
  await expect(paused).toContainText(/缺纸|out of paper/i);
  await expect(page.getByTestId('print-progress')).toHaveAttribute('data-confirmed', '5');
  const out = await fakeRecord(page, 'usb');
  expect(out.printed).toHaveLength(5);
  expect(out.jobs).toHaveLength(6);

  // Resume with the roll still empty: the printer is asked first and nothing is sent.
  await page.getByTestId('print-resume').click();
  await expect.poll(async () => (await fakeRecord(page, 'usb')).statusQueries).toBeGreaterThan(out.statusQueries);
  await expect(paused).toHaveAttribute('data-code', 'paper-out');
  expect((await fakeRecord(page, 'usb')).jobs).toHaveLength(6);

  await page.evaluate(() => (globalThis as unknown as FakeWindow).__fakeDevices.usb.printer.loadPaper());
  await page.getByTestId('print-resume').click();
  await expectDone(page, printable);

  const rec = await fakeRecord(page, 'usb');
  expectEachOnce(rec.printed, printable);
  // Label 6 reached the printer twice (the first time it had no paper) and came out once.
  expect(rec.jobs).toHaveLength(printable + 1);
  expect(trackingOf(rec.jobs[5])).toBe(trackingOf(rec.jobs[6]));
  expect(trackingOf(rec.printed[5])).toBe(trackingOf(rec.jobs[5]));
  const journal = await readJournal(page);
  expect(journal.filter((e) => e.state === 'confirmed')).toHaveLength(printable);
  expect(journal.filter((e) => e.state === 'sent' && e.attempt === 2)).toHaveLength(1);
});

test('printing the same selection again asks for a reason, prints with one, and the journal records it', async ({ page }) => {
  const printable = await openPrintDialog(page, { demo: 1000, courier: 'zto' });
  await page.getByTestId('connect-usb').click();
  await page.getByTestId('print-start').click();
  await expectDone(page, printable);
  const first = await fakeRecord(page, 'usb');
  expectEachOnce(first.printed, printable);

  // Again: refused before anything prints, naming the labels printed before.
  await page.getByTestId('print-start').click();
  const ask = page.getByTestId('print-reprint');
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(String(printable));
  await expect(ask).toContainText('×1');
  expect((await fakeRecord(page, 'usb')).jobs).toHaveLength(printable);

  const reason = '面单被刮花 smudged';
  await page.getByTestId('reprint-reason').fill(reason);
  await page.getByTestId('print-start').click();
  await expect(ask).toBeHidden();
  await expectDone(page, printable);

  const rec = await fakeRecord(page, 'usb');
  expect(rec.printed).toHaveLength(2 * printable);
  expect(rec.printed.slice(printable)).toEqual(first.printed);

  const journal = await readJournal(page);
  const batches = [...new Set(journal.map((e) => e.batchId))];
  expect(batches).toHaveLength(2);
  const firstBatch = journal.filter((e) => e.batchId === batches[0]);
  const reprint = journal.filter((e) => e.batchId === batches[1]);
  expect(firstBatch.every((e) => e.reprintReason === undefined)).toBe(true);
  expect(reprint.filter((e) => e.state === 'confirmed')).toHaveLength(printable);
  expect(reprint.every((e) => e.reprintReason === reason)).toBe(true);
  // The reprint covers the same shipments as the first print.
  const shipments = (rows: JournalRow[]) => rows.filter((e) => e.state === 'confirmed').map((e) => e.shipmentId).sort();
  expect(shipments(reprint)).toEqual(shipments(firstBatch));
});
