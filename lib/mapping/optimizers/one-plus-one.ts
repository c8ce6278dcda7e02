/**
 * (1+1)-ES on x in [0, 1]^(2J): one parent, one Gaussian child per sample (clipped to the box),
 * the child replaces the parent when not worse. Step size by Rechenberg's 1/5 success rule in the
 * smooth form sigma *= exp((success - 1/5) / (0.8 * sqrt(n))), so sigma is stationary at a 1/5
 * success rate. Initial parent uniform in the box, initial step 0.1.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import { Fitness, type VectorObjective } from "./fitness.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Run the (1+1)-ES for exactly `budget` samples; `sigma0` is the initial step (box units). */
export function onePlusOne(problem: Problem, budget: number, seed: number, sigma0 = 0.1) {
  const fit = new Fitness(problem, budget);
  onePlusOneSearch(fit, 2 * fit.jobs, new Rng(seed), sigma0);
  return fit.result("oneplusone");
}

/** (1+1)-ES minimising `fit` on [0, 1]^n until its samples run out; `sigma0` in box units. */
export function onePlusOneSearch(fit: VectorObjective, n: number, rng: Rng, sigma0 = 0.1): void {
  const parent = Float64Array.from({ length: n }, () => rng.next());
  const child = new Float64Array(n);
  let best = fit.evaluateVector(parent);
  let sigma = sigma0;
  const damp = 0.8 * Math.sqrt(n);
  while (fit.remaining > 0) {
    for (let d = 0; d < n; d++) {
      const v = parent[d] + sigma * rng.normal();
      child[d] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    const f = fit.evaluateVector(child);
    const success = f <= best ? 1 : 0;
    if (success) {
      best = f;
      parent.set(child);
    }
    sigma = Math.min(0.5, Math.max(1e-6, sigma * Math.exp((success - 0.2) / damp)));
  }
}

/** (1+1)-ES as an Optimizer. */
export const onePlusOneOptimizer: Optimizer = {
  name: "oneplusone",
  family: "black-box",
  description: "(1+1)-ES with the 1/5 success rule on the 2J view",
  optimize: (p, b, s): OptimizeResult => onePlusOne(p, b, s),
};
