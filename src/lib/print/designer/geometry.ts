// Every element as one rectangle in mm (what the designer draws, drags and resizes), and back: QR codes are
// squares, lines are a length and a thickness, images keep the size they were made at. Values are rounded
// to 0.01 mm so repeated drags and nudges never accumulate float noise into the saved JSON.
import type { Element, Template } from '../template';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Which sides of an element can be dragged to resize it. */
export type ResizeAxes = 'both' | 'square' | 'x' | 'y' | 'none';

export const round2 = (v: number): number => Math.round(v * 100) / 100;

export function boundsOf(e: Element): Rect {
  switch (e.type) {
    case 'qr':
      return { x: e.x, y: e.y, w: e.size, h: e.size };
    case 'line':
      return e.direction === 'horizontal' ? { x: e.x, y: e.y, w: e.length, h: e.thickness } : { x: e.x, y: e.y, w: e.thickness, h: e.length };
    case 'image':
      return { x: e.x, y: e.y, w: round2((e.image.width * 25.4) / e.image.dpi), h: round2((e.image.height * 25.4) / e.image.dpi) };
    default:
      return { x: e.x, y: e.y, w: e.w, h: e.h };
  }
}

export function resizeAxes(e: Element): ResizeAxes {
  switch (e.type) {
    case 'qr':
      return 'square';
    case 'line':
      return e.direction === 'horizontal' ? 'x' : 'y';
    case 'image':
      return 'none';
    default:
      return 'both';
  }
}

/** The element moved and sized to `r` (only what its type can take: a line keeps its thickness). */
export function withBounds<E extends Element>(e: E, r: Rect): E {
  const x = round2(r.x);
  const y = round2(r.y);
  switch (e.type) {
    case 'qr':
      return { ...e, x, y, size: round2(Math.max(r.w, r.h)) };
    case 'line':
      return { ...e, x, y, length: round2(e.direction === 'horizontal' ? r.w : r.h) };
    case 'image':
      return { ...e, x, y };
    default:
      return { ...e, x, y, w: round2(r.w), h: round2(r.h) };
  }
}

/** Moves a rectangle inside the label (a rectangle larger than the label sticks to its top-left corner). */
export function clampRect(r: Rect, size: Template['size']): Rect {
  return { ...r, x: Math.max(0, Math.min(r.x, size.width - r.w)), y: Math.max(0, Math.min(r.y, size.height - r.h)) };
}
