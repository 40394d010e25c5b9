// Barcode symbologies as module patterns: Code 128 (subsets B and C, chosen to give the fewest symbols),
// Code 39 and EAN-13, plus QR matrices from `qrcode`. Layout uses them to size a barcode so it fits its box,
// raster draws them bar by bar, and the native encoders tell the printer the same subset switches (ZPL
// invocation codes, ESC/POS `{B`/`{C`), so the printed width equals the laid-out width.
import QRCode from 'qrcode';

export class BarcodeDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BarcodeDataError';
  }
}

/** A linear symbol: element widths in modules, alternating bar and space, starting with a bar. */
export interface LinearSymbol {
  widths: number[];
  modules: number;
}

const sumOf = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

// ---------------------------------------------------------------- Code 128

/** Element widths of the 107 Code 128 symbols (values 0–105 and stop), from ISO/IEC 15417. */
export const CODE128_PATTERNS: readonly string[] = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 ' +
  '123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 ' +
  '232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 ' +
  '111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112'
).split(' ');

const CODE_C = 99;
const CODE_B = 100;
const START_B = 104;
const START_C = 105;
const STOP = 106;

export type Code128Set = 'B' | 'C';
export interface Code128Segment {
  set: Code128Set;
  text: string;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Splits data into subset B and C runs with the fewest symbols (a two-state shortest path: a symbol per
 * character in B, per digit pair in C, one more per switch). Ties keep the current subset.
 */
export function code128Segments(data: string): Code128Segment[] {
  if (!data.length) throw new BarcodeDataError('Code 128: empty data');
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c < 32 || c > 126) throw new BarcodeDataError(`Code 128: character ${JSON.stringify(data[i])} at ${i + 1} is not printable ASCII`);
  }
  const n = data.length;
  const INF = 1e9;
  // cost[i][s]: fewest symbols (start included) that encode data[0..i) and end in subset s (0 = B, 1 = C).
  const cost = Array.from({ length: n + 1 }, () => [INF, INF]);
  const from: [number, number][][] = Array.from({ length: n + 1 }, () => [
    [-1, -1],
    [-1, -1]
  ]);
  cost[0] = [1, 1];
  for (let i = 0; i <= n; i++) {
    for (const s of [0, 1]) {
      const o = 1 - s;
      if (i > 0 && cost[i][o] + 1 < cost[i][s]) {
        cost[i][s] = cost[i][o] + 1;
        from[i][s] = [i, o];
      }
    }
    if (i === n) break;
    if (cost[i][0] + 1 < cost[i + 1][0]) {
      cost[i + 1][0] = cost[i][0] + 1;
      from[i + 1][0] = [i, 0];
    }
    if (i + 1 < n && isDigit(data.charCodeAt(i)) && isDigit(data.charCodeAt(i + 1)) && cost[i][1] + 1 < cost[i + 2][1]) {
      cost[i + 2][1] = cost[i][1] + 1;
      from[i + 2][1] = [i, 1];
    }
  }
  let s = cost[n][1] < cost[n][0] ? 1 : 0;
  let i = n;
  const steps: { set: number; start: number; end: number }[] = [];
  for (;;) {
    const [pi, ps] = from[i][s];
    if (pi === -1) break;
    if (pi < i) steps.push({ set: s, start: pi, end: i });
    i = pi;
    s = ps;
  }
  steps.reverse();
  const segments: Code128Segment[] = [];
  for (const st of steps) {
    const set: Code128Set = st.set === 0 ? 'B' : 'C';
    const last = segments[segments.length - 1];
    if (last && last.set === set) last.text += data.slice(st.start, st.end);
    else segments.push({ set, text: data.slice(st.start, st.end) });
  }
  return segments;
}

/** Symbol values (start, data, switches, check) for segments; the stop symbol is added by the pattern. */
export function code128Values(segments: readonly Code128Segment[]): number[] {
  const values: number[] = [segments[0].set === 'C' ? START_C : START_B];
  segments.forEach((seg, k) => {
    if (k > 0) values.push(seg.set === 'C' ? CODE_C : CODE_B);
    if (seg.set === 'C') for (let i = 0; i < seg.text.length; i += 2) values.push(Number(seg.text.slice(i, i + 2)));
    else for (let i = 0; i < seg.text.length; i++) values.push(seg.text.charCodeAt(i) - 32);
  });
  let check = values[0];
  for (let i = 1; i < values.length; i++) check += values[i] * i;
  values.push(check % 103);
  return values;
}

export function code128(data: string): LinearSymbol {
  const values = code128Values(code128Segments(data));
  const widths: number[] = [];
  for (const v of [...values, STOP]) for (const w of CODE128_PATTERNS[v]) widths.push(Number(w));
  return { widths, modules: sumOf(widths) };
}

// ---------------------------------------------------------------- Code 39

