// Template files: export a template as readable JSON, import one back. Import never trusts the file: it is
// parsed, validated with the Template schema and checked for unknown fields, and anything wrong comes back
// as a message naming the place (line and column of a JSON error, `elements.3.fontSize` of a bad value)
// instead of a template, so a bad file can never replace the one being edited.
import { checkFieldRefs } from '../fields';
import { parseTemplate, TemplateError, type Template } from '../template';

export type ImportResult = { ok: true; template: Template } | { ok: false; message: string; issues: string[] };

/** Offset of the first character that makes `text` invalid JSON (engines no longer always say where). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] < ' ') fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return at as number;
  }
}

/** Where a JSON error is, as "line L, column C: <what the engine said>". */
function jsonErrorPlace(text: string, err: Error): string {
  const at = jsonErrorOffset(text);
  if (at < 0) return err.message;
  const before = text.slice(0, at).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}: ${err.message}`;
}

export function importTemplateJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = `not JSON: ${jsonErrorPlace(text, e as Error)}`;
    return { ok: false, message: msg, issues: [msg] };
  }
  // A file holding { template: {...} } (what some tools wrap it in) is accepted too.
  if (data && typeof data === 'object' && !Array.isArray(data) && 'template' in data && !('elements' in data)) data = (data as { template: unknown }).template;
  try {
    const template = parseTemplate(data);
    const refs = checkFieldRefs(template);
    if (refs.length) return { ok: false, message: `${refs[0]}${refs.length > 1 ? ` (+${refs.length - 1} more)` : ''}`, issues: refs };
    return { ok: true, template };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, message: e.message, issues: [...e.issues] };
    throw e;
  }
}

/** The template as a pretty-printed JSON file named after it. */
export function exportTemplateJson(t: Template): { name: string; mime: string; text: string } {
  const base = t.name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'template';
  return { name: `${base}.template.json`, mime: 'application/json', text: JSON.stringify(t, null, 2) + '\n' };
}
