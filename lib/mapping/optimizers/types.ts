/** The common interface of every mapper: search-based, heuristic and reinforcement learning. */
import type { Genome } from "../genome.ts";
import type { Problem } from "../problem.ts";

/** What `optimize` returns. */
export interface OptimizeResult {
  /** Registry name of the optimizer, e.g. "magma". */
  optimizer: string;
  /** The best mapping found. */
  best: Genome;
  /** Its makespan, cycles. */
  makespanCycles: number;
  /** Fitness evaluations used (= budget for search methods; 1 for a constructive heuristic). */
  samples: number;
  /** Best-so-far makespan (cycles) after each sample; non-increasing, length `samples`. */
  history: Float64Array;
}

/** Method families, for grouping in tables and figures. */
export type OptimizerFamily = "magma" | "ga" | "black-box" | "heuristic" | "rl";

/** A mapper behind one interface. */
export interface Optimizer {
  name: string;
  family: OptimizerFamily;
  /** One line: what it does and where its settings come from. */
  description: string;
  /** Search for a mapping using at most `budget` fitness evaluations; deterministic per `seed`. */
  optimize(problem: Problem, budget: number, seed: number): OptimizeResult;
}
