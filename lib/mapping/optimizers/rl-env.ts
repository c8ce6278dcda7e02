/**
 * M3E's reinforcement-learning environment (`scheuler_rl_AB.py`, C-magma.md section 7): jobs
 * arrive in group order; the agent sees a window of the next 5 pending jobs and picks a window
 * slot and a core (M3E's MultiDiscrete([window, cores]) action); the job joins that core's queue
 * (priority = step / J). Step reward = -(accumulated no-stall latency of the chosen core); the
 * terminal reward adds -makespan from the bandwidth allocator.
 *
 * Deviation, for speed on this machine: instead of M3E's flat z-normalised observation fed to a
 * 128-128-128 MLP, the environment describes each slot by SLOT_FEATURES numbers and each core,
 * given the chosen slot's job, by CORE_FEATURES numbers; the policy (reinforce.ts) is linear in
 * them. Rewards are divided by L = sum of fastest-core latencies / N (step rewards also by J), so
 * returns are O(1) for every job group. A constant feature would cancel in a softmax: none.
 */
import type { Problem } from "../problem.ts";

/** Pending jobs visible to the agent. */
export const WINDOW = 5;
/** Per slot: job size, its fastest core's bandwidth pressure, spread of its core latencies, position. */
export const SLOT_FEATURES = 4;
/** Per core for a job: slowdown, finish load if placed, load minus the largest, size, bandwidth pressure. */
export const CORE_FEATURES = 5;

/** The window-of-5 environment with preallocated state. */
export class WindowEnv {
  readonly jobs: number;
  readonly cores: number;
  readonly core: Int32Array;
  readonly prio: Float64Array;
  /** Jobs placed so far. */
  steps = 0;
  private readonly lat: Float64Array;
  /** Load-independent features per (job, core): slowdown, size, bandwidth pressure. */
  private readonly fixed: Float64Array;
  /** Load-independent features per job (SLOT_FEATURES - 1 of them; the position is added). */
  private readonly jobFixed: Float64Array;
  private readonly load: Float64Array;
  /** Largest core load; loads only grow, so step() keeps it (same value as a fresh maximum). */
  private maxLoad = 0;
  private readonly pending: Int32Array;
  private readonly scale: number;

  constructor(problem: Problem) {
    const t = problem.table, n = t.cores;
    this.jobs = t.jobs;
    this.cores = n;
    this.lat = t.latencyCycles;
    this.core = new Int32Array(t.jobs);
    this.prio = new Float64Array(t.jobs);
    this.load = new Float64Array(n);
    this.pending = new Int32Array(t.jobs);
    const minLat = new Float64Array(t.jobs), maxLat = new Float64Array(t.jobs);
    const fastest = new Int32Array(t.jobs);
    for (let j = 0; j < t.jobs; j++) {
      minLat[j] = Infinity;
      for (let c = 0; c < n; c++) {
        const l = this.lat[j * n + c];
        if (l < minLat[j]) (minLat[j] = l), (fastest[j] = c);
        maxLat[j] = Math.max(maxLat[j], l);
      }
    }
    this.scale = minLat.reduce((a, b) => a + b, 0) / n;
    const share = problem.systemBwBytesPerCycle / n;
    const pressure = (i: number) =>
      Math.max(-10, Math.min(10, Math.log2(t.bwBytesPerCycle[i] / share + 1e-9))) / 10;
    this.fixed = new Float64Array(t.jobs * n * 3);
    for (let i = 0; i < t.jobs * n; i++) {
      this.fixed[3 * i] = Math.log(this.lat[i] / minLat[Math.floor(i / n)]) / 5;
      this.fixed[3 * i + 1] = Math.log1p(this.lat[i] / this.scale);
      this.fixed[3 * i + 2] = pressure(i);
    }
    this.jobFixed = new Float64Array(t.jobs * 3);
    for (let j = 0; j < t.jobs; j++) {
      this.jobFixed[3 * j] = Math.log1p(minLat[j] / this.scale);
      this.jobFixed[3 * j + 1] = pressure(j * n + fastest[j]);
      this.jobFixed[3 * j + 2] = Math.log(maxLat[j] / minLat[j]) / 5;
    }
  }

  /** Start an episode. */
  reset(): void {
    this.steps = 0;
    this.load.fill(0);
    this.maxLoad = 0;
    for (let j = 0; j < this.jobs; j++) this.pending[j] = j;
  }

  /** Whether every job is placed. */
  get done(): boolean {
    return this.steps >= this.jobs;
  }

  /** Write the features of every window slot into `phi`; returns the number of slots. */
  observeSlots(phi: Float64Array): number {
    const slots = Math.min(WINDOW, this.jobs - this.steps);
    for (let s = 0; s < slots; s++) {
      const j = this.pending[this.steps + s], f = s * SLOT_FEATURES;
      phi[f] = this.jobFixed[3 * j];
      phi[f + 1] = this.jobFixed[3 * j + 1];
      phi[f + 2] = this.jobFixed[3 * j + 2];
      phi[f + 3] = s / (WINDOW - 1);
    }
    return slots;
  }

  /** Write the features of every core for the job in window slot `slot` into `phi`. */
  observeCores(slot: number, phi: Float64Array): number {
    const { cores: n, load, lat, fixed, scale, maxLoad } = this;
    const j = this.pending[this.steps + slot];
    for (let c = 0, i = j * n, f = 0; c < n; c++, i++, f += CORE_FEATURES) {
      phi[f] = fixed[3 * i];
      phi[f + 1] = Math.min(4, (load[c] + lat[i]) / scale);
      phi[f + 2] = Math.max(-4, (load[c] - maxLoad) / scale);
      phi[f + 3] = fixed[3 * i + 1];
      phi[f + 4] = fixed[3 * i + 2];
    }
    return n;
  }

  /** Place the job of window slot `slot` on core `c`; returns the step reward. */
  step(slot: number, c: number): number {
    const n = this.cores;
    const pos = this.steps + slot;
    const j = this.pending[pos];
    // Remove the job from the pending list, keeping the others in arrival order.
    for (let k = pos; k > this.steps; k--) this.pending[k] = this.pending[k - 1];
    this.pending[this.steps] = j;
    this.core[j] = c;
    this.prio[j] = this.steps / this.jobs;
    this.load[c] += this.lat[j * n + c];
    this.maxLoad = Math.max(this.maxLoad, this.load[c]);
    this.steps++;
    return -this.load[c] / (this.scale * this.jobs);
  }

  /** Terminal reward for a finished episode whose allocator makespan is `makespanCycles`. */
  terminal(makespanCycles: number): number {
    return -makespanCycles / this.scale;
  }
}
