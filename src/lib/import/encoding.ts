// Bytes to text for export files whose encoding nobody states. Chinese platforms write GBK/GB18030 CSV,
// Excel's "Unicode text" is UTF-16LE with a BOM, everything else is UTF-8 with or without a BOM. The order
// of evidence: a BOM is certain; a NUL byte in every other position means UTF-16; a file that decodes as
// strict UTF-8 is UTF-8 (GBK text almost never does: its lead bytes 0x81-0xFE are followed by 0x40-0xFE,
// which breaks UTF-8's continuation rule within a few characters); otherwise strict GB18030 whose
// non-ASCII text is mostly CJK is GBK; anything else falls back to Windows-1252 with low confidence.
// A file cut in the middle of a character (a truncated last line) still detects correctly: an incomplete
// final sequence is forgiven and counted as one replaced character. Content is sniffed before decoding, so
// a workbook, a ZIP, a PDF or an image renamed .csv is named as what it is instead of decoded into noise.
import { unzipSync } from 'fflate';
import { ImportError } from './errors';
import { msg } from './messages';

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gbk', 'gb18030', 'windows-1252'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export type ContentKind = 'text' | 'xlsx' | 'xls' | 'zip' | 'binary';

export interface SniffResult {
  kind: ContentKind;
  /** For binary content: what it looks like (a TERMS key: pdf, png, ...), for the error message. */
  detail?: string;
}

export interface DetectedEncoding {
  encoding: TextEncodingName;
  bom: boolean;
  /** 0..1: 1 for a BOM or pure ASCII, ~0.99 for valid multibyte UTF-8, lower for heuristics. */
  confidence: number;
  reason: string;
}

export interface DecodedText extends DetectedEncoding {
  text: string;
  /** Characters that could not be decoded (U+FFFD): non-zero means a wrong override or a damaged file. */
  replaced: number;
  overridden: boolean;
}

const MAGIC: readonly (readonly [number[], string])[] = [
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z']
];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** What the bytes are, regardless of the file name. */
export function sniffContent(bytes: Uint8Array, file = ''): SniffResult {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: zipHoldsWorkbook(bytes, file) ? 'xlsx' : 'zip' };
  if (startsWith(bytes, OLE)) return { kind: 'xls' };
  for (const [sig, name] of MAGIC) if (startsWith(bytes, sig)) return { kind: 'binary', detail: name };
  if (looksBinary(bytes)) return { kind: 'binary', detail: 'binary' };
  return { kind: 'text' };
}

function zipHoldsWorkbook(bytes: Uint8Array, file: string): boolean {
  let workbook = false;
  try {
    // The filter sees every entry name and decompresses none of them.
    unzipSync(bytes, {
      filter: (f) => {
        if (f.name === 'xl/workbook.xml' || f.name === 'xl/workbook.bin') workbook = true;
        return false;
      }
    });
  } catch (e) {
    throw new ImportError('zip_archive', msg('zip_corrupt', { file, cause: (e as Error).message }), { file });
  }
  return workbook;
}

/** Control bytes other than tab/CR/LF/ESC in the first 8 KB, ignoring UTF-16 files (which have NULs by design). */
function looksBinary(bytes: Uint8Array): boolean {
  if (utf16ByBom(bytes) || utf16ByNuls(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1b && b !== 0x0c) bad++;
  }
  return bad > n * 0.01;
}

function utf16ByBom(b: Uint8Array): TextEncodingName | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** ASCII-heavy UTF-16 without a BOM: NUL high bytes in the odd (LE) or even (BE) positions. */
function utf16ByNuls(b: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.3 && even < half * 0.02) return 'utf-16le';
  if (even > half * 0.3 && odd < half * 0.02) return 'utf-16be';
  return undefined;
}

/** Length of an incomplete multibyte sequence at the very end (0 when the end is complete). */
function incompleteUtf8Tail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function strictDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (e) {
    // A fatal decoder signals invalid input with a TypeError; that is the answer to "is this valid?".
    if (e instanceof TypeError) return undefined;
    throw e;
  }
}

const isCjk = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f);

/** Share of CJK among non-ASCII characters in the first 512K characters (a sample is plenty for a ratio). */
function cjkShare(text: string): { share: number; nonAscii: number } {
  let nonAscii = 0;
  let cjk = 0;
  const n = Math.min(text.length, 1 << 19);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (isCjk(c)) cjk++;
  }
  return { share: nonAscii ? cjk / nonAscii : 0, nonAscii };
}

/** GB18030 four-byte sequences (lead 0x81-0xFE, then a digit) in the first MB mean the file is GB18030 rather than
 *  GBK. Only the name shown depends on it: both decode with the GB18030 decoder, a superset. */
