// A small seeded PRNG so the generated tree is byte-for-byte the same on every run and
// machine: timings are only comparable between runs if the input does not change.

/** mulberry32: 32-bit state, fast, good enough for picking templates (not for crypto). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One generator per file, seeded from (seed, index), so file i is the same whatever the tree
 * size: the 2x tree holds the 1x tree's files plus as many new ones.
 */
export function rngFor(seed, index) {
  const next = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  next(); // the first output of a fresh state is poorly mixed
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** About `k` distinct items of `list` (at least one), in list order. */
    some: (list, k) => {
      const chosen = list.filter(() => next() < k / list.length);
      return chosen.length > 0 ? chosen : [list[Math.floor(next() * list.length)]];
    },
    /** An entry of `weighted` ([value, weight] pairs) chosen by weight. */
    weighted: (weighted) => {
      let x = next() * weighted.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, w] of weighted) if ((x -= w) < 0) return value;
      return weighted[weighted.length - 1][0];
    },
  };
  return r;
}
