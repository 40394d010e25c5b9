// A small seeded PRNG for demo data. Domain code may not call Math.random(): every demo record is a pure
// function of a seed, so two stations generating "seed 7, order 12345" get byte-identical orders and their
// CRDT documents converge. mulberry32 is tiny, fast and plenty random for fake data (not for security).

/** murmur3's 32-bit finaliser: spreads nearby inputs (index 1, 2, 3…) over unrelated seeds. */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A seed for item `index` of the stream `seed`, so any item can be generated alone and in any order. */
export const mixSeed = (seed: number, index: number): number => fmix32((seed >>> 0) ^ fmix32((index + 0x9e3779b9) >>> 0));

/**
 * A bijection on 32-bit integers: distinct indexes always give distinct results. Used to embed an index in
 * random-looking order numbers so they can never collide.
 */
export function scramble32(index: number, key: number): number {
  let x = (index ^ key) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `n` random decimal digits (leading zeros kept). */
  digits(n: number): string {
    let out = '';
    while (n > 0) {
      const k = n > 9 ? 9 : n;
      out += String(Math.floor(this.next() * POW10[k])).padStart(k, '0');
      n -= k;
    }
    return out;
  }
}

/** Weighted choice by binary search over cumulative weights; build once, pick many times. */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('Weighted needs at least one entry');
    this.items = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new Error(`weight ${w} at ${i} is not a non-negative number`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('Weighted needs a positive total weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
