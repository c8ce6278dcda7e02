/**
 * REINFORCE (Williams 1992) over the window-of-5 environment (rl-env.ts): a softmax policy linear
 * in the action features, undiscounted returns-to-go, a per-step moving-average baseline (advantages divided by a moving mean |advantage|), one Adam
 * update per episode (lr 0.02, betas 0.9 / 0.999). One episode = one mapping = one sample, so the
 * budget is the number of episodes. Plain typed arrays, no ML library.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../random.ts";
import { Fitness } from "./fitness.ts";
import { FEATURES, WINDOW, WindowEnv } from "./rl-env.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Options of REINFORCE. */
export interface ReinforceOptions {
  /** Adam learning rate (default 0.02). */
  learningRate?: number;
  /** Baseline moving-average rate (default 0.05). */
  baselineRate?: number;
}

/** Run REINFORCE for exactly `budget` episodes (samples). */
export function reinforce(
  problem: Problem,
  budget: number,
  seed: number,
  opts: ReinforceOptions = {},
): OptimizeResult {
  const fit = new Fitness(problem, budget);
  const rng = new Rng(seed);
  const env = new WindowEnv(problem);
  const J = fit.jobs, A = WINDOW * fit.cores;
  const theta = new Float64Array(FEATURES), adamM = new Float64Array(FEATURES);
  const adamV = new Float64Array(FEATURES), grad = new Float64Array(FEATURES);
  const phi = new Float64Array(A * FEATURES), prob = new Float64Array(A);
  const score = new Float64Array(J * FEATURES), rewards = new Float64Array(J);
  const baseline = new Float64Array(J), spread = new Float64Array(J);
  const lr = opts.learningRate ?? 0.02, bRate = opts.baselineRate ?? 0.05;
  for (let ep = 0; fit.remaining > 0; ep++) {
    env.reset();
    for (let t = 0; !env.done; t++) {
      const count = env.observe(phi);
      const a = sampleAction(theta, phi, prob, count, rng);
      // Score function: phi(a) - E_pi[phi].
      for (let f = 0; f < FEATURES; f++) {
        let mean = 0;
        for (let b = 0; b < count; b++) mean += prob[b] * phi[b * FEATURES + f];
        score[t * FEATURES + f] = phi[a * FEATURES + f] - mean;
      }
      rewards[t] = env.step(a);
    }
    rewards[J - 1] += env.terminal(fit.evaluate(env.core, env.prio));
    grad.fill(0);
    let ret = 0;
    for (let t = J - 1; t >= 0; t--) {
      ret += rewards[t];
      if (ep === 0) {
        baseline[t] = ret;
        spread[t] = Math.abs(ret);
      }
      const adv = ret - baseline[t];
      baseline[t] += bRate * (ret - baseline[t]);
      spread[t] += bRate * (Math.abs(adv) - spread[t]);
      const norm = adv / (spread[t] + 1e-12);
      for (let f = 0; f < FEATURES; f++) grad[f] += (norm * score[t * FEATURES + f]) / J;
    }
    adamStep(theta, grad, adamM, adamV, ep + 1, lr);
  }
  return fit.result("reinforce");
}

function sampleAction(
  theta: Float64Array,
  phi: Float64Array,
  prob: Float64Array,
  count: number,
  rng: { next(): number },
) {
  let max = -Infinity;
  for (let a = 0; a < count; a++) {
    let z = 0;
    for (let f = 0; f < FEATURES; f++) z += theta[f] * phi[a * FEATURES + f];
    prob[a] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let a = 0; a < count; a++) {
    prob[a] = Math.exp(prob[a] - max);
    sum += prob[a];
  }
  for (let a = 0; a < count; a++) prob[a] /= sum;
  let r = rng.next();
  for (let a = 0; a < count - 1; a++) {
    r -= prob[a];
    if (r < 0) return a;
  }
  return count - 1;
}

/** Gradient ascent with Adam on `theta`. */
function adamStep(
  theta: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  t: number,
  lr: number,
) {
  const b1 = 0.9, b2 = 0.999;
  for (let i = 0; i < theta.length; i++) {
    m[i] = b1 * m[i] + (1 - b1) * g[i];
    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
    const mh = m[i] / (1 - b1 ** t), vh = v[i] / (1 - b2 ** t);
    theta[i] += (lr * mh) / (Math.sqrt(vh) + 1e-8);
  }
}

/** REINFORCE as an Optimizer. */
export const reinforceOptimizer: Optimizer = {
  name: "reinforce",
  family: "rl",
  description: "REINFORCE, linear softmax policy over window-of-5 (slot, core) features",
  optimize: (p, b, s): OptimizeResult => reinforce(p, b, s),
};
