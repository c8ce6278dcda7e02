/**
 * M3E's reinforcement-learning environment (`scheuler_rl_AB.py`, C-magma.md section 7): jobs
 * arrive in group order; the agent sees a window of the next 5 pending jobs and picks (window slot,
 * core); the job joins that core's queue (priority = step / J). Step reward = -(accumulated no-stall
 * latency of the chosen core); the terminal reward adds -makespan from the bandwidth allocator.
 *
 * Deviation, for speed on this machine: instead of M3E's flat z-normalised observation fed to a
 * 128-128-128 MLP, each (slot, core) action is described by FEATURES numbers and the policy is
 * linear in them (reinforce.ts). Rewards are divided by L = sum of fastest-core latencies / N
 * (step rewards also by J) so returns are O(1) for every job group.
 */
import type { Problem } from "../problem.ts";

/** Pending jobs visible to the agent. */
export const WINDOW = 5;
/** Numbers describing one (slot, core) action. */
export const FEATURES = 7;

/** The window-of-5 environment with preallocated state. */
export class WindowEnv {
  readonly jobs: number;
  readonly cores: number;
  readonly core: Int32Array;
  readonly prio: Float64Array;
  /** Jobs placed so far. */
  steps = 0;
  private readonly lat: Float64Array;
  private readonly bw: Float64Array;
  private readonly minLat: Float64Array;
  /** Load-independent features per (job, core): slowdown, size, bandwidth pressure. */
  private readonly fixed: Float64Array;
  private readonly load: Float64Array;
  private readonly pending: Int32Array;
  private readonly scale: number;
  private readonly share: number;

  constructor(problem: Problem) {
    const t = problem.table;
    this.jobs = t.jobs;
    this.cores = t.cores;
    this.lat = t.latencyCycles;
    this.bw = t.bwBytesPerCycle;
    this.core = new Int32Array(t.jobs);
    this.prio = new Float64Array(t.jobs);
    this.load = new Float64Array(t.cores);
    this.pending = new Int32Array(t.jobs);
    this.minLat = new Float64Array(t.jobs);
    let sum = 0;
    for (let j = 0; j < t.jobs; j++) {
      let m = Infinity;
      for (let c = 0; c < t.cores; c++) m = Math.min(m, this.lat[j * t.cores + c]);
      this.minLat[j] = m;
      sum += m;
    }
    this.scale = sum / t.cores;
    this.share = problem.systemBwBytesPerCycle / t.cores;
    this.fixed = new Float64Array(t.jobs * t.cores * 3);
    for (let i = 0; i < t.jobs * t.cores; i++) {
      const l = this.lat[i];
      this.fixed[3 * i] = Math.log(l / this.minLat[Math.floor(i / t.cores)]) / 5;
      this.fixed[3 * i + 1] = Math.log1p(l / this.scale);
      const r = Math.log2(this.bw[i] / this.share + 1e-9);
      this.fixed[3 * i + 2] = Math.max(-10, Math.min(10, r)) / 10;
    }
  }

  /** Start an episode. */
  reset(): void {
    this.steps = 0;
    this.load.fill(0);
    for (let j = 0; j < this.jobs; j++) this.pending[j] = j;
  }

  /** Whether every job is placed. */
  get done(): boolean {
    return this.steps >= this.jobs;
  }

  /** Write the features of every valid action (a = slot * cores + core) into `phi`; returns the count. */
  observe(phi: Float64Array): number {
    const n = this.cores;
    const slots = Math.min(WINDOW, this.jobs - this.steps);
    let maxLoad = 0;
    for (let c = 0; c < n; c++) maxLoad = Math.max(maxLoad, this.load[c]);
    for (let s = 0; s < slots; s++) {
      const j = this.pending[this.steps + s];
      for (let c = 0; c < n; c++) {
        const i = j * n + c;
        const f = (s * n + c) * FEATURES;
        phi[f] = 1;
        phi[f + 1] = this.fixed[3 * i];
        phi[f + 2] = Math.min(4, (this.load[c] + this.lat[i]) / this.scale);
        phi[f + 3] = Math.max(-4, (this.load[c] - maxLoad) / this.scale);
        phi[f + 4] = this.fixed[3 * i + 1];
        phi[f + 5] = this.fixed[3 * i + 2];
        phi[f + 6] = s / (WINDOW - 1);
      }
    }
    return slots * n;
  }

  /** Place the job of action `a`; returns the step reward. */
  step(a: number): number {
    const n = this.cores;
    const slot = Math.floor(a / n), c = a % n;
    const pos = this.steps + slot;
    const j = this.pending[pos];
    // Remove the job from the pending list, keeping the others in arrival order.
    for (let k = pos; k > this.steps; k--) this.pending[k] = this.pending[k - 1];
    this.pending[this.steps] = j;
    this.core[j] = c;
    this.prio[j] = this.steps / this.jobs;
    this.load[c] += this.lat[j * n + c];
    this.steps++;
    return -this.load[c] / (this.scale * this.jobs);
  }

  /** Terminal reward for a finished episode whose allocator makespan is `makespanCycles`. */
  terminal(makespanCycles: number): number {
    return -makespanCycles / this.scale;
  }
}
