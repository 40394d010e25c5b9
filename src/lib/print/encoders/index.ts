// Picks the encoder for a profile's language. Encoders only turn a layout into bytes; sending them is a
// transport's job.
import type { LabelLayout } from '../layout';
import type { EncodeOptions } from './common';
import { encodeEscpos } from './escpos';
import { encodeTspl } from './tspl';
import { encodeZpl } from './zpl';

export { EncodeError, type EncodeOptions } from './common';
export { encodeEscpos, encodeTspl, encodeZpl };

/** One self-contained job per page of the layout, in the profile's printer language. */
export function encodeLayout(layout: LabelLayout, opts: EncodeOptions): Uint8Array[] {
  switch (opts.profile.language) {
    case 'tspl':
      return encodeTspl(layout, opts);
    case 'zpl':
      return encodeZpl(layout, opts);
    case 'escpos':
      return encodeEscpos(layout, opts);
  }
}
