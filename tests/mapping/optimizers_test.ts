/**
 * The optimizer contract: exact budgets, determinism per seed, monotone best-so-far histories,
 * and a best makespan that re-evaluates to itself. Also brute-force optima on a tiny problem.
 */
import assert from "node:assert/strict";
import {
  getOptimizer,
  getSetting,
  makeProblem,
  makespanOf,
  OPTIMIZERS,
  parseM3eCsv,
  type Problem,
} from "../../lib/mapping/mod.ts";
import { m3eJobsText, tinyProblem } from "./helpers.ts";

// 24 jobs of M3E's Mix group on S2 (3 HB + 1 LB) at 2 bytes/cycle: throttling and heterogeneity.
let mix: Problem | undefined;
const mixProblem = () =>
  mix ??= makeProblem(
    parseM3eCsv(m3eJobsText("mix-insts0.csv")).slice(0, 24),
    getSetting("S2").cores,
    2,
  );
const BUDGET = 257; // not a multiple of any population size, so the last generation is partial

for (const opt of OPTIMIZERS) {
  Deno.test({
    name: `${opt.name}: budget, determinism, monotone history`,
  }, () => {
    const problem = mixProblem();
    const a = opt.optimize(problem, BUDGET, 7);
    const b = opt.optimize(problem, BUDGET, 7);
    const expected = opt.family === "heuristic" ? 1 : BUDGET;
    assert.equal(a.samples, expected);
    assert.equal(a.history.length, expected);
    for (let i = 1; i < a.history.length; i++) assert.ok(a.history[i] <= a.history[i - 1]);
    assert.equal(a.history[a.history.length - 1], a.makespanCycles);
    assert.equal(makespanOf(problem, a.best), a.makespanCycles);
    assert.deepEqual([a.makespanCycles, a.best, a.history], [b.makespanCycles, b.best, b.history]);
    assert.equal(a.optimizer, opt.name);
  });
}

Deno.test({
  name: `search optimizers give different runs for different seeds`,
}, () => {
  const problem = mixProblem();
  for (
    const name of [
      "magma",
      "stdga",
      "random",
      "pso",
      "de",
      "cmaes",
      "oneplusone",
      "tbpsa",
      "reinforce",
    ]
  ) {
    const o = getOptimizer(name);
    const a = o.optimize(problem, 60, 1), b = o.optimize(problem, 60, 2);
    assert.notDeepEqual(a.history, b.history, name);
  }
});

Deno.test("a budget that is not a positive integer is rejected", () => {
  const problem = tinyProblem([[1, 2], [3, 4]], [[0.1, 0.1], [0.1, 0.1]], 1);
  assert.throws(
    () => getOptimizer("magma").optimize(problem, 0, 1),
    /budget must be a positive integer/,
  );
  assert.throws(() => getOptimizer("random").optimize(problem, 2.5, 1), /got 2.5/);
  assert.throws(() => getOptimizer("nope"), /unknown optimizer "nope" \(known: magma/);
});

/** Brute force over all 2^6 assignments; unthrottled, so order does not matter. */
function bruteForceOptimum(lat: number[][]): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << lat.length; mask++) {
    const sums = [0, 0];
    lat.forEach((l, j) => (sums[(mask >> j) & 1] += l[(mask >> j) & 1]));
    best = Math.min(best, Math.max(...sums));
  }
  return best;
}

Deno.test("MAGMA and stdGA find the brute-force optimum of a 6-job, 2-core problem", () => {
  const lat = [[7, 9], [5, 4], [3, 8], [6, 6], [2, 3], [4, 1]];
  const p = tinyProblem(lat, lat.map(() => [0.01, 0.01]), 100);
  const opt = bruteForceOptimum(lat);
  // By hand: fastest-core latencies sum to 23, so any mapping needs >= 11.5, i.e. >= 12 cycles;
  // core 0 = jobs 0, 2, 4 (7 + 3 + 2 = 12) and core 1 = jobs 1, 3, 5 (4 + 6 + 1 = 11) reach it.
  assert.equal(opt, 12);
  for (const name of ["magma", "magma-sym", "stdga"]) {
    assert.equal(getOptimizer(name).optimize(p, 2000, 3).makespanCycles, opt, name);
  }
});

Deno.test("MAGMA's and stdGA's first N samples do not depend on the budget (the budget sweep reads them)", () => {
  // The budget sweep reads the 1 K and 10 K points off one 100 K run; that is only the same as
  // separate runs if a run's first samples never look at its budget.
  const problem = mixProblem();
  for (const name of ["magma", "stdga"]) {
    const short = getOptimizer(name).optimize(problem, 150, 4);
    const long = getOptimizer(name).optimize(problem, 400, 4);
    assert.deepEqual(long.history.slice(0, 150), short.history, name);
  }
});
