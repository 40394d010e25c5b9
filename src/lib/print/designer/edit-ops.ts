// The designer's edits as pure functions: template in, new template out (never mutated), so undo/redo is a
// list of snapshots and every edit is testable without a screen. Moves snap to a mm grid (or, within the
// threshold, to alignment guides; `free` = the Alt key turns both off), everything stays inside the label,
// and every property change is validated with the Template schema before it is accepted.
import { Element, Template, TemplateError, type ElementInput } from '../template';
import { boundsOf, clampRect, resizeAxes, round2, withBounds, type Rect } from './geometry';
import { guidesFor, nearestSnap, snapTargets, type Guide } from './guides';

export const DEFAULT_GRID_MM = 0.5;
/** Arrow keys move by this much; with Shift by NUDGE_BIG_MM. */
export const NUDGE_MM = 0.5;
export const NUDGE_BIG_MM = 5;
/** No element shrinks below this by dragging a handle. */
export const MIN_SIZE_MM = 1;

export interface SnapOptions {
  /** Alt held: no grid, no guides. */
  free?: boolean;
  grid?: number;
  /** How close (mm) an edge must come to a guide to snap to it; 0 = guides off. */
  threshold?: number;
}

export interface DragResult {
  template: Template;
  rect: Rect;
  guides: Guide[];
}

export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

export const snapToGrid = (v: number, grid = DEFAULT_GRID_MM): number => (grid > 0 ? round2(Math.round(v / grid) * grid) : round2(v));

export function elementById(t: Template, id: string): Element {
  const e = t.elements.find((x) => x.id === id);
  if (!e) throw new Error(`no element ${id} in template ${t.id}`);
  return e;
}

const replace = (t: Template, e: Element): Template => ({ ...t, elements: t.elements.map((x) => (x.id === e.id ? e : x)) });

/** Moves an element to `start` + (dx, dy) mm, snapped to guides or else to the grid, kept inside the label. */
export function dragElement(t: Template, id: string, start: Rect, dx: number, dy: number, opts: SnapOptions = {}): DragResult {
  const e = elementById(t, id);
  const grid = opts.grid ?? DEFAULT_GRID_MM;
  const raw = { ...start, x: start.x + dx, y: start.y + dy };
  let rect: Rect;
  let guides: Guide[] = [];
  if (opts.free) rect = clampRect({ ...raw, x: round2(raw.x), y: round2(raw.y) }, t.size);
  else {
    const targets = snapTargets(t, id);
    const th = opts.threshold ?? 0;
    const sx = th > 0 ? nearestSnap([raw.x, raw.x + raw.w / 2, raw.x + raw.w], targets.xs, th) : null;
    const sy = th > 0 ? nearestSnap([raw.y, raw.y + raw.h / 2, raw.y + raw.h], targets.ys, th) : null;
    rect = clampRect({ ...raw, x: sx !== null ? round2(raw.x + sx) : snapToGrid(raw.x, grid), y: sy !== null ? round2(raw.y + sy) : snapToGrid(raw.y, grid) }, t.size);
    const all = ['start', 'center', 'end'] as const;
    guides = th > 0 ? guidesFor(rect, targets, { x: all, y: all }) : [];
  }
  return { template: replace(t, withBounds(e, rect)), rect, guides };
}

