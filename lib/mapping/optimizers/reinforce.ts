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
 * Replace the logits `weight[0..count)` by exp(logit - max) and return their sum (added left to
 * right). `top` is the first logit equal to `max` (-1 if none): its weight is exp(0) = 1, so its
 * exp is skipped (the slot softmax has 5 actions, the core softmax 4-16, and Math.exp is most of
 * REINFORCE's time). A non-finite max (a diverged policy) still goes through Math.exp.
 */
function softmaxWeights(weight: Float64Array, count: number, max: number, top: number): number {
  if (top < 0) top = count;
  let sum = 0, a = 0;
  for (; a < top; a++) sum += weight[a] = Math.exp(weight[a] - max);
  if (a < count) {
    const d = weight[a] - max;
    sum += weight[a] = d === 0 ? 1 : Math.exp(d);
    a++;
  }
  for (; a < count; a++) sum += weight[a] = Math.exp(weight[a] - max);
  return sum;
}

/**
 * Sample an action from softmax(theta . phi_a) and add its score function phi(a) - E[phi] to
 * `score`. One copy per feature count (SLOT_FEATURES = 4, CORE_FEATURES = 5) with the features
 * unrolled: this is REINFORCE's hot loop. The arithmetic is the plain loops' in the same order
 * (logit = ((0 + t0 x0) + t1 x1) + ..., score element -= p_a x_a for a = 0, 1, ..., then += x_pick),
 * so the samples and updates are bit-identical to them.
 */
function sampleSlot(
  theta: Float64Array,
  phi: Float64Array,
  count: number,
  weight: Float64Array,
  score: Float64Array,
  out: number,
  rng: Rng,
): number {
  const t0 = theta[0], t1 = theta[1], t2 = theta[2], t3 = theta[3];
  let max = -Infinity, top = -1;
  for (let a = 0, i = 0; a < count; a++, i += 4) {
    let z = 0;
    z += t0 * phi[i];
    z += t1 * phi[i + 1];
    z += t2 * phi[i + 2];
    z += t3 * phi[i + 3];
    weight[a] = z;
    if (z > max) (max = z), (top = a);
  }
  const sum = softmaxWeights(weight, count, max, top);
  let r = rng.next() * sum, pick = count - 1;
  let s0 = score[out], s1 = score[out + 1], s2 = score[out + 2], s3 = score[out + 3];
  for (let a = 0, i = 0; a < count; a++, i += 4) {
    if (r >= 0 && (r -= weight[a]) < 0) pick = a;
    const p = weight[a] / sum;
    s0 -= p * phi[i];
    s1 -= p * phi[i + 1];
    s2 -= p * phi[i + 2];
    s3 -= p * phi[i + 3];
  }
  const k = pick * 4;
  score[out] = s0 + phi[k];
  score[out + 1] = s1 + phi[k + 1];
  score[out + 2] = s2 + phi[k + 2];
  score[out + 3] = s3 + phi[k + 3];
  return pick;
}

/** sampleSlot for the CORE_FEATURES = 5 core features (parameters theta[4..8]). */
function sampleCore(
  theta: Float64Array,
  phi: Float64Array,
  count: number,
  weight: Float64Array,
  score: Float64Array,
  out: number,
  rng: Rng,
): number {
  const t0 = theta[4], t1 = theta[5], t2 = theta[6], t3 = theta[7], t4 = theta[8];
  let max = -Infinity, top = -1;
  for (let a = 0, i = 0; a < count; a++, i += 5) {
    let z = 0;
    z += t0 * phi[i];
    z += t1 * phi[i + 1];
    z += t2 * phi[i + 2];
    z += t3 * phi[i + 3];
    z += t4 * phi[i + 4];
    weight[a] = z;
    if (z > max) (max = z), (top = a);
  }
  const sum = softmaxWeights(weight, count, max, top);
  let r = rng.next() * sum, pick = count - 1;
  let s0 = score[out], s1 = score[out + 1], s2 = score[out + 2], s3 = score[out + 3];
  let s4 = score[out + 4];
  for (let a = 0, i = 0; a < count; a++, i += 5) {
    if (r >= 0 && (r -= weight[a]) < 0) pick = a;
    const p = weight[a] / sum;
    s0 -= p * phi[i];
    s1 -= p * phi[i + 1];
    s2 -= p * phi[i + 2];
    s3 -= p * phi[i + 3];
    s4 -= p * phi[i + 4];
  }
  const k = pick * 5;
  score[out] = s0 + phi[k];
  score[out + 1] = s1 + phi[k + 1];
  score[out + 2] = s2 + phi[k + 2];
  score[out + 3] = s3 + phi[k + 3];
  score[out + 4] = s4 + phi[k + 4];
  return pick;
}

if (SLOT_FEATURES !== 4 || CORE_FEATURES !== 5) {
  throw new Error(
    "reinforce.ts: sampleSlot/sampleCore are unrolled for 4 slot and 5 core features",
  );
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
      const s = sampleSlot(theta, phiS, slots, weight, score, t * P, rng);
      const n = env.observeCores(s, phiC);
      const c = sampleCore(theta, phiC, n, weight, score, t * P + SLOT_FEATURES, rng);
      this.rewards[t] = env.step(s, c);
    }
  }

  /** Add the terminal reward, then one policy-gradient step (episode number `ep` from 0). */
  learn(terminalReward: number, ep: number): void {
    const { jobs: J, rewards, baseline, spread, grad, score, bRate } = this;
    rewards[J - 1] += terminalReward;
    // The gradient's P = 9 sums in locals (the same additions in the same order as grad[f] +=).
    let g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0, g8 = 0;
    let ret = 0;
    for (let t = J - 1; t >= 0; t--) {
      ret += rewards[t];
      if (ep === 0) (baseline[t] = ret), (spread[t] = Math.abs(ret));
      const adv = ret - baseline[t];
      baseline[t] += bRate * (ret - baseline[t]);
      spread[t] += bRate * (Math.abs(adv) - spread[t]);
      const norm = adv / (spread[t] + 1e-12) / J;
      const i = t * P;
      g0 += norm * score[i];
      g1 += norm * score[i + 1];
      g2 += norm * score[i + 2];
      g3 += norm * score[i + 3];
      g4 += norm * score[i + 4];
      g5 += norm * score[i + 5];
      g6 += norm * score[i + 6];
      g7 += norm * score[i + 7];
      g8 += norm * score[i + 8];
    }
    grad.set([g0, g1, g2, g3, g4, g5, g6, g7, g8]);
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
