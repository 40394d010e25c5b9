// The few browser facts the UI needs (language, saved preferences, where the app was served from, the
// demo/test flag) behind one small interface. This is the only UI-adjacent file that touches `navigator`,
// `location` or `localStorage`; tests hand the UI `memoryEnv()` instead.

export interface BrowserEnv {
  /** The browser's preferred languages, most preferred first (e.g. ["zh-CN", "en"]). */
  languages(): readonly string[];
  /** A remembered preference, or null. Never throws (private mode and disabled storage read as empty). */
  loadPref(key: string): string | null;
  savePref(key: string, value: string): void;
  /** The sync server address the app was most likely served with: ws(s)://<host>/sync. */
  defaultServerUrl(): string;
  /** `?memory=1`: run on the in-memory station (demo and test mode, no IndexedDB, no sync). */
  memoryMode(): boolean;
  /** Reflects the UI language on `<html lang>` for fonts, screen readers and hyphenation. */
  setDocumentLang(lang: string): void;
  /** Offers bytes as a download (reports, exports). */
  saveFile(name: string, mime: string, bytes: Uint8Array): void;
}

const PREF_PREFIX = 'packdesk:';

export const browserEnv: BrowserEnv = {
  languages() {
    if (typeof navigator === 'undefined') return [];
    return navigator.languages?.length ? navigator.languages : [navigator.language];
  },
  loadPref(key) {
    try {
      return globalThis.localStorage?.getItem(PREF_PREFIX + key) ?? null;
    } catch {
      return null;
    }
  },
  savePref(key, value) {
    try {
      globalThis.localStorage?.setItem(PREF_PREFIX + key, value);
    } catch {
      // Storage refused (private mode, quota): the preference simply is not remembered.
    }
  },
  defaultServerUrl() {
    if (typeof location === 'undefined') return '';
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
  },
  memoryMode() {
    if (typeof location === 'undefined') return false;
    return new URLSearchParams(location.search).get('memory') === '1';
  },
  setDocumentLang(lang) {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  },
  saveFile(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
};

/** A fake environment for tests: fixed languages, preferences in a Map. */
export function memoryEnv(opts: { languages?: string[]; prefs?: Record<string, string>; serverUrl?: string } = {}): BrowserEnv & {
  prefs: Map<string, string>;
  lang: string;
  saved: { name: string; mime: string; bytes: Uint8Array }[];
} {
  const prefs = new Map(Object.entries(opts.prefs ?? {}));
  const env = {
    prefs,
    lang: '',
    saved: [] as { name: string; mime: string; bytes: Uint8Array }[],
    saveFile: (name: string, mime: string, bytes: Uint8Array) => void env.saved.push({ name, mime, bytes }),
    languages: () => opts.languages ?? ['zh-CN'],
    loadPref: (key: string) => prefs.get(key) ?? null,
    savePref: (key: string, value: string) => void prefs.set(key, value),
    defaultServerUrl: () => opts.serverUrl ?? 'ws://localhost:5173/sync',
    memoryMode: () => true,
    setDocumentLang: (lang: string) => {
      env.lang = lang;
    }
  };
  return env;
}

/** The systems the printer setup help has a page for. */
export type StationSystem = 'windows' | 'macos' | 'linux' | 'android' | 'ipad';

/**
 * Which system a browser runs on, from its user agent. An iPad asking for the desktop site says "Macintosh"
 * but has a touch screen; ChromeOS is Linux underneath and gets the Linux page; unknown ones are taken for
 * Windows, as most stations are Windows PCs.
 */
export function detectSystem(ua: string, maxTouchPoints = 0): StationSystem {
  if (/android/i.test(ua)) return 'android';
  if (/ipad|iphone|ipod/i.test(ua) || (/macintosh/i.test(ua) && maxTouchPoints > 1)) return 'ipad';
  if (/windows/i.test(ua)) return 'windows';
  if (/mac os x|macintosh/i.test(ua)) return 'macos';
  return /linux|cros|x11/i.test(ua) ? 'linux' : 'windows';
}

/** The system this station runs on. */
export function currentSystem(): StationSystem {
  if (typeof navigator === 'undefined') return 'windows';
  return detectSystem(navigator.userAgent, navigator.maxTouchPoints ?? 0);
}
