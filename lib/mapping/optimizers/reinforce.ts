/**
 * REINFORCE (Williams 1992) over the window-of-5 environment (rl-env.ts). The policy picks a
 * window slot, then a core for that slot's job, each from a softmax linear in the environment's
 * features (parameters: SLOT_FEATURES + CORE_FEATURES numbers). Undiscounted returns-to-go, a
 * per-step moving-average baseline (advantages divided by a moving mean |advantage|), one Adam
 * update per episode (lr 0.02, betas 0.9 / 0.999). One episode = one mapping = one sample, so the
 * budget is the number of episodes. Plain typed arrays, no ML library.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import { Fitness } from "./fitness.ts";
import { CORE_FEATURES, SLOT_FEATURES, WINDOW, WindowEnv } from "./rl-env.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Options of REINFORCE. */
export interface ReinforceOptions {
  /** Adam learning rate (default 0.02). */
  learningRate?: number;
  /** Baseline moving-average rate (default 0.05). */
  baselineRate?: number;
}

const P = SLOT_FEATURES + CORE_FEATURES;

/**
 * Sample from softmax(theta[off..] . phi_a) over `count` actions of `nf` features, and add the
 * score phi(a) - E[phi] to `score` at `out`; returns the action.
 */
function sampleAndScore(
  theta: Float64Array,
  off: number,
  nf: number,
  phi: Float64Array,
  count: number,
  weight: Float64Array,
  score: Float64Array,
  out: number,
  rng: Rng,
): number {
  let max = -Infinity;
  for (let a = 0; a < count; a++) {
    let z = 0;
    for (let f = 0; f < nf; f++) z += theta[off + f] * phi[a * nf + f];
    weight[a] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let a = 0; a < count; a++) sum += weight[a] = Math.exp(weight[a] - max);
  let r = rng.next() * sum, pick = count - 1;
  for (let a = 0; a < count; a++) {
    if (r >= 0 && (r -= weight[a]) < 0) pick = a;
    const p = weight[a] / sum;
    for (let f = 0; f < nf; f++) score[out + f] -= p * phi[a * nf + f];
  }
  for (let f = 0; f < nf; f++) score[out + f] += phi[pick * nf + f];
  return pick;
}

/** The linear policy, its Adam state and the buffers of one episode. */
class Agent {
  readonly theta = new Float64Array(P);
  private readonly adamM = new Float64Array(P);
  private readonly adamV = new Float64Array(P);
  private readonly grad = new Float64Array(P);
  private readonly phiS = new Float64Array(WINDOW * SLOT_FEATURES);
  private readonly phiC: Float64Array;
  private readonly weight: Float64Array;
  private readonly score: Float64Array;
  private readonly rewards: Float64Array;
  private readonly baseline: Float64Array;
  private readonly spread: Float64Array;

  constructor(readonly jobs: number, cores: number, readonly lr: number, readonly bRate: number) {
    this.phiC = new Float64Array(cores * CORE_FEATURES);
    this.weight = new Float64Array(Math.max(WINDOW, cores));
    this.score = new Float64Array(jobs * P);
    this.rewards = new Float64Array(jobs);
    this.baseline = new Float64Array(jobs);
    this.spread = new Float64Array(jobs);
  }

  /** Play one episode (placing every job), recording rewards and score functions. */
  rollout(env: WindowEnv, rng: Rng): void {
    const { theta, phiS, phiC, weight, score } = this;
    env.reset();
    score.fill(0);
    for (let t = 0; !env.done; t++) {
      const slots = env.observeSlots(phiS);
      const s = sampleAndScore(theta, 0, SLOT_FEATURES, phiS, slots, weight, score, t * P, rng);
      const n = env.observeCores(s, phiC);
      const at = t * P + SLOT_FEATURES;
      const c = sampleAndScore(
        theta,
        SLOT_FEATURES,
        CORE_FEATURES,
        phiC,
        n,
        weight,
        score,
        at,
        rng,
      );
      this.rewards[t] = env.step(s, c);
    }
  }

  /** Add the terminal reward, then one policy-gradient step (episode number `ep` from 0). */
  learn(terminalReward: number, ep: number): void {
    const { jobs: J, rewards, baseline, spread, grad, score, bRate } = this;
    rewards[J - 1] += terminalReward;
    grad.fill(0);
    let ret = 0;
    for (let t = J - 1; t >= 0; t--) {
      ret += rewards[t];
      if (ep === 0) (baseline[t] = ret), (spread[t] = Math.abs(ret));
      const adv = ret - baseline[t];
      baseline[t] += bRate * (ret - baseline[t]);
      spread[t] += bRate * (Math.abs(adv) - spread[t]);
      const norm = adv / (spread[t] + 1e-12) / J;
      for (let f = 0; f < P; f++) grad[f] += norm * score[t * P + f];
    }
    adamStep(this.theta, grad, this.adamM, this.adamV, ep + 1, this.lr);
  }
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
  const agent = new Agent(
    fit.jobs,
    fit.cores,
    opts.learningRate ?? 0.02,
    opts.baselineRate ?? 0.05,
  );
  for (let ep = 0; fit.remaining > 0; ep++) {
    agent.rollout(env, rng);
    agent.learn(env.terminal(fit.evaluate(env.core, env.prio)), ep);
  }
  return fit.result("reinforce");
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
  description: "REINFORCE, linear softmax policy: window slot, then core (window-of-5 env)",
  optimize: (p, b, s): OptimizeResult => reinforce(p, b, s),
};
