import { describe, expect, it } from 'vitest';
import { Rng, Weighted, mixSeed, scramble32 } from './rng';

describe('seeded rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('int covers both bounds and nothing outside them', () => {
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('digits gives exactly n digits, leading zeros kept', () => {
    const rng = new Rng(9);
    for (const n of [1, 4, 9, 10, 15, 19]) expect(rng.digits(n)).toMatch(new RegExp(`^\\d{${n}}$`));
  });

  it('weighted pick follows the weights and never picks a zero weight', () => {
    const rng = new Rng(5);
    const w = new Weighted([['a', 1], ['never', 0], ['b', 3]] as const);
    const n = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8_000; i++) n[w.pick(rng)]++;
    expect(n.never).toBe(0);
    expect(n.b / n.a).toBeGreaterThan(2.5);
    expect(n.b / n.a).toBeLessThan(3.5);
  });

  it('weighted tables refuse to be empty or all zero', () => {
    expect(() => new Weighted([])).toThrow();
    expect(() => new Weighted([['x', 0]])).toThrow();
  });

  it('mixSeed gives neighbouring indexes unrelated seeds', () => {
    const seeds = new Set(Array.from({ length: 1_000 }, (_, i) => mixSeed(7, i)));
    expect(seeds.size).toBe(1_000);
    expect(mixSeed(7, 1)).not.toBe(mixSeed(8, 1));
  });

  it('scramble32 never maps two indexes to one value', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(scramble32(i, 0xdeadbeef));
    expect(seen.size).toBe(200_000);
  });
});
