// A small zlib compressor (RFC 1950 around one RFC 1951 fixed-Huffman block) made for 1-bit bitmaps, where
// the redundancy is runs (a byte repeating the one before), rows repeating the row above, and repeated
// shapes (the same glyph again). It tries those two distances plus the last position with the same three
// bytes (a 4096-entry hash, no chains): a ZPL label sends ~20 small Z64 graphics (one per line of Chinese),
// and a general deflate spent ~40 µs setting up its tables for each — more than everything else on the
// label. Any inflate reads the output; tests check it against fflate's.

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

const reverse = (code: number, bits: number): number => {
  let r = 0;
  for (let i = 0; i < bits; i++) r |= ((code >> i) & 1) << (bits - 1 - i);
  return r;
};

/** Fixed Huffman literal/length codes, bit-reversed for LSB-first output: [code, length] per symbol. */
const LIT_CODE = new Uint16Array(288);
const LIT_BITS = new Uint8Array(288);
for (let v = 0; v < 288; v++) {
  const [code, bits] = v < 144 ? [0x30 + v, 8] : v < 256 ? [0x190 + v - 144, 9] : v < 280 ? [v - 256, 7] : [0xc0 + v - 280, 8];
  LIT_CODE[v] = reverse(code, bits);
  LIT_BITS[v] = bits;
}

/** For each match length 3..258: its symbol (257..285), extra bits and extra value. */
const LEN_SYM = new Uint16Array(259);
const LEN_XBITS = new Uint8Array(259);
const LEN_XVAL = new Uint16Array(259);
for (let i = 0; i < LEN_BASE.length; i++) {
  const end = i + 1 < LEN_BASE.length ? LEN_BASE[i + 1] : 259;
  for (let len = LEN_BASE[i]; len < end && len <= 258; len++) {
    LEN_SYM[len] = 257 + i;
    LEN_XBITS[len] = LEN_EXTRA[i];
    LEN_XVAL[len] = len - LEN_BASE[i];
  }
}
LEN_SYM[258] = 285;
LEN_XBITS[258] = 0;
LEN_XVAL[258] = 0;

const DIST_REV = DIST_BASE.map((_, i) => reverse(i, 5));
function distanceCode(dist: number): { code: number; xbits: number; xval: number } {
  let i = DIST_BASE.length - 1;
  while (DIST_BASE[i] > dist) i--;
  return { code: DIST_REV[i], xbits: DIST_EXTRA[i], xval: dist - DIST_BASE[i] };
}

const WINDOW = 32768;
const HASH_BITS = 12;
const HASH_SIZE = 1 << HASH_BITS;

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib-compresses `data`, looking for runs, rows of `rowBytes` that repeat the row above, and repeats. */
export function zlibBitmap(data: Uint8Array, rowBytes: number): Uint8Array {
  const out = new Uint8Array(data.length + (data.length >> 3) + 64);
  let o = 0;
  let buf = 0;
  let cnt = 0;
  const put = (value: number, bits: number) => {
    buf |= value << cnt;
    cnt += bits;
    while (cnt >= 8) {
      out[o++] = buf & 0xff;
      buf >>>= 8;
      cnt -= 8;
    }
  };
  out[o++] = 0x78;
  out[o++] = 0x01;
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  const n = data.length;
  const head = new Int32Array(HASH_SIZE).fill(-1);
  const hashAt = (i: number) => (Math.imul((data[i] << 16) | (data[i + 1] << 8) | data[i + 2], 0x9e3779b1) >>> (32 - HASH_BITS));
  const matchLen = (i: number, dist: number, max: number) => {
    let k = 0;
    while (k < max && data[i + k] === data[i + k - dist]) k++;
    return k;
  };
  for (let i = 0; i < n; ) {
    const max = Math.min(258, n - i);
    let len = 0;
    let dist = 0;
    if (i >= 1) [len, dist] = [matchLen(i, 1, max), 1];
    if (rowBytes > 1 && rowBytes <= WINDOW && i >= rowBytes) {
      const l = matchLen(i, rowBytes, max);
      if (l > len) [len, dist] = [l, rowBytes];
    }
    if (max >= 3) {
      const h = hashAt(i);
      const prev = head[h];
      head[h] = i;
      if (prev >= 0 && i - prev <= WINDOW && i - prev !== dist) {
        const l = matchLen(i, i - prev, max);
        if (l > len) [len, dist] = [l, i - prev];
      }
    }
    if (len < 3) {
      const v = data[i++];
      put(LIT_CODE[v], LIT_BITS[v]);
      continue;
    }
    const sym = LEN_SYM[len];
    put(LIT_CODE[sym], LIT_BITS[sym]);
    if (LEN_XBITS[len]) put(LEN_XVAL[len], LEN_XBITS[len]);
    const d = distanceCode(dist);
    put(d.code, 5);
    if (d.xbits) put(d.xval, d.xbits);
    for (let k = 1; k < len && i + k + 2 < n; k++) head[hashAt(i + k)] = i + k;
    i += len;
  }
  put(LIT_CODE[256], LIT_BITS[256]);
  if (cnt > 0) put(0, 8 - cnt);
  const a = adler32(data);
  out[o++] = a >>> 24;
  out[o++] = (a >>> 16) & 0xff;
  out[o++] = (a >>> 8) & 0xff;
  out[o++] = a & 0xff;
  return out.slice(0, o);
}
