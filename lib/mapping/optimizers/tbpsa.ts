/**
 * TBPSA-like: a (mu/mu, lambda)-ES with self-adaptive (log-normal) step sizes, whose population
 * grows when progress stalls, in the spirit of nevergrad's test-based population-size adaptation
 * (which doubles the population when a statistical test says the mean no longer improves). Here
 * the test is simple: if the mean makespan of the last generation is not below that of the
 * generation `window` earlier, lambda doubles (up to budget / 10). mu = lambda / 4,
 * tau = 1 / sqrt(n). Initial lambda 4 + floor(3 ln n), step 0.2, mean uniform in the box.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import { Fitness, type VectorObjective } from "./fitness.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** One generation: `count` self-adapted steps and clipped samples around `mean`, evaluated. */
function generation(
  fit: VectorObjective,
  rng: Rng,
  mean: Float64Array,
  sigma: number,
  count: number,
  xs: Float64Array,
) {
  const n = mean.length, tau = 1 / Math.sqrt(n);
  const sig = new Float64Array(count), vals = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    sig[k] = sigma * Math.exp(tau * rng.normal());
    const x = xs.subarray(k * n, (k + 1) * n);
    for (let d = 0; d < n; d++) {
      const v = mean[d] + sig[k] * rng.normal();
      x[d] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    vals[k] = fit.evaluateVector(x);
  }
  return { sig, vals };
}

/** Move `mean` to the average of the best `mu` samples; returns their geometric-mean step. */
function recombine(
  mean: Float64Array,
  xs: Float64Array,
  sig: Float64Array,
  vals: Float64Array,
  mu: number,
) {
  const n = mean.length;
  const idx = Array.from({ length: vals.length }, (_, i) => i).sort((a, b) =>
    vals[a] - vals[b] || a - b
  );
  mean.fill(0);
  let logSig = 0;
  for (let i = 0; i < mu; i++) {
    const off = idx[i] * n;
    for (let d = 0; d < n; d++) mean[d] += xs[off + d] / mu;
    logSig += Math.log(sig[idx[i]]) / mu;
  }
  return Math.exp(logSig);
}

/** Run the TBPSA-like ES for exactly `budget` samples; `window` generations for the stall test. */
export function tbpsa(problem: Problem, budget: number, seed: number, window = 5) {
  const fit = new Fitness(problem, budget);
  tbpsaSearch(fit, 2 * fit.jobs, new Rng(seed), window);
  return fit.result("tbpsa");
}

/** The TBPSA-like ES minimising `fit` on [0, 1]^n until its samples run out. */
export function tbpsaSearch(fit: VectorObjective, n: number, rng: Rng, window = 5): void {
  const budget = fit.remaining;
  let lambda = 4 + Math.floor(3 * Math.log(n));
  const maxLambda = Math.max(lambda, Math.floor(budget / 10));
  const mean = Float64Array.from({ length: n }, () => rng.next());
  let sigma = 0.2;
  const means: number[] = [];
  let xs = new Float64Array(lambda * n);
  while (fit.remaining > 0) {
    if (xs.length < lambda * n) xs = new Float64Array(lambda * n);
    const count = Math.min(lambda, fit.remaining);
    const { sig, vals } = generation(fit, rng, mean, sigma, count, xs);
    if (count < lambda) break;
    sigma = recombine(mean, xs, sig, vals, Math.max(1, Math.floor(lambda / 4)));
    means.push(vals.reduce((a, b) => a + b, 0) / count);
    const g = means.length - 1;
    if (g >= window && means[g] >= means[g - window] && lambda < maxLambda) {
      lambda = Math.min(maxLambda, 2 * lambda);
      means.length = 0;
    }
  }
}

/** TBPSA-like ES as an Optimizer. */
export const tbpsaOptimizer: Optimizer = {
  name: "tbpsa",
  family: "black-box",
  description: "TBPSA-like (mu/mu,lambda)-ES, self-adaptive step, population doubles on stall",
  optimize: (p, b, s): OptimizeResult => tbpsa(p, b, s),
};
