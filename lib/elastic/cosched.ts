/**
 * Model-level parallelism: several jobs share the pool at once, each on its own sub-machine (a
 * block of PEs and a share of the bandwidth) that it splits between its conv and FC engines with
 * `bestSplit`. When a job finishes, the pool may be re-partitioned among the jobs left, so a list
 * of K jobs runs in at most K phases. A phase pays the reconfiguration time only when one of its
 * engines (a sub-machine with its split) was not configured in the phase before (the pool starts
 * as the baseline's one monolithic engine; a job that keeps its sub-machine while another
 * finishes, or a job that reuses the split of the job before it, pays nothing).
 *
 * The search is exact on its grid: every way of handing out peUnits PE blocks and bandwidthUnits
 * bandwidth shares to the running jobs (a job may get nothing and wait) is enumerated, and the
 * phases that follow are searched the same way; the smallest makespan wins. Giving one job the
 * whole machine is on the grid, so running the jobs one after another is always a candidate and
 * co-scheduling never does worse than the sequential elastic schedule. Cost grows as
 * C(peUnits + K - 1, K - 1)^2 per phase: keep units at 32 for pairs and about 16 for three jobs.
 */
import { ValidationError } from "../validate.ts";
import { type ElasticHardware, reconfigurationSeconds } from "./hardware.ts";
import {
  checkJobs,
  configurationKey,
  type Job,
  makeSchedule,
  MONOLITHIC_CONFIGURATION,
  type Phase,
  type Schedule,
} from "./schedule.ts";
import { bestSplit } from "./search.ts";
import { checkSplitArgs, type Machine, type Split, wholeMachine } from "./split.ts";

/** Options of `coSchedule`. */
export interface CoScheduleOptions {
  /** The pool is handed out in blocks of peCount / peUnits PEs (default peCount / peStep). */
  peUnits?: number;
  /** Bandwidth is handed out in shares of 1 / bandwidthUnits (default 32). */
  bandwidthUnits?: number;
}

interface Cell {
  split: Split;
  rate: number;
  machine: Machine;
  /** configurationKey of the cell ("idle" when the job cannot run on it). */
  key: string;
}

interface Plan {
  seconds: number;
  reconfigureSeconds: number;
  pe: number[];
  bw: number[];
  phaseSeconds: number;
  next: Plan | null;
}

const FINISH_TOLERANCE = 1e-12;

/**
 * Every vector of `parts` non-negative integers summing to `units`, in a fixed order. `units` is a
 * non-negative integer and `parts` a positive one; otherwise a ValidationError names them.
 */
export function compositions(units: number, parts: number): number[][] {
  const issues: string[] = [];
  if (!Number.isInteger(units) || units < 0) {
    issues.push(`units: must be a non-negative integer (got ${units})`);
  }
  if (!Number.isInteger(parts) || parts < 1) {
    issues.push(`parts: must be a positive integer (got ${parts})`);
  }
  if (issues.length) throw new ValidationError("compositions arguments", issues);
  return compose(units, parts);
}

function compose(units: number, parts: number): number[][] {
  if (parts === 1) return [[units]];
  const out: number[][] = [];
  for (let first = units; first >= 0; first--) {
    for (const rest of compose(units - first, parts - 1)) out.push([first, ...rest]);
  }
  return out;
}

function gridOf(hw: ElasticHardware, opts: CoScheduleOptions): [number, number] {
  const pe = opts.peUnits ?? hw.peCount / hw.peStep;
  const bw = opts.bandwidthUnits ?? 32;
  const issues: string[] = [];
  if (!Number.isInteger(pe) || pe < 1 || hw.peCount % pe !== 0) {
    issues.push(`peUnits: must be a positive divisor of peCount ${hw.peCount} (got ${pe})`);
  }
  if (!Number.isInteger(bw) || bw < 1) {
    issues.push(`bandwidthUnits: must be a positive integer (got ${bw})`);
  }
  if (issues.length) throw new ValidationError("coSchedule options", issues);
  return [pe, bw];
}

/** Lazily filled table of a job's best split on every sub-machine of the grid. */
function cellTable(job: Job, hw: ElasticHardware, batch: number, pe: number, bw: number) {
  const whole = wholeMachine(hw);
  const cells: (Cell | undefined)[] = new Array((pe + 1) * (bw + 1));
  return (u: number, v: number): Cell => {
    const i = u * (bw + 1) + v;
    let c = cells[i];
    if (!c) {
      const machine = {
        pes: (u * hw.peCount) / pe,
        bandwidthBytesPerSecond: (v * hw.dramBandwidthBytesPerSecond) / bw,
      };
      const split = bestSplit(job.demand, hw, batch, machine);
      // A job that needs no bandwidth (or no PEs) can run on a sub-machine without it.
      const rate = Number.isFinite(split.batchSeconds) ? batch / split.batchSeconds : 0;
      const key = rate > 0 ? configurationKey(machine, split, whole) : "idle";
      c = cells[i] = { split, rate, machine, key };
    }
    return c;
  };
}

