/** Every mapper by name, in the order tables and figures list them. */
import { cmaesOptimizer } from "./cmaes.ts";
import { deOptimizer } from "./de.ts";
import { heuristicOptimizers } from "./heuristics.ts";
import { magmaOptimizer } from "./magma.ts";
import { onePlusOneOptimizer } from "./one-plus-one.ts";
import { psoOptimizer } from "./pso.ts";
import { randomSearchOptimizer } from "./random-search.ts";
import { reinforceOptimizer } from "./reinforce.ts";
import { stdGaOptimizer } from "./stdga.ts";
import { tbpsaOptimizer } from "./tbpsa.ts";
import type { Optimizer } from "./types.ts";

/** The default sample budget of the paper's comparison (10 K samples for every method). */
export const DEFAULT_BUDGET = 10_000;

/** All optimizers: MAGMA, MAGMA with symmetric swaps, GA, black-box, RL, heuristics. */
export const OPTIMIZERS: Optimizer[] = [
  magmaOptimizer(),
  magmaOptimizer(
    "magma-sym",
    { swap: "symmetric" },
    "MAGMA with symmetric (textbook) crossover swaps instead of M3E's one-way copy",
  ),
  stdGaOptimizer,
  randomSearchOptimizer,
  psoOptimizer,
  deOptimizer,
  cmaesOptimizer,
  onePlusOneOptimizer,
  tbpsaOptimizer,
  reinforceOptimizer,
  ...heuristicOptimizers,
];

/** Look up an optimizer by name; throws naming the unknown name and the known ones. */
export function getOptimizer(name: string): Optimizer {
  const o = OPTIMIZERS.find((x) => x.name === name);
  if (!o) {
    throw new RangeError(
      `unknown optimizer "${name}" (known: ${OPTIMIZERS.map((x) => x.name).join(", ")})`,
    );
  }
  return o;
}