export const CODE39_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*';
/** Narrow/wide pattern of each character's five bars and four spaces. */
export const CODE39_PATTERNS: readonly string[] = (
  'nnnwwnwnn wnnwnnnnw nnwwnnnnw wnwwnnnnn nnnwwnnnw wnnwwnnnn nnwwwnnnn nnnwnnwnw wnnwnnwnn nnwwnnwnn wnnnnwnnw ' +
  'nnwnnwnnw wnwnnwnnn nnnnwwnnw wnnnwwnnn nnwnwwnnn nnnnnwwnw wnnnnwwnn nnwnnwwnn nnnnwwwnn wnnnnnnww nnwnnnnww ' +
  'wnwnnnnwn nnnnwnnww wnnnwnnwn nnwnwnnwn nnnnnnwww wnnnnnwwn nnwnnnwwn nnnnwnwwn wwnnnnnnw nwwnnnnnw wwwnnnnnn ' +
  'nwnnwnnnw wwnnwnnnn nwwnwnnnn nwnnnnwnw wwnnnnwnn nwwnnnwnn nwnwnwnnn nwnwnnnwn nwnnnwnwn nnnwnwnwn nwnnwnwnn'
).split(' ');

/** Wide elements are this many narrow ones (TSPL narrow/wide 1:3, ZPL ^BY ratio 3.0). */
export const CODE39_RATIO = 3;

export function code39(data: string): LinearSymbol {
  if (!data.length) throw new BarcodeDataError('Code 39: empty data');
  for (let i = 0; i < data.length; i++) {
    if (data[i] === '*' || !CODE39_CHARS.includes(data[i]))
      throw new BarcodeDataError(`Code 39: character ${JSON.stringify(data[i])} at ${i + 1} is not in the standard set (0-9 A-Z - . space $ / + %)`);
  }
  const widths: number[] = [];
  const chars = `*${data}*`;
  for (let k = 0; k < chars.length; k++) {
    const p = CODE39_PATTERNS[CODE39_CHARS.indexOf(chars[k])];
    for (const e of p) widths.push(e === 'w' ? CODE39_RATIO : 1);
    if (k < chars.length - 1) widths.push(1);
  }
  return { widths, modules: sumOf(widths) };
}

// ---------------------------------------------------------------- EAN-13

const EAN_L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const EAN_PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];
const invert = (bits: string): string => bits.replace(/./g, (b) => (b === '0' ? '1' : '0'));
const EAN_R = EAN_L.map(invert);
const EAN_G = EAN_R.map((b) => [...b].reverse().join(''));

export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** The 13 digits for 12 (check digit added) or 13 (check digit verified). */
export function ean13Digits(data: string): string {
  if (!/^\d{12,13}$/.test(data)) throw new BarcodeDataError(`EAN-13: needs 12 or 13 digits, got ${JSON.stringify(data)}`);
  const check = ean13CheckDigit(data);
  if (data.length === 13 && Number(data[12]) !== check) throw new BarcodeDataError(`EAN-13: check digit of ${data} should be ${check}`);
  return data.slice(0, 12) + check;
}

export function ean13(data: string): LinearSymbol {
  const d = ean13Digits(data);
  const parity = EAN_PARITY[Number(d[0])];
  let bits = '101';
  for (let i = 1; i <= 6; i++) bits += (parity[i - 1] === 'L' ? EAN_L : EAN_G)[Number(d[i])];
  bits += '01010';
  for (let i = 7; i <= 12; i++) bits += EAN_R[Number(d[i])];
  bits += '101';
  const widths: number[] = [];
  let run = 1;
  for (let i = 1; i <= bits.length; i++) {
    if (i < bits.length && bits[i] === bits[i - 1]) run++;
    else {
      widths.push(run);
      run = 1;
    }
  }
  return { widths, modules: bits.length };
}

export function linearSymbol(symbology: 'code128' | 'code39' | 'ean13', data: string): LinearSymbol {
  return symbology === 'code128' ? code128(data) : symbology === 'code39' ? code39(data) : ean13(data);
}

/** Quiet zone each side, in modules, that layout keeps free inside the barcode's box. */
export const QUIET_MODULES = { code128: 10, code39: 10, ean13: 9 } as const;

// ---------------------------------------------------------------- QR

export interface QrMatrix {
  version: number;
  size: number;
  /** Row-major, 1 = dark module. */
  modules: Uint8Array;
}

export type QrEcc = 'L' | 'M' | 'Q' | 'H';

/** The QR symbol for `data` (UTF-8 in byte mode where needed, segments chosen by `qrcode`). */
export function qrMatrix(data: string, ecc: QrEcc): QrMatrix {
  if (!data.length) throw new BarcodeDataError('QR: empty data');
  let qr: ReturnType<typeof QRCode.create>;
  try {
    qr = QRCode.create(data, { errorCorrectionLevel: ecc });
  } catch (e) {
    throw new BarcodeDataError(`QR: ${(e as Error).message}`);
  }
  const m = qr.modules as unknown as { size: number; data: Uint8Array };
  return { version: qr.version, size: m.size, modules: Uint8Array.from(m.data, (v) => (v ? 1 : 0)) };
}
