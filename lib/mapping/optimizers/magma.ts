/**
 * MAGMA (Kao & Krishna, HPCA 2022) as in M3E's `scheuler_GA.py` (C-magma.md section 6): GA loop
 * with elites 5 %, parents 10 %, population = number of jobs, and per generation crossover-gen
 * (0.9 per pair), crossover-rg (0.1 per pair), crossover-accel (0.1 per child) and mutation (0.05
 * per gene), in that order. Default `swap: "as-coded"` keeps the code's one-way crossover quirk,
 * because that is what produced the paper's numbers; "symmetric" is the textbook swap.
 */
import type { Problem } from "../problem.ts";
import { type GaLoopOptions, runGaLoop } from "./ga-loop.ts";
import { crossoverAccel, crossoverGen, crossoverRg, mutate } from "./magma-ops.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Operator rates of MAGMA; 0 switches an operator off (used by the ablation). */
export interface MagmaRates {
  /** Crossover-gen probability per pair of children (M3E: 0.9). */
  crossoverGen: number;
  /** Crossover-rg probability per pair of children (M3E: 0.1). */
  crossoverRg: number;
  /** Crossover-accel probability per child (M3E: 0.1). */
  crossoverAccel: number;
  /** Mutation probability per gene (M3E: 0.05). */
  mutation: number;
}

/** M3E's operator rates. */
export const MAGMA_RATES: MagmaRates = {
  crossoverGen: 0.9,
  crossoverRg: 0.1,
  crossoverAccel: 0.1,
  mutation: 0.05,
};

/** Options of MAGMA. */
export interface MagmaOptions extends GaLoopOptions {
  /** Operator rates (default MAGMA_RATES). */
  rates?: Partial<MagmaRates>;
  /** "as-coded" one-way crossovers (default) or "symmetric" swaps. */
  swap?: "as-coded" | "symmetric";
}

/** Run MAGMA for exactly `budget` samples. */
export function magma(
  problem: Problem,
  budget: number,
  seed: number,
  opts: MagmaOptions = {},
  name = "magma",
): OptimizeResult {
  const r = { ...MAGMA_RATES, ...opts.rates };
  const asCoded = (opts.swap ?? "as-coded") === "as-coded";
  return runGaLoop(name, problem, budget, seed, (ctx, kids) => {
    crossoverGen(ctx, kids, r.crossoverGen, asCoded);
    if (r.crossoverRg > 0) crossoverRg(ctx, kids, r.crossoverRg, asCoded);
    if (r.crossoverAccel > 0) crossoverAccel(ctx, kids, r.crossoverAccel);
    if (r.mutation > 0) mutate(ctx, kids, r.mutation);
  }, opts);
}

/** MAGMA with fixed options as an Optimizer (e.g. an ablation variant). */
export function magmaOptimizer(
  name = "magma",
  opts: MagmaOptions = {},
  description = "MAGMA GA: crossover-gen/rg/accel + mutation, M3E rates, as-coded swaps",
): Optimizer {
  return {
    name,
    family: "magma",
    description,
    optimize: (p, b, s) => magma(p, b, s, opts, name),
  };
}
