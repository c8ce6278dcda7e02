/**
 * Constructive mappers: a job order plus a core-choice rule, turned into a genome (core per job,
 * priority = position in the order / J) and evaluated once with the bandwidth allocator (1 sample).
 * Core rules follow M3E's `heu_get_nextcoreid`: GREEDY = least accumulated no-stall latency,
 * RR = round robin, MET = fastest core (random tie-break), EFT (M3E "HEFT") = earliest finish
 * = accumulated + own latency. Like M3E's, they ignore bandwidth when choosing, except Herald-like.
 *
 * Two sets. Ours are the textbook rules (`sjf`, `heft`, ...). M3E's as coded in
 * `scheuler_GA.py` (`m3e-heft`, `m3e-sjf`): its HEFT assigns cores in group order with the
 * earliest-finish rule and only then queues each core's jobs by ascending mean latency; its SJF
 * stably sorts the group by latency on the last core (ties: second-to-last, ..., down to core 2;
 * M3E's `sorting_job`) and assigns in that order to the least-loaded core. FCFS is the group's
 * file order in both: M3E's `run_heursitic` rebuilds the job table from the file before it builds
 * the mapping, so only its SJF sees a sorted table.
 */
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import type { JobTable } from "../table.ts";
import { Fitness } from "./fitness.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

type CoreRule = "greedy" | "rr" | "met" | "eft";

/** Per-(job, core) cost the rules see, cycles: no-stall latency unless stated otherwise. */
type CostFn = (j: number, c: number) => number;

function lat(t: JobTable): CostFn {
  return (j, c) => t.latencyCycles[j * t.cores + c];
}

/** Latency stretched by the bandwidth a job needs over a fair 1/N share of the system bandwidth. */
function bwAwareLat(p: Problem): CostFn {
  const t = p.table;
  const share = p.systemBwBytesPerCycle / t.cores;
  return (j, c) => {
    const i = j * t.cores + c;
    return t.latencyCycles[i] * Math.max(1, t.bwBytesPerCycle[i] / share);
  };
}

function reduceCores(t: JobTable, cost: CostFn, j: number, op: "min" | "mean"): number {
  let acc = op === "min" ? Infinity : 0;
  for (let c = 0; c < t.cores; c++) {
    acc = op === "min" ? Math.min(acc, cost(j, c)) : acc + cost(j, c) / t.cores;
  }
  return acc;
}

/** Jobs sorted by a key (ascending, or descending with `desc`), ties by index. */
function sortBy(n: number, key: (j: number) => number, desc = false): number[] {
  const ids = Array.from({ length: n }, (_, j) => j);
  return ids.sort((a, b) => (desc ? key(b) - key(a) : key(a) - key(b)) || a - b);
}

function chooseCore(
  rule: CoreRule,
  cost: CostFn,
  j: number,
  pos: number,
  load: Float64Array,
  rng: Rng,
) {
  const n = load.length;
  if (rule === "rr") return pos % n;
  let best = 0, bestV = Infinity;
  const ties: number[] = [];
  for (let c = 0; c < n; c++) {
    const v = rule === "greedy" ? load[c] : rule === "met" ? cost(j, c) : load[c] + cost(j, c);
    if (v < bestV) {
      bestV = v;
      best = c;
      ties.length = 0;
    }
    if (v === bestV) ties.push(c);
  }
  return rule === "met" ? ties[rng.int(ties.length)] : best;
}

/** Assign jobs in `order` with `rule`; priority = position in `queueOrder`. */
function construct(
  fit: Fitness,
  order: number[],
  rule: CoreRule,
  cost: CostFn,
  seed: number,
  queueOrder = order,
) {
  const rng = new Rng(seed);
  const load = new Float64Array(fit.cores);
  const core = new Int32Array(fit.jobs), prio = new Float64Array(fit.jobs);
  order.forEach((j, pos) => {
    const c = chooseCore(rule, cost, j, pos, load, rng);
    load[c] += cost(j, c);
    core[j] = c;
  });
  queueOrder.forEach((j, pos) => (prio[j] = pos / fit.jobs));
  fit.evaluate(core, prio);
}

/** High-bandwidth and low-bandwidth jobs alternated: highest, lowest, second highest, ... */
function interleaveByBw(t: JobTable, cost: CostFn): number[] {
  const need = (j: number) => {
    let c0 = 0;
    for (let c = 1; c < t.cores; c++) if (cost(j, c) < cost(j, c0)) c0 = c;
    return t.bwBytesPerCycle[j * t.cores + c0];
  };
  const byBw = sortBy(t.jobs, need, true);
  const out: number[] = [];
  for (let lo = 0, hi = byBw.length - 1; lo <= hi; lo++, hi--) {
    out.push(byBw[lo]);
    if (hi > lo) out.push(byBw[hi]);
  }
  return out;
}

