/**
 * The budgeted fitness oracle every optimizer goes through: counts samples, refuses to exceed the
 * budget, keeps the best genome and the best-so-far history. Continuous optimizers use
 * `evaluateVector` on x in [0, 1]^(2J): the first J coordinates pick a core (floor(x N), clipped),
 * the last J are priorities (clipped to [0, 1]), i.e. nevergrad's view of the two genomes.
 */
import { MakespanEvaluator } from "../allocator.ts";
import { emptyGenome, type Genome } from "../genome.ts";
import type { Problem } from "../problem.ts";
import type { OptimizeResult } from "./types.ts";

/** Thrown when an optimizer asks for more samples than its budget (a bug in the optimizer). */
export class BudgetExceeded extends Error {}

/** Check a budget: a positive integer number of samples. */
export function checkBudget(budget: number): void {
  if (!Number.isInteger(budget) || budget < 1) {
    throw new RangeError(`budget must be a positive integer number of samples (got ${budget})`);
  }
}

/** What the continuous optimizers need: samples left and a minimised function on [0, 1]^n. */
export interface VectorObjective {
  /** Samples left. */
  readonly remaining: number;
  /** Value to minimise at x (one sample). */
  evaluateVector(x: ArrayLike<number>): number;
}

/** Budgeted, recording fitness (makespan in cycles; lower is better). */
export class Fitness {
  readonly jobs: number;
  readonly cores: number;
  readonly evaluator: MakespanEvaluator;
  used = 0;
  bestMakespan = Infinity;
  readonly best: Genome;
  private readonly history: Float64Array;
  private readonly scratch: Genome;

  constructor(readonly problem: Problem, readonly budget: number) {
    checkBudget(budget);
    this.jobs = problem.table.jobs;
    this.cores = problem.table.cores;
    this.evaluator = new MakespanEvaluator(problem);
    this.best = emptyGenome(this.jobs);
    this.scratch = emptyGenome(this.jobs);
    this.history = new Float64Array(budget);
  }

  /** Samples left. */
  get remaining(): number {
    return this.budget - this.used;
  }

  /** Makespan (cycles) of a mapping; counts one sample. */
  evaluate(core: Int32Array, prio: Float64Array): number {
    if (this.used >= this.budget) throw new BudgetExceeded(`budget of ${this.budget} exceeded`);
    const m = this.evaluator.makespan(core, prio);
    if (m < this.bestMakespan) {
      this.bestMakespan = m;
      this.best.core.set(core);
      this.best.prio.set(prio);
    }
    this.history[this.used++] = this.bestMakespan;
    return m;
  }

  /** Makespan of a genome; counts one sample. */
  evaluateGenome(g: Genome): number {
    return this.evaluate(g.core, g.prio);
  }

  /** Decode x in [0, 1]^(2J) into the scratch genome (see module doc). */
  decodeVector(x: ArrayLike<number>, out: Genome = this.scratch): Genome {
    const { jobs, cores } = this;
    for (let j = 0; j < jobs; j++) {
      const c = Math.floor(x[j] * cores);
      out.core[j] = c < 0 ? 0 : c >= cores ? cores - 1 : c;
      const p = x[jobs + j];
      out.prio[j] = p < 0 ? 0 : p > 1 ? 1 : p;
    }
    return out;
  }

  /** Makespan of a continuous vector; counts one sample. */
  evaluateVector(x: ArrayLike<number>): number {
    return this.evaluateGenome(this.decodeVector(x));
  }

  /** The result so far under optimizer name `name`. */
  result(name: string): OptimizeResult {
    return {
      optimizer: name,
      best: { core: this.best.core.slice(), prio: this.best.prio.slice() },
      makespanCycles: this.bestMakespan,
      samples: this.used,
      history: this.history.slice(0, this.used),
    };
  }
}
