import { describe, expect, it } from 'vitest';
import { STATUSES, canAdvance, canHold, displayStatus, statusOfRank, statusRank, type StatusState } from './status';

const state = (status: StatusState['status'], flags: Partial<Omit<StatusState, 'status'>> = {}): StatusState => ({
  status,
  held: false,
  exception: false,
  cancelled: false,
  ...flags
});

describe('canAdvance', () => {
  it('allows every forward move, one step or several', () => {
    STATUSES.forEach((from, i) => STATUSES.slice(i + 1).forEach((to) => expect(canAdvance(state(from), to)).toEqual({ ok: true })));
  });

  it('refuses staying put and moving backwards', () => {
    expect(canAdvance(state('printed'), 'printed')).toEqual({ ok: false, reason: 'same' });
    expect(canAdvance(state('printed'), 'ready')).toEqual({ ok: false, reason: 'backwards' });
    expect(canAdvance(state('waybill_assigned'), 'pending_audit')).toEqual({ ok: false, reason: 'backwards' });
  });

  it('names a shipped shipment as the reason it cannot go back', () => {
    expect(canAdvance(state('shipped'), 'packed')).toEqual({ ok: false, reason: 'shipped' });
  });

  it('refuses any move while held, and cancel outranks hold', () => {
    expect(canAdvance(state('ready', { held: true }), 'printed')).toEqual({ ok: false, reason: 'held' });
    expect(canAdvance(state('ready', { cancelled: true }), 'printed')).toEqual({ ok: false, reason: 'cancelled' });
    expect(canAdvance(state('ready', { cancelled: true, held: true }), 'printed')).toEqual({ ok: false, reason: 'cancelled' });
  });
});

describe('displayStatus', () => {
  it('shows the base status when no flag is set', () => {
    for (const s of STATUSES) expect(displayStatus(state(s))).toBe(s);
  });

  it('lets cancel beat hold, and hold beat exception', () => {
    expect(displayStatus(state('printed', { exception: true }))).toBe('exception');
    expect(displayStatus(state('printed', { exception: true, held: true }))).toBe('on_hold');
    expect(displayStatus(state('printed', { exception: true, held: true, cancelled: true }))).toBe('cancelled');
    expect(displayStatus(state('printed', { cancelled: true }))).toBe('cancelled');
  });
});

describe('status ranks', () => {
  it('round-trip and clamp out-of-range ranks', () => {
    for (const s of STATUSES) expect(statusOfRank(statusRank(s))).toBe(s);
    expect(statusOfRank(-3)).toBe('pending_audit');
    expect(statusOfRank(99)).toBe('shipped');
  });

  it('allow holding until shipped, never once cancelled', () => {
    expect(canHold(state('packed'))).toBe(true);
    expect(canHold(state('shipped'))).toBe(false);
    expect(canHold(state('ready', { cancelled: true }))).toBe(false);
  });
});
