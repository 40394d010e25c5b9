// GBK for exports that Chinese platforms and Excel on Chinese Windows read as code page 936 (the euro sign
// as the single byte 0x80). The codec is shared with printing (domain/gb-codec.ts); characters outside GBK
// (emoji, rare names) become "?" and are reported, never dropped silently.
import { encodeGb, type EncodedText } from '../domain/gb-codec';

export type { EncodedText };

export const encodeGbk = (text: string): EncodedText => encodeGb(text, { charset: 'gbk', euro: 'cp936' });
