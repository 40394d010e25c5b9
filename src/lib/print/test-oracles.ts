// Test-only oracles: read barcodes back with zxing-wasm (its wasm loaded from node_modules, never a CDN),
// render ZPL with zpl-renderer-js, decode the PNGs it returns, and dump printer jobs as readable text for
// golden files. Nothing here ships in the app.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { unzlibSync } from 'fflate';
import { latin1 } from './bytes';
import { bitmapToRgba, type Bitmap } from './raster';

const require = createRequire(import.meta.url);

export interface Decoded {
  format: string;
  text: string;
  /** Bounding box of the symbol in pixels. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

let zxing: Promise<typeof import('zxing-wasm/reader')> | undefined;
function reader() {
  zxing ??= (async () => {
    const mod = await import('zxing-wasm/reader');
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    await mod.prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
    return mod;
  })();
  return zxing;
}

/** Every barcode zxing finds in an RGBA image or an encoded image file (PNG). */
export async function decodeBarcodes(input: Uint8Array | { data: Uint8ClampedArray; width: number; height: number }): Promise<Decoded[]> {
  const z = await reader();
  const results = await z.readBarcodes(input as never, { formats: [], tryHarder: true, maxNumberOfSymbols: 16 });
  return results
    .filter((r) => r.isValid)
    .map((r) => {
      const xs = [r.position.topLeft.x, r.position.topRight.x, r.position.bottomLeft.x, r.position.bottomRight.x];
      const ys = [r.position.topLeft.y, r.position.topRight.y, r.position.bottomLeft.y, r.position.bottomRight.y];
      return { format: r.format, text: r.text, left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    });
}

/** A bitmap as an RGBA image with a white margin (decoders want a quiet zone around the edge). */
export function bitmapImage(b: Bitmap, margin = 0): { data: Uint8ClampedArray; width: number; height: number } {
  const rgba = bitmapToRgba(b);
  if (!margin) return { data: rgba, width: b.width, height: b.height };
  const width = b.width + 2 * margin;
  const height = b.height + 2 * margin;
  const out = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < b.height; y++) out.set(rgba.subarray(y * b.width * 4, (y + 1) * b.width * 4), ((y + margin) * width + margin) * 4);
  return { data: out, width, height };
}

let zpl: Promise<{ zplToBase64Async(zpl: string, w?: number, h?: number, dpmm?: number): Promise<string> }> | undefined;

/** Renders one ZPL label to PNG bytes with zpl-renderer-js (zebrash in wasm). */
export async function renderZpl(code: string, widthMm: number, heightMm: number, dpmm = 8): Promise<Uint8Array> {
  zpl ??= import('zpl-renderer-js').then((m) => m.ready).then((r) => r.api);
  const api = await zpl;
  const b64 = await api.zplToBase64Async(code, widthMm, heightMm, dpmm);
  return Uint8Array.from(Buffer.from(b64, 'base64'));
}

/** Decodes an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB, RGBA) to RGBA. */
export function decodePng(png: Uint8Array): { data: Uint8ClampedArray; width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let o = 8; o < png.length; ) {
    const len = view.getUint32(o);
    const type = latin1(png, o + 4, o + 8);
    const body = png.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(o + 8);
      height = view.getUint32(o + 12);
      const [depth, color, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace) throw new Error(`PNG: depth ${depth}, interlace ${interlace} not supported`);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[color] ?? 0;
      if (!channels) throw new Error(`PNG: colour type ${color} not supported`);
    } else if (type === 'IDAT') idat.push(body);
    o += 12 + len;
  }
  const raw = unzlibSync(Uint8Array.from(idat.flatMap((c) => [...c])));
  const stride = width * channels;
  const pix = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pix.subarray(y * stride, (y + 1) * stride);
    const prev = y ? pix.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      const p = a + b - c;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      row[x] = (src[x] + pred) & 0xff;
    }
  }
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = pix.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, a] = channels === 1 ? [s[0], s[0], s[0], 255] : channels === 2 ? [s[0], s[0], s[0], s[1]] : channels === 3 ? [s[0], s[1], s[2], 255] : [s[0], s[1], s[2], s[3]];
    out.set([r, g, b, a], i * 4);
  }
  return { data: out, width, height };
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const gb = new TextDecoder('gb18030');

