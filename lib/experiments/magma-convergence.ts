/**
 * Convergence and operator ablation of study C on one case, several seeds: best-so-far makespan
 * against samples, summarised as mean, min and max over seeds at regular sample counts.
 */
import type { Job } from "../mapping/job.ts";
import type { TaskName } from "../mapping/groups.ts";
import { magma, type MagmaOptions as MagmaGaOptions } from "../mapping/optimizers/magma.ts";
import { getOptimizer } from "../mapping/optimizers/registry.ts";
import type { OptimizeResult } from "../mapping/optimizers/types.ts";
import { makeProblem, type Problem } from "../mapping/problem.ts";
import { getSetting } from "../mapping/settings.ts";
import type { MagmaOptions } from "./magma-options.ts";

/** Mean and spread of best-so-far makespans over seeds at one sample count. */
export interface CurveRow {
  [key: string]: string | number;
  series: string;
  /** Optimizer family ("heuristic" curves are flat: one sample). */
  family: string;
  samples: number;
  meanCycles: number;
  minCycles: number;
  maxCycles: number;
  seeds: number;
}

/** The convergence/ablation problem of the options. */
export function convergenceProblem(o: MagmaOptions, groups: Map<TaskName, Job[]>): Problem {
  const c = o.convergenceCase;
  return makeProblem(groups.get(c.task)!, getSetting(c.setting).cores, c.bwBytesPerCycle);
}

/** Curves of several seeds' histories, sampled every `every` samples (and at the last one). */
export function curveRows(
  series: string,
  family: string,
  runs: OptimizeResult[],
  every: number,
): CurveRow[] {
  const len = Math.max(...runs.map((r) => r.history.length));
  const points: number[] = [];
  for (let s = every; s < len; s += every) points.push(s);
  points.push(len);
  return points.map((s) => {
    // A heuristic's single sample stays its best for the whole budget.
    const v = runs.map((r) => r.history[Math.min(s, r.history.length) - 1]);
    return {
      series,
      family,
      samples: s,
      meanCycles: v.reduce((a, b) => a + b, 0) / v.length,
      minCycles: Math.min(...v),
      maxCycles: Math.max(...v),
      seeds: v.length,
    };
  });
}

const seedsOf = (o: MagmaOptions) => Array.from({ length: o.convergenceSeeds }, (_, i) => 1000 + i);

/** Best-so-far curves of every search method (heuristics are flat lines) on the case. */
export function convergenceRows(o: MagmaOptions, p: Problem): CurveRow[] {
  return o.methods.flatMap((m) => {
    const runs = seedsOf(o).map((s) => getOptimizer(m).optimize(p, o.budget, s));
    return curveRows(m, getOptimizer(m).family, runs, o.historyEverySamples);
  });
}

/** MAGMA's operator ablation: each variant switches operators off or changes the swap. */
export const ABLATION: [string, MagmaGaOptions][] = [
  ["mutation only", { rates: { crossoverGen: 0, crossoverRg: 0, crossoverAccel: 0 } }],
  ["+ crossover-gen", { rates: { crossoverRg: 0, crossoverAccel: 0 } }],
  ["+ crossover-rg", { rates: { crossoverAccel: 0 } }],
  ["+ crossover-accel (MAGMA)", {}],
  ["MAGMA, symmetric swaps", { swap: "symmetric" }],
];

/** Best-so-far curves of the ablation variants on the case. */
export function ablationRows(o: MagmaOptions, p: Problem): CurveRow[] {
  return ABLATION.flatMap(([name, opts]) => {
    const runs = seedsOf(o).map((s) => magma(p, o.budget, s, opts, name));
    return curveRows(name, "magma", runs, o.historyEverySamples);
  });
}

/** The last point of each series: final best makespan, mean and spread over seeds. */
export function finalRows(curves: CurveRow[]): CurveRow[] {
  const last = new Map<string, CurveRow>();
  for (const r of curves) last.set(r.series, r);
  return [...last.values()];
}

/** Final makespan of `methods` over `seeds` on one case: mean, min, max (cycles). */
export function seedSpreadRows(p: Problem, methods: string[], seeds: number[], budget: number) {
  return methods.map((m) => {
    const v = seeds.map((s) => getOptimizer(m).optimize(p, budget, s).makespanCycles);
    return {
      method: m,
      seeds: seeds.length,
      meanCycles: v.reduce((a, b) => a + b, 0) / v.length,
      minCycles: Math.min(...v),
      maxCycles: Math.max(...v),
    };
  });
}