function hasFourByteGb(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1 << 20);
  for (let i = 0; i < n - 1; i++) {
    const c = b[i];
    if (c < 0x81) continue;
    if (c === 0xff) continue;
    const d = b[i + 1];
    if (d >= 0x30 && d <= 0x39) return true;
    i++;
  }
  return false;
}

const countReplaced = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
};

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Detect and decode in one pass (the strict decode that proves UTF-8 is also the result). */
function detectAndDecode(bytes: Uint8Array): DecodedText {
  const base = { overridden: false };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { ...base, text, encoding: 'utf-8', bom: true, confidence: 1, reason: 'UTF-8 BOM', replaced: countReplaced(text) };
  }
  const u16 = utf16ByBom(bytes);
  if (u16) {
    const text = new TextDecoder(u16).decode(bytes.subarray(2));
    return { ...base, text, encoding: u16, bom: true, confidence: 1, reason: 'UTF-16 BOM', replaced: countReplaced(text) };
  }
  const u16n = utf16ByNuls(bytes);
  if (u16n) {
    const text = new TextDecoder(u16n).decode(bytes);
    return { ...base, text, encoding: u16n, bom: false, confidence: 0.9, reason: 'NUL byte pattern of UTF-16', replaced: countReplaced(text) };
  }
  const tail = incompleteUtf8Tail(bytes);
  const utf8 = strictDecode('utf-8', tail ? bytes.subarray(0, bytes.length - tail) : bytes);
  if (utf8 !== undefined) {
    const { nonAscii } = cjkShare(utf8);
    const ascii = nonAscii === 0 && tail === 0;
    return {
      ...base,
      text: tail ? utf8 + '\ufffd' : utf8,
      encoding: 'utf-8',
      bom: false,
      confidence: ascii ? 1 : tail ? 0.9 : 0.99,
      reason: ascii ? 'ASCII only' : tail ? 'valid UTF-8 except a cut-off last character' : 'valid multibyte UTF-8',
      replaced: tail ? 1 : 0
    };
  }
  const lastIsLead = bytes.length > 0 && bytes[bytes.length - 1] >= 0x81 && bytes[bytes.length - 1] !== 0xff;
  const whole = strictDecode('gb18030', bytes);
  const cut = whole === undefined && lastIsLead;
  const gb = whole ?? (cut ? strictDecode('gb18030', bytes.subarray(0, bytes.length - 1)) : undefined);
  if (gb !== undefined) {
    const { share } = cjkShare(gb);
    if (share >= 0.6) {
      return {
        ...base,
        text: cut ? gb + '\ufffd' : gb,
        encoding: hasFourByteGb(bytes) ? 'gb18030' : 'gbk',
        bom: false,
        confidence: Math.min(0.97, 0.5 + share * 0.47),
        reason: `invalid as UTF-8, valid GB18030 with ${Math.round(share * 100)}% CJK characters`,
        replaced: cut ? 1 : 0
      };
    }
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  return { ...base, text, encoding: 'windows-1252', bom: false, confidence: 0.4, reason: 'neither UTF-8 nor Chinese GBK text', replaced: 0 };
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const { encoding, bom, confidence, reason } = detectAndDecode(bytes);
  return { encoding, bom, confidence, reason };
}

export interface DecodeOptions {
  file?: string;
  /** The user's choice on the import page; wins over detection (a BOM is still skipped). */
  encoding?: TextEncodingName;
}

/** Text of a text file, or a typed error for an empty file or for content that is not text. */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const file = opts.file ?? '';
  if (bytes.length === 0) throw new ImportError('empty_file', msg('empty_file', { file }), { file });
  const sniff = sniffContent(bytes, file);
  if (sniff.kind === 'xlsx' || sniff.kind === 'xls')
    throw new ImportError('binary_file', msg('workbook_not_text', { file }), { file, kind: sniff.kind });
  if (sniff.kind === 'zip')
    throw new ImportError('zip_archive', msg('zip_archive', { file }), { file });
  if (sniff.kind === 'binary')
    throw new ImportError('binary_file', msg('binary_file', { file, kind: sniff.detail ?? 'binary' }), { file, kind: sniff.detail });

  let decoded: DecodedText;
  if (opts.encoding) {
    const label = opts.encoding === 'gbk' ? 'gb18030' : opts.encoding;
    const raw = new TextDecoder(label).decode(bytes);
    const text = stripBom(raw);
    decoded = { text, encoding: opts.encoding, bom: text.length !== raw.length, confidence: 1, reason: 'chosen by the user', replaced: countReplaced(text), overridden: true };
  } else {
    decoded = detectAndDecode(bytes);
  }
  if (decoded.text.trim() === '') throw new ImportError('empty_file', msg('empty_text', { file }), { file });
  return decoded;
}

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE（Unicode 文本）',
  'utf-16be': 'UTF-16BE',
  gbk: 'GBK',
  gb18030: 'GB18030',
  'windows-1252': 'Windows-1252（西文）'
};
