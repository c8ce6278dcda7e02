/**
 * Differential evolution DE/rand/1/bin on x in [0, 1]^(2J), population 30 (nevergrad's default
 * size), F = 0.5 and CR = 0.9 (Storn & Price's usual choice). Trial coordinates that leave the box
 * are reset between the base vector and the bound. One trial = one sample.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import { Fitness, type VectorObjective } from "./fitness.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Options of DE. */
export interface DeOptions {
  /** Population size (default 30). */
  popSize?: number;
  /** Differential weight F (default 0.5). */
  weight?: number;
  /** Crossover probability CR (default 0.9). */
  crossover?: number;
}

/** Run DE for exactly `budget` samples. */
export function de(problem: Problem, budget: number, seed: number, opts: DeOptions = {}) {
  const fit = new Fitness(problem, budget);
  deSearch(fit, 2 * fit.jobs, new Rng(seed), opts);
  return fit.result("de");
}

/** DE minimising `fit` on [0, 1]^n until its samples run out (also used on test functions). */
export function deSearch(fit: VectorObjective, n: number, rng: Rng, opts: DeOptions = {}): void {
  const m = Math.max(4, opts.popSize ?? 30);
  const F = opts.weight ?? 0.5, CR = opts.crossover ?? 0.9;
  const pop = new Float64Array(m * n), val = new Float64Array(m).fill(Infinity);
  const trial = new Float64Array(n);
  for (let i = 0; i < m * n; i++) pop[i] = rng.next();
  for (let i = 0; i < m && fit.remaining > 0; i++) {
    val[i] = fit.evaluateVector(pop.subarray(i * n, (i + 1) * n));
  }
  for (let it = 0; fit.remaining > 0; it++) {
    const t = it % m;
    let a: number, b: number, c: number;
    do a = rng.int(m); while (a === t);
    do b = rng.int(m); while (b === t || b === a);
    do c = rng.int(m); while (c === t || c === a || c === b);
    const forced = rng.int(n);
    for (let d = 0; d < n; d++) {
      const base = pop[a * n + d];
      if (d === forced || rng.next() < CR) {
        let y = base + F * (pop[b * n + d] - pop[c * n + d]);
        if (y < 0) y = base * rng.next();
        else if (y > 1) y = base + (1 - base) * rng.next();
        trial[d] = y;
      } else trial[d] = pop[t * n + d];
    }
    const f = fit.evaluateVector(trial);
    if (f <= val[t]) {
      val[t] = f;
      pop.set(trial, t * n);
    }
  }
}

/** DE as an Optimizer. */
export const deOptimizer: Optimizer = {
  name: "de",
  family: "black-box",
  description: "differential evolution DE/rand/1/bin (F 0.5, CR 0.9, 30 vectors) on the 2J view",
  optimize: (p, b, s): OptimizeResult => de(p, b, s),
};
