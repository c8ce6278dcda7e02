/**
 * sep-CMA-ES (Ros & Hansen 2008): CMA-ES with a diagonal covariance, O(n) per sample, on
 * x in [0, 1]^(2J). Default strategy parameters of Hansen's CMA-ES tutorial (2016), with the
 * rank-one and rank-mu learning rates scaled by (n + 2) / 3 as sep-CMA prescribes. Initial mean
 * uniform in the box, initial step 0.3. Samples are clipped to the box and the clipped point is
 * what the update sees. A full-covariance CMA (O(n^2) per sample, n = 200) was not used: it would
 * dominate the study's run time for no claim the study makes.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import { Fitness, type VectorObjective } from "./fitness.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Options of sep-CMA-ES. */
export interface CmaOptions {
  /** Initial step size in box units (default 0.3). */
  sigma0?: number;
  /** Offspring per generation (default 4 + floor(3 ln n)). */
  lambda?: number;
}

function strategy(n: number, lambda: number) {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: mu }, (_, i) => Math.log(mu + 0.5) - Math.log(i + 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  const w = Float64Array.from(raw, (x) => x / sum);
  const muEff = 1 / w.reduce((a, b) => a + b * b, 0);
  const cs = (muEff + 2) / (n + muEff + 5);
  const ds = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cs;
  const cc = (4 + muEff / n) / (n + 4 + (2 * muEff) / n);
  const c1 = (2 / ((n + 1.3) ** 2 + muEff)) * ((n + 2) / 3);
  const cmu = Math.min(
    1 - c1,
    ((2 * (muEff - 2 + 1 / muEff)) / ((n + 2) ** 2 + muEff)) * ((n + 2) / 3),
  );
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  return { mu, w, muEff, cs, ds, cc, c1, cmu, chiN };
}

/** The search distribution and its evolution paths (diagonal covariance `diag`). */
interface CmaState {
  n: number;
  s: ReturnType<typeof strategy>;
  sigma: number;
  mean: Float64Array;
  diag: Float64Array;
  ps: Float64Array;
  pc: Float64Array;
  yw: Float64Array;
  xs: Float64Array;
  vals: Float64Array;
  idx: number[];
}

/** Draw and evaluate `count` clipped samples into st.xs / st.vals. */
function sampleGeneration(st: CmaState, fit: VectorObjective, rng: Rng, count: number): void {
  const { n, mean, diag } = st;
  for (let k = 0; k < count; k++) {
    const x = st.xs.subarray(k * n, (k + 1) * n);
    for (let d = 0; d < n; d++) {
      const v = mean[d] + st.sigma * Math.sqrt(diag[d]) * rng.normal();
      x[d] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    st.vals[k] = fit.evaluateVector(x);
  }
}

/** Recombination, path updates, rank-one + rank-mu diagonal update, step-size control. */
function updateDistribution(st: CmaState, gen: number): void {
  const { n, s, mean, diag, ps, pc, yw, xs, vals, idx, sigma } = st;
  idx.sort((a, b) => vals[a] - vals[b] || a - b);
  yw.fill(0);
  for (let i = 0; i < s.mu; i++) {
    const off = idx[i] * n;
    for (let d = 0; d < n; d++) yw[d] += (s.w[i] * (xs[off + d] - mean[d])) / sigma;
  }
  let psNorm2 = 0;
  const csf = Math.sqrt(s.cs * (2 - s.cs) * s.muEff);
  for (let d = 0; d < n; d++) {
    mean[d] += sigma * yw[d];
    ps[d] = (1 - s.cs) * ps[d] + (csf * yw[d]) / Math.sqrt(diag[d]);
    psNorm2 += ps[d] * ps[d];
  }
  const psNorm = Math.sqrt(psNorm2);
  const hs = psNorm / Math.sqrt(1 - (1 - s.cs) ** (2 * gen)) < (1.4 + 2 / (n + 1)) * s.chiN;
  const ccf = Math.sqrt(s.cc * (2 - s.cc) * s.muEff);
  for (let d = 0; d < n; d++) {
    pc[d] = (1 - s.cc) * pc[d] + (hs ? ccf * yw[d] : 0);
    let rankMu = 0;
    for (let i = 0; i < s.mu; i++) {
      const y = (xs[idx[i] * n + d] - mean[d] + sigma * yw[d]) / sigma;
      rankMu += s.w[i] * y * y;
    }
    const drift = hs ? 0 : s.cc * (2 - s.cc) * diag[d];
    diag[d] = (1 - s.c1 - s.cmu) * diag[d] + s.c1 * (pc[d] * pc[d] + drift) + s.cmu * rankMu;
  }
  const next = sigma * Math.exp((s.cs / s.ds) * (psNorm / s.chiN - 1));
  // Keep sigma <= 1 (box units) by moving the excess into the covariance and rescaling pc: the
  // search distribution is the one an uncapped sigma gives. Clipping sigma alone let diag shrink
  // with nothing to compensate, and the search froze (10-D Rosenbrock stalled at f ~ 2).
  if (next > 1) {
    for (let d = 0; d < n; d++) {
      diag[d] *= next * next;
      pc[d] *= next;
    }
  }
  st.sigma = Math.min(1, next);
}

/** Run sep-CMA-ES for exactly `budget` samples. */
export function cmaes(problem: Problem, budget: number, seed: number, opts: CmaOptions = {}) {
  const fit = new Fitness(problem, budget);
  cmaesSearch(fit, 2 * fit.jobs, new Rng(seed), opts);
  return fit.result("cmaes");
}

/** sep-CMA-ES minimising `fit` on [0, 1]^n until its samples run out (also on test functions). */
export function cmaesSearch(fit: VectorObjective, n: number, rng: Rng, opts: CmaOptions = {}) {
  const lambda = opts.lambda ?? 4 + Math.floor(3 * Math.log(n));
  const st: CmaState = {
    n,
    s: strategy(n, lambda),
    sigma: opts.sigma0 ?? 0.3,
    mean: Float64Array.from({ length: n }, () => rng.next()),
    diag: new Float64Array(n).fill(1),
    ps: new Float64Array(n),
    pc: new Float64Array(n),
    yw: new Float64Array(n),
    xs: new Float64Array(lambda * n),
    vals: new Float64Array(lambda),
    idx: Array.from({ length: lambda }, (_, i) => i),
  };
  for (let gen = 1; fit.remaining > 0; gen++) {
    const count = Math.min(lambda, fit.remaining);
    sampleGeneration(st, fit, rng, count);
    if (count === lambda) updateDistribution(st, gen);
  }
}

/** sep-CMA-ES as an Optimizer. */
export const cmaesOptimizer: Optimizer = {
  name: "cmaes",
  family: "black-box",
  description: "sep-CMA-ES (diagonal covariance, Hansen's default parameters) on the 2J view",
  optimize: (p, b, s): OptimizeResult => cmaes(p, b, s),
};
