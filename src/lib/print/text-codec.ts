// Printer text as bytes: GBK for TSPL's TSS fonts, GB18030 for ESC/POS Chinese mode (the codec itself is
// shared with the exports: domain/gb-codec.ts). A character a charset lacks prints as `?`.
import { encodeGb } from '../domain/gb-codec';

/** GBK bytes (ASCII as itself, the rest as 2-byte codes, anything else `?`). */
export const encodeGbk = (text: string): Uint8Array => encodeGb(text, { charset: 'gbk' }).bytes;

/** GB18030 bytes: 1, 2 or 4 per character. */
export const encodeGb18030 = (text: string): Uint8Array => encodeGb(text, { charset: 'gb18030' }).bytes;
