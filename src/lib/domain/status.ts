// The shipment status machine. Base statuses only move forward and are stored per station as a rank that
// merges by max, so a concurrent or offline write can never move a shipment backwards. Hold, exception and
// cancel are flags that override the base status for what people see and may do.
export const STATUSES = ['pending_audit', 'ready', 'waybill_assigned', 'printed', 'packed', 'shipped'] as const;
export type Status = (typeof STATUSES)[number];

export const FLAGS = ['on_hold', 'exception', 'cancelled'] as const;
export type Flag = (typeof FLAGS)[number];

/** What a list shows: the base status unless a flag overrides it (cancel beats hold beats exception). */
export type DisplayStatus = Status | Flag;

export const statusRank = (s: Status): number => STATUSES.indexOf(s);
export const statusOfRank = (rank: number): Status => STATUSES[Math.max(0, Math.min(STATUSES.length - 1, rank))];

export interface StatusState {
  status: Status;
  held: boolean;
  exception: boolean;
  cancelled: boolean;
}

export const displayStatus = (s: StatusState): DisplayStatus =>
  s.cancelled ? 'cancelled' : s.held ? 'on_hold' : s.exception ? 'exception' : s.status;

export type TransitionCheck = { ok: true } | { ok: false; reason: 'backwards' | 'same' | 'held' | 'cancelled' | 'shipped' };

/** May a shipment in `from` be advanced to `to`? Moving forward more than one step is allowed (e.g. import of printed orders). */
export function canAdvance(from: StatusState, to: Status): TransitionCheck {
  if (from.cancelled) return { ok: false, reason: 'cancelled' };
  if (from.held) return { ok: false, reason: 'held' };
  const a = statusRank(from.status);
  const b = statusRank(to);
  if (b === a) return { ok: false, reason: 'same' };
  if (b < a) return { ok: false, reason: a === STATUSES.length - 1 ? 'shipped' : 'backwards' };
  return { ok: true };
}

/** Holding is allowed until the shipment has left the building. */
export const canHold = (s: StatusState): boolean => !s.cancelled && s.status !== 'shipped';
