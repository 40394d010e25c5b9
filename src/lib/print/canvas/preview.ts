// The on-screen preview: one page of a LabelLayout drawn on a 2D canvas (page or worker) at any scale. It
// draws the same layout the encoders print — bars from the same symbol module widths, QR cells from the same
// matrix, text from the same glyph renderer the raster path uses — so preview = print. Bars, cells, rules
// and boxes are filled rectangles on the dot grid (scannable at any zoom); text and pictures are the
// printed 1-bit dots, scaled without smoothing, or with `text: 'smooth'` the same font drawn at screen
// resolution in the same box. The preview shows the label as designed: orientation 180 and the profile's
// offset calibration are how the printer places it, not part of the design.
import type { GlyphRenderer } from '../glyphs';
import type { LabelLayout, LayoutItem, LayoutPage, TextItem } from '../layout';
import { createBitmap, type Bitmap } from '../raster';
import { drawItems } from '../rasterize';
import type { CanvasGlyphs } from './canvas-glyphs';

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface PreviewOptions {
  /** 1-based page of the layout (a long item table continues on later labels). */
  page?: number;
  /** Canvas pixels per printer dot (e.g. 96 / 203 for real size on a 96 dpi screen, times devicePixelRatio). */
  scale?: number;
  /** Draws text and pictures; the preview of a profile uses the renderer its encoder uses. */
  glyphs: GlyphRenderer;
  /** `dots`: the printed 1-bit text; `smooth`: the same font anti-aliased (needs CanvasGlyphs). */
  text?: 'dots' | 'smooth';
  ink?: string;
  paper?: string;
  /** Canvas position of the label's top-left corner. */
  left?: number;
  top?: number;
}

export function pageOf(layout: LabelLayout, number = 1): LayoutPage {
  const page = layout.pages.find((p) => p.number === number);
  if (!page) throw new RangeError(`${layout.templateId} has ${layout.pages.length} page(s), not page ${number}`);
  return page;
}

/** Canvas size in pixels that a page needs at `scale`. */
export function previewSize(layout: LabelLayout, page = 1, scale = 1): { width: number; height: number } {
  return { width: Math.ceil(layout.width * scale), height: Math.ceil(pageOf(layout, page).height * scale) };
}

const isCanvasGlyphs = (g: GlyphRenderer): g is CanvasGlyphs => typeof (g as CanvasGlyphs).cssFont === 'function';

/** Draws a 1-bit bitmap in `ink` (white stays transparent), scaled by nearest neighbour. */
function drawBits(g: Ctx2D, b: Bitmap, scale: number, ink: string): void {
  const c = new OffscreenCanvas(b.width, b.height);
  const cg = c.getContext('2d')!;
  const img = cg.createImageData(b.width, b.height);
  const px = new Uint32Array(img.data.buffer);
  for (let y = 0; y < b.height; y++) {
    const row = y * b.rowBytes;
    for (let i = 0; i < b.rowBytes; i++) {
      const v = b.data[row + i];
      if (!v) continue;
      for (let k = 0; k < 8; k++) if (v & (0x80 >> k)) px[y * b.width + i * 8 + k] = 0xffffffff;
    }
  }
  cg.putImageData(img, 0, 0);
  // Recolour the opaque dots to the ink colour.
  cg.globalCompositeOperation = 'source-in';
  cg.fillStyle = ink;
  cg.fillRect(0, 0, b.width, b.height);
  const smoothing = g.imageSmoothingEnabled;
  g.imageSmoothingEnabled = false;
  g.drawImage(c, 0, 0, b.width * scale, b.height * scale);
  g.imageSmoothingEnabled = smoothing;
}

function smoothText(g: Ctx2D, it: TextItem, glyphs: CanvasGlyphs, s: number): void {
  g.save();
  g.beginPath();
  g.rect(it.x * s, it.y * s, it.width * s, it.em * s);
  g.clip();
  g.font = glyphs.cssFont(it.em * s, it.bold);
  g.textBaseline = 'alphabetic';
  g.fillText(it.text, it.x * s, it.y * s + glyphs.baseline(it.em * s));
  g.restore();
}

/** Draws one page of `layout` with its top-left at (left, top). */
export function drawPreview(g: Ctx2D, layout: LabelLayout, opts: PreviewOptions): void {
  const page = pageOf(layout, opts.page);
  const s = opts.scale ?? 1;
  const ink = opts.ink ?? '#000';
  g.save();
  g.translate(opts.left ?? 0, opts.top ?? 0);
  g.fillStyle = opts.paper ?? '#fff';
  g.fillRect(0, 0, layout.width * s, page.height * s);
  g.fillStyle = ink;
  const rect = (x: number, y: number, w: number, h: number) => g.fillRect(x * s, y * s, w * s, h * s);
  const dotted: LayoutItem[] = [];
  for (const it of page.items) {
    switch (it.kind) {
      case 'barcode': {
        let x = it.x;
        it.symbol.widths.forEach((w, i) => {
          if (i % 2 === 0) rect(x, it.y, w * it.module, it.height);
          x += w * it.module;
        });
        break;
      }
      case 'qr': {
        const { size, modules } = it.matrix;
        for (let r = 0; r < size; r++)
          for (let c = 0; c < size; c++) if (modules[r * size + c]) rect(it.x + c * it.cell, it.y + r * it.cell, it.cell, it.cell);
        break;
      }
      case 'rect':
        rect(it.x, it.y, it.w, it.h);
        break;
      case 'box':
        rect(it.x, it.y, it.w, it.thickness);
        rect(it.x, it.y + it.h - it.thickness, it.w, it.thickness);
        rect(it.x, it.y, it.thickness, it.h);
        rect(it.x + it.w - it.thickness, it.y, it.thickness, it.h);
        break;
      case 'text':
        if (opts.text === 'smooth' && isCanvasGlyphs(opts.glyphs)) smoothText(g, it, opts.glyphs, s);
        else dotted.push(it);
        break;
      case 'image':
        dotted.push(it);
        break;
    }
  }
  if (dotted.length) {
    // Text and pictures go through the raster path itself, so their dots are the ones the printer makes.
    const b = createBitmap(layout.width, page.height);
    drawItems(b, dotted, { glyphs: opts.glyphs });
    drawBits(g, b, s, ink);
  }
  g.restore();
}
