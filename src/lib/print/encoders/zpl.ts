// ZPL (Zebra, and printers emulating it). ^CI28 selects UTF-8 for field data. Most Zebra printers carry no
// Chinese font (a downloadable one is ~22 MB), so any line that is not plain ASCII is drawn by the glyph
// renderer and sent as a ^GFA graphic with Z64 compression; ASCII lines use the scalable font 0, aligned in
// their box by ^FB. A profile naming the printer's Chinese font (zpl.cjkFont) prints every line natively. Code 128 data carries explicit subset invocations (>: >; >5 >6) so the printer encodes
// exactly the symbols layout measured. Printers offset ^BQ down by the current ^BY height (as Labelary and
// zebrash reproduce), so each QR pins that height and is placed that much higher (at most to the top edge).
import type { BarcodeItem, LabelLayout, LayoutItem, LayoutPage, QrItem, TextItem } from '../layout';
import type { GlyphRenderer } from '../glyphs';
import type { PrinterProfile } from '../profiles';
import { createBitmap, zplBands, zplGraphicField, type Bitmap } from '../raster';
import { drawItems, rasterizePage } from '../rasterize';
import { code128Segments } from '../symbologies';
import { calibrated, checkTarget, cleanText, glyphsOf, isAscii, type EncodeOptions } from './common';

const utf8 = new TextEncoder();

/** ^FH\ hex escapes for the characters ZPL reads as commands (^ ~) and the escape itself. */
function fieldData(text: string): string {
  const clean = cleanText(text);
  const escaped = clean.replace(/[\\^~]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return escaped === clean ? `^FD${clean}^FS` : `^FH\\^FD${escaped}^FS`;
}

/** Code 128 field data with subset invocation codes; in subset B `>`, `^`, `~` are themselves invocations. */
export function zplCode128Data(data: string): string {
  return code128Segments(data)
    .map((seg, i) => {
      const code = i === 0 ? (seg.set === 'C' ? '>;' : '>:') : seg.set === 'C' ? '>5' : '>6';
      const body = seg.set === 'B' ? seg.text.replace(/[>^~]/g, (c) => (c === '>' ? '>0' : c === '^' ? '><' : '>=')) : seg.text;
      return code + body;
    })
    .join('');
}

/** Font identifier the header assigns to the profile's Chinese font (^CW); not one of Zebra's built-in letters. */
const CJK_FONT_ID = 'J';

const at = (v: number): number => Math.max(0, Math.round(v));
const QR_BY_HEIGHT = 10;

function graphic(x: number, y: number, b: Bitmap): string {
  return zplBands(b)
    .map(({ y: by, band }) => `^FO${at(x)},${at(y + by)}${zplGraphicField(band)}^FS`)
    .join('\n');
}

function text(it: TextItem, glyphs: GlyphRenderer, p: PrinterProfile): string {
  const font = p.zpl.cjkFont;
  if (font) {
    // The printer's own Chinese font (named J by ^CW in the header), monospaced like layout measured it.
    const a = `^A${CJK_FONT_ID}N,${it.em},${it.em}`;
    if (it.align === 'left') return `^FO${at(it.x)},${at(it.y)}${a}${fieldData(it.text)}`;
    return `^FO${at(it.boxX)},${at(it.y)}${a}^FB${it.boxWidth},1,0,${it.align === 'center' ? 'C' : 'R'},0${fieldData(it.text)}`;
  }
  if (!isAscii(it.text)) {
    const b = createBitmap(Math.max(1, it.width), it.em);
    drawItems(b, [{ ...it, x: 0, y: 0 }], { glyphs });
    return graphic(it.x, it.y, b);
  }
  if (it.align === 'left') return `^FO${at(it.x)},${at(it.y)}^A0N,${it.em},${it.em}${fieldData(it.text)}`;
  return `^FO${at(it.boxX)},${at(it.y)}^A0N,${it.em},${it.em}^FB${it.boxWidth},1,0,${it.align === 'center' ? 'C' : 'R'},0${fieldData(it.text)}`;
}

function barcode(it: BarcodeItem, p: PrinterProfile): string {
  const pos = `^FO${at(it.x)},${at(it.y)}`;
  if (it.symbology === 'code128' && p.zpl.code128Auto) return `${pos}^BY${it.module}^BCN,${it.height},N,N,N,A${fieldData(it.data)}`;
  if (it.symbology === 'code128') return `${pos}^BY${it.module}^BCN,${it.height},N,N,N,N^FD${zplCode128Data(it.data)}^FS`;
  if (it.symbology === 'code39') return `${pos}^BY${it.module},3.0^B3N,N,${it.height},N,N^FD${it.data}^FS`;
  return `${pos}^BY${it.module}^BEN,${it.height},N,N^FD${it.data.slice(0, 12)}^FS`;
}

function qr(it: QrItem): string {
  const data = cleanText(it.data);
  const escaped = data.replace(/[\\^~]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const fh = escaped === data ? '' : '^FH\\';
  return `^BY2,3.0,${QR_BY_HEIGHT}^FO${at(it.x)},${at(it.y - QR_BY_HEIGHT)}^BQN,2,${it.cell}${fh}^FD${it.ecc}A,${escaped}^FS`;
}

function item(it: LayoutItem, glyphs: GlyphRenderer, p: PrinterProfile): string {
  switch (it.kind) {
    case 'text':
      return text(it, glyphs, p);
    case 'barcode':
      return barcode(it, p);
    case 'qr':
      return qr(it);
    case 'rect':
      return `^FO${at(it.x)},${at(it.y)}^GB${it.w},${it.h},${Math.min(it.w, it.h)},B,0^FS`;
    case 'box':
      return `^FO${at(it.x)},${at(it.y)}^GB${it.w},${it.h},${it.thickness},B,0^FS`;
    case 'image':
      return graphic(it.x, it.y, it.bitmap);
  }
}

function header(layout: LabelLayout, page: LayoutPage, p: PrinterProfile): string {
  const media = layout.media.kind === 'gap' ? 'Y' : layout.media.kind === 'mark' ? 'M' : 'N';
  let s = `^XA\n^CI28\n^PW${layout.width}\n^LL${page.height}\n^LH0,0\n^PO${layout.orientation === 180 ? 'I' : 'N'}\n^MN${media}\n`;
  if (p.zpl.cjkFont) s += `^CW${CJK_FONT_ID},${p.zpl.cjkFont}\n`;
  if (p.darkness !== undefined) s += `^MD${Math.max(-30, Math.min(30, p.darkness))}\n`;
  // ^PR takes whole inches per second (2–14 on most models; lower values are raised by the printer).
  if (p.speed !== undefined) s += `^PR${Math.max(1, Math.min(14, Math.round(p.speed)))}\n`;
  return s;
}

/** One ^XA…^XZ format per label, as UTF-8 bytes. */
export function encodeZpl(layout: LabelLayout, opts: EncodeOptions): Uint8Array[] {
  const p = opts.profile;
  checkTarget(layout, p, 'zpl');
  const glyphs = glyphsOf(opts);
  return layout.pages.map((page) => {
    const items = calibrated(page.items, p);
    const body = p.render === 'raster' ? graphic(0, 0, rasterizePage(layout.width, page.height, items, glyphs)) : items.map((it) => item(it, glyphs, p)).join('\n');
    return utf8.encode(`${header(layout, page, p)}${body}\n^PQ${p.copies}\n^XZ\n`);
  });
}
