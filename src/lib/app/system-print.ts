// System print: any document through the OS print dialog, for stations whose printer has only an OS driver
// (Windows vendor drivers, iPad, office printers) and for "Save as PDF". The print worker draws each page from
// the same layout a direct print uses, at the printer's resolution; the pages go into one HTML document with
// the exact paper size (print/system-page.ts), loaded in a hidden iframe and printed with its own
// contentWindow.print(), so the app's page is never what gets printed. The only file that touches the
// iframe, the DOM and the window for printing.
import { printWorker } from './print-client';
import type { PrintApi, PreviewRequest, PreviewResult } from '../print/canvas/print-api';
import type { PrintContext } from '../print/fields';
import { defaultProfile, type PrinterProfile } from '../print/profiles';
import { pageSizeMm, systemPrintDocument, systemPrintDpi, type SystemPage } from '../print/system-page';
import type { Template } from '../print/template';

/** What draws the pages: the print worker, or the print API in this thread (tests). */
export type PagePainter = { preview(req: PreviewRequest): Promise<PreviewResult> | PreviewResult };

export interface RenderedPage extends SystemPage {
  /** Index of the context in the request. */
  context: number;
  /** 1-based page of that context's document, of `pages`. */
  page: number;
  pages: number;
  widthPx: number;
  heightPx: number;
}

export interface RenderFailure {
  context: number;
  message: string;
}

/** The profile system print draws with: the whole page as one image, text from the canvas font, at `dpi`. */
export const systemProfile = (dpi: 203 | 300): PrinterProfile => defaultProfile('zpl', { render: 'raster', dpi });

/**
 * Draws every page of a template for each context as a PNG (object URLs: call `revokePages` when done). A
 * context that cannot be drawn (a waybill without a tracking number) is a failure naming it, never a hole.
 */
export async function renderSystemPages(opts: {
  template: Template;
  contexts: readonly PrintContext[];
  /** What a page is, for people: "面单 SF123…". */
  describe: (context: number) => string;
  painter?: PagePainter;
  dpi?: 203 | 300;
  /** After each context; return false to stop. */
  onProgress?: (done: number, total: number) => boolean | void;
}): Promise<{ pages: RenderedPage[]; failures: RenderFailure[]; stopped: boolean }> {
  const painter = opts.painter ?? printWorker();
  const dpi = opts.dpi ?? systemPrintDpi(opts.template);
  const profile = systemProfile(dpi);
  const pages: RenderedPage[] = [];
  const failures: RenderFailure[] = [];
  for (let i = 0; i < opts.contexts.length; i++) {
    try {
      let count = 1;
      for (let page = 1; page <= count; page++) {
        const res = await painter.preview({ template: opts.template, profile, context: opts.contexts[i], page, as: 'png', scale: 1 });
        count = res.pages;
        if (!res.png) throw new Error('the print worker returned no picture');
        const size = pageSizeMm(opts.template, res.height, dpi);
        const alt = `${opts.describe(i)}${count > 1 ? ` ${page}/${count}` : ''}`;
        pages.push({ ...size, src: URL.createObjectURL(res.png), alt, context: i, page, pages: count, widthPx: res.width, heightPx: res.height });
      }
    } catch (e) {
      failures.push({ context: i, message: `${opts.describe(i)}: ${e instanceof Error ? e.message : String(e)}` });
    }
    if (opts.onProgress?.(i + 1, opts.contexts.length) === false) return { pages, failures, stopped: true };
  }
  return { pages, failures, stopped: false };
}

export function revokePages(pages: readonly SystemPage[]): void {
  for (const p of pages) if (p.src.startsWith('blob:')) URL.revokeObjectURL(p.src);
}

const FRAME_ID = 'packdesk-system-print';

/**
 * Loads the pages into a hidden iframe as one print document and waits until every picture is decoded (a
 * page printed before its picture loaded would come out blank). The frame stays until the next system print
 * or `removePrintFrame`: some browsers print after print() returns.
 */
export async function loadPrintFrame(pages: readonly SystemPage[], opts: { title: string; lang?: string }): Promise<HTMLIFrameElement> {
  removePrintFrame();
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.title = opts.title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Off screen but laid out: browsers print a display:none frame blank.
  frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;height:600px;border:0;visibility:hidden;pointer-events:none';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = systemPrintDocument(pages, opts);
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument;
  if (!doc) throw new Error('system print: the print frame has no document');
  const images = [...doc.images];
  const failed = (await Promise.allSettled(images.map((img) => img.decode()))).filter((r) => r.status === 'rejected').length;
  if (failed) throw new Error(`system print: ${failed} of ${images.length} page picture(s) could not be loaded`);
  return frame;
}

/** Opens the OS print dialog for the frame's document; resolves once the browser hands control back. */
export async function printFrame(frame: HTMLIFrameElement): Promise<void> {
  const win = frame.contentWindow;
  if (!win) throw new Error('system print: the print frame is gone');
  const after = new Promise<void>((resolve) => win.addEventListener('afterprint', () => resolve(), { once: true }));
  win.focus();
  win.print();
  // Chromium blocks in print() until the dialog closes and fires afterprint; others return at once.
  await Promise.race([after, new Promise<void>((r) => setTimeout(r, 0))]);
}

/** Removes the print frame of the last system print (and frees its pictures). */
export function removePrintFrame(): void {
  const old = document.getElementById(FRAME_ID) as HTMLIFrameElement | null;
  if (!old) return;
  const urls = [...(old.contentDocument?.images ?? [])].map((img) => img.src);
  old.remove();
  for (const u of urls) if (u.startsWith('blob:')) URL.revokeObjectURL(u);
}
