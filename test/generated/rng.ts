/** The generator's seeded choices, on the bench's PRNG: program i of seed s is the same on every machine. */
import { mulberry32 } from "../../bench/prng.mjs";

export interface Rng {
  /** In [0, 1). */
  next(): number;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}

export function rngFor(seed: number, index: number): Rng {
  const next = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  next(); // the first output of a fresh state is poorly mixed
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)]!,
  };
}
