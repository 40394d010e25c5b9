// GBK and GB18030 encoders, shared by exports (files Chinese platforms and Excel read as code page 936) and
// printers (TSPL's TSS fonts are GB-coded; ESC/POS Chinese mode takes GB18030). Browsers ship a GB18030
// decoder but no encoder, and iconv-lite needs Node's Buffer, so the encode tables are built once by decoding
// every 2-byte and (BMP) 4-byte code — a few milliseconds, no table in the bundle. iconv-lite is the oracle in
// tests. Characters a charset lacks (emoji in a buyer's name) become `?` and are reported, never dropped.

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

export interface EncodedText {
  bytes: Uint8Array;
  /** Distinct characters the charset cannot represent (written as "?"). */
  unencodable: string[];
}

/**
 * `gbk`: ASCII as itself, the rest as 2-byte codes (with `euro: 'cp936'` the euro sign is code page 936's
 * single byte 0x80, as Excel on Chinese Windows writes it). `gb18030`: 1, 2 or 4 bytes per character, every
 * Unicode character included (supplementary planes by the standard's linear mapping).
 */
export function encodeGb(text: string, opts: { charset: 'gbk' | 'gb18030'; euro?: 'cp936' }): EncodedText {
  const two = twoByteTable();
  const four = opts.charset === 'gb18030' ? fourByteTable() : undefined;
  const out = new Uint8Array(text.length * 4);
  const missing = new Set<string>();
  let o = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out[o++] = cp;
    else if (cp === 0x20ac && opts.euro === 'cp936') out[o++] = 0x80;
    else if (cp < 0x10000 && two[cp]) {
      out[o++] = two[cp] >> 8;
      out[o++] = two[cp] & 0xff;
    } else if (four && cp < 0x10000 && four[cp]) {
      const v = four[cp];
      out[o++] = v >>> 24;
      out[o++] = (v >> 16) & 0xff;
      out[o++] = (v >> 8) & 0xff;
      out[o++] = v & 0xff;
    } else if (four && cp >= 0x10000) {
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
    } else {
      missing.add(ch);
      out[o++] = QUESTION;
    }
  }
  return { bytes: out.slice(0, o), unencodable: [...missing] };
}
