/**
 * The continuous optimizers on test functions with analytic optima (all minima are 0): sphere,
 * Rosenbrock (De Jong's F2 generalised; minimum at y = 1), Rastrigin (minimum at y = 0) and a
 * separable ellipsoid, each mapped onto the box [0, 1]^n the optimizers search. Budgets and
 * tolerances are stated per test; the measured values (seeds 1-3) are in the comments, so the
 * margin is visible. Fixed seeds: the runs are deterministic.
 */
import assert from "node:assert/strict";
import { Rng } from "../../lib/random.ts";
import type { VectorObjective } from "../../lib/mapping/optimizers/fitness.ts";
import { cmaesSearch } from "../../lib/mapping/optimizers/cmaes.ts";
import { deSearch } from "../../lib/mapping/optimizers/de.ts";
import { psoSearch } from "../../lib/mapping/optimizers/pso.ts";
import { tbpsaSearch } from "../../lib/mapping/optimizers/tbpsa.ts";
import { onePlusOneSearch } from "../../lib/mapping/optimizers/one-plus-one.ts";

type Fn = (x: ArrayLike<number>) => number;
type Search = (fit: VectorObjective, n: number, rng: Rng) => void;

/** A budgeted objective that remembers the best value seen. */
class Budgeted implements VectorObjective {
  best = Infinity;
  constructor(public remaining: number, private readonly f: Fn) {}
  evaluateVector(x: ArrayLike<number>): number {
    assert.ok(this.remaining > 0, "optimizer exceeded its budget");
    this.remaining--;
    const v = this.f(x);
    if (v < this.best) this.best = v;
    return v;
  }
}

/** Optimum of the sphere and ellipsoid: spread over [0.2, 0.8] so no coordinate is special. */
const centre = (i: number, n: number) => 0.2 + (0.6 * i) / (n - 1);
const sphere: Fn = (x) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - centre(i, x.length)) ** 2;
  return s;
};
/** Axis-aligned ellipsoid, condition number 1e6. */
const ellipsoid: Fn = (x) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    s += 10 ** ((6 * i) / (x.length - 1)) * (x[i] - centre(i, x.length)) ** 2;
  }
  return s;
};
/** Rosenbrock on y = 4x - 2 in [-2, 2]^n: minimum 0 at y = 1 (x = 0.75). */
const rosenbrock: Fn = (x) => {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = 4 * x[i] - 2, b = 4 * x[i + 1] - 2;
    s += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
  }
  return s;
};
/** Rastrigin on y = 10.24x - 5.12 in [-5.12, 5.12]^n: minimum 0 at y = 0 (x = 0.5). */
const rastrigin: Fn = (x) => {
  let s = 10 * x.length;
  for (let i = 0; i < x.length; i++) {
    const y = 10.24 * x[i] - 5.12;
    s += y * y - 10 * Math.cos(2 * Math.PI * y);
  }
  return s;
};

/** Best value found per seed. */
function bests(search: Search, f: Fn, n: number, budget: number, seeds = [1, 2, 3]): number[] {
  return seeds.map((seed) => {
    const obj = new Budgeted(budget, f);
    search(obj, n, new Rng(seed));
    assert.equal(obj.remaining, 0, "the whole budget is used");
    return obj.best;
  });
}

function below(values: number[], tol: number, what: string) {
  for (const v of values) assert.ok(v < tol, `${what}: ${values.join(", ")} (tolerance ${tol})`);
}

const searches: Record<string, Search> = {
  cmaes: (f, n, r) => cmaesSearch(f, n, r),
  de: (f, n, r) => deSearch(f, n, r),
  pso: (f, n, r) => psoSearch(f, n, r),
  tbpsa: (f, n, r) => tbpsaSearch(f, n, r),
  oneplusone: (f, n, r) => onePlusOneSearch(f, n, r),
};

for (const [name, search] of Object.entries(searches)) {
  Deno.test(`${name}: sphere, 10-D in 10 000 samples to < 1e-10 and 30-D in 30 000 to < 1e-3`, () => {
    // Measured worst of seeds 1-3: 10-D 1e-12 ((1+1)-ES, whose step floor is 1e-6);
    // 30-D 7e-5 (DE, population 30 = n).
    below(bests(search, sphere, 10, 10_000), 1e-10, `${name} sphere 10-D`);
    below(bests(search, sphere, 30, 30_000), 1e-3, `${name} sphere 30-D`);
  });
}

Deno.test("cmaes: learns the scaling of a 10-D ellipsoid (condition 1e6): < 1e-10 within 5000 samples", () => {
  // Measured 2340-2766 samples to 1e-10. With the diagonal covariance frozen the run never gets
  // there in 200 000 samples: only the covariance update lets it.
  below(bests(searches.cmaes, ellipsoid, 10, 5000), 1e-10, "cmaes ellipsoid 10-D");
});

Deno.test("Rosenbrock 10-D: CMA-ES, PSO and (1+1)-ES reach the valley's end; DE with 10n vectors solves it", () => {
  // Measured worst: cmaes 2e-4 at 40 000 samples; pso 3e-4, (1+1)-ES 6e-4 at 100 000.
  below(bests(searches.cmaes, rosenbrock, 10, 60_000), 1e-3, "cmaes rosenbrock 10-D");
  below(bests(searches.pso, rosenbrock, 10, 100_000), 1e-2, "pso rosenbrock 10-D");
  below(bests(searches.oneplusone, rosenbrock, 10, 100_000), 1e-2, "(1+1)-ES rosenbrock 10-D");
  // Storn & Price (1997) advise NP = 10n; with the mapping study's 30 vectors DE stagnates here
  // (f 5-9), with 100 it reaches 1e-19.
  const de100: Search = (f, n, r) => deSearch(f, n, r, { popSize: 100 });
  below(bests(de100, rosenbrock, 10, 100_000), 1e-10, "de (100 vectors) rosenbrock 10-D");
});

Deno.test("Rosenbrock 30-D: CMA-ES < 1e-4 in 100 000 samples", () => {
  // Measured worst 6e-6.
  below(bests(searches.cmaes, rosenbrock, 30, 100_000), 1e-4, "cmaes rosenbrock 30-D");
});

Deno.test("Rastrigin 10-D: CMA-ES with a large population (400) finds the global minimum", () => {
  // Hansen & Kern (2004, PPSN VIII) show that a large population lets CMA-ES solve Rastrigin;
  // with the default 10 offspring it stops in a local minimum (f 6-15). Measured 0 on seeds 1-5.
  const big: Search = (f, n, r) => cmaesSearch(f, n, r, { lambda: 400 });
  below(bests(big, rastrigin, 10, 100_000), 1e-6, "cmaes (lambda 400) rastrigin 10-D");
});
