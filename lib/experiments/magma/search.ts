/**
 * One independent search of study C as plain data (`SearchSpec`), and the pure function that runs
 * it: the unit the worker pool (pool.ts) distributes. A result depends only on its spec and the
 * job groups, so any split over workers gives the same numbers.
 */
import type { Job } from "../../mapping/job.ts";
import { magma, type MagmaOptions as MagmaGaOptions } from "../../mapping/optimizers/magma.ts";
import { getOptimizer } from "../../mapping/optimizers/registry.ts";
import { makeProblem, type Problem } from "../../mapping/problem.ts";
import { getSetting } from "../../mapping/settings.ts";

/** MAGMA's operator ablation: each variant switches operators off or changes the swap. */
export const ABLATION: [string, MagmaGaOptions][] = [
  ["mutation only", { rates: { crossoverGen: 0, crossoverRg: 0, crossoverAccel: 0 } }],
  ["+ crossover-gen", { rates: { crossoverRg: 0, crossoverAccel: 0 } }],
  ["+ crossover-rg", { rates: { crossoverAccel: 0 } }],
  ["+ crossover-accel (MAGMA)", {}],
  ["MAGMA, symmetric swaps", { swap: "symmetric" }],
];

/** One search: a method (or ablation variant) on one case with one seed and budget. */
export interface SearchSpec {
  /** Key of the job group in the groups map, `<source>:<task>`. */
  group: string;
  setting: string;
  bwBytesPerCycle: number;
  /** Registry name, or `ablation:<index into ABLATION>`. */
  method: string;
  seed: number;
  budget: number;
  /** Return best-so-far makespans every this many samples (0: none). */
  historyEvery: number;
}

/** What a search returns. */
export interface SearchResult {
  makespanCycles: number;
  samples: number;
  /** Best-so-far makespan at samples every, 2 every, ..., and at the last sample. */
  history: number[];
}

/** Job groups by `<source>:<task>`. */
export type Groups = Record<string, Job[]>;

/** Builds each (group, setting, bandwidth) problem once per thread. */
export class ProblemCache {
  private readonly cache = new Map<string, Problem>();
  constructor(private readonly groups: Groups) {}

  /** The problem of a spec's case. */
  get(s: Pick<SearchSpec, "group" | "setting" | "bwBytesPerCycle">): Problem {
    const k = `${s.group}|${s.setting}|${s.bwBytesPerCycle}`;
    let p = this.cache.get(k);
    if (!p) {
      const jobs = this.groups[s.group];
      if (!jobs) throw new Error(`unknown job group "${s.group}"`);
      p = makeProblem(jobs, getSetting(s.setting).cores, s.bwBytesPerCycle);
      this.cache.set(k, p);
    }
    return p;
  }
}

/** Run one search. */
export function runSearch(spec: SearchSpec, problems: ProblemCache): SearchResult {
  const p = problems.get(spec);
  const r = spec.method.startsWith("ablation:")
    ? (() => {
      const [name, opts] = ABLATION[Number(spec.method.slice(9))];
      return magma(p, spec.budget, spec.seed, opts, name);
    })()
    : getOptimizer(spec.method).optimize(p, spec.budget, spec.seed);
  const history: number[] = [];
  if (spec.historyEvery > 0) {
    for (let s = spec.historyEvery; s < r.history.length; s += spec.historyEvery) {
      history.push(r.history[s - 1]);
    }
    history.push(r.history[r.history.length - 1]);
  }
  return { makespanCycles: r.makespanCycles, samples: r.samples, history };
}
