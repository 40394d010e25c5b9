// System print (the OS print dialog, any printer with a driver, "Save as PDF"): the pages of a batch as one
// HTML document where every page is the label's own picture at its exact paper size. The pictures are the
// preview of the same layout the encoders print, drawn at the printer's resolution, so system print = preview
// = direct print. Pure: sizes and markup only; the page (app/system-print.ts) draws, loads and prints it.
import { dotsPerMm } from './layout';
import type { Template } from './template';

export interface SystemPage {
  /** The page picture: a blob: or data: URL of a PNG drawn at `dpi`. */
  src: string;
  widthMm: number;
  heightMm: number;
  /** What the page is, for people (and screen readers): "面单 SF1234… 1/1". */
  alt: string;
}

/**
 * The resolution a template is drawn at for system print: sheets (A4, A5, anything wider than a receipt or a
 * label roll) at 300 dpi for office printers; labels and receipts at the thermal printers' 203 dpi.
 */
export const systemPrintDpi = (template: Pick<Template, 'size'>): 203 | 300 => (template.size.width > 110 ? 300 : 203);

/** A length in mm to 0.01 mm, the precision CSS page sizes need and no more. */
const mm = (n: number): number => Math.round(n * 100) / 100;

/**
 * The paper a page needs, in mm: the template's size, except on continuous media (receipt rolls), where the
 * page is as long as its laid-out content.
 */
export function pageSizeMm(template: Pick<Template, 'size' | 'media'>, pageHeightDots: number, dpi: number): { widthMm: number; heightMm: number } {
  const heightMm = template.media.kind === 'continuous' ? pageHeightDots / dotsPerMm(dpi) : template.size.height;
  return { widthMm: mm(template.size.width), heightMm: mm(heightMm) };
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const sizeKey = (p: { widthMm: number; heightMm: number }): string => `${p.widthMm}mm ${p.heightMm}mm`;

/**
 * One HTML document, one page per picture. The first page's size is the document's default `@page`; pages of
 * other sizes (a batch of labels and A4 pick lists, receipts of different lengths) get named pages, so the
 * print dialog offers each page at its own size with no margins and no scaling.
 */
export function systemPrintDocument(pages: readonly SystemPage[], opts: { title: string; lang?: string }): string {
  if (!pages.length) throw new Error('system print: a document needs at least one page');
  const names = new Map<string, string>();
  for (const p of pages) if (!names.has(sizeKey(p))) names.set(sizeKey(p), `size${names.size}`);
  const rules = [...names].map(([size, name], i) => (i === 0 ? `@page { size: ${size}; margin: 0; }\n` : '') + `@page ${name} { size: ${size}; margin: 0; }`);
  const body = pages.map((p) => {
    const name = names.get(sizeKey(p))!;
    return `<div class="page" style="page: ${name}; width: ${p.widthMm}mm; height: ${p.heightMm}mm"><img src="${escapeHtml(p.src)}" alt="${escapeHtml(p.alt)}"></div>`;
  });
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang ?? 'zh-CN')}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(opts.title)}</title>
<style>
${rules.join('\n')}
html, body { margin: 0; padding: 0; background: #fff; }
.page { overflow: hidden; break-after: page; break-inside: avoid; }
.page:last-child { break-after: auto; }
.page img { display: block; width: 100%; height: 100%; image-rendering: pixelated; }
@media screen { .page { outline: 1px solid #ccc; margin: 0 0 4mm; } }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
