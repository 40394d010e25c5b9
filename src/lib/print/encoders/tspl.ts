// TSPL (TSC, Xprinter, Gprinter 佳博, HPRT): the usual Chinese label printers. Text goes out natively in the
// Simplified Chinese bitmap fonts TSS16.BF2 / TSS24.BF2 as GBK bytes (magnified 1–8×, so layout only uses
// those sizes); barcodes, QR, bars and boxes are native commands; pictures and raster mode are BITMAP data
// in the profile's polarity. Commands end with CRLF; `"` inside a string is written `\["]` (TSC manual).
import { ByteSink } from '../bytes';
import type { BarcodeItem, LabelLayout, LayoutItem, LayoutPage, QrItem, TextItem } from '../layout';
import { dotsPerMm } from '../layout';
import type { PrinterProfile } from '../profiles';
import { tsplBitmapCommand } from '../raster';
import { rasterizePage } from '../rasterize';
import { encodeGbk } from '../text-codec';
import { calibrated, checkTarget, cleanText, EncodeError, glyphsOf, mm, type EncodeOptions } from './common';

const utf8 = new TextEncoder();

/** Escapes a string argument: `"` -> `\["]`; control characters were already removed. */
const quoteArg = (text: string): string => cleanText(text).replace(/"/g, '\\["]');

/** The font and magnification for an em size; layout with targetFor(profile) only produces these. */
export function tsplFont(em: number): { font: string; mul: number } {
  if (em % 24 === 0 && em / 24 <= 8) return { font: 'TSS24.BF2', mul: em / 24 };
  if (em % 16 === 0 && em / 16 <= 8) return { font: 'TSS16.BF2', mul: em / 16 };
  throw new EncodeError(`TSPL has no Chinese font of ${em} dots (TSS16/TSS24 × 1–8): lay out with targetFor(profile)`);
}

function header(out: ByteSink, layout: LabelLayout, page: LayoutPage, p: PrinterProfile): void {
  const dpm = dotsPerMm(layout.dpi);
  out.ascii(`SIZE ${mm(layout.width / dpm)} mm,${mm(page.height / dpm)} mm\r\n`);
  const media = layout.media;
  if (media.kind === 'gap') out.ascii(`GAP ${mm(media.gap)} mm,${mm(media.offset)} mm\r\n`);
  else if (media.kind === 'mark') out.ascii(`BLINE ${mm(media.mark)} mm,${mm(media.offset)} mm\r\n`);
  else out.ascii('GAP 0,0\r\n');
  out.ascii(`DIRECTION ${layout.orientation === 180 ? 1 : 0},0\r\nREFERENCE 0,0\r\n`);
  if (p.darkness !== undefined) out.ascii(`DENSITY ${Math.max(0, Math.min(15, p.darkness))}\r\n`);
  if (p.speed !== undefined) out.ascii(`SPEED ${p.speed}\r\n`);
  out.ascii('CLS\r\n');
}

const at = (v: number): number => Math.max(0, Math.round(v));

function text(out: ByteSink, it: TextItem, p: PrinterProfile): void {
  const { font, mul } = tsplFont(it.em);
  const body = encodeGbk(quoteArg(it.text));
  const passes = it.bold && p.tspl.boldByOverstrike ? [0, 1] : [0];
  for (const dx of passes) {
    out.ascii(`TEXT ${at(it.x + dx)},${at(it.y)},"${font}",0,${mul},${mul},"`);
    out.bytes(body);
    out.ascii('"\r\n');
  }
}

function barcode(out: ByteSink, it: BarcodeItem): void {
  const [x, y, h, m] = [at(it.x), at(it.y), it.height, it.module];
  // Human-readable 0: the digits are our own TEXT, placed by layout.
  if (it.symbology === 'code128') out.ascii(`BARCODE ${x},${y},"128",${h},0,0,${m},${m},"${quoteArg(it.data)}"\r\n`);
  else if (it.symbology === 'code39') out.ascii(`BARCODE ${x},${y},"39",${h},0,0,${m},${3 * m},"${it.data}"\r\n`);
  else out.ascii(`BARCODE ${x},${y},"EAN13",${h},0,0,${m},${m},"${it.data.slice(0, 12)}"\r\n`);
}

function qr(out: ByteSink, it: QrItem): void {
  out.ascii(`QRCODE ${at(it.x)},${at(it.y)},${it.ecc},${it.cell},A,0,M2,S7,"`);
  out.bytes(utf8.encode(quoteArg(it.data)));
  out.ascii('"\r\n');
}

function item(out: ByteSink, it: LayoutItem, p: PrinterProfile): void {
  switch (it.kind) {
    case 'text':
      return text(out, it, p);
    case 'barcode':
      return barcode(out, it);
    case 'qr':
      return qr(out, it);
    case 'rect':
      out.ascii(`BAR ${at(it.x)},${at(it.y)},${it.w},${it.h}\r\n`);
      return;
    case 'box':
      out.ascii(`BOX ${at(it.x)},${at(it.y)},${at(it.x + it.w)},${at(it.y + it.h)},${it.thickness}\r\n`);
      return;
    case 'image':
      return tsplBitmapCommand(out, at(it.x), at(it.y), it.bitmap, p.tspl.bitmapPolarity);
  }
}

/** One job per label: SIZE … CLS, the content, PRINT 1,<copies>. */
export function encodeTspl(layout: LabelLayout, opts: EncodeOptions): Uint8Array[] {
  const p = opts.profile;
  checkTarget(layout, p, 'tspl');
  return layout.pages.map((page) => {
    const out = new ByteSink();
    header(out, layout, page, p);
    const items = calibrated(page.items, p);
    if (p.render === 'raster') tsplBitmapCommand(out, 0, 0, rasterizePage(layout.width, page.height, items, glyphsOf(opts)), p.tspl.bitmapPolarity);
    else for (const it of items) item(out, it, p);
    out.ascii(`PRINT 1,${p.copies}\r\n`);
    return out.result();
  });
}
