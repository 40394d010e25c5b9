// The print worker's one typed API (workers/print.worker.ts only `expose`s it; the page may also call it
// in-thread): lay out a template for a shipment and a printer profile, encode a batch of shipments to one
// self-contained job per label, streamed in growing chunks so the first label reaches the transport while
// the rest render, and render a preview of a label from that same layout.
//
// Text the printer cannot draw (Chinese on ZPL, raster profiles) is drawn by CanvasGlyphs with the font's
// own advances, and layout measures with that same renderer, so wrapping and alignment match the dots.
// Profiles that print native text (TSPL TSS fonts, ESC/POS Chinese mode) keep the printer-font metrics of
// targetFor(profile); their previews and ESC/POS raster bands draw each character in the printer's cell.
//
// Chunks carry their label bytes as transferables (no copy across the thread boundary). A listener that
// returns a promise holds the encoder until it settles (backpressure); one that returns `false` stops the
// batch. A shipment that cannot be printed (no tracking number, barcode data the symbology refuses) is a
// failure in the chunk naming it, never a hole in the batch; a template that is itself wrong fails the call.
import { releaseProxy, transfer } from 'comlink';
import { encodeLayout } from '../encoders';
import { checkFieldRefs, type PrintContext } from '../fields';
import { layoutTemplate, MissingFieldsError, LayoutError, type LabelLayout, type LayoutTarget, type LayoutWarning } from '../layout';
import { PrinterProfile, targetFor, type PrinterProfileInput } from '../profiles';
import { parseTemplate, TemplateError, type Template, type TemplateInput } from '../template';
import { CanvasGlyphs, CJK_FONT_STACK } from './canvas-glyphs';
import { drawPreview, previewSize } from './preview';

export interface PrintRequest {
  /** Parsed and checked here: templates come from synced documents and imports. */
  template: TemplateInput;
  profile: PrinterProfileInput;
}

export interface LabelRequest extends PrintRequest {
  context: PrintContext;
}

export interface BatchRequest extends PrintRequest {
  contexts: readonly PrintContext[];
  /** Labels in the first chunk (default 1: the first label goes out as soon as it exists). */
  firstChunk?: number;
  /** Chunks double in size up to this many labels (default 64). */
  maxChunk?: number;
}

export interface EncodedLabel {
  /** Index of the context in the request. */
  context: number;
  /** 1-based page of that context's document, of `pages` (long item tables continue on more labels). */
  page: number;
  pages: number;
  bytes: Uint8Array;
}

export interface LabelFailure {
  context: number;
  /** Error class: MissingFieldsError, LayoutError, EncodeError, GlyphMissingError, … */
  name: string;
  message: string;
  element?: string;
  /** For MissingFieldsError: the empty required fields (e.g. trackingNo). */
  fields?: string[];
}

export interface LabelChunk {
  labels: EncodedLabel[];
  failures: LabelFailure[];
  /** Contexts finished so far (printed or failed), of `total`. */
  done: number;
  total: number;
}

export interface BatchSummary {
  contexts: number;
  labels: number;
  bytes: number;
  failures: LabelFailure[];
  /** The listener returned false before the end. */
  stopped: boolean;
}

/** Return a promise to hold the encoder until it settles; return false to stop the batch. */
export type ChunkListener = (chunk: LabelChunk) => void | boolean | Promise<void | boolean>;

export interface PreviewRequest extends LabelRequest {
  page?: number;
  /** Pixels per printer dot (default 1). */
  scale?: number;
  text?: 'dots' | 'smooth';
  /** `png`: a Blob to show or save; `bitmap`: an ImageBitmap (transferred) to draw on a canvas. */
  as?: 'png' | 'bitmap';
}

export interface PreviewResult {
  width: number;
  height: number;
  pages: number;
  warnings: LayoutWarning[];
  png?: Blob;
  bitmap?: ImageBitmap;
}

export interface FontInfo {
  /** The family of the stack this station draws with; labels match across stations only when it is the same. */
  family: string | undefined;
  stack: readonly string[];
}

export interface PrintApi {
  font(): FontInfo;
  layout(req: LabelRequest): LabelLayout;
  /** Every label of one context (a test page, a reprint). */
  encode(req: LabelRequest): EncodedLabel[];
  encodeBatch(req: BatchRequest, onChunk: ChunkListener): Promise<BatchSummary>;
  preview(req: PreviewRequest): Promise<PreviewResult>;
}

/** Whether canvas draws this profile's text (so layout must measure with canvas), or the printer's fonts do. */
export const canvasDrawsText = (p: PrinterProfile): boolean => p.render === 'raster' || (p.language === 'zpl' && !p.zpl.cjkFont);

