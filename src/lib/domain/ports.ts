// What the pure domain needs from the outside world, passed in rather than reached for:
// a clock and an id source, so every rule is deterministic under test.
export interface Clock {
  now(): number;
}

export interface IdSource {
  next(prefix: string): string;
}

export const fixedClock = (start: number, step = 0): Clock => {
  let t = start;
  return { now: () => ((t += step), t - step) };
};
