import { describe, expect, it } from 'vitest';
import { CONFLICT_WINDOW_MS, concurrentLosers, parseRegisterKey, registerKey, resolveLww, resolveStatus, tagField } from './registers';
import { STATUSES, statusRank } from './status';
import { entry, permutations } from './test-factories';

describe('register keys', () => {
  it('round-trip entity, field and station', () => {
    const key = registerKey('taobao:tb-1:123', tagField('加急'), 'st-A');
    expect(parseRegisterKey(key)).toEqual({ entity: 'taobao:tb-1:123', field: 'tag:加急', station: 'st-A' });
  });

  it('reject keys without exactly three parts', () => {
    expect(parseRegisterKey('a\tb')).toBeNull();
    expect(parseRegisterKey('a\tb\tc\td')).toBeNull();
  });
});

describe('resolveLww', () => {
  it('picks the latest write by wall clock, whatever the entry order', () => {
    const entries = [entry('A', 100, 'a'), entry('B', 300, 'b'), entry('C', 200, 'c'), entry('D', 50, 'd')];
    for (const p of permutations(entries)) expect(resolveLww(p)?.v).toBe('b');
  });

  it('breaks a time tie by the higher station id, whatever the entry order', () => {
    const entries = [entry('st-A', 500, 'a'), entry('st-C', 500, 'c'), entry('st-B', 500, 'b'), entry('st-Z', 499, 'z')];
    for (const p of permutations(entries)) expect(resolveLww(p)?.station).toBe('st-C');
  });

  it('has no winner without entries', () => {
    expect(resolveLww([])).toBeUndefined();
  });
});

describe('resolveStatus', () => {
  it('merges by the highest rank, so a status never goes backwards whatever the entry order', () => {
    const entries = [entry('A', 400, 'ready'), entry('B', 100, 'packed'), entry('C', 300, 'printed'), entry('D', 200, 'waybill_assigned'), entry('E', 500, 'pending_audit')];
    const orders = permutations(entries);
    expect(orders).toHaveLength(120);
    for (const p of orders) expect(resolveStatus(p, 'pending_audit')).toBe('packed');
  });

  it('is monotone: adding any entry never lowers the merged status', () => {
    for (const a of STATUSES)
      for (const b of STATUSES) {
        const before = resolveStatus([entry('A', 1, a)], 'pending_audit');
        const after = resolveStatus([entry('A', 1, a), entry('B', 2, b)], 'pending_audit');
        expect(statusRank(after)).toBeGreaterThanOrEqual(statusRank(before));
        expect(statusRank(after)).toBe(Math.max(statusRank(a), statusRank(b)));
      }
  });

  it('never drops below the initial status and ignores values that are not statuses', () => {
    expect(resolveStatus([entry('A', 1, 'ready')], 'printed')).toBe('printed');
    expect(resolveStatus([entry('A', 1, 42), entry('B', 2, 'bogus'), entry('C', 3, null)], 'ready')).toBe('ready');
    expect(resolveStatus([], 'waybill_assigned')).toBe('waybill_assigned');
  });
});

describe('concurrentLosers', () => {
  it('reports other stations’ different values written within the window before the winner', () => {
    const win = entry('B', 10_000_000, '发顺丰');
    const close = entry('A', win.at - 1_000, '发中通');
    const losers = concurrentLosers([close, win]);
    expect(losers).toEqual([close]);
  });

  it('ignores the winner itself, equal values and writes older than the window', () => {
    const win = entry('B', 10_000_000, 'x');
    const same = entry('A', win.at - 10, 'x');
    const old = entry('C', win.at - CONFLICT_WINDOW_MS, 'y');
    const justInside = entry('D', win.at - CONFLICT_WINDOW_MS + 1, { deep: ['y'] });
    expect(concurrentLosers([same, old, win, justInside])).toEqual([justInside]);
    expect(concurrentLosers([win])).toEqual([]);
    expect(concurrentLosers([])).toEqual([]);
  });

  it('compares structured values by content', () => {
    const win = entry('B', 1_000_000, { a: 1 });
    expect(concurrentLosers([win, entry('A', 999_999, { a: 1 })])).toEqual([]);
  });
});
