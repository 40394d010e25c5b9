// Per-station registers: the only way shared business fields change. Each station writes its own entry
// for (entity, field); readers merge all stations' entries by the field's rule. A Y.Map key per station
// means no concurrent write can overwrite another (Yjs resolves same-key conflicts by client id, not time,
// which we measured moving statuses backwards).
import { statusRank, type Status } from './status';

export type EditableField = 'memo' | 'hold' | 'priority' | 'tags' | 'status';

export interface RegisterEntry {
  /** The value this station last wrote. */
  v: unknown;
  /** Wall-clock ms of the write on the writing station (LWW order; ties break on station id). */
  at: number;
  /** User who wrote it. */
  by: string;
}

export interface StationEntry extends RegisterEntry {
  station: string;
}

/** Keys are `entity \t field \t station`; tabs never occur in ids. */
export const registerKey = (entity: string, field: string, station: string): string => `${entity}\t${field}\t${station}`;

export function parseRegisterKey(key: string): { entity: string; field: string; station: string } | null {
  const parts = key.split('\t');
  if (parts.length !== 3) return null;
  return { entity: parts[0], field: parts[1], station: parts[2] };
}

const later = (a: StationEntry, b: StationEntry): boolean => a.at > b.at || (a.at === b.at && a.station > b.station);

/** Last writer (by wall clock) wins; every entry is kept so a concurrent write can be shown as a conflict. */
export function resolveLww(entries: StationEntry[]): StationEntry | undefined {
  let best: StationEntry | undefined;
  for (const e of entries) if (!best || later(e, best)) best = e;
  return best;
}

/** Status ranks merge by max: a status never goes backwards. */
export function resolveStatus(entries: StationEntry[], initial: Status): Status {
  let best = initial;
  for (const e of entries) if (typeof e.v === 'string' && statusRank(e.v as Status) > statusRank(best)) best = e.v as Status;
  return best;
}

/**
 * Tags are one register per (order, tag): field `tag:<name>`, value true/false, LWW each. Adding a tag on one
 * station and another tag on a second station keeps both.
 */
export const tagField = (tag: string): string => `tag:${tag}`;

/** Entries written within this window of the winner on another station count as a concurrent conflict. */
export const CONFLICT_WINDOW_MS = 60_000;

export function concurrentLosers(entries: StationEntry[]): StationEntry[] {
  const win = resolveLww(entries);
  if (!win) return [];
  return entries.filter((e) => e !== win && e.station !== win.station && win.at - e.at < CONFLICT_WINDOW_MS && JSON.stringify(e.v) !== JSON.stringify(win.v));
}
