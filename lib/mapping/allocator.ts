/**
 * M3E's jobs-bandwidth allocator (`post_process`, C-magma.md section 3.3) as an event simulation.
 * The head job of every core runs; when their summed bandwidth request R exceeds the system
 * bandwidth B, each gets request * B / R, so every running job advances at speed min(1, B / R)
 * of its no-stall rate. At each event the core whose job finishes first pops its next job (one core
 * per event; ties finish with a zero-length step). Makespan = time the last core finishes.
 *
 * Work is tracked in no-stall cycles rather than bytes (remaining bytes = remaining cycles x
 * request), which is the same arithmetic and also handles a zero-bandwidth job (it runs at full
 * speed, where M3E's bytes form would divide 0 by 0).
 *
 * `MakespanEvaluator` is the optimizers' hot path: all buffers are preallocated per problem.
 */
import type { Genome } from "./genome.ts";
import type { Problem } from "./problem.ts";

/** Receives the simulation's events (used by trace.ts; the hot path passes none). */
export interface AllocatorRecorder {
  /** Interval [t0, t1) during which `job[c]` runs on core c with `allocBytesPerCycle[c]`. */
  interval(t0: number, t1: number, job: Int32Array, allocBytesPerCycle: Float64Array): void;
}

/** Decodes genomes and runs the allocator with preallocated buffers; one instance per problem. */
export class MakespanEvaluator {
  /** Per-core finish time of the last evaluation, cycles (0 for an idle core). */
  readonly finishCycles: Float64Array;
  private readonly n: number;
  private readonly jobs: number;
  private readonly lat: Float64Array;
  private readonly bw: Float64Array;
  private readonly sysBw: number;
  private readonly start: Int32Array;
  private readonly ptr: Int32Array;
  private readonly order: Int32Array;
  private readonly running: Int32Array;
  private readonly rem: Float64Array;
  private readonly req: Float64Array;
  private readonly alloc: Float64Array;

  constructor(problem: Problem) {
    const t = problem.table;
    this.n = t.cores;
    this.jobs = t.jobs;
    this.lat = t.latencyCycles;
    this.bw = t.bwBytesPerCycle;
    this.sysBw = problem.systemBwBytesPerCycle;
    this.start = new Int32Array(this.n + 1);
    this.ptr = new Int32Array(this.n);
    this.order = new Int32Array(this.jobs);
    this.running = new Int32Array(this.n);
    this.rem = new Float64Array(this.n);
    this.req = new Float64Array(this.n);
    this.alloc = new Float64Array(this.n);
    this.finishCycles = new Float64Array(this.n);
  }

  /** Makespan in cycles of the mapping (`core`, `prio` as in Genome). */
  makespan(core: ArrayLike<number>, prio: ArrayLike<number>, rec?: AllocatorRecorder): number {
    this.decode(core, prio);
    return this.simulate(rec);
  }

  /** Makespan in cycles of a genome. */
  evaluate(g: Genome, rec?: AllocatorRecorder): number {
    return this.makespan(g.core, g.prio, rec);
  }

  /** Jobs of core `c` in run order, as decoded by the last evaluation. */
  queue(c: number): number[] {
    return Array.from(this.order.subarray(this.start[c], this.start[c + 1]));
  }

  /** Bucket jobs by core, then insertion-sort each bucket by priority (ties by job index). */
  private decode(core: ArrayLike<number>, prio: ArrayLike<number>): void {
    const { n, start, ptr, order } = this;
    start.fill(0);
    for (let j = 0; j < this.jobs; j++) {
      const c = core[j];
      if (!(c >= 0 && c < n)) throw new RangeError(`job ${j}: core ${c} not in [0, ${n})`);
      start[c + 1]++;
    }
    for (let c = 0; c < n; c++) start[c + 1] += start[c];
    for (let c = 0; c < n; c++) ptr[c] = start[c];
    for (let j = 0; j < this.jobs; j++) {
      const c = core[j];
      const p = prio[j];
      let k = ptr[c]++;
      while (k > start[c] && prio[order[k - 1]] > p) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = j;
    }
    for (let c = 0; c < n; c++) ptr[c] = start[c];
  }

  /** Load core c's next job; returns false (and records its finish) when its queue is empty. */
  private load(c: number, time: number): boolean {
    const k = this.ptr[c];
    if (k >= this.start[c + 1]) {
      this.running[c] = -1;
      this.rem[c] = Infinity;
      this.req[c] = 0;
      this.finishCycles[c] = time;
      return false;
    }
    const j = this.order[k];
    this.ptr[c] = k + 1;
    this.running[c] = j;
    this.rem[c] = this.lat[j * this.n + c];
    this.req[c] = this.bw[j * this.n + c];
    return true;
  }

  private simulate(rec?: AllocatorRecorder): number {
    const { n, rem, req } = this;
    let active = 0;
    for (let c = 0; c < n; c++) if (this.load(c, 0)) active++;
    let time = 0;
    while (active > 0) {
      let total = 0;
      for (let c = 0; c < n; c++) total += req[c];
      const speed = total > this.sysBw ? this.sysBw / total : 1;
      let best = -1;
      let dt = Infinity;
      for (let c = 0; c < n; c++) {
        if (rem[c] === Infinity) continue;
        const t = req[c] > 0 ? rem[c] / speed : rem[c];
        if (t < dt) {
          dt = t;
          best = c;
        }
      }
      if (rec) this.record(rec, time, dt, speed);
      time += dt;
      for (let c = 0; c < n; c++) {
        if (rem[c] === Infinity) continue;
        const left = rem[c] - dt * (req[c] > 0 ? speed : 1);
        rem[c] = left > 0 ? left : 0;
      }
      if (!this.load(best, time)) active--;
    }
    return time;
  }

  private record(rec: AllocatorRecorder, time: number, dt: number, speed: number): void {
    for (let c = 0; c < this.n; c++) this.alloc[c] = this.req[c] * speed;
    rec.interval(time, time + dt, this.running, this.alloc);
  }
}

/** Makespan in cycles of one genome (convenience; optimizers keep one evaluator instead). */
export function makespanOf(problem: Problem, g: Genome): number {
  return new MakespanEvaluator(problem).evaluate(g);
}