/** Co-schedule `jobs` on the pool to minimise the makespan (exact on the allocation grid). */
export function coSchedule(
  jobs: readonly Job[],
  hw: ElasticHardware,
  batch: number,
  opts: CoScheduleOptions = {},
): Schedule {
  checkJobs(jobs);
  checkSplitArgs("coSchedule arguments", batch, wholeMachine(hw));
  const [pe, bw] = gridOf(hw, opts);
  const tables = jobs.map((j) => cellTable(j, hw, batch, pe, bw));
  const r = reconfigurationSeconds(hw);
  const comps = new Map<number, [number[][], number[][]]>();
  const compsFor = (k: number) => {
    let c = comps.get(k);
    if (!c) comps.set(k, c = [compositions(pe, k), compositions(bw, k)]);
    return c;
  };
  const search = (active: number[], rem: number[], prev: string[]): Plan => {
    let best: Plan = {
      seconds: Infinity,
      reconfigureSeconds: 0,
      pe: [],
      bw: [],
      phaseSeconds: 0,
      next: null,
    };
    if (active.length === 0) return { ...best, seconds: 0 };
    const [pes, bws] = active.length === 1 ? [[[pe]], [[bw]]] : compsFor(active.length);
    for (const p of pes) {
      for (const b of bws) {
        const t = phaseSeconds(active, rem, p, b, tables);
        if (!(t < best.seconds)) continue;
        const keys = keysOf(active, p, b, tables);
        const charge = changed(prev, keys) ? r : 0;
        if (!(charge + t < best.seconds)) continue;
        const left = remainingAfter(active, rem, p, b, tables, t);
        const next = search(left.active, left.rem, keys);
        const seconds = charge + t + next.seconds;
        if (seconds < best.seconds) {
          best = { seconds, reconfigureSeconds: charge, pe: p, bw: b, phaseSeconds: t, next };
        }
      }
    }
    return best;
  };
  const all = jobs.map((_, i) => i);
  const plan = search(all, jobs.map((j) => j.images), [MONOLITHIC_CONFIGURATION]);
  return makeSchedule(phasesOf(plan, all, jobs.map((j) => j.images), tables, jobs), jobs);
}

/** Configuration keys of the jobs that run in a phase (with allocation p, b). */
function keysOf(active: number[], p: number[], b: number[], t: Tables): string[] {
  const keys: string[] = [];
  for (let i = 0; i < active.length; i++) {
    const k = t[active[i]](p[i], b[i]).key;
    if (k !== "idle") keys.push(k);
  }
  return keys;
}

/** Whether a phase needs a re-partition: some engine of it was not configured in the last one. */
function changed(prev: string[], keys: string[]): boolean {
  return keys.some((k) => !prev.includes(k));
}

type Tables = ((u: number, v: number) => Cell)[];

/** Seconds until the first running job finishes (Infinity when nobody can run). */
function phaseSeconds(active: number[], rem: number[], p: number[], b: number[], t: Tables) {
  let s = Infinity;
  for (let i = 0; i < active.length; i++) {
    const rate = t[active[i]](p[i], b[i]).rate;
    if (rate > 0) s = Math.min(s, rem[active[i]] / rate);
  }
  return s;
}

function remainingAfter(
  active: number[],
  rem: number[],
  p: number[],
  b: number[],
  t: Tables,
  seconds: number,
): { active: number[]; rem: number[] } {
  const next = rem.slice();
  const still: number[] = [];
  for (let i = 0; i < active.length; i++) {
    const j = active[i];
    const rate = t[j](p[i], b[i]).rate;
    const done = rate > 0 && rem[j] / rate <= seconds * (1 + FINISH_TOLERANCE);
    next[j] = done ? 0 : rem[j] - rate * seconds;
    if (!done) still.push(j);
  }
  return { active: still, rem: next };
}

function phasesOf(
  plan: Plan,
  active: number[],
  rem: number[],
  t: Tables,
  jobs: readonly Job[],
): Phase[] {
  const phases: Phase[] = [];
  let start = 0;
  for (let node: Plan | null = plan; node && active.length; node = node.next) {
    const allocations = active.flatMap((j, i) => {
      const c = t[j](node!.pe[i], node!.bw[i]);
      if (c.rate === 0) return [];
      return [{
        job: jobs[j].demand.name,
        machine: c.machine,
        split: c.split,
        imagesPerSecond: c.rate,
      }];
    });
    const r = node.reconfigureSeconds;
    const end = start + r + node.phaseSeconds;
    phases.push({ startSeconds: start, reconfigureSeconds: r, endSeconds: end, allocations });
    ({ active, rem } = remainingAfter(active, rem, node.pe, node.bw, t, node.phaseSeconds));
    start = end;
  }
  return phases;
}