/** TSPL job as text: GBK decoded, BITMAP payloads replaced by their length and hash. */
export function dumpTspl(job: Uint8Array): string {
  const text = latin1(job);
  let out = '';
  let i = 0;
  const re = /BITMAP \d+,\d+,(\d+),(\d+),\d,/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const n = Number(m[1]) * Number(m[2]);
    out += gb.decode(job.subarray(i, start)) + `<${n} bytes sha256:${sha(job.subarray(start, start + n))}>`;
    i = start + n;
    re.lastIndex = i;
  }
  return (out + gb.decode(job.subarray(i))).replace(/\r\n/g, '⏎\n');
}

/** ZPL job as text, with each Z64 payload replaced by its length and CRC. */
export function dumpZpl(job: Uint8Array): string {
  return new TextDecoder().decode(job).replace(/:Z64:([A-Za-z0-9+/=]+):([0-9A-F]{4})/g, (_m, b64: string, crc: string) => `:Z64:<${b64.length} chars>:${crc}`);
}

/** ESC/POS job as one command per line: known commands by name, text runs decoded, raster strips hashed. */
export function dumpEscpos(job: Uint8Array): string {
  const lines: string[] = [];
  const hex = (a: Uint8Array | number[]) => [...a].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  let i = 0;
  let text: number[] = [];
  const flush = () => {
    if (text.length) lines.push(`TEXT "${gb.decode(Uint8Array.from(text))}"`);
    text = [];
  };
  while (i < job.length) {
    const b = job[i];
    if (b >= 0x20 || b === undefined) {
      text.push(b);
      i++;
      continue;
    }
    flush();
    const take = (n: number, name: string) => {
      lines.push(`${name.padEnd(14)} ${hex(job.subarray(i, i + n))}`);
      i += n;
    };
    const next = job[i + 1];
    if (b === 0x0a) take(1, 'LF');
    else if (b === 0x1b && next === 0x40) take(2, 'ESC @');
    else if (b === 0x1b && next === 0x33) take(3, 'ESC 3 spacing');
    else if (b === 0x1b && next === 0x24) take(4, 'ESC $ x');
    else if (b === 0x1b && next === 0x45) take(3, 'ESC E bold');
    else if (b === 0x1b && next === 0x4a) take(3, 'ESC J feed');
    else if (b === 0x1c && next === 0x26) take(2, 'FS & chinese');
    else if (b === 0x1d && next === 0x21) take(3, 'GS ! size');
    else if (b === 0x1d && next === 0x4c) take(4, 'GS L margin');
    else if (b === 0x1d && (next === 0x68 || next === 0x77 || next === 0x48)) take(3, `GS ${String.fromCharCode(next)}`);
    else if (b === 0x1d && next === 0x6b) take(4 + job[i + 3], 'GS k barcode');
    else if (b === 0x1d && next === 0x28 && job[i + 2] === 0x6b) take(5 + (job[i + 3] | (job[i + 4] << 8)), 'GS ( k qr');
    else if (b === 0x1d && next === 0x56) take(3, 'GS V cut');
    else if (b === 0x1d && next === 0x76) {
      const n = (job[i + 4] | (job[i + 5] << 8)) * (job[i + 6] | (job[i + 7] << 8));
      lines.push(`GS v 0 raster   ${hex(job.subarray(i, i + 8))} <${n} bytes sha256:${sha(job.subarray(i + 8, i + 8 + n))}>`);
      i += 8 + n;
    } else take(1, 'BYTE');
  }
  flush();
  return lines.join('\n') + '\n';
}
