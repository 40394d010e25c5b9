// GBK and GB18030 encoders for printer text (TSPL's TSS fonts are GB-coded; ESC/POS Chinese mode takes
// GB18030). Browsers only encode UTF-8, but every browser and Node can *decode* gb18030, so the encode
// tables are built once by decoding every 2-byte and 4-byte (BMP) code — a few milliseconds, no table in
// the bundle, no Buffer polyfill. iconv-lite is the oracle in tests. Characters a charset lacks (emoji in a
// buyer's name) become `?`: a visible, deliberate substitution rather than a failed label.

let twoByte: Uint16Array | undefined;
let fourByte: Uint32Array | undefined;

/** Unicode code unit -> 2-byte GBK code (lead << 8 | trail), 0 when none. */
function twoByteTable(): Uint16Array {
  if (twoByte) return twoByte;
  const codes: number[] = [];
  const bytes = new Uint8Array(126 * 190 * 2);
  let k = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes[k++] = lead;
      bytes[k++] = trail;
      codes.push((lead << 8) | trail);
    }
  const text = new TextDecoder('gb18030').decode(bytes.subarray(0, k));
  if (text.length !== codes.length) throw new Error(`GBK table: decoder returned ${text.length} characters for ${codes.length} codes`);
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < codes.length; i++) {
    const u = text.charCodeAt(i);
    if (u !== 0xfffd && table[u] === 0) table[u] = codes[i];
  }
  return (twoByte = table);
}

/** Unicode code unit -> 4-byte GB18030 code for BMP characters outside the 2-byte set, 0 when none. */
function fourByteTable(): Uint32Array {
  if (fourByte) return fourByte;
  const n = 39420; // 0x81308130 .. 0x8431A439: the BMP part of the 4-byte area
  const bytes = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    let v = i;
    const b4 = v % 10;
    v = (v - b4) / 10;
    const b3 = v % 126;
    v = (v - b3) / 126;
    const b2 = v % 10;
    const b1 = (v - b2) / 10;
    bytes.set([0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4], i * 4);
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  const table = new Uint32Array(0x10000);
  const two = twoByteTable();
  for (let i = 0; i < n && i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u === 0xfffd || two[u] || u < 0x80) continue;
    table[u] = ((bytes[i * 4] << 24) | (bytes[i * 4 + 1] << 16) | (bytes[i * 4 + 2] << 8) | bytes[i * 4 + 3]) >>> 0;
  }
  return (fourByte = table);
}

const QUESTION = 0x3f;

/** GBK bytes (ASCII as itself, the rest as 2-byte codes, anything else `?`). */
export function encodeGbk(text: string): Uint8Array {
  const table = twoByteTable();
  const out = new Uint8Array(text.length * 2);
  let o = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out[o++] = cp;
    else if (cp < 0x10000 && table[cp]) {
      out[o++] = table[cp] >> 8;
      out[o++] = table[cp] & 0xff;
    } else out[o++] = QUESTION;
  }
  return out.slice(0, o);
}

/** GB18030 bytes: 1, 2 or 4 per character; supplementary-plane characters by the standard's linear mapping. */
export function encodeGb18030(text: string): Uint8Array {
  const two = twoByteTable();
  const four = fourByteTable();
  const out = new Uint8Array(text.length * 4);
  let o = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out[o++] = cp;
    else if (cp < 0x10000 && two[cp]) {
      out[o++] = two[cp] >> 8;
      out[o++] = two[cp] & 0xff;
    } else if (cp < 0x10000 && four[cp]) {
      const v = four[cp];
      out[o++] = v >>> 24;
      out[o++] = (v >> 16) & 0xff;
      out[o++] = (v >> 8) & 0xff;
      out[o++] = v & 0xff;
    } else if (cp >= 0x10000) {
      let v = cp - 0x10000;
      const b4 = v % 10;
      v = (v - b4) / 10;
      const b3 = v % 126;
      v = (v - b3) / 126;
      const b2 = v % 10;
      const b1 = (v - b2) / 10;
      out[o++] = 0x90 + b1;
      out[o++] = 0x30 + b2;
      out[o++] = 0x81 + b3;
      out[o++] = 0x30 + b4;
    } else out[o++] = QUESTION;
  }
  return out.slice(0, o);
}
