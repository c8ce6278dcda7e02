/**
 * The generational loop shared by MAGMA and the standard GA (M3E `scheuler_GA.py::run`): evaluate,
 * keep the best `parentRatio` of elites + children as parents and the best `eliteRatio` as elites
 * (copied unchanged, fitness cached), breed a full new set of children from the parents, repeat.
 * The budget counts child evaluations; the last generation is cut short to use it exactly.
 */
import { Rng } from "../../random.ts";
import type { Problem } from "../problem.ts";
import { Fitness } from "./fitness.ts";
import { Population } from "./population.ts";
import type { OptimizeResult } from "./types.ts";

/** Options of the GA loop. */
export interface GaLoopOptions {
  /** Children per generation (default: number of jobs, as M3E; at least 10). */
  popSize?: number;
  /** Share of the population kept unchanged as elites (default 0.05, M3E). */
  eliteRatio?: number;
  /** Share of the population used as parents (default 0.1, M3E). */
  parentRatio?: number;
}

/** What a breeding step sees: parents sorted best first, with M3E's pick weights. */
export interface BreedContext {
  parents: Population;
  /** Pick weight per parent: (worst parent makespan - own makespan) + 1 (M3E). */
  weights: Float64Array;
  cores: number;
  rng: Rng;
}

/** Fill every slot of `children` from the parents. */
export type Breed = (ctx: BreedContext, children: Population) => void;

/** Run the loop with `breed` for exactly `budget` samples. */
export function runGaLoop(
  name: string,
  problem: Problem,
  budget: number,
  seed: number,
  breed: Breed,
  opts: GaLoopOptions = {},
): OptimizeResult {
  const fit = new Fitness(problem, budget);
  const rng = new Rng(seed);
  const size = opts.popSize ?? Math.max(10, fit.jobs);
  const nParents = Math.max(2, Math.round(size * (opts.parentRatio ?? 0.1)));
  const nElites = Math.min(nParents, Math.max(1, Math.round(size * (opts.eliteRatio ?? 0.05))));
  const children = new Population(size, fit.jobs);
  const elites = new Population(nElites, fit.jobs);
  const parents = new Population(nParents, fit.jobs);
  const weights = new Float64Array(nParents);
  const ctx: BreedContext = { parents, weights, cores: fit.cores, rng };
  children.randomize(fit.cores, rng);
  evaluateAll(fit, children);
  while (fit.remaining > 0) {
    selectParents(children, elites, parents);
    for (let k = 0; k < nElites; k++) elites.copyFrom(k, parents, k);
    const worst = parents.makespan[nParents - 1];
    for (let i = 0; i < nParents; i++) weights[i] = worst - parents.makespan[i] + 1;
    breed(ctx, children);
    evaluateAll(fit, children);
  }
  return fit.result(name);
}

function evaluateAll(fit: Fitness, pop: Population): void {
  pop.makespan.fill(Infinity);
  for (let i = 0; i < pop.size && fit.remaining > 0; i++) {
    pop.makespan[i] = fit.evaluateGenome(pop.at[i]);
  }
}

/** Parents = best of elites + children (ties: elites first, then lower slot). */
function selectParents(children: Population, elites: Population, parents: Population): void {
  const ids: number[] = [];
  for (let k = 0; k < elites.size; k++) if (elites.makespan[k] < Infinity) ids.push(-1 - k);
  for (let i = 0; i < children.size; i++) if (children.makespan[i] < Infinity) ids.push(i);
  const mk = (id: number) => (id < 0 ? elites.makespan[-1 - id] : children.makespan[id]);
  ids.sort((a, b) => mk(a) - mk(b) || a - b);
  for (let p = 0; p < parents.size; p++) {
    const id = ids[Math.min(p, ids.length - 1)];
    if (id < 0) parents.copyFrom(p, elites, -1 - id);
    else parents.copyFrom(p, children, id);
  }
}
