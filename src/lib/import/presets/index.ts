// Which export is this? Every preset scores the share of its signature headers present in the file (a
// signature header also counts when the file has one of its column's other spellings, e.g. 主订单编号 for
// 订单编号); the best preset whose order-number column is present wins if it covers at least half its
// signature. The generic format loses ties to platforms. Saved custom presets (from the mapping
// screen) compete the same way, their signature being every header they map. Headers are compared after
// trimming, full-width to ASCII (（元） = (元)) and lower-casing. A file nothing claims gets a guessed
// mapping (every header any preset knows) for the mapping screen to start from.
import { normaliseWidth } from '../cleaning';
import { AMAZON } from './amazon';
import { DOUYIN } from './douyin';
import { GENERIC } from './generic';
import { JD } from './jd';
import { KUAISHOU } from './kuaishou';
import { PDD } from './pdd';
import { SHOPIFY } from './shopify';
import { TAOBAO_ITEMS, TAOBAO_ORDERS } from './taobao';
import type { ColumnMapping, ColumnSpec, ImportField, Preset, SavedPreset } from './types';
import { WECHAT } from './wechat';
import { WOOCOMMERCE } from './woocommerce';

export * from './types';

export const PRESETS: readonly Preset[] = [TAOBAO_ORDERS, TAOBAO_ITEMS, PDD, JD, DOUYIN, KUAISHOU, WECHAT, SHOPIFY, AMAZON, WOOCOMMERCE, GENERIC];

export const MIN_SCORE = 0.5;

export const normaliseHeader = (h: string): string => normaliseWidth(h, true).replace(/\s+/g, ' ').trim().toLowerCase();

export interface PresetMatch {
  preset: Preset;
  /** Share of the signature present, 0..1. */
  score: number;
  matched: string[];
  missing: string[];
  hasOrderNo: boolean;
}

function headerIndex(headers: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = normaliseHeader(h);
    if (k && !m.has(k)) m.set(k, i);
  });
  return m;
}

function scorePreset(preset: Preset, present: Map<string, number>): PresetMatch {
  const matched: string[] = [];
  const missing: string[] = [];
  for (const s of preset.signature) {
    const spec = preset.columns.find((c) => c.headers.includes(s));
    const names = spec ? spec.headers : [s];
    if (names.some((n) => present.has(normaliseHeader(n)))) matched.push(s);
    else missing.push(s);
  }
  const hasOrderNo = preset.columns.some((c) => c.field === 'orderNo' && c.headers.some((h) => present.has(normaliseHeader(h))));
  return { preset, score: preset.signature.length ? matched.length / preset.signature.length : 0, matched, missing, hasOrderNo };
}

/** Presets ranked for these headers, best first; `best` is set when one is good enough to use. */
export function detectPreset(headers: readonly string[], custom: readonly SavedPreset[] = []): { best?: PresetMatch; ranked: PresetMatch[] } {
  const present = headerIndex(headers);
  const all = [...custom.map(presetFromSaved), ...PRESETS];
  const ranked = all
    .map((p) => scorePreset(p, present))
    .sort((a, b) => {
      const ga = a.preset.id === GENERIC.id ? 1 : 0;
      const gb = b.preset.id === GENERIC.id ? 1 : 0;
      const ea = a.score >= MIN_SCORE && a.hasOrderNo ? 0 : 1;
      const eb = b.score >= MIN_SCORE && b.hasOrderNo ? 0 : 1;
      return ea - eb || b.score - a.score || ga - gb || b.matched.length - a.matched.length;
    });
  const top = ranked[0];
  return { best: top && top.score >= MIN_SCORE && top.hasOrderNo ? top : undefined, ranked };
}

export interface ResolvedColumns {
  /** Column indexes per field, in priority order. */
  byField: Map<ImportField, number[]>;
  /** The header of each used column, by index (for messages). */
  used: Map<number, string>;
}

/** Where each field of `preset` is in this file (first spelling found per column spec; duplicates use the first column). */
export function resolveColumns(preset: Preset, headers: readonly string[]): ResolvedColumns {
  const present = headerIndex(headers);
  const byField = new Map<ImportField, number[]>();
  const used = new Map<number, string>();
  for (const spec of preset.columns) {
    if (spec.field === 'ignore') continue;
    for (const h of spec.headers) {
      const i = present.get(normaliseHeader(h));
      if (i === undefined || used.has(i)) continue;
      const list = byField.get(spec.field) ?? [];
      list.push(i);
      byField.set(spec.field, list);
      used.set(i, headers[i]);
      break;
    }
  }
  return { byField, used };
}

/** A saved mapping as a preset: its headers are its signature, every column confirmed by the seller. */
export function presetFromSaved(saved: SavedPreset): Preset {
  const columns: ColumnSpec[] = Object.entries(saved.mapping).map(([h, field]) => ({ field, headers: [h], confirmed: true }));
  return {
    id: `custom:${saved.id}`,
    platform: saved.platform,
    label: saved.name,
    role: 'full',
    columns,
    signature: columns.filter((c) => c.field !== 'ignore').map((c) => c.headers[0]),
    typicalEncoding: '',
    source: 'saved by the seller on the mapping screen'
  };
}

/** A starting mapping for the mapping screen: each header any preset knows, best-scoring preset first. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const { ranked } = detectPreset(headers);
  const out: ColumnMapping = {};
  for (const h of headers) {
    const k = normaliseHeader(h);
    if (!k || out[h]) continue;
    for (const { preset } of ranked) {
      const spec = preset.columns.find((c) => c.headers.some((x) => normaliseHeader(x) === k));
      if (spec) {
        out[h] = spec.field;
        break;
      }
    }
  }
  return out;
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export { IMPORT_FIELD_LABELS, missingForMapping, missingForMappingTexts } from './fields';
