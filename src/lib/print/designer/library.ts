// The template library: built-ins (ids `builtin:*`, shipped with the app, read-only) and the seller's saved
// templates (synced between stations as JSON). Editing a built-in starts a copy with a new id; a saved
// template read back from the synced document is validated, and one that does not parse (written by a
// newer version, or damaged) is left out of the list rather than breaking it.
import { BUILTIN_TEMPLATES } from '../builtin-templates';
import { parseTemplate, TemplateError, type Template } from '../template';

export const BUILTIN_PREFIX = 'builtin:';
export const isBuiltin = (id: string): boolean => id.startsWith(BUILTIN_PREFIX);

/** A copy to edit: new id, the name with a suffix ("… 副本" / "… copy"), every element deep-copied. */
export function copyTemplate(t: Template, opts: { id: string; suffix: string }): Template {
  if (isBuiltin(opts.id)) throw new TemplateError(`${opts.id}: a copy cannot take a built-in id`, [opts.id]);
  return { ...structuredClone(t), id: opts.id, name: `${t.name} ${opts.suffix}`.trim() };
}

/** Checks a template before it is stored: valid, and not pretending to be a built-in. */
export function templateToSave(input: unknown): Template {
  const t = parseTemplate(input);
  if (isBuiltin(t.id)) throw new TemplateError(`${t.id}: built-in templates are read-only; save a copy`, [t.id]);
  return t;
}

/** Saved templates from stored JSON values: the valid ones, by name. */
export function storedTemplates(values: Iterable<unknown>): Template[] {
  const out: Template[] = [];
  for (const v of values) {
    try {
      const t = parseTemplate(v);
      if (!isBuiltin(t.id)) out.push(t);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

/** Built-ins first, then saved templates; `kind` narrows both (the print dialog wants waybills). */
export function templateChoices(saved: readonly Template[], kind?: Template['kind']): Template[] {
  return [...BUILTIN_TEMPLATES, ...saved].filter((t) => !kind || t.kind === kind);
}
