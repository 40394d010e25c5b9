import { describe, expect, test } from 'vitest';
import { canRedo, canUndo, commit, createHistory, redo, undo } from './history';

describe('history', () => {
  test('undo and redo walk back and forth through committed states', () => {
    let h = createHistory('a');
    h = commit(h, 'b');
    h = commit(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  test('an edit after an undo drops the redo branch', () => {
    let h = commit(commit(createHistory(1), 2), 3);
    h = commit(undo(h), 9);
    expect(h.present).toBe(9);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  test('committing the same value is not a step; the oldest steps fall off past the limit', () => {
    const h0 = createHistory('x');
    expect(commit(h0, 'x')).toBe(h0);
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = commit(h, i, 4);
    expect(h.past).toEqual([6, 7, 8, 9]);
    while (canUndo(h)) h = undo(h);
    expect(h.present).toBe(6);
  });
});
