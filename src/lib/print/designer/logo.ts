// A picture the seller drops into a template (a shop logo, a QR of the shop's account) becomes a 1-bit
// image element: scaled to fit a width in millimetres at the template's resolution, thresholded (transparent
// areas print white), packed MSB first with 1 = black, base64 — what layout.ts reads back.
import { toBase64 } from '../bytes';
import { dotsPerMm } from '../layout';
import { bitmapFromRgba, scaleBitmap } from '../raster';
import { Element, type ImageElement, type Template } from '../template';
import { clampRect, boundsOf, withBounds } from './geometry';
import { freshId } from './edit-ops';

export interface Rgba {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/** Adds the picture as an image element at most `maxWidthMm` wide (and no taller than the label). */
export function addLogo(t: Template, picture: Rgba, opts: { maxWidthMm?: number; at?: { x: number; y: number }; threshold?: number } = {}): { template: Template; id: string } {
  if (picture.width < 1 || picture.height < 1) throw new Error('the picture is empty');
  const dpmm = dotsPerMm(t.dpi);
  const maxW = Math.max(1, Math.round(Math.min(opts.maxWidthMm ?? 30, t.size.width) * dpmm));
  const maxH = Math.max(1, Math.round(t.size.height * dpmm));
  const scale = Math.min(1, maxW / picture.width, maxH / picture.height);
  const width = Math.max(1, Math.round(picture.width * scale));
  const height = Math.max(1, Math.round(picture.height * scale));
  const full = bitmapFromRgba(picture.data, picture.width, picture.height, opts.threshold ?? 128);
  const bitmap = scale === 1 ? full : scaleBitmap(full, width, height);
  const id = freshId(t, 'image');
  const e = Element.parse({ type: 'image', id, x: 0, y: 0, image: { width, height, dpi: t.dpi, data: toBase64(bitmap.data) } }) as ImageElement;
  const at = opts.at ?? { x: 4, y: 4 };
  const placed = withBounds(e, clampRect({ ...boundsOf(e), x: at.x, y: at.y }, t.size));
  return { template: { ...t, elements: [...t.elements, placed] }, id };
}