/**
 * A heuristic: assign jobs in `order` with `rule`; each core runs its jobs in `queueOrder` (default
 * `order`) position.
 */
type Plan = (
  p: Problem,
) => { order: number[]; rule: CoreRule; cost: CostFn; queueOrder?: number[] };

const PLANS: [string, string, Plan][] = [
  ["fcfs", "first come first served: group order, least-loaded core", (p) => ({
    order: sortBy(p.table.jobs, (j) => j),
    rule: "greedy",
    cost: lat(p.table),
  })],
  ["sjf", "textbook SJF: shortest (fastest-core latency) first, least-loaded core", (p) => {
    const c = lat(p.table);
    return {
      order: sortBy(p.table.jobs, (j) => reduceCores(p.table, c, j, "min")),
      rule: "greedy",
      cost: c,
    };
  }],
  ["rr", "group order, round-robin cores", (p) => ({
    order: sortBy(p.table.jobs, (j) => j),
    rule: "rr",
    cost: lat(p.table),
  })],
  ["greedy", "greedy load balance: longest job first, earliest-finish core", (p) => {
    const c = lat(p.table);
    return {
      order: sortBy(p.table.jobs, (j) => reduceCores(p.table, c, j, "min"), true),
      rule: "eft",
      cost: c,
    };
  }],
  ["met", "minimum execution time: group order, fastest core", (p) => ({
    order: sortBy(p.table.jobs, (j) => j),
    rule: "met",
    cost: lat(p.table),
  })],
  [
    "heft",
    "textbook HEFT for independent jobs: descending mean latency, earliest-finish core",
    (p) => {
      const c = lat(p.table);
      return {
        order: sortBy(p.table.jobs, (j) => reduceCores(p.table, c, j, "mean"), true),
        rule: "eft",
        cost: c,
      };
    },
  ],
  ["herald", "Herald-like: bandwidth-aware latency, longest first, earliest-finish core", (p) => {
    const c = bwAwareLat(p);
    return {
      order: sortBy(p.table.jobs, (j) => reduceCores(p.table, c, j, "min"), true),
      rule: "eft",
      cost: c,
    };
  }],
  ["aimt", "AI-MT-like: alternate high/low bandwidth jobs, earliest-finish core", (p) => {
    const c = lat(p.table);
    return { order: interleaveByBw(p.table, c), rule: "eft", cost: c };
  }],
  ["m3e-heft", "M3E's HEFT as coded: earliest-finish core in group order, queues by mean latency", (
    p,
  ) => {
    const c = lat(p.table);
    return {
      order: sortBy(p.table.jobs, (j) => j),
      rule: "eft",
      cost: c,
      // numpy's argsort is not stable; ties by index here (identical jobs' order on one core does
      // not change the makespan).
      queueOrder: sortBy(p.table.jobs, (j) => reduceCores(p.table, c, j, "mean")),
    };
  }],
  ["m3e-sjf", "M3E's SJF as coded: sorted by latency on the last core, least-loaded core", (p) => {
    const c = lat(p.table);
    return { order: m3eSortingJob(p.table), rule: "greedy", cost: c };
  }],
];

/**
 * M3E's `sorting_job`: a stable sort by the latencies on cores N-1, N-2, ..., 2 (compared in that
 * order; Python's `range(1, N - 1)` stops before core 1, so with 2 cores nothing is sorted).
 */
export function m3eSortingJob(t: JobTable): number[] {
  const ids = Array.from({ length: t.jobs }, (_, j) => j);
  return ids.sort((a, b) => {
    for (let c = t.cores - 1; c >= 2; c--) {
      const d = t.latencyCycles[a * t.cores + c] - t.latencyCycles[b * t.cores + c];
      if (d !== 0) return d;
    }
    return a - b;
  });
}

/** Every heuristic as an Optimizer (one sample each; `budget` only has to be >= 1). */
export const heuristicOptimizers: Optimizer[] = PLANS.map(([name, description, plan]) => ({
  name,
  family: "heuristic",
  description,
  optimize(problem: Problem, budget: number, seed: number): OptimizeResult {
    const fit = new Fitness(problem, budget);
    const { order, rule, cost, queueOrder } = plan(problem);
    construct(fit, order, rule, cost, seed, queueOrder);
    return fit.result(name);
  },
}));
