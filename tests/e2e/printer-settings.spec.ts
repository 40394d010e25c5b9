// Printer settings: add a (fake) USB printer, set darkness, speed, offset and copies, reload and find it
// remembered and reconnected without a click; the test page carries those settings in its TSPL bytes; a
// label prints with the saved copies. The setup help opens on the station's own system.
import { test, expect } from '@playwright/test';
import { loadDemo, setUpStation } from './helpers';
import { installFakeUsbPrinter, takeReceived, usbOpens } from './fake-usb-printer';


test('a printer set up in settings is remembered, reconnects on reload, prints its settings on the test page and its copies on labels', async ({ page }) => {
  await installFakeUsbPrinter(page, { grants: 'like-chrome' });
  await page.goto('/');
  await setUpStation(page, { name: 'Printers', alone: true });
  await loadDemo(page, 1000);

  // Add the printer from the print dialog's settings button: the browser asks, the profile is filled in.
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('printer-label')).toHaveText(/未连接|not connected/i);
  await page.getByTestId('printer-settings-open').click();
  const settings = page.getByTestId('printer-settings');
  await expect(settings.getByTestId('printer-empty')).toBeVisible();
  await settings.getByTestId('printer-add-usb').click();
  await expect(settings.getByTestId('printer-item')).toHaveCount(1);
  await expect(settings.getByTestId('printer-item')).toHaveAttribute('data-link', 'connected');
  await expect(settings.getByTestId('printer-name')).toHaveValue('Fake TSPL printer');
  await expect(settings.getByTestId('printer-language')).toHaveValue('tspl'); // guessed from the USB vendor
  await expect(settings.getByTestId('printer-dpi')).toHaveValue('203');

  await settings.getByTestId('printer-darkness').fill('12');
  await settings.getByTestId('printer-speed').fill('4');
  await settings.getByTestId('printer-offset-x-plus').click();
  await settings.getByTestId('printer-offset-x-plus').click();
  await settings.getByTestId('printer-offset-y-minus').click();
  await expect(settings.getByTestId('printer-offset-x')).toHaveValue('0.5');
  await expect(settings.getByTestId('printer-offset-y')).toHaveValue('-0.25');
  await settings.getByTestId('printer-copies').fill('2');
  await settings.getByTestId('printer-save').click();
  await expect(settings.getByTestId('printer-notice')).toBeVisible();
  await expect(settings.getByTestId('printer-save')).toBeDisabled();

  // Reload: no click, no chooser — the saved printer is found among the allowed devices and opened at load,
  // and the header says so before anyone opens the print dialog.
  await page.reload();
  await expect(page.getByTestId('station-label')).toContainText('Printers');
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-link', 'connected');
  await expect(page.getByTestId('printer-status')).toContainText('Fake TSPL printer');
  expect(await usbOpens(page)).toBe(1);
  // The header's printer button opens the settings straight from the list.
  await page.getByTestId('printer-status').click();
  await expect(page.getByTestId('printer-settings')).toBeVisible();
  await page.getByTestId('printer-settings').getByRole('button', { name: /^(close|关闭)$/i }).click();
  await expect(page.getByTestId('printer-settings')).toBeHidden();
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('printer-label')).toContainText('Fake TSPL printer');
  await expect(page.getByTestId('printer-absent')).toHaveCount(0);
  expect(await usbOpens(page)).toBe(1);

  await page.getByTestId('printer-settings-open').click();
  await expect(settings.getByTestId('printer-item')).toHaveAttribute('data-link', 'connected');
  await expect(settings.getByTestId('printer-darkness')).toHaveValue('12');
  await expect(settings.getByTestId('printer-offset-x')).toHaveValue('0.5');
  await expect(settings.getByTestId('printer-copies')).toHaveValue('2');

  // The test page: TSPL at the media size, with the saved darkness, speed, offset and copies.
  await takeReceived(page);
  await settings.getByTestId('printer-test-page').click();
  await expect(settings.getByTestId('printer-notice')).toBeVisible();
  const testPage = await takeReceived(page);
  expect(testPage.latin1).toMatch(/^SIZE 100 mm,150 mm\r\nGAP 2 mm,0 mm\r\n/);
  expect(testPage.latin1).toContain('DENSITY 12\r\n');
  expect(testPage.latin1).toContain('SPEED 4\r\n');
  // The box 2 mm (16 dots) inside the edges, moved by the offset: +0.5 mm = 4 dots right, -0.25 mm = 2 dots up.
  expect(testPage.latin1).toContain('BOX 20,14,788,1182,2\r\n');
  expect(testPage.latin1).toMatch(/BARCODE \d+,\d+,"128",\d+,0,0,\d+,\d+,"PACKDESK-TEST"\r\n/);
  expect(testPage.latin1).toMatch(/QRCODE \d+,\d+,M,/);
  expect(testPage.gbk).toContain('中文测试 打单台 收件人 张三 138****1234');
  expect(testPage.gbk).toContain('浓度 darkness 12');
  expect(testPage.latin1.endsWith('PRINT 1,2\r\n')).toBe(true);
  await settings.getByRole('button', { name: /^(关闭|Close)$/ }).click();
  await expect(settings).toBeHidden();

  // A label printed from the print dialog uses the saved profile: two copies, the darkness, the offset.
  await page.getByTestId('print-panel').getByRole('button', { name: /^(关闭|Close)$/ }).click();
  await page.getByTestId('filter-courier').selectOption({ index: 1 });
  const id = (await page.getByTestId('order-row').first().getAttribute('data-id'))!;
  await page.getByTestId('search').fill(id.split(':')[2]);
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-count')).toHaveAttribute('data-n', '1');
  await expect(page.getByTestId('print-media-warning')).toHaveCount(0);
  await page.getByTestId('print-start').click();
  await expect(page.getByTestId('print-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const label = await takeReceived(page);
  expect(label.latin1).toContain('DENSITY 12\r\n');
  expect(label.latin1).toContain('PRINT 1,2\r\n');
  expect(label.latin1.match(/PRINT 1,/g)).toHaveLength(1);

  // A template of another size than the loaded media is flagged before printing.
  await page.getByTestId('print-template').selectOption('builtin:waybill-76x130');
  await expect(page.getByTestId('print-media-warning')).toContainText('100×150');
});

test.describe('on a Windows station', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36' });

  test('"Can\'t connect?" opens the Windows help with the WinUSB trade-off; the Linux tab has the udev rule', async ({ page }) => {
    await page.goto('/');
    await setUpStation(page, { name: 'Help', alone: true });
    await loadDemo(page, 1000);
    await page.getByTestId('print-open').click();
    await page.getByTestId('print-help-open').click();
    const help = page.getByTestId('setup-help');
    await expect(help.getByTestId('help-page')).toHaveAttribute('data-system', 'windows');
    await expect(help.getByTestId('help-tab-windows')).toHaveAttribute('aria-selected', 'true');
    await expect(help.getByTestId('help-winusb-tradeoff')).toContainText(/Zadig|WinUSB|Windows/);
    await expect(help).toContainText('Zadig');
    await help.getByTestId('help-tab-linux').click();
    await expect(help.getByTestId('help-udev-rule')).toContainText('SUBSYSTEM=="usb"');
    await expect(help).toContainText('modprobe -r usblp');
    // Esc closes the help and leaves the print dialog open.
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(page.getByTestId('print-panel')).toBeVisible();
  });
});