/** The layout target for a profile with canvas glyphs: canvas metrics where canvas draws the text. */
export function canvasTarget(profile: PrinterProfile, glyphs: CanvasGlyphs): LayoutTarget {
  const base = targetFor(profile);
  return glyphs.geometry === 'proportional' ? { ...base, metrics: glyphs.metrics() } : base;
}

function failure(context: number, err: unknown): LabelFailure {
  if (!(err instanceof Error)) throw err;
  return {
    context,
    name: err.name,
    message: err.message,
    ...(err instanceof LayoutError && err.element ? { element: err.element } : {}),
    ...(err instanceof MissingFieldsError ? { fields: [...err.fields] } : {})
  };
}

/** The API over the printing core; pass renderers to share them (tests), else each is made on first use. */
export function createPrintApi(opts: { proportional?: CanvasGlyphs; cells?: CanvasGlyphs } = {}): PrintApi {
  let proportional = opts.proportional;
  let cells = opts.cells;
  const glyphsFor = (p: PrinterProfile): CanvasGlyphs =>
    canvasDrawsText(p) ? (proportional ??= new CanvasGlyphs({ geometry: 'proportional' })) : (cells ??= new CanvasGlyphs({ geometry: 'cells' }));

  const prepare = (req: PrintRequest) => {
    const template: Template = parseTemplate(req.template);
    const refs = checkFieldRefs(template);
    if (refs.length) throw new TemplateError(`template ${template.id}: ${refs[0]}`, refs);
    const profile = PrinterProfile.parse(req.profile);
    const glyphs = glyphsFor(profile);
    return { template, profile, glyphs, target: canvasTarget(profile, glyphs) };
  };

  const labelsOf = (job: ReturnType<typeof prepare>, ctx: PrintContext, index: number): EncodedLabel[] => {
    const layout = layoutTemplate(job.template, ctx, job.target);
    const jobs = encodeLayout(layout, { profile: job.profile, glyphs: job.glyphs });
    return jobs.map((bytes, i) => ({ context: index, page: i + 1, pages: jobs.length, bytes }));
  };

  return {
    font: () => ({ family: (proportional ??= new CanvasGlyphs({ geometry: 'proportional' })).family, stack: CJK_FONT_STACK }),

    layout(req) {
      const job = prepare(req);
      return layoutTemplate(job.template, req.context, job.target);
    },

    encode(req) {
      const labels = labelsOf(prepare(req), req.context, 0);
      return transfer(labels, labels.map((l) => l.bytes.buffer as ArrayBuffer));
    },

    async encodeBatch(req, onChunk) {
      const job = prepare(req);
      const total = req.contexts.length;
      const maxChunk = Math.max(1, req.maxChunk ?? 64);
      let size = Math.max(1, Math.min(maxChunk, req.firstChunk ?? 1));
      const summary: BatchSummary = { contexts: total, labels: 0, bytes: 0, failures: [], stopped: false };
      let labels: EncodedLabel[] = [];
      let failures: LabelFailure[] = [];
      const flush = async (done: number): Promise<boolean> => {
        const chunk: LabelChunk = { labels, failures, done, total };
        const buffers = [...new Set(labels.map((l) => l.bytes.buffer as ArrayBuffer))];
        labels = [];
        failures = [];
        size = Math.min(maxChunk, size * 2);
        return (await onChunk(transfer(chunk, buffers))) !== false;
      };
      try {
        for (let i = 0; i < total; i++) {
          try {
            for (const l of labelsOf(job, req.contexts[i], i)) {
              labels.push(l);
              summary.labels++;
              summary.bytes += l.bytes.length;
            }
          } catch (err) {
            const f = failure(i, err);
            failures.push(f);
            summary.failures.push(f);
          }
          if ((labels.length >= size || i === total - 1) && !(await flush(i + 1)) && i < total - 1) {
            summary.stopped = true;
            break;
          }
        }
      } finally {
        // Across comlink the listener is a proxy holding a MessagePort: let it go once the batch is over.
        void (onChunk as { [releaseProxy]?: () => Promise<void> })[releaseProxy]?.();
      }
      return summary;
    },

    async preview(req) {
      const job = prepare(req);
      const layout = layoutTemplate(job.template, req.context, job.target);
      const page = req.page ?? 1;
      const scale = req.scale ?? 1;
      const { width, height } = previewSize(layout, page, scale);
      const canvas = new OffscreenCanvas(width, height);
      drawPreview(canvas.getContext('2d')!, layout, { page, scale, glyphs: job.glyphs, text: req.text });
      const result: PreviewResult = { width, height, pages: layout.pages.length, warnings: layout.warnings };
      if (req.as === 'bitmap') {
        result.bitmap = canvas.transferToImageBitmap();
        return transfer(result, [result.bitmap]);
      }
      result.png = await canvas.convertToBlob({ type: 'image/png' });
      return result;
    }
  };
}
