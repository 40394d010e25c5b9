// 1-bit bitmaps and the three printer raster formats, with a decoder for each so tests can read back what
// was sent. A Bitmap packs rows MSB first, 1 = black (ZPL and ESC/POS polarity). TSPL BITMAP polarity differs
// between printer models, so it is a parameter. ZPL Z64 is zlib deflate -> base64 -> `:Z64:<b64>:<crc>`,
// the CRC being CRC-16/XMODEM (poly 0x1021, init 0) over the base64 text — checked against Z64 fields that
// Zebra's own tools wrote. Zebra documents a ^GF field as at most 99999 bytes, so a big image becomes bands.
import { unzlibSync, zlibSync } from 'fflate';
import { ByteSink, fromBase64, latin1, toBase64 } from './bytes';
import { zlibBitmap } from './zlib-bitmap';

export interface Bitmap {
  width: number;
  height: number;
  /** Bytes per row: ceil(width / 8); the pad bits at the end of a row are 0. */
  rowBytes: number;
  data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  if (!(width > 0 && height > 0) || !Number.isInteger(width) || !Number.isInteger(height)) throw new Error(`bitmap: bad size ${width}×${height}`);
  const rowBytes = (width + 7) >> 3;
  return { width, height, rowBytes, data: new Uint8Array(rowBytes * height) };
}

export function getPixel(b: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return false;
  return (b.data[y * b.rowBytes + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
}

export function setPixel(b: Bitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  b.data[y * b.rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
}

/** Blackens a rectangle, clipped to the bitmap; whole bytes are written at once. */
export function fillRect(b: Bitmap, x: number, y: number, w: number, h: number): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(b.width, Math.round(x + w));
  const y1 = Math.min(b.height, Math.round(y + h));
  if (x0 >= x1 || y0 >= y1) return;
  const firstByte = x0 >> 3;
  const lastByte = (x1 - 1) >> 3;
  const headMask = 0xff >> (x0 & 7);
  const tailMask = (0xff << (7 - ((x1 - 1) & 7))) & 0xff;
  for (let yy = y0; yy < y1; yy++) {
    const row = yy * b.rowBytes;
    if (firstByte === lastByte) b.data[row + firstByte] |= headMask & tailMask;
    else {
      b.data[row + firstByte] |= headMask;
      b.data.fill(0xff, row + firstByte + 1, row + lastByte);
      b.data[row + lastByte] |= tailMask;
    }
  }
}

/** ORs `src` into `dst` with its top-left at (x, y). */
export function blit(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++) {
    const dy = y + sy;
    if (dy < 0 || dy >= dst.height) continue;
    for (let sx = 0; sx < src.width; sx++) if (getPixel(src, sx, sy)) setPixel(dst, x + sx, dy);
  }
}

/** A copy of rows [y, y + h). */
export function cropRows(b: Bitmap, y: number, h: number): Bitmap {
  const out = createBitmap(b.width, h);
  out.data.set(b.data.subarray(y * b.rowBytes, (y + h) * b.rowBytes));
  return out;
}

/** Nearest-neighbour resize (a logo drawn at 203 dpi printed at 300). */
export function scaleBitmap(b: Bitmap, width: number, height: number): Bitmap {
  if (width === b.width && height === b.height) return b;
  const out = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    const sy = Math.floor((y * b.height) / height);
    for (let x = 0; x < width; x++) if (getPixel(b, Math.floor((x * b.width) / width), sy)) setPixel(out, x, y);
  }
  return out;
}

/**
 * Thresholds RGBA pixels (canvas ImageData) to 1 bit: a pixel is black when its luma is below `threshold`
 * and it is mostly opaque, so transparent canvas areas print white.
 */
