// The UI language as runes state: picked from the saved preference, else the browser language, else Chinese;
// remembered when switched and mirrored on <html lang>. Number and date formatters are made once per
// language because the order list formats dozens of cells on every scroll frame.
import type { BrowserEnv } from '../app/browser-env';
import type { Courier } from '../domain/schemas';
import { dictionaries, LANGS, type Lang, type MessageKey } from './messages';

const PREF = 'lang';

export function pickLang(saved: string | null, browser: readonly string[]): Lang {
  if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  for (const l of browser) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return 'zh-CN';
    if (low.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

interface Formats {
  int: Intl.NumberFormat;
  money: Intl.NumberFormat;
  dateTime: Intl.DateTimeFormat;
  shortDateTime: Intl.DateTimeFormat;
}

const makeFormats = (lang: Lang): Formats => ({
  int: new Intl.NumberFormat(lang),
  money: new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  dateTime: new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
  shortDateTime: new Intl.DateTimeFormat(lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
});

export class I18n {
  lang = $state<Lang>('zh-CN');
  private formats = $derived(makeFormats(this.lang));

  constructor(private env: BrowserEnv) {
    this.lang = pickLang(env.loadPref(PREF), env.languages());
    env.setDocumentLang(this.lang);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.env.savePref(PREF, lang);
    this.env.setDocumentLang(lang);
  }

  t = (key: MessageKey, vars?: Record<string, string | number>): string => {
    const text = dictionaries[this.lang][key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };

  status = (s: string): string => this.known(`status.${s}`, s);
  platform = (p: string): string => this.known(`platform.${p}`, p);
  flag = (kind: string): string => this.known(`flag.${kind}`, kind);
  courier = (c: Courier | undefined, fallback = ''): string => (c ? (this.lang === 'en' ? c.nameEn || c.name : c.name) : fallback);

  int = (n: number): string => this.formats.int.format(n);
  /** Cents to "¥1,234.50". */
  money = (cents: number): string => '¥' + this.formats.money.format(cents / 100);
  dateTime = (ms: number): string => this.formats.dateTime.format(ms);
  shortDateTime = (ms: number): string => this.formats.shortDateTime.format(ms);

  private known(key: string, fallback: string): string {
    const dict = dictionaries[this.lang] as Record<string, string>;
    return dict[key] ?? fallback;
  }
}