/** Resizes an element by dragging one of its handles; the moving edges snap like a drag, the opposite edges stay. */
export function resizeElement(t: Template, id: string, start: Rect, handle: Handle, dx: number, dy: number, opts: SnapOptions = {}): DragResult {
  const e = elementById(t, id);
  const axes = resizeAxes(e);
  const grid = opts.grid ?? DEFAULT_GRID_MM;
  const th = opts.free ? 0 : (opts.threshold ?? 0);
  const targets = snapTargets(t, id);
  const snap = (v: number, list: number[]) => {
    if (opts.free) return round2(v);
    const s = th > 0 ? nearestSnap([v], list, th) : null;
    return s !== null ? round2(v + s) : snapToGrid(v, grid);
  };
  const { width: W, height: H } = t.size;
  let left = start.x;
  let top = start.y;
  let right = start.x + start.w;
  let bottom = start.y + start.h;
  const xOk = axes === 'both' || axes === 'square' || axes === 'x';
  const yOk = axes === 'both' || axes === 'square' || axes === 'y';
  if (xOk && handle.includes('e')) right = Math.min(W, Math.max(left + MIN_SIZE_MM, snap(right + dx, targets.xs)));
  if (xOk && handle.includes('w')) left = Math.max(0, Math.min(right - MIN_SIZE_MM, snap(left + dx, targets.xs)));
  if (yOk && handle.includes('s')) bottom = Math.min(H, Math.max(top + MIN_SIZE_MM, snap(bottom + dy, targets.ys)));
  if (yOk && handle.includes('n')) top = Math.max(0, Math.min(bottom - MIN_SIZE_MM, snap(top + dy, targets.ys)));
  let rect: Rect = { x: left, y: top, w: right - left, h: bottom - top };
  if (axes === 'square') {
    const horizontal = handle.includes('e') || handle.includes('w');
    const vertical = handle.includes('n') || handle.includes('s');
    let s = horizontal && vertical ? Math.max(rect.w, rect.h) : horizontal ? rect.w : rect.h;
    // The corner opposite the handle stays put; the square never leaves the label.
    const anchorX = handle.includes('w') ? start.x + start.w : start.x;
    const anchorY = handle.includes('n') ? start.y + start.h : start.y;
    s = Math.min(s, handle.includes('w') ? anchorX : W - anchorX, handle.includes('n') ? anchorY : H - anchorY);
    rect = { x: handle.includes('w') ? anchorX - s : anchorX, y: handle.includes('n') ? anchorY - s : anchorY, w: s, h: s };
  }
  rect = { x: round2(rect.x), y: round2(rect.y), w: round2(rect.w), h: round2(rect.h) };
  const which = {
    x: [...(handle.includes('w') ? (['start'] as const) : []), ...(handle.includes('e') ? (['end'] as const) : [])],
    y: [...(handle.includes('n') ? (['start'] as const) : []), ...(handle.includes('s') ? (['end'] as const) : [])]
  };
  const guides = th > 0 ? guidesFor(rect, targets, which) : [];
  return { template: replace(t, withBounds(e, rect)), rect, guides };
}

/** Arrow-key nudge by exact millimetres (no grid), kept inside the label. */
export function nudgeElement(t: Template, id: string, dx: number, dy: number): Template {
  const e = elementById(t, id);
  const r = boundsOf(e);
  return replace(t, withBounds(e, clampRect({ ...r, x: round2(r.x + dx), y: round2(r.y + dy) }, t.size)));
}

export type NewElementKind = 'text' | 'barcode' | 'qr' | 'line' | 'box' | 'table';