export function bitmapFromRgba(rgba: ArrayLike<number>, width: number, height: number, threshold = 128): Bitmap {
  if (rgba.length < width * height * 4) throw new Error(`bitmapFromRgba: ${rgba.length} bytes for ${width}×${height}`);
  const b = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const luma = (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000;
      if (rgba[i + 3] >= 128 && luma < threshold) b.data[y * b.rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return b;
}

/** Black on white RGBA (for previews, PNG writers and barcode decoders in tests). */
export function bitmapToRgba(b: Bitmap): Uint8ClampedArray {
  const out = new Uint8ClampedArray(b.width * b.height * 4).fill(255);
  for (let y = 0; y < b.height; y++)
    for (let x = 0; x < b.width; x++)
      if (getPixel(b, x, y)) {
        const i = (y * b.width + x) * 4;
        out[i] = out[i + 1] = out[i + 2] = 0;
      }
  return out;
}

// ---------------------------------------------------------------- ZPL ^GF with Z64

/** CRC-16/XMODEM: polynomial 0x1021, initial value 0, no reflection, over the characters of `text`. */
export function crc16Xmodem(text: string): number {
  let crc = 0;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** Below this size (a line of text) setting up a general deflate costs more than compressing: use ours. */
const SMALL_GRAPHIC = 16 * 1024;

/** `:Z64:<base64 of zlib(data)>:<CRC>`; `rowBytes` lets the small-graphic compressor find repeated rows. */
export function z64Encode(data: Uint8Array, rowBytes = 0): string {
  const b64 = toBase64(data.length <= SMALL_GRAPHIC ? zlibBitmap(data, rowBytes) : zlibSync(data, { level: 6 }));
  return `:Z64:${b64}:${hex4(crc16Xmodem(b64))}`;
}

export class RasterDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RasterDecodeError';
  }
}

/** Inflates a `:Z64:…:CRC` (or `:B64:…:CRC`) field after checking its CRC. */
export function z64Decode(field: string): Uint8Array {
  const m = /^:(Z64|B64):([A-Za-z0-9+/=\r\n]*):([0-9A-Fa-f]{4})$/.exec(field);
  if (!m) throw new RasterDecodeError(`not a Z64/B64 field: ${field.slice(0, 24)}…`);
  const b64 = m[2].replace(/[\r\n]/g, '');
  const crc = hex4(crc16Xmodem(b64));
  if (crc !== m[3].toUpperCase()) throw new RasterDecodeError(`Z64 CRC mismatch: field says ${m[3]}, data gives ${crc}`);
  const raw = fromBase64(b64);
  return m[1] === 'Z64' ? unzlibSync(raw) : raw;
}

/** Largest byte count Zebra documents for one ^GF field. */
export const ZPL_MAX_GRAPHIC_BYTES = 99999;

/** `^GFA,<bytes>,<bytes>,<rowBytes>,:Z64:…` (b = c: Zebra asks for both to match in ASCII form). */
export function zplGraphicField(b: Bitmap): string {
  const total = b.rowBytes * b.height;
  if (total > ZPL_MAX_GRAPHIC_BYTES) throw new Error(`^GF: ${total} bytes exceeds ${ZPL_MAX_GRAPHIC_BYTES}; split into bands`);
  return `^GFA,${total},${total},${b.rowBytes},${z64Encode(b.data, b.rowBytes)}`;
}

/** Row bands of a bitmap that each fit one ^GF field, with their y offsets. */
export function zplBands(b: Bitmap): { y: number; band: Bitmap }[] {
  const rows = Math.max(1, Math.floor(ZPL_MAX_GRAPHIC_BYTES / b.rowBytes));
  const out: { y: number; band: Bitmap }[] = [];
  for (let y = 0; y < b.height; y += rows) out.push({ y, band: y === 0 && rows >= b.height ? b : cropRows(b, y, Math.min(rows, b.height - y)) });
  return out;
}

/** Reads `^GFA,b,c,d,:Z64:…:CRC` back to a bitmap, checking the counts the header claims. */
export function decodeZplGraphicField(field: string): Bitmap {
  const m = /^\^GFA,(\d+),(\d+),(\d+),(:[A-Z0-9]{3}:[^:]*:[0-9A-Fa-f]{4})/.exec(field);
  if (!m) throw new RasterDecodeError(`not a ^GFA Z64 field: ${field.slice(0, 24)}…`);
  const [b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const data = z64Decode(m[4]);
  if (data.length !== c) throw new RasterDecodeError(`^GF: header says ${c} bytes, data has ${data.length}`);
  if (b !== c) throw new RasterDecodeError(`^GF: binary byte count ${b} differs from field count ${c}`);
  if (c % d) throw new RasterDecodeError(`^GF: ${c} bytes is not a whole number of ${d}-byte rows`);
  return { width: d * 8, height: c / d, rowBytes: d, data };
}

// ---------------------------------------------------------------- TSPL BITMAP

/** Which bit value prints black in TSPL BITMAP data: TSC's manuals and some clones disagree. */
export type TsplPolarity = 'zero-is-black' | 'one-is-black';

/** `BITMAP x,y,<rowBytes>,<height>,0,<data>` + CRLF, mode 0 = overwrite. */
export function tsplBitmapCommand(out: ByteSink, x: number, y: number, b: Bitmap, polarity: TsplPolarity): void {
  out.ascii(`BITMAP ${x},${y},${b.rowBytes},${b.height},0,`);
  if (polarity === 'one-is-black') out.bytes(b.data);
  else {
    const inv = new Uint8Array(b.data.length);
    for (let i = 0; i < inv.length; i++) inv[i] = ~b.data[i] & 0xff;
    out.bytes(inv);
  }
  out.ascii('\r\n');
}

/** Every BITMAP command in a TSPL job, decoded to 1 = black. */
export function decodeTsplBitmaps(job: Uint8Array, polarity: TsplPolarity): { x: number; y: number; bitmap: Bitmap }[] {
  const text = latin1(job);
  const out: { x: number; y: number; bitmap: Bitmap }[] = [];
  const re = /(?:^|\r\n)BITMAP (\d+),(\d+),(\d+),(\d+),(\d),/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const [x, y, rowBytes, height] = [1, 2, 3, 4].map((k) => Number(m![k]));
    const start = m.index + m[0].length;
    const end = start + rowBytes * height;
    if (end > job.length) throw new RasterDecodeError(`BITMAP at ${m.index}: needs ${rowBytes * height} bytes, job ends after ${job.length - start}`);
    if (latin1(job, end, end + 2) !== '\r\n') throw new RasterDecodeError(`BITMAP at ${m.index}: no CRLF after ${rowBytes * height} data bytes`);
    const data = job.slice(start, end);
    if (polarity === 'zero-is-black') for (let i = 0; i < data.length; i++) data[i] = ~data[i] & 0xff;
    out.push({ x, y, bitmap: { width: rowBytes * 8, height, rowBytes, data } });
    re.lastIndex = end;
  }
  return out;
}

// ---------------------------------------------------------------- ESC/POS GS v 0

/** `GS v 0` raster in strips of at most `maxRows` rows (cheap printers overflow on one big image). */
export function escposRaster(out: ByteSink, b: Bitmap, maxRows = 255): void {
  if (b.rowBytes > 0xffff) throw new Error(`GS v 0: ${b.rowBytes} bytes per row`);
  for (let y = 0; y < b.height; y += maxRows) {
    const h = Math.min(maxRows, b.height - y);
    out.byte(0x1d, 0x76, 0x30, 0x00, b.rowBytes & 0xff, b.rowBytes >> 8, h & 0xff, h >> 8);
    out.bytes(b.data.subarray(y * b.rowBytes, (y + h) * b.rowBytes));
  }
}

/** The GS v 0 images in an ESC/POS job, each strip as sent, in order. */
export function decodeEscposRasters(job: Uint8Array): Bitmap[] {
  const out: Bitmap[] = [];
  for (let i = 0; i + 8 <= job.length; i++) {
    if (job[i] !== 0x1d || job[i + 1] !== 0x76 || job[i + 2] !== 0x30) continue;
    const rowBytes = job[i + 4] | (job[i + 5] << 8);
    const h = job[i + 6] | (job[i + 7] << 8);
    const end = i + 8 + rowBytes * h;
    if (end > job.length) throw new RasterDecodeError(`GS v 0 at ${i}: needs ${rowBytes * h} bytes, job ends first`);
    out.push({ width: rowBytes * 8, height: h, rowBytes, data: job.slice(i + 8, end) });
    i = end - 1;
  }
  return out;
}

/** Stacks strips of one width into one bitmap. */
export function stackBitmaps(strips: readonly Bitmap[]): Bitmap {
  if (!strips.length) throw new RasterDecodeError('no raster strips');
  const out = createBitmap(strips[0].width, strips.reduce((s, b) => s + b.height, 0));
  let y = 0;
  for (const s of strips) {
    if (s.rowBytes !== out.rowBytes) throw new RasterDecodeError(`strip of ${s.rowBytes} bytes per row among ${out.rowBytes}`);
    out.data.set(s.data, y * out.rowBytes);
    y += s.height;
  }
  return out;
}
