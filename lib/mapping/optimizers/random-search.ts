/** Random search: `budget` independent genomes from M3E's random init; keeps the best. */
import { emptyGenome, randomizeGenome } from "../genome.ts";
import type { Problem } from "../problem.ts";
import { Rng } from "../../random.ts";
import { Fitness } from "./fitness.ts";
import type { Optimizer, OptimizeResult } from "./types.ts";

/** Run random search for exactly `budget` samples. */
export function randomSearch(problem: Problem, budget: number, seed: number): OptimizeResult {
  const fit = new Fitness(problem, budget);
  const rng = new Rng(seed);
  const g = emptyGenome(fit.jobs);
  while (fit.remaining > 0) fit.evaluateGenome(randomizeGenome(g, fit.cores, rng));
  return fit.result("random");
}

/** Random search as an Optimizer. */
export const randomSearchOptimizer: Optimizer = {
  name: "random",
  family: "black-box",
  description: "random search: uniform random genomes",
  optimize: randomSearch,
};
