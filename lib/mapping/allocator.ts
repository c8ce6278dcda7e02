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

/**
 * Decodes genomes and runs the allocator with preallocated buffers; one instance per problem.
 *
 * Speed (the study runs ~55 M evaluations): each core's queue lives in its own fixed slot of
 * `order` (capacity J), so decoding is one pass; the insertion sort compares a copy of the
 * priorities laid out like `order` instead of reading them through the job index; and the
 * simulation does one pass per event over the busy cores (a core leaves the pass when its queue
 * empties: random mappings leave 20-37 % of the core visits idle) that both advances the running
 * jobs and finds the next event. Every floating-point operation is the same, in the same order, as in
 * the plain three-pass loop (sum requests, find the first finisher, advance everyone), so the
 * makespans are identical bit for bit.
 */
export class MakespanEvaluator {
  /** Per-core finish time of the last evaluation, cycles (0 for an idle core). */
  readonly finishCycles: Float64Array;
  private readonly n: number;
  private readonly jobs: number;
  private readonly lat: Float64Array;
  private readonly bw: Float64Array;
  private readonly sysBw: number;
  /** Jobs queued per core by the last decode. */
  private readonly count: Int32Array;
  /** Next queue position per core during the simulation. */
  private readonly ptr: Int32Array;
  /** Core c's queue is order[c * J .. c * J + count[c]). */
  private readonly order: Int32Array;
  /** Sort keys (priorities) beside `sorted`, or beside `order` in decodeAny. */
  private readonly keys: Float64Array;
  /** Counting-sort state of decode: bucket per job, bucket starts, jobs in priority order. */
  private readonly bucket: Int32Array;
  private readonly bstart: Int32Array;
  private readonly sorted: Int32Array;
  private readonly running: Int32Array;
  /** Busy cores in ascending order, and their running jobs' remaining cycles and requests. */
  private readonly core: Int32Array;
  private readonly rem: Float64Array;
  private readonly req: Float64Array;
  private readonly alloc: Float64Array;
  private readonly pre: Float64Array;

  constructor(problem: Problem) {
    const t = problem.table;
    this.n = t.cores;
    this.jobs = t.jobs;
    this.lat = t.latencyCycles;
    this.bw = t.bwBytesPerCycle;
    this.sysBw = problem.systemBwBytesPerCycle;
    this.count = new Int32Array(this.n);
    this.ptr = new Int32Array(this.n);
    this.order = new Int32Array(this.n * this.jobs);
    this.keys = new Float64Array(this.n * this.jobs);
    this.bucket = new Int32Array(this.jobs);
    this.bstart = new Int32Array(2 * this.jobs + 1);
    this.sorted = new Int32Array(this.jobs);
    this.running = new Int32Array(this.n);
    this.core = new Int32Array(this.n);
    this.rem = new Float64Array(this.n);
    this.req = new Float64Array(this.n);
    this.alloc = new Float64Array(this.n);
    this.pre = new Float64Array(this.n + 1);
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
    const base = c * this.jobs;
    return Array.from(this.order.subarray(base, base + this.count[c]));
  }

  /**
   * Fill each core's queue in run order: ascending priority, ties by job index. Priorities in
   * [0, 1] (every optimizer's) go through a stable counting sort on 2J buckets of p (the bucket,
   * trunc(p 2J), is monotone in p), so an insertion pass over the bucketed list only moves jobs
   * within a bucket, and with twice as many buckets as jobs it seldom moves any; then the sorted
   * jobs are dealt to their cores. Any other priority falls back to per-core insertion sorting.
   */
  private decode(core: ArrayLike<number>, prio: ArrayLike<number>): void {
    const { n, jobs: J, count, order, bucket, bstart, sorted, keys } = this;
    const B = 2 * J;
    bstart.fill(0);
    for (let j = 0; j < J; j++) {
      const c = core[j];
      if (!(c >= 0 && c < n)) throw new RangeError(`job ${j}: core ${c} not in [0, ${n})`);
      const p = prio[j];
      if (!(p >= 0 && p <= 1)) return this.decodeAny(core, prio);
      // p B is in [0, B], so truncation is the floor; p = 1 joins the last bucket.
      const t = (p * B) | 0, b = t < B ? t : B - 1;
      bucket[j] = b;
      bstart[b + 1]++;
    }
    for (let b = 0; b < B; b++) bstart[b + 1] += bstart[b];
    for (let j = 0; j < J; j++) {
      const i = bstart[bucket[j]]++;
      sorted[i] = j;
      keys[i] = prio[j];
    }
    for (let i = 1; i < J; i++) {
      const p = keys[i];
      if (!(keys[i - 1] > p)) continue;
      const j = sorted[i];
      let k = i;
      while (k > 0 && keys[k - 1] > p) {
        keys[k] = keys[k - 1];
        sorted[k] = sorted[k - 1];
        k--;
      }
      keys[k] = p;
      sorted[k] = j;
    }
    count.fill(0);
    for (let i = 0; i < J; i++) {
      const j = sorted[i], c = core[j];
      order[c * J + count[c]++] = j;
    }
  }

  /** Per-core insertion sort by priority (ties by job index), for any priority values. */
  private decodeAny(core: ArrayLike<number>, prio: ArrayLike<number>): void {
    const { n, jobs: J, count, order, keys } = this;
    count.fill(0);
    for (let j = 0; j < J; j++) {
      const c = core[j];
      if (!(c >= 0 && c < n)) throw new RangeError(`job ${j}: core ${c} not in [0, ${n})`);
      const p = prio[j];
      const base = c * J;
      let k = base + count[c]++;
      while (k > base && keys[k - 1] > p) {
        keys[k] = keys[k - 1];
        order[k] = order[k - 1];
        k--;
      }
      keys[k] = p;
      order[k] = j;
    }
  }

