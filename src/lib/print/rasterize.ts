// Draws laid-out items into a 1-bit bitmap: the whole label for raster printing, one band of an ESC/POS
// receipt, or a line of Chinese for a ZPL printer. Bars and QR modules come from the same patterns layout
// measured, so a raster label and a native one put every bar in the same place.
import { GlyphMissingError, type GlyphRenderer } from './glyphs';
import type { LayoutItem } from './layout';
import { blit, createBitmap, fillRect, type Bitmap } from './raster';

export interface RasterOptions {
  glyphs: GlyphRenderer;
  /** Origin of the bitmap in layout dots (a band starts lower on the page). */
  originX?: number;
  originY?: number;
}

export function drawItems(target: Bitmap, items: readonly LayoutItem[], opts: RasterOptions): void {
  const ox = opts.originX ?? 0;
  const oy = opts.originY ?? 0;
  for (const it of items) {
    switch (it.kind) {
      case 'text':
        if (!opts.glyphs.covers(it.text)) throw new GlyphMissingError(it.text);
        opts.glyphs.draw(target, it.text, it.x - ox, it.y - oy, it.em, it.bold);
        break;
      case 'barcode': {
        let x = it.x - ox;
        it.symbol.widths.forEach((w, i) => {
          const dots = w * it.module;
          if (i % 2 === 0) fillRect(target, x, it.y - oy, dots, it.height);
          x += dots;
        });
        break;
      }
      case 'qr': {
        const { size, modules } = it.matrix;
        for (let r = 0; r < size; r++)
          for (let col = 0; col < size; col++)
            if (modules[r * size + col]) fillRect(target, it.x - ox + col * it.cell, it.y - oy + r * it.cell, it.cell, it.cell);
        break;
      }
      case 'rect':
        fillRect(target, it.x - ox, it.y - oy, it.w, it.h);
        break;
      case 'box': {
        const [x, y, t] = [it.x - ox, it.y - oy, it.thickness];
        fillRect(target, x, y, it.w, t);
        fillRect(target, x, y + it.h - t, it.w, t);
        fillRect(target, x, y, t, it.h);
        fillRect(target, x + it.w - t, y, t, it.h);
        break;
      }
      case 'image':
        blit(target, it.bitmap, it.x - ox, it.y - oy);
        break;
    }
  }
}

export function rasterizePage(width: number, height: number, items: readonly LayoutItem[], glyphs: GlyphRenderer): Bitmap {
  const b = createBitmap(width, height);
  drawItems(b, items, { glyphs });
  return b;
}

/** Rotates a bitmap by 180° (labels loaded upside down print this way in raster mode). */
export function rotate180(b: Bitmap): Bitmap {
  const out = createBitmap(b.width, b.height);
  for (let y = 0; y < b.height; y++)
    for (let x = 0; x < b.width; x++) {
      const src = (b.data[y * b.rowBytes + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
      if (src) {
        const nx = b.width - 1 - x;
        const ny = b.height - 1 - y;
        out.data[ny * out.rowBytes + (nx >> 3)] |= 0x80 >> (nx & 7);
      }
    }
  return out;
}