/** An id of the form `<base>-<n>` no element of the template has yet. */
export function freshId(t: Template, base: string): string {
  const taken = new Set(t.elements.map((e) => e.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Adds an element from the palette at `at` (default: near the top-left corner): a text bound to `field`
 * (or holding `text`), a Code 128 barcode or a QR code of `field` (default the tracking number), a rule or a box.
 */
export function addElement(t: Template, kind: NewElementKind, opts: { field?: string; text?: string; at?: { x: number; y: number } } = {}): { template: Template; id: string } {
  const id = freshId(t, kind);
  const at = opts.at ?? { x: 4, y: 4 };
  const bound = `{${opts.field ?? 'trackingNo'}}`;
  const W = t.size.width;
  let input: ElementInput;
  switch (kind) {
    case 'text':
      input = { type: 'text', id, x: 0, y: 0, w: Math.min(40, W), h: 5, value: opts.field ? `{${opts.field}}` : (opts.text ?? ''), fontSize: 3 };
      break;
    case 'barcode':
      input = { type: 'barcode', id, x: 0, y: 0, w: Math.min(60, W), h: 15, symbology: 'code128', value: bound };
      break;
    case 'qr':
      input = { type: 'qr', id, x: 0, y: 0, size: Math.min(20, W, t.size.height), value: bound };
      break;
    case 'line':
      input = { type: 'line', id, x: 0, y: 0, length: Math.min(40, W), thickness: 0.25 };
      break;
    case 'box':
      input = { type: 'box', id, x: 0, y: 0, w: Math.min(30, W), h: Math.min(20, t.size.height), thickness: 0.25 };
      break;
    case 'table': {
      // The shipment's lines (or a pick list's rows): item, spec, quantity; columns share the width.
      const w = Math.min(W - 8, 92);
      const pick = t.kind === 'pick-list';
      input = {
        type: 'table',
        id,
        x: 0,
        y: 0,
        w,
        h: Math.min(40, t.size.height),
        source: pick ? 'pickRows' : 'items',
        fontSize: 2.5,
        rowHeight: 4,
        columns: pick
          ? [
              { header: '库位', value: '{row.location}', width: round2(w * 0.2) },
              { header: '商品', value: '{row.name} {row.spec}', width: round2(w * 0.6) },
              { header: '数量', value: '{row.qty}', width: round2(w * 0.2), align: 'right' }
            ]
          : [
              { header: '商品', value: '{row.title}', width: round2(w * 0.5) },
              { header: '规格', value: '{row.spec}', width: round2(w * 0.35) },
              { header: '数量', value: '{row.qty}', width: round2(w * 0.15), align: 'right' }
            ]
      };
      break;
    }
  }
  const e = Element.parse(input);
  const placed = withBounds(e, clampRect({ ...boundsOf(e), x: at.x, y: at.y }, t.size));
  return { template: { ...t, elements: [...t.elements, placed] }, id };
}

/** A copy of the element with a new id, 2 mm right and down (inside the label), placed right after it. */
export function duplicateElement(t: Template, id: string): { template: Template; id: string } {
  const e = elementById(t, id);
  const copyId = freshId(t, `${id.replace(/-copy(-\d+)?$/, '')}-copy`);
  const r = boundsOf(e);
  const copy = withBounds({ ...structuredClone(e), id: copyId }, clampRect({ ...r, x: r.x + 2, y: r.y + 2 }, t.size));
  const i = t.elements.indexOf(e);
  return { template: { ...t, elements: [...t.elements.slice(0, i + 1), copy, ...t.elements.slice(i + 1)] }, id: copyId };
}

export function deleteElement(t: Template, id: string): Template {
  elementById(t, id);
  return { ...t, elements: t.elements.filter((e) => e.id !== id) };
}

const issuesOf = (prefix: string, err: { issues: { path: PropertyKey[]; message: string }[] }) =>
  err.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`);

/**
 * Changes properties of one element (its id and type stay). The result is validated with the Template
 * schema and kept inside the label; a bad value throws a TemplateError saying which property and why,
 * and the template passed in is left as it was.
 */
export function updateElement(t: Template, id: string, patch: Record<string, unknown>): Template {
  const e = elementById(t, id);
  const rest = Object.fromEntries(Object.entries(patch).filter(([k]) => k !== 'id' && k !== 'type'));
  const parsed = Element.safeParse({ ...e, ...rest });
  if (!parsed.success) {
    const issues = issuesOf(id, parsed.error);
    throw new TemplateError(issues[0], issues);
  }
  const next = parsed.data;
  const r = boundsOf(next);
  const fitted = { ...r, w: Math.min(r.w, t.size.width), h: Math.min(r.h, t.size.height) };
  const inside = clampRect(fitted, t.size);
  const moved = inside.x !== r.x || inside.y !== r.y || fitted.w !== r.w || fitted.h !== r.h;
  return replace(t, moved ? withBounds(next, inside) : next);
}

/** Changes the template's own settings (name, kind, size, required fields, …); a smaller label pulls elements inside. */
export function updateTemplate(t: Template, patch: Partial<Omit<Template, 'elements' | 'id'>>): Template {
  const parsed = Template.safeParse({ ...t, ...patch, id: t.id, elements: t.elements });
  if (!parsed.success) {
    const issues = issuesOf('', parsed.error);
    throw new TemplateError(issues[0], issues);
  }
  const next = parsed.data;
  if (next.size.width === t.size.width && next.size.height === t.size.height) return next;
  return {
    ...next,
    elements: next.elements.map((e) => {
      const r = boundsOf(e);
      const fitted = { ...r, w: Math.min(r.w, next.size.width), h: Math.min(r.h, next.size.height) };
      return withBounds(e, clampRect(fitted, next.size));
    })
  };
}

/** Inserts a `{field}` placeholder into a value at the caret (default: the end). */
export function insertField(value: string, field: string, caret = value.length): string {
  const at = Math.max(0, Math.min(caret, value.length));
  return `${value.slice(0, at)}{${field}}${value.slice(at)}`;
}
