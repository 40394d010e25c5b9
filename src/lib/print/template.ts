// The label template model, in millimetres, as zod schemas: what the designer edits, what syncs between
// stations as JSON, and what layout.ts turns into dots for one printer. Values are strings with `{field}` or
// `{field|format}` placeholders (see fields.ts), so a static text, a bound field and a mix of both are one
// thing; `{{` and `}}` print literal braces. Nothing here knows a printer language.
import { z } from 'zod';

const Mm = z.number().finite();
const Pos = Mm.min(0);
const Size = Mm.positive();

/** Which pages of a multi-page document (an item table that continues) an element appears on. */
export const PageRule = z.enum(['all', 'first', 'rest']);
export type PageRule = z.infer<typeof PageRule>;

export const Align = z.enum(['left', 'center', 'right']);
export type Align = z.infer<typeof Align>;

const base = {
  id: z.string().min(1),
  pages: PageRule.default('all')
};

/** x/y/w/h box in mm from the label's top-left corner. */
const box = { x: Pos, y: Pos, w: Size, h: Size };

export const TextElement = z.object({
  ...base,
  ...box,
  type: z.literal('text'),
  value: z.string(),
  /** Em height in mm (at 203 dpi, 3 mm = 24 dots = the printers' built-in Chinese font). */
  fontSize: Size,
  bold: z.boolean().default(false),
  align: Align.default('left'),
  valign: z.enum(['top', 'middle', 'bottom']).default('top'),
  wrap: z.boolean().default(false),
  /** Lines kept when wrapping; defaults to as many as fit in `h`. */
  maxLines: z.number().int().positive().optional(),
  /** Step the font down (to `minFontSize`) until the text fits, before truncating it. */
  shrinkToFit: z.boolean().default(false),
  minFontSize: Size.optional(),
  /** Line pitch as a multiple of the em. */
  lineHeight: z.number().min(1).max(3).default(1.2)
});
export type TextElement = z.infer<typeof TextElement>;

export const Symbology = z.enum(['code128', 'code39', 'ean13']);
export type Symbology = z.infer<typeof Symbology>;

export const BarcodeElement = z.object({
  ...base,
  ...box,
  type: z.literal('barcode'),
  symbology: Symbology,
  value: z.string(),
  /** Human-readable line under the bars, drawn as our own text so it looks the same in every language. */
  humanReadable: z.boolean().default(true),
  hriFontSize: Size.default(3),
  align: Align.default('center'),
  /** Widest module allowed in mm; by default the bars fill the box width (minus quiet zones). */
  maxModule: Size.optional()
});
export type BarcodeElement = z.infer<typeof BarcodeElement>;

export const QrElement = z.object({
  ...base,
  type: z.literal('qr'),
  x: Pos,
  y: Pos,
  /** Side of the square box in mm; the symbol and its quiet zone are centred in it. */
  size: Size,
  value: z.string(),
  ecc: z.enum(['L', 'M', 'Q', 'H']).default('M')
});
export type QrElement = z.infer<typeof QrElement>;

export const LineElement = z.object({
  ...base,
  type: z.literal('line'),
  x: Pos,
  y: Pos,
  length: Size,
  thickness: Size.default(0.25),
  direction: z.enum(['horizontal', 'vertical']).default('horizontal')
});
export type LineElement = z.infer<typeof LineElement>;

export const BoxElement = z.object({
  ...base,
  ...box,
  type: z.literal('box'),
  thickness: Size.default(0.25),
  fill: z.boolean().default(false)
});
export type BoxElement = z.infer<typeof BoxElement>;

/** A 1-bit picture (a logo): rows packed MSB first, 1 = black, base64; `dpi` is the resolution it was made at. */
export const ImageElement = z.object({
  ...base,
  type: z.literal('image'),
  x: Pos,
  y: Pos,
  image: z.object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    dpi: z.number().int().positive().default(203),
    data: z.string()
  })
});
export type ImageElement = z.infer<typeof ImageElement>;

export const TableColumn = z.object({
  header: z.string(),
  /** Value template over the row's fields, e.g. `{row.title} {row.spec}`. */
  value: z.string(),
  width: Size,
  align: Align.default('left')
});
export type TableColumn = z.infer<typeof TableColumn>;

export const TableElement = z.object({
  ...base,
  ...box,
  type: z.literal('table'),
  /** `items`: the shipment's lines; `pickRows`: a batch aggregated by SKU and location (pick-list.ts). */
  source: z.enum(['items', 'pickRows']),
  columns: z.array(TableColumn).min(1),
  fontSize: Size,
  rowHeight: Size,
  header: z.boolean().default(true),
  headerBold: z.boolean().default(true),
  borders: z.enum(['none', 'rows', 'grid']).default('rows'),
  /** Where the rows continue on the following pages; by default the same box. */
  continuation: z.object({ y: Pos, h: Size }).optional()
});
export type TableElement = z.infer<typeof TableElement>;

export const Element = z.discriminatedUnion('type', [TextElement, BarcodeElement, QrElement, LineElement, BoxElement, ImageElement, TableElement]);
export type Element = z.infer<typeof Element>;
export type ElementInput = z.input<typeof Element>;

export const Media = z.discriminatedUnion('kind', [
  /** Die-cut labels separated by a gap the printer senses. */
  z.object({ kind: z.literal('gap'), gap: Mm.min(0).default(2), offset: Mm.default(0) }),
  /** Labels or tickets marked by a black line on the back. */
  z.object({ kind: z.literal('mark'), mark: Mm.min(0).default(2), offset: Mm.default(0) }),
  /** Receipt rolls and continuous stock: the page grows with its item table. */
  z.object({ kind: z.literal('continuous') })
]);
export type Media = z.infer<typeof Media>;

export const DocumentKind = z.enum(['waybill', 'packing-slip', 'pick-list', 'sku-label', 'custom']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Template = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: DocumentKind,
  size: z.object({ width: Size, height: Size }),
  /** The resolution it was designed for; layout takes the printer's. */
  dpi: z.union([z.literal(203), z.literal(300)]).default(203),
  /** 180 prints the label upside down (for printers loaded the other way round). */
  orientation: z.union([z.literal(0), z.literal(180)]).default(0),
  media: Media,
  /** Fields that must have a value, or the document is refused (a waybill without a tracking number). */
  requires: z.array(z.string()).default([]),
  elements: z.array(Element)
});
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[]
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Parses untrusted template JSON (an import, a synced document) into a Template, or says what is wrong and where. */
export function parseTemplate(input: unknown): Template {
  const r = Template.safeParse(input);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(template)'}: ${i.message}`);
    throw new TemplateError(`invalid template: ${issues[0]}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}`, issues);
  }
  const ids = new Set<string>();
  const dupes = r.data.elements.filter((e) => (ids.has(e.id) ? true : (ids.add(e.id), false))).map((e) => `elements: duplicate id ${e.id}`);
  if (dupes.length) throw new TemplateError(`invalid template: ${dupes[0]}`, dupes);
  return r.data;
}
