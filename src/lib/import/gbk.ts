// GBK encoding for exports that Chinese platforms and Excel on Chinese Windows read as code page 936.
// Browsers ship a GBK decoder but no encoder, and iconv-lite needs Node's Buffer (not available in a browser
// worker without a polyfill), so the encoder's table is derived once from TextDecoder itself: every valid
// two-byte sequence (lead 0x81-0xFE, trail 0x40-0xFE except 0x7F) is decoded and inverted. That makes the
// output byte-identical to what the platform's decoder expects (a test checks it against iconv-lite).
// Characters outside GBK (emoji, rare names) become "?" and are reported, never dropped silently.

let table: Map<number, number> | undefined;

function buildTable(): Map<number, number> {
  const m = new Map<number, number>();
  const dec = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      const s = dec.decode(pair);
      if (s.length !== 1) continue;
      const c = s.charCodeAt(0);
      if (c === 0xfffd || m.has(c)) continue;
      m.set(c, (lead << 8) | trail);
    }
  }
  // Code page 936 writes the euro sign as the single byte 0x80 (the decoder also accepts GB18030's A2E3).
  m.set(0x20ac, 0x80);
  return m;
}

export interface EncodedText {
  bytes: Uint8Array;
  /** Distinct characters that GBK cannot represent (written as "?"). */
  unencodable: string[];
}

export function encodeGbk(text: string): EncodedText {
  table ??= buildTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  const missing = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = table.get(c);
    if (code === undefined) {
      const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
      missing.add(isPair ? text.slice(i, i + 2) : text[i]);
      if (isPair) i++;
      out[n++] = 0x3f;
    } else if (code <= 0xff) out[n++] = code;
    else {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  return { bytes: out.slice(0, n), unencodable: [...missing] };
}
