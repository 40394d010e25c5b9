// What the three encoders share: the options they take, the check that a layout was made for this printer,
// offset calibration, and scrubbing untrusted text. An encoder returns one self-contained job per label
// (setup, content, print command), so a queue can send, journal and resume label by label.
import { fallbackGlyphs, type GlyphRenderer } from '../glyphs';
import type { LabelLayout, LayoutItem } from '../layout';
import { offsetDots, type PrinterLanguage, type PrinterProfile } from '../profiles';

export interface EncodeOptions {
  profile: PrinterProfile;
  /** Draws text the printer cannot (Chinese on ZPL, raster mode); defaults to the built-in ASCII font. */
  glyphs?: GlyphRenderer;
}

export class EncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodeError';
  }
}

export function checkTarget(layout: LabelLayout, profile: PrinterProfile, language: PrinterLanguage): void {
  if (profile.language !== language) throw new EncodeError(`a ${profile.language} profile was given to the ${language} encoder`);
  if (layout.dpi !== profile.dpi) throw new EncodeError(`layout is for ${layout.dpi} dpi, the printer is ${profile.dpi} dpi: lay out with targetFor(profile)`);
}

export const glyphsOf = (opts: EncodeOptions): GlyphRenderer => opts.glyphs ?? fallbackGlyphs();

/** Items moved by the profile's offset calibration. */
export function calibrated(items: readonly LayoutItem[], profile: PrinterProfile): LayoutItem[] {
  const { dx, dy } = offsetDots(profile);
  if (!dx && !dy) return items as LayoutItem[];
  return items.map((it) => (it.kind === 'text' ? { ...it, x: it.x + dx, y: it.y + dy, boxX: it.boxX + dx } : { ...it, x: it.x + dx, y: it.y + dy }));
}

const CONTROL = /[\u0000-\u001f\u007f]/g;
/** Order text is untrusted: no control character may reach a printer inside a text field. */
export const cleanText = (text: string): string => text.replace(CONTROL, ' ');

/** A millimetre value as the printer languages write it: integers plain, else up to two decimals. */
export const mm = (v: number): string => String(Math.round(v * 100) / 100);

export const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
