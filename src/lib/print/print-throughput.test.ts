// A measurement, not a timed test: how fast the printing core turns the 100×150 waybill into bytes, and
// how big the labels are, against the figures (>= 1,000 native labels/s, >= 50 raster labels/s,
// <= 2 KB native, <= 20 KB raster Z64). Skipped unless asked for:
//
//   PRINT_MEASURE=1 npx vitest run --project unit src/lib/print/print-throughput
//
// Contexts come from the demo generator (varied names, addresses, 1–5 lines). Chinese glyphs for ZPL and
// raster labels are drawn by a stand-in renderer that fills each character cell with a dense hashed stroke
// pattern: slower to compress than real glyphs, so raster sizes here are an upper bound. Real glyphs come
// from OffscreenCanvas in the browser, whose drawing cost this does not include.
import { describe, expect, test } from 'vitest';
import { builtinTemplate } from './builtin-templates';
import { demoContexts } from './canvas/test-contexts';
import { encodeLayout } from './encoders';
import type { PrintContext } from './fields';
import { fallbackGlyphs, type GlyphRenderer } from './glyphs';
import { layoutTemplate } from './layout';
import { defaultProfile, targetFor, type PrinterProfile } from './profiles';
import { fillRect } from './raster';
import { isHalfWidth } from './text-metrics';

/** Stand-in for canvas glyphs: ASCII from the built-in font, every other character a dense hashed pattern. */
function denseGlyphs(): GlyphRenderer {
  const ascii = fallbackGlyphs();
  return {
    covers: () => true,
    draw(target, text, x, y, em, bold) {
      let halves = 0;
      for (const ch of text) {
        const code = ch.codePointAt(0)!;
        const cx = x + Math.round((halves * em) / 2);
        if (isHalfWidth(code)) {
          ascii.draw(target, ch, cx, y, em, bold);
          halves += 1;
          continue;
        }
        halves += 2;
        let h = code * 2654435761;
        const stroke = Math.max(1, Math.round(em / 12));
        for (let k = 0; k < 7; k++) {
          h = (h ^ (h >>> 13)) * 1274126177;
          const horizontal = (h & 1) === 0;
          const a = 1 + ((h >>> 3) % (em - 2));
          const b = (h >>> 11) % (em / 2);
          const len = em / 2 + ((h >>> 17) % (em / 2));
          if (horizontal) fillRect(target, cx + b, y + a, len - b, stroke);
          else fillRect(target, cx + a, y + b, stroke, len - b);
        }
      }
    }
  };
}


interface Figure {
  labels: number;
  perSecond: number;
  avgBytes: number;
  maxBytes: number;
}

function measure(profile: PrinterProfile, ctxs: PrintContext[], glyphs: GlyphRenderer, minMs = 1500): Figure {
  const template = builtinTemplate('waybill-100x150');
  const target = targetFor(profile);
  const one = (ctx: PrintContext) => encodeLayout(layoutTemplate(template, ctx, target), { profile, glyphs });
  for (let i = 0; i < Math.min(50, ctxs.length); i++) one(ctxs[i]);
  let labels = 0;
  let bytes = 0;
  let maxBytes = 0;
  const start = performance.now();
  while (performance.now() - start < minMs)
    for (const ctx of ctxs) {
      for (const job of one(ctx)) {
        labels++;
        bytes += job.length;
        maxBytes = Math.max(maxBytes, job.length);
      }
    }
  const ms = performance.now() - start;
  return { labels, perSecond: Math.round((labels / ms) * 1000), avgBytes: Math.round(bytes / labels), maxBytes };
}

describe.skipIf(!process.env.PRINT_MEASURE)('print throughput (measurement)', () => {
  test('100×150 waybill: native and raster labels per second and bytes per label', () => {
    const ctxs = demoContexts(500);
    const dense = denseGlyphs();
    const rows: Record<string, Figure> = {
      'TSPL native': measure(defaultProfile('tspl'), ctxs, dense),
      'ZPL native (Chinese as ^GFA)': measure(defaultProfile('zpl'), ctxs, dense),
      'ZPL raster (Z64)': measure(defaultProfile('zpl', { render: 'raster' }), ctxs.slice(0, 100), dense),
      'TSPL raster (BITMAP)': measure(defaultProfile('tspl', { render: 'raster' }), ctxs.slice(0, 100), dense)
    };
    console.table(rows);
    console.log(`node ${process.version}, ${process.arch}; 500 demo orders, single thread, not in a worker`);
    expect(Object.keys(rows)).toHaveLength(4);
  }, 60_000);
});
