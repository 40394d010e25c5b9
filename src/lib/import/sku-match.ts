// SKU-mapping suggestions (商品配对建议): which of our SKUs is this platform item? Ids first: the platform SKU /
// outer id equal to one of our SKU codes or barcodes once width, case and separators are normalised
// ("ｆｅｒｎ_a4" = "FERN-A4"), score 1. Then title + spec similarity: character bigrams of the titles (Dice
// and how much of our name the title covers, so a title padded with 【包邮】 still matches) and how many of
// our spec values the platform's spec or title names ("颜色:红色;尺码:L" = "红色 L", but L is not XL).
// An inverted bigram index keeps 5k items × 10k SKUs fast: only SKUs sharing a bigram with the title are
// scored, and only the best-sharing few of those in full. Pure: runs in the engine worker and in tests.
import { normaliseWidth } from './cleaning';

export type SuggestionWhy = 'outer-id' | 'barcode' | 'title-spec';

export interface SkuSuggestion {
  sku: string;
  name: string;
  spec: string;
  /** 0..1; 1 for an exact id. */
  score: number;
  why: SuggestionWhy;
}

export interface MatchableSku {
  code: string;
  barcodes: readonly string[];
  name: string;
  spec: string;
}

export interface SkuQuery {
  /** The platform SKU id or outer id (商家编码) on the line. */
  platformSku: string;
  outerSku?: string;
  title: string;
  spec: string;
}

/** Below this a title/spec match is noise, not a suggestion. */
export const MIN_SUGGESTION_SCORE = 0.35;
/** Candidates scored in full per query (the ones sharing most bigrams with the title). */
const SHORTLIST = 60;
const NAME_WEIGHT = 0.6;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** An id compared as a person reads it: full-width to ASCII, case-blind, spaces and - _ . / dropped. */
export function normaliseId(s: string): string {
  return normaliseWidth(s, true)
    .toLowerCase()
    .replace(/[\s\-_./\\]+/g, '');
}

/** Text for comparison: full-width to ASCII, lower case, every run of punctuation a single space. */
export function normaliseText(s: string): string {
  return normaliseWidth(s, true)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Spec values without their labels: "颜色分类：红色;尺码:L" and "红色 L" both give ["红色", "l"]. */
export function specValues(spec: string): string[] {
  const out: string[] = [];
  for (const part of normaliseWidth(spec, true).split(/[;,|/\s]+/)) {
    const value = normaliseText(part.replace(/^[^:]*:/, ''));
    for (const t of splitScripts(value)) if (t) out.push(t);
  }
  return out;
}

/** "白色xl" -> ["白色", "xl"]: a boundary between Chinese and Latin/digits separates words in a spec. */
function splitScripts(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    let cur = '';
    let curCjk = false;
    for (const ch of word) {
      const cjk = CJK.test(ch);
      if (cur && cjk !== curCjk) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
      curCjk = cjk;
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Character bigrams of each word; a one-character word counts as itself. */
export function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of normaliseText(text).split(' ')) {
    if (!word) continue;
    if (word.length === 1) grams.add(word);
    for (let i = 0; i + 1 < word.length; i++) grams.add(word.slice(i, i + 2));
  }
  return grams;
}

/** Share of our spec values the platform names: Chinese values anywhere in their text, Latin/digit values as
 *  whole words. Where one side has no spec at all the answer is unknown (0.5), not a contradiction. */
function specScore(ours: readonly string[], theirWords: ReadonlySet<string>, theirText: string, theirSpecEmpty: boolean): number {
  if (!ours.length) return theirSpecEmpty ? 1 : 0.5;
  let hit = 0;
  for (const v of ours) if (theirWords.has(v) || (CJK.test(v) && theirText.includes(v))) hit++;
  return hit === 0 && theirSpecEmpty ? 0.5 : hit / ours.length;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

interface Entry {
  sku: MatchableSku;
  grams: number;
  spec: string[];
}

export class SkuMatcher {
  private entries: Entry[] = [];
  private byId = new Map<string, { index: number; why: 'outer-id' | 'barcode' }>();
  private postings = new Map<string, number[]>();
  private counts: Uint16Array;

  constructor(skus: readonly MatchableSku[]) {
    skus.forEach((sku, index) => {
      const grams = bigrams(sku.name);
      this.entries.push({ sku, grams: grams.size, spec: specValues(sku.spec) });
      for (const g of grams) {
        const list = this.postings.get(g);
        if (list) list.push(index);
        else this.postings.set(g, [index]);
      }
      const code = normaliseId(sku.code);
      if (code && !this.byId.has(code)) this.byId.set(code, { index, why: 'outer-id' });
    });
    // Barcodes after every code, so a code always wins over someone else's barcode of the same digits.
    skus.forEach((sku, index) => {
      for (const b of sku.barcodes) {
        const id = normaliseId(b);
        if (id && !this.byId.has(id)) this.byId.set(id, { index, why: 'barcode' });
      }
    });
    this.counts = new Uint16Array(skus.length);
  }

  /** The best suggestions for one platform item, best first (exact ids, then title + spec). */
  suggest(q: SkuQuery, limit = 3): SkuSuggestion[] {
    const out: SkuSuggestion[] = [];
    const seen = new Set<number>();
    for (const id of [q.platformSku, q.outerSku ?? '']) {
      const hit = id ? this.byId.get(normaliseId(id)) : undefined;
      if (hit && !seen.has(hit.index)) {
        seen.add(hit.index);
        out.push(this.suggestion(hit.index, 1, hit.why));
      }
    }
    if (out.length >= limit || !q.title.trim()) return out.slice(0, limit);

    const titleGrams = bigrams(q.title);
    if (!titleGrams.size) return out;
    const touched: number[] = [];
    for (const g of titleGrams) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (const i of list) {
        if (this.counts[i] === 0) touched.push(i);
        this.counts[i]++;
      }
    }
    const shared = new Map<number, number>();
    for (const i of touched) {
      shared.set(i, this.counts[i]);
      this.counts[i] = 0;
    }
    const shortlist = touched.sort((a, b) => shared.get(b)! - shared.get(a)! || a - b).slice(0, SHORTLIST);

    const theirText = normaliseText(`${q.spec} ${q.title}`).replaceAll(' ', '');
    const theirWords = new Set([...specValues(q.spec), ...splitScripts(normaliseText(q.title))]);
    const theirSpecEmpty = specValues(q.spec).length === 0;
    const scored: { index: number; score: number }[] = [];
    for (const i of shortlist) {
      if (seen.has(i)) continue;
      const e = this.entries[i];
      const common = shared.get(i)!;
      const dice = (2 * common) / (titleGrams.size + e.grams);
      const cover = e.grams ? common / e.grams : 0;
      const name = (dice + cover) / 2;
      // The spec only refines a name match: two unrelated items without specs must not score on "both empty".
      const score = round2(name * (NAME_WEIGHT + (1 - NAME_WEIGHT) * specScore(e.spec, theirWords, theirText, theirSpecEmpty)));
      if (score >= MIN_SUGGESTION_SCORE) scored.push({ index: i, score });
    }
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    for (const s of scored.slice(0, limit - out.length)) out.push(this.suggestion(s.index, s.score, 'title-spec'));
    return out;
  }

  private suggestion(index: number, score: number, why: SuggestionWhy): SkuSuggestion {
    const { code, name, spec } = this.entries[index].sku;
    return { sku: code, name, spec, score, why };
  }
}
