/**
 * Standard GA: MAGMA's loop (same elites, parents and weighted parent draw) without its custom
 * operators: one-point crossover over the concatenated 2J-gene chromosome (selection genes then
 * priority genes, symmetric swap, rate 0.9 per pair) and per-gene mutation 0.05. It isolates what
 * MAGMA's genome-aware operators add.
 */
import type { Problem } from "../problem.ts";
import { type GaLoopOptions, runGaLoop } from "./ga-loop.ts";
import { mutate, pickParents } from "./magma-ops.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Options of the standard GA. */
export interface StdGaOptions extends GaLoopOptions {
  /** One-point crossover probability per pair (default 0.9). */
  crossoverRate?: number;
  /** Mutation probability per gene (default 0.05). */
  mutationRate?: number;
}

/** Run the standard GA for exactly `budget` samples. */
export function stdGa(
  problem: Problem,
  budget: number,
  seed: number,
  opts: StdGaOptions = {},
): OptimizeResult {
  const xRate = opts.crossoverRate ?? 0.9;
  const mRate = opts.mutationRate ?? 0.05;
  return runGaLoop("stdga", problem, budget, seed, (ctx, kids) => {
    const J = kids.jobs;
    for (let k = 0; k < kids.size; k += 2) {
      const [dad, mom] = pickParents(ctx);
      const a = kids.at[k], b = kids.at[Math.min(k + 1, kids.size - 1)];
      b.core.set(ctx.parents.at[mom].core);
      b.prio.set(ctx.parents.at[mom].prio);
      a.core.set(ctx.parents.at[dad].core);
      a.prio.set(ctx.parents.at[dad].prio);
      if (ctx.rng.next() >= xRate || a === b) continue;
      // Cut point over the 2J genes: genes [cut, 2J) are exchanged.
      const cut = 1 + ctx.rng.int(2 * J - 1);
      for (let g = cut; g < 2 * J; g++) {
        if (g < J) {
          const t = a.core[g];
          a.core[g] = b.core[g];
          b.core[g] = t;
        } else {
          const t = a.prio[g - J];
          a.prio[g - J] = b.prio[g - J];
          b.prio[g - J] = t;
        }
      }
    }
    mutate(ctx, kids, mRate);
  }, opts);
}

/** The standard GA as an Optimizer. */
export const stdGaOptimizer: Optimizer = {
  name: "stdga",
  family: "ga",
  description:
    "standard GA: one-point crossover on the 2J chromosome + mutation, MAGMA's selection",
  optimize: (p, b, s) => stdGa(p, b, s),
};
