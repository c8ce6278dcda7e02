/**
 * Seeded pseudo-random numbers (no Math.random() in lib/): a small, fast generator whose whole state
 * is one 32-bit integer, so the same seed gives the same stream on every machine.
 */

/** A seeded generator: `next()` in [0, 1), plus integer and normal helpers. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
}

/** A Mulberry32 generator seeded with `seed` (any integer; the same seed gives the same stream). */
export function makeRng(seed: number): Rng {
  let s = (seed | 0) ^ 0x9e3779b9;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next(), v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
