// The printer test page: a calibration pattern built as an ordinary template at the size of the media loaded
// in the printer, so it goes through the same layout and encoder as every label. A millimetre ruler runs
// along the top and left edges (a tick every 1 mm, numbers every 10 mm) and a box sits 2 mm inside every
// edge: where the box lands against the label's edges tells the seller which offset to set. A crosshair marks
// the centre; a Code 128 barcode and a QR code test the scanner; Chinese sample text tests the fonts; the
// profile's settings are printed so a page on the bench says how it was made. Pure: the time comes in the
// print context.
import type { PrintContext } from './fields';
import { dotsPerMm } from './layout';
import type { PrinterProfile } from './profiles';
import type { PrinterMedia } from './saved-printer';
import { Template, type ElementInput } from './template';

export const TEST_BARCODE = 'PACKDESK-TEST';
export const TEST_CHINESE = '中文测试 打单台 收件人 张三 138****1234';
/** The box is drawn this far inside every edge of the label. */
export const TEST_BOX_INSET_MM = 2;
/** Receipt rolls: the test page is this long. */
const ROLL_PAGE_MM = 120;

/** Template text is a template language: literal braces are doubled. */
const literal = (s: string): string => s.replace(/[{}]/g, (c) => c + c);
const signed = (v: number): string => `${v > 0 ? '+' : ''}${Math.round(v * 100) / 100}`;

/** The page size: the loaded media, narrowed to what a receipt printer can print across. */
export function testPageSize(profile: PrinterProfile, media: PrinterMedia): { width: number; height: number } {
  const width = profile.language === 'escpos' ? Math.min(media.width, Math.floor(profile.escpos.printWidth / dotsPerMm(profile.dpi))) : media.width;
  return { width, height: media.kind === 'continuous' ? ROLL_PAGE_MM : media.height };
}

/** The settings as printed on the page, one line each. */
export function settingsLines(profile: PrinterProfile, media: PrinterMedia): string[] {
  const dark = profile.darkness === undefined ? '打印机设定 printer' : String(profile.darkness);
  const speed = profile.speed === undefined ? '打印机设定 printer' : `${profile.speed} ips`;
  const mediaKind = media.kind === 'gap' ? `间隙 gap ${media.gapMm} mm` : media.kind === 'mark' ? `黑标 mark ${media.gapMm} mm` : '连续纸 continuous';
  return [
    `${profile.language.toUpperCase()} ${profile.dpi} dpi ${profile.render === 'raster' ? '图像 raster' : '字库 native'}`,
    `浓度 darkness ${dark}`,
    `速度 speed ${speed}`,
    `偏移 offset x ${signed(profile.offset.x)} y ${signed(profile.offset.y)} mm`,
    `份数 copies ${profile.copies}`,
    `${media.width} x ${media.height} mm ${mediaKind}`
  ];
}

function ruler(width: number, height: number): ElementInput[] {
  const tick = (i: number) => (i % 10 === 0 ? 4 : i % 5 === 0 ? 2.5 : 1.5);
  const out: ElementInput[] = [];
  for (let x = 1; x < width; x++) out.push({ type: 'line', id: `ruler-top-${x}`, x, y: 0, length: tick(x), direction: 'vertical', thickness: 0.25 });
  for (let y = 1; y < height; y++) out.push({ type: 'line', id: `ruler-left-${y}`, x: 0, y, length: tick(y), direction: 'horizontal', thickness: 0.25 });
  for (let x = 10; x + 4 <= width; x += 10) out.push({ type: 'text', id: `ruler-top-n${x}`, x: x + 0.5, y: 2.5, w: 4, h: 2.5, value: String(x), fontSize: 2 });
  for (let y = 10; y + 3 <= height; y += 10) out.push({ type: 'text', id: `ruler-left-n${y}`, x: 2.5, y: y + 0.5, w: 4, h: 2.5, value: String(y), fontSize: 2 });
  return out;
}

/** The test page for a printer: its own size, its own settings printed on it. */
export function testPageTemplate(opts: { profile: PrinterProfile; media: PrinterMedia; name?: string }): Template {
  const { profile, media } = opts;
  const { width: W, height: H } = testPageSize(profile, media);
  const inset = TEST_BOX_INSET_MM;
  const elements: ElementInput[] = [
    ...ruler(W, H),
    { type: 'box', id: 'edge-box', x: inset, y: inset, w: W - 2 * inset, h: H - 2 * inset, thickness: 0.25 },
    { type: 'line', id: 'cross-h', x: W / 2 - 6, y: H / 2, length: 12, thickness: 0.25 },
    { type: 'line', id: 'cross-v', x: W / 2, y: H / 2 - 6, length: 12, thickness: 0.25, direction: 'vertical' }
  ];

  // Content flows down from inside the ruler; what does not fit a small label is left out.
  const left = 8;
  const right = W - inset - 1.5;
  const bottom = H - inset - 1;
  const w = right - left;
  let y = 8;
  const room = (h: number) => y + h <= bottom;
  const text = (id: string, value: string, size = 3, bold = false) => {
    const h = size * 1.25;
    if (!room(h) || w < 8) return;
    elements.push({ type: 'text', id, x: left, y, w, h, value, fontSize: size, bold, shrinkToFit: true, minFontSize: 2 });
    y += h;
  };

  text('title', literal(`打印测试页 Test page ${opts.name ?? ''}`.trim()), 3, true);
  text('box-hint', '方框距四边应为 2 mm / box 2 mm from each edge', 2);
  const bcH = Math.min(14, Math.max(8, H / 8));
  if (room(bcH) && w >= 24) {
    elements.push({ type: 'barcode', id: 'barcode', x: left, y, w: Math.min(w, 60), h: bcH, symbology: 'code128', value: TEST_BARCODE, hriFontSize: 3, align: 'left', maxModule: 0.4 });
    y += bcH + 1.5;
  }
  text('chinese', TEST_CHINESE, 3);
  settingsLines(profile, media).forEach((line, i) => text(`setting-${i}`, literal(line), 3));
  text('time', '{print.time} {station.name}', 3);
  const qr = Math.min(22, w / 2.5);
  if (room(qr) && qr >= 12) {
    elements.push({ type: 'qr', id: 'qr', x: left, y, size: qr, value: literal(`PACKDESK TEST ${profile.language.toUpperCase()} ${profile.dpi}DPI`), ecc: 'M' });
    y += qr;
  }

  return Template.parse({
    id: 'packdesk:test-page',
    name: 'Test page',
    kind: 'custom',
    size: { width: W, height: H },
    dpi: profile.dpi,
    media: media.kind === 'continuous' ? { kind: 'continuous' } : media.kind === 'gap' ? { kind: 'gap', gap: media.gapMm } : { kind: 'mark', mark: media.gapMm },
    elements
  });
}

/** What the test page's fields read: the time it was printed (China time by default) and the station. */
export function testPageContext(opts: { now: number; station: { id: string; name: string }; timeZoneOffsetMinutes?: number }): PrintContext {
  return { printedAt: opts.now, station: opts.station, timeZoneOffsetMinutes: opts.timeZoneOffsetMinutes ?? 480 };
}
