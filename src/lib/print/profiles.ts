// Printer profiles: what differs between printers is data, not branches — language, resolution, darkness,
// speed, offset calibration, copies, native or raster text, and the quirks we know of (TSPL bitmap polarity,
// the ESC/POS paper width and cutter). A profile also decides what layout may assume: the font sizes the
// printer's built-in fonts come in and the barcode module widths it can make (targetFor).
import { z } from 'zod';
import { dotsPerMm, type LayoutTarget } from './layout';
import { monospaceCjkMetrics, type TextMetrics } from './text-metrics';

export const PrinterLanguage = z.enum(['tspl', 'zpl', 'escpos']);
export type PrinterLanguage = z.infer<typeof PrinterLanguage>;

export const PrinterProfile = z.object({
  language: PrinterLanguage,
  dpi: z.union([z.literal(203), z.literal(300)]).default(203),
  /** In the language's own scale: TSPL DENSITY 0–15, ZPL ^MD −30..30; omitted = the printer's setting. */
  darkness: z.number().int().optional(),
  /** TSPL SPEED inches/s, ZPL ^PR inches/s; omitted = the printer's setting. */
  speed: z.number().positive().optional(),
  /** Calibration in mm: moves everything right/down (negative: left/up, clipped at the edge). */
  offset: z.object({ x: z.number().default(0), y: z.number().default(0) }).default({ x: 0, y: 0 }),
  copies: z.number().int().min(1).max(999).default(1),
  /** `native`: printer fonts, barcodes and QR; `raster`: the whole label as one image (any script, any font). */
  render: z.enum(['native', 'raster']).default('native'),
  tspl: z
    .object({
      /** Bit value that prints black in BITMAP data; TSC documents 0, some clones print 1. */
      bitmapPolarity: z.enum(['zero-is-black', 'one-is-black']).default('zero-is-black'),
      /** TSS fonts have no bold: print bold lines twice, one dot apart. */
      boldByOverstrike: z.boolean().default(true)
    })
    .default({ bitmapPolarity: 'zero-is-black', boldByOverstrike: true }),
  zpl: z
    .object({
      /**
       * Let the printer choose Code 128 subsets (^BC mode A) instead of our explicit invocation codes: for
       * emulations that misread `>5` (zebrash, the ZPL renderer we test with, encodes it as FNC4).
       */
      code128Auto: z.boolean().default(false),
      /**
       * A Chinese font the printer holds (Zebra's Asian models ship E:ANMDS.TTF; any font downloaded to the
       * printer): all text prints natively in it (^CW, ^A), under 2 KB per waybill. Without one, Chinese
       * lines go out as ^GFA graphics drawn here.
       */
      cjkFont: z
        .string()
        .regex(/^[A-Z]:[\w.-]+\.(TTF|TTE|FNT)$/i, 'a printer font path such as E:ANMDS.TTF')
        .optional()
    })
    .default({ code128Auto: false }),
  escpos: z
    .object({
      /** Printable width in dots: 576 for 80 mm paper, 384 for 58 mm (at 203 dpi). */
      printWidth: z.number().int().positive().default(576),
      cut: z.enum(['full', 'partial', 'none']).default('partial'),
      /** Paper fed after the last line so it clears the cutter. */
      feedBeforeCutMm: z.number().min(0).default(4),
      /** Motion units per dot for ESC $, ESC J and GS L (1 on the usual 203 dpi printers). */
      motionUnitsPerDot: z.number().positive().default(1)
    })
    .default({ printWidth: 576, cut: 'partial', feedBeforeCutMm: 4, motionUnitsPerDot: 1 })
});
export type PrinterProfile = z.infer<typeof PrinterProfile>;
export type PrinterProfileInput = z.input<typeof PrinterProfile>;

export const defaultProfile = (language: PrinterLanguage, over: Partial<PrinterProfileInput> = {}): PrinterProfile => PrinterProfile.parse({ language, ...over });

/** TSPL's Simplified Chinese fonts: TSS16.BF2 (16 dots) and TSS24.BF2 (24 dots), magnified 1–8 times. */
export const TSPL_FONT_SIZES: readonly number[] = [...new Set([1, 2, 3, 4, 5, 6, 7, 8].flatMap((k) => [16 * k, 24 * k]))].sort((a, b) => a - b);
/** ESC/POS Chinese mode: a 24-dot cell (ASCII 12×24), magnified 1–8 times by GS !. */
export const ESCPOS_FONT_SIZES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => 24 * k);

export function metricsFor(profile: PrinterProfile): TextMetrics {
  if (profile.render === 'raster' || profile.language === 'zpl') return monospaceCjkMetrics({ min: 8 });
  return monospaceCjkMetrics({ sizes: profile.language === 'tspl' ? TSPL_FONT_SIZES : ESCPOS_FONT_SIZES });
}

/** What layout may assume about this printer; the preview uses the same target, so preview = print. */
export function targetFor(profile: PrinterProfile): LayoutTarget {
  const raster = profile.render === 'raster';
  const module =
    raster ? { min: 1, max: 20 } : profile.language === 'escpos' ? { min: 2, max: 6 } : { min: 1, max: 10 };
  const qrCell = raster ? { min: 1, max: 40 } : profile.language === 'escpos' ? { min: 1, max: 16 } : { min: 1, max: 10 };
  return { dpi: profile.dpi, metrics: metricsFor(profile), module, qrCell };
}

/** Offset calibration in dots. */
export function offsetDots(profile: PrinterProfile): { dx: number; dy: number } {
  const d = dotsPerMm(profile.dpi);
  return { dx: Math.round(profile.offset.x * d), dy: Math.round(profile.offset.y * d) };
}
