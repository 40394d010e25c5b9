// Alignment guides: while an element is dragged, its edges and centre lines snap to the edges and centres
// of the other elements and of the label itself when they come within a threshold, and the lines they
// meet are returned for the canvas to draw. Pure maths in mm; the threshold comes from the UI (a few
// screen pixels at the current zoom), so snapping feels the same at every zoom.
import type { Template } from '../template';
import { boundsOf, type Rect } from './geometry';

/** A guide line: vertical at x = `at` (axis 'x') or horizontal at y = `at` (axis 'y'), in mm. */
export interface Guide {
  axis: 'x' | 'y';
  at: number;
}

export interface SnapTargets {
  xs: number[];
  ys: number[];
}

/** Lines an element may snap to: the label's edges and centre, and every other element's edges and centre. */
export function snapTargets(template: Template, exceptId: string): SnapTargets {
  const { width, height } = template.size;
  const xs = [0, width / 2, width];
  const ys = [0, height / 2, height];
  for (const e of template.elements) {
    if (e.id === exceptId) continue;
    const r = boundsOf(e);
    xs.push(r.x, r.x + r.w / 2, r.x + r.w);
    ys.push(r.y, r.y + r.h / 2, r.y + r.h);
  }
  return { xs, ys };
}

/** The smallest shift (within `threshold`) that puts one of `lines` on one of `targets`, or null. */
export function nearestSnap(lines: readonly number[], targets: readonly number[], threshold: number): number | null {
  let best: number | null = null;
  for (const l of lines)
    for (const t of targets) {
      const d = t - l;
      if (Math.abs(d) <= threshold && (best === null || Math.abs(d) < Math.abs(best))) best = d;
    }
  return best;
}

/** Guides where any of the rectangle's edges or centre lines lies on a target (after snapping). */
export function guidesFor(r: Rect, targets: SnapTargets, which: { x: readonly ('start' | 'center' | 'end')[]; y: readonly ('start' | 'center' | 'end')[] }): Guide[] {
  const at = (start: number, size: number, k: 'start' | 'center' | 'end') => (k === 'start' ? start : k === 'center' ? start + size / 2 : start + size);
  const on = (v: number, list: readonly number[]) => list.some((t) => Math.abs(t - v) < 0.005);
  const out: Guide[] = [];
  for (const k of which.x) {
    const v = at(r.x, r.w, k);
    if (on(v, targets.xs) && !out.some((g) => g.axis === 'x' && Math.abs(g.at - v) < 0.005)) out.push({ axis: 'x', at: v });
  }
  for (const k of which.y) {
    const v = at(r.y, r.h, k);
    if (on(v, targets.ys) && !out.some((g) => g.axis === 'y' && Math.abs(g.at - v) < 0.005)) out.push({ axis: 'y', at: v });
  }
  return out;
}
