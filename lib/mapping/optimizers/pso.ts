/**
 * Particle swarm optimisation on x in [0, 1]^(2J) (fitness.ts decodes x to a genome). Constants
 * of SPSO 2011 (Clerc): inertia 1 / (2 ln 2), cognitive and social weights 0.5 + ln 2; swarm of 40
 * as nevergrad's PSO default. Positions are clipped to the box, and the clipped velocity component
 * is zeroed.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import { Fitness, type VectorObjective } from "./fitness.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Options of PSO. */
export interface PsoOptions {
  /** Particles (default 40). */
  swarm?: number;
  /** Inertia weight (default 1 / (2 ln 2) = 0.7213). */
  inertia?: number;
  /** Pull towards the particle's best and the swarm's best (default 0.5 + ln 2 = 1.1931). */
  pull?: number;
}

/** Run PSO for exactly `budget` samples. */
export function pso(problem: Problem, budget: number, seed: number, opts: PsoOptions = {}) {
  const fit = new Fitness(problem, budget);
  psoSearch(fit, 2 * fit.jobs, new Rng(seed), opts);
  return fit.result("pso");
}

/** PSO minimising `fit` on [0, 1]^n until its samples run out (also used on test functions). */
export function psoSearch(fit: VectorObjective, n: number, rng: Rng, opts: PsoOptions = {}): void {
  const m = opts.swarm ?? 40;
  const w = opts.inertia ?? 1 / (2 * Math.LN2);
  const c = opts.pull ?? 0.5 + Math.LN2;
  const x = new Float64Array(m * n), v = new Float64Array(m * n);
  const pBest = new Float64Array(m * n), pVal = new Float64Array(m).fill(Infinity);
  const gBest = new Float64Array(n);
  let gVal = Infinity;
  for (let i = 0; i < m * n; i++) {
    x[i] = rng.next();
    v[i] = (rng.next() - x[i]) / 2;
  }
  for (let it = 0; fit.remaining > 0; it++) {
    const p = it % m;
    const xi = x.subarray(p * n, (p + 1) * n);
    if (it >= m) move(xi, v.subarray(p * n, (p + 1) * n), pBest.subarray(p * n, (p + 1) * n));
    const f = fit.evaluateVector(xi);
    if (f < pVal[p]) {
      pVal[p] = f;
      pBest.set(xi, p * n);
    }
    if (f < gVal) {
      gVal = f;
      gBest.set(xi);
    }
  }
  function move(xi: Float64Array, vi: Float64Array, pi: Float64Array) {
    for (let d = 0; d < n; d++) {
      vi[d] = w * vi[d] + c * rng.next() * (pi[d] - xi[d]) + c * rng.next() * (gBest[d] - xi[d]);
      let nx = xi[d] + vi[d];
      if (nx < 0 || nx > 1) {
        nx = nx < 0 ? 0 : 1;
        vi[d] = 0;
      }
      xi[d] = nx;
    }
  }
}

/** PSO as an Optimizer. */
export const psoOptimizer: Optimizer = {
  name: "pso",
  family: "black-box",
  description: "particle swarm (SPSO 2011 constants, 40 particles) on the 2J-vector view",
  optimize: (p, b, s): OptimizeResult => pso(p, b, s),
};