  /**
   * Event loop over the busy cores, kept in ascending core order at positions 0 .. m - 1 of
   * `core`/`rem`/`req` (a core whose queue empties is removed, so an idle core costs nothing per
   * event). Per event: speed = min(1, B / sum of requests); the next finisher is the first busy
   * core with the smallest remaining time (remaining / speed for a job with a request); every
   * running job advances by dt (times speed if it has a request); the finisher loads its next job.
   * The finisher's own advance is skipped because its load overwrites it, which lets the advance
   * of event k share a pass with the search for event k + 1. Skipping idle cores changes no
   * result: their request 0 adds exactly nothing to the sums, and their remaining time
   * (Infinity) never won the search for the first smallest.
   */
  private simulate(rec?: AllocatorRecorder): number {
    const { n, ptr, pre, sysBw, count, order, lat, bw, running, finishCycles, jobs: J } = this;
    const { core, rem, req } = this;
    let m = 0;
    for (let c = 0; c < n; c++) {
      if (count[c] === 0) {
        running[c] = -1;
        finishCycles[c] = 0;
        continue;
      }
      const j = order[c * J], i = j * n + c;
      ptr[c] = 1;
      running[c] = j;
      core[m] = c;
      rem[m] = lat[i];
      req[m++] = bw[i];
    }
    if (m === 0) return 0;
    // Busy positions whose job requests no bandwidth; when none, the limited pass needs no test.
    let zeros = 0;
    for (let k = 0; k < m; k++) if (!(req[k] > 0)) zeros++;
    let total = 0;
    for (let k = 0; k < m; k++) total += req[k];
    let speed = total > sysBw ? sysBw / total : 1;
    let best = -1;
    let dt = Infinity;
    for (let k = 0; k < m; k++) {
      const r = rem[k];
      const t = req[k] > 0 ? r / speed : r;
      if (t < dt) {
        dt = t;
        best = k;
      }
    }
    // pre[k] = left-to-right sum of req[0..k-1]; an event changes one position, so only the sums
    // from there on are redone (same additions, same order, as summing all of them).
    pre[0] = 0;
    for (let k = 0; k < m; k++) pre[k + 1] = pre[k] + req[k];
    let time = 0;
    for (;;) {
      if (rec) this.record(rec, m, time, dt, speed);
      time += dt;
      const done = best, step = dt, stepBw = dt * speed, c = core[done];
      // The position that skips this event's advance (-1: none, the finisher left the list).
      let fresh = done;
      const k = ptr[c];
      if (k >= count[c]) {
        running[c] = -1;
        finishCycles[c] = time;
        if (--m === 0) return time;
        if (!(req[done] > 0)) zeros--;
        for (let q = done; q < m; q++) {
          core[q] = core[q + 1];
          rem[q] = rem[q + 1];
          req[q] = req[q + 1];
        }
        fresh = -1;
      } else {
        const j = order[c * J + k], i = j * n + c;
        ptr[c] = k + 1;
        running[c] = j;
        if (!(req[done] > 0)) zeros--;
        rem[done] = lat[i];
        if (!((req[done] = bw[i]) > 0)) zeros++;
      }
      total = pre[done];
      for (let q = done; q < m; q++) pre[q + 1] = total += req[q];
      speed = total > sysBw ? sysBw / total : 1;
      best = -1;
      dt = Infinity;
      // Without a bandwidth limit now and at the last event, x / speed = x and dt * speed = dt
      // exactly: the common case skips the divisions and request tests.
      if (speed === 1 && stepBw === step) {
        for (let q = 0; q < m; q++) {
          let r = rem[q];
          if (q !== fresh) {
            const left = r - step;
            rem[q] = r = left > 0 ? left : 0;
          }
          if (r < dt) {
            dt = r;
            best = q;
          }
        }
        continue;
      }
      if (zeros === 0) {
        // Every busy job has a request, so its time is r / speed: rounded division by the same
        // speed never reverses an order, so the smallest time is that of the first smallest r
        // (one division instead of m). A core before it can still tie after rounding (and would
        // win, being first) only if its r exceeds the smallest by under 2^-52 relative, so
        // only cores within 2^-48 of it are divided again.
        let rMin = Infinity;
        for (let q = 0; q < m; q++) {
          let r = rem[q];
          if (q !== fresh) {
            const left = r - stepBw;
            rem[q] = r = left > 0 ? left : 0;
          }
          if (r < rMin) {
            rMin = r;
            best = q;
          }
        }
        dt = rMin / speed;
        const near = rMin + rMin * 2 ** -48;
        for (let q = 0; q < best; q++) {
          if (rem[q] <= near && rem[q] / speed === dt) {
            best = q;
            break;
          }
        }
        continue;
      }
      for (let q = 0; q < m; q++) {
        const has = req[q] > 0;
        let r = rem[q];
        if (q !== fresh) {
          const left = r - (has ? stepBw : step);
          rem[q] = r = left > 0 ? left : 0;
        }
        const t = has ? r / speed : r;
        if (t < dt) {
          dt = t;
          best = q;
        }
      }
    }
  }

  private record(
    rec: AllocatorRecorder,
    m: number,
    time: number,
    dt: number,
    speed: number,
  ): void {
    this.alloc.fill(0);
    for (let k = 0; k < m; k++) this.alloc[this.core[k]] = this.req[k] * speed;
    rec.interval(time, time + dt, this.running, this.alloc);
  }
}

/** Makespan in cycles of one genome (convenience; optimizers keep one evaluator instead). */
export function makespanOf(problem: Problem, g: Genome): number {
  return new MakespanEvaluator(problem).evaluate(g);
}
