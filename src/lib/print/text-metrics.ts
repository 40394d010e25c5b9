// Text measurement for layout: how wide a line is at an em size, and which em sizes a target can print.
// The default is the metric of the printers' own Chinese bitmap fonts (TSPL TSS24.BF2, ESC/POS Chinese
// mode): every GB character is one em wide and every ASCII character half an em, at multiples of the font's
// cell. A canvas-backed measurer (raster text in the browser) implements the same interface later, so the
// preview and the print wrap the same text at the same place.

export interface TextMetrics {
  /** The em size in dots this target prints for a requested one: the largest supported size at or below it. */
  fit(em: number): number;
  /** The next smaller size it can print, or undefined at the smallest (used by shrink-to-fit). */
  smaller(em: number): number | undefined;
  /** Advance width of one line in dots. */
  measure(text: string, em: number, bold: boolean): number;
}

/** Printable ASCII is half-width in every Chinese printer font; everything else is a full-width cell. */
export const isHalfWidth = (code: number): boolean => code >= 0x20 && code < 0x7f;

function cellWidth(text: string, em: number): number {
  let halves = 0;
  for (const ch of text) halves += isHalfWidth(ch.codePointAt(0)!) ? 1 : 2;
  return Math.round((halves * em) / 2);
}

/**
 * Monospace CJK metrics. Without `sizes` any integer em from `min` up is printable (raster text, ZPL's
 * scalable font); with `sizes` only those (a printer's built-in font cells and their integer magnifications).
 */
export function monospaceCjkMetrics(opts: { sizes?: readonly number[]; min?: number } = {}): TextMetrics {
  const sizes = opts.sizes ? [...new Set(opts.sizes)].sort((a, b) => a - b) : undefined;
  const min = opts.min ?? 8;
  if (sizes && !sizes.length) throw new Error('text metrics: empty size list');
  return {
    fit(em) {
      if (!sizes) return Math.max(min, Math.floor(em));
      let best = sizes[0];
      for (const s of sizes) if (s <= em) best = s;
      return best;
    },
    smaller(em) {
      if (!sizes) return em - 1 >= min ? em - 1 : undefined;
      let prev: number | undefined;
      for (const s of sizes) if (s < em) prev = s;
      return prev;
    },
    measure: (text, em) => cellWidth(text, em)
  };
}

/** The default estimator: CJK = 1 em, ASCII = 0.5 em, any size. */
export const estimateMetrics: TextMetrics = monospaceCjkMetrics();

/** Splits into break opportunities: runs of ASCII non-space, single spaces, and single wide characters. */
function tokens(text: string): string[] {
  return text.match(/[\x21-\x7e]+| |[^\x20-\x7e]/gu) ?? [];
}

/** Longest prefix of `text` (whole code points) that fits in `width`. */
function fitPrefix(text: string, width: number, em: number, bold: boolean, m: TextMetrics): string {
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.measure(chars.slice(0, mid).join(''), em, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('');
}

/**
 * Greedy line breaking: CJK may break between any two characters, ASCII words only at spaces (a word
 * wider than the line is cut). `\n` forces a break. Returns every line; the caller limits them.
 */
export function wrapText(text: string, width: number, em: number, bold: boolean, m: TextMetrics): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const tok of tokens(para)) {
      if (tok === ' ' && line === '') continue;
      const next = line + tok;
      if (m.measure(next, em, bold) <= width) {
        line = next;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      line = '';
      let rest = tok === ' ' ? '' : tok;
      while (rest && m.measure(rest, em, bold) > width) {
        const head = fitPrefix(rest, width, em, bold, m) || [...rest][0];
        out.push(head);
        rest = rest.slice(head.length);
      }
      line = rest;
    }
    out.push(line.trimEnd());
  }
  return out;
}

export const ELLIPSIS = '…';

/** Cuts a line so that it plus an ellipsis fits; unchanged when it fits, unless `more` says text follows it. */
export function truncateLine(line: string, width: number, em: number, bold: boolean, m: TextMetrics, more = false): string {
  if (!more && m.measure(line, em, bold) <= width) return line;
  const room = width - m.measure(ELLIPSIS, em, bold);
  return room <= 0 ? '' : fitPrefix(line, room, em, bold, m).trimEnd() + ELLIPSIS;
}
