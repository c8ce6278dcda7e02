/**
 * Seeded pseudo-random numbers for every study (no Math.random in lib/).
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter, 128-bit state), seeded through
 * splitmix32 so nearby seeds give unrelated streams.
 */

/**
 * One step of the seeding mix: MurmurHash3's 32-bit finaliser (fmix32) applied to x plus the
 * golden-ratio increment 0x9e3779b9; unsigned 32-bit result.
 */
export function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seeded generator; state is real here, so it is a class. Same seed, same stream. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  /** `seed`: any integer (taken modulo 2^32). */
  constructor(seed: number) {
    let s = seed >>> 0;
    s = splitmix32(s);
    this.a = s;
    s = splitmix32(s);
    this.b = s;
    s = splitmix32(s);
    this.c = s;
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n); `n` must be a positive integer (else RangeError naming it). */
  int(n: number): number {
    if (!(n >= 1 && Number.isInteger(n))) {
      throw new RangeError(`Rng.int: n must be a positive integer, got ${n}`);
    }
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box-Muller, caching the second value). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = NaN;
      return v;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(th);
    return r * Math.cos(th);
  }

  /** Index drawn with probability proportional to `weights[i]` (non-negative, not all zero). */
  weighted(weights: ArrayLike<number>, n = weights.length): number {
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];
    let r = this.next() * total;
    for (let i = 0; i < n; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return n - 1;
  }
}

/** A derived seed for sub-stream `k` of `seed` (e.g. one per repetition), stable across runs. */
export function subSeed(seed: number, k: number): number {
  return splitmix32((seed >>> 0) ^ Math.imul(k + 1, 0x27d4eb2d));
}

/** A seeded generator (same as `new Rng(seed)`). */
export function makeRng(seed: number): Rng {
  return new Rng(seed);
}
