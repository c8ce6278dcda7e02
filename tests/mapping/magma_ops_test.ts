/** MAGMA's operators on hand-made parents: what each child must contain. */
import assert from "node:assert/strict";
import {
  type BreedContext,
  crossoverAccel,
  crossoverGen,
  crossoverRg,
  mutate,
  Population,
  Rng,
} from "../../lib/mapping/mod.ts";

const J = 8, CORES = 3;

/** Two parents: dad all on core 0 with priorities 0.0x, mom on cores j % 3 with priorities 0.5x. */
function context(seed: number): BreedContext {
  const parents = new Population(2, J);
  for (let j = 0; j < J; j++) {
    parents.at[0].core[j] = 0;
    parents.at[0].prio[j] = j / 100;
    parents.at[1].core[j] = j % CORES;
    parents.at[1].prio[j] = 0.5 + j / 100;
  }
  parents.makespan.set([10, 20]);
  return { parents, weights: Float64Array.from([1, 1]), cores: CORES, rng: new Rng(seed) };
}

const genes = (p: Population, i: number) => [Array.from(p.at[i].core), Array.from(p.at[i].prio)];

Deno.test("crossover-gen as coded: the second child is an unchanged parent", () => {
  for (let seed = 0; seed < 20; seed++) {
    const ctx = context(seed);
    const kids = new Population(2, J);
    crossoverGen(ctx, kids, 1, true);
    const second = genes(kids, 1);
    assert.ok(
      [genes(ctx.parents, 0), genes(ctx.parents, 1)].some((p) =>
        JSON.stringify(p) === JSON.stringify(second)
      ),
    );
  }
});

Deno.test("crossover-gen symmetric: each gene position keeps the parents' two values", () => {
  for (let seed = 0; seed < 20; seed++) {
    const ctx = context(seed);
    const kids = new Population(2, J);
    crossoverGen(ctx, kids, 1, false);
    for (let j = 0; j < J; j++) {
      const kidCores = [kids.at[0].core[j], kids.at[1].core[j]].sort();
      assert.deepEqual(kidCores, [0, j % CORES].sort());
      const kidPrios = [kids.at[0].prio[j], kids.at[1].prio[j]].sort();
      assert.deepEqual(kidPrios, [j / 100, 0.5 + j / 100].sort());
    }
  }
});

Deno.test("crossover-rg keeps each job's (core, priority) pair from one parent", () => {
  for (const asCoded of [true, false]) {
    for (let seed = 0; seed < 20; seed++) {
      const ctx = context(seed);
      const kids = new Population(2, J);
      crossoverRg(ctx, kids, 1, asCoded);
      for (let k = 0; k < 2; k++) {
        for (let j = 0; j < J; j++) {
          const fromDad = kids.at[k].core[j] === 0 && kids.at[k].prio[j] === j / 100;
          const fromMom = kids.at[k].core[j] === j % CORES && kids.at[k].prio[j] === 0.5 + j / 100;
          assert.ok(fromDad || fromMom, `seed ${seed} child ${k} job ${j}`);
        }
      }
      // As coded (numpy aliasing) both children are the same mom[:u] + dad[u:].
      if (asCoded) assert.deepEqual(genes(kids, 0), genes(kids, 1));
    }
  }
});

Deno.test("crossover-accel copies mom's whole queue for one core into a copy of dad", () => {
  let transferred = 0;
  for (let seed = 0; seed < 30; seed++) {
    const ctx = context(seed);
    ctx.weights.set([1, 0]); // dad = parent 0 (all on core 0), mom = parent 1 (job j on core j % 3)
    const kids = new Population(1, J);
    crossoverAccel(ctx, kids, 1);
    const child = kids.at[0];
    const fromMom = [...Array(J).keys()].filter((j) => child.prio[j] === 0.5 + j / 100);
    if (fromMom.length > 0) {
      // Core k != 0 was picked: exactly mom's jobs on k moved there; the rest are dad's genes.
      const k = fromMom[0] % CORES;
      assert.deepEqual(fromMom, [...Array(J).keys()].filter((j) => j % CORES === k));
      for (let j = 0; j < J; j++) {
        if (j % CORES === k) assert.equal(child.core[j], k);
        else assert.deepEqual([child.core[j], child.prio[j]], [0, j / 100]);
      }
      transferred++;
    } else {
      // Core 0 was picked: shared jobs keep dad's genes; dad's other jobs were redrawn at random.
      for (let j = 0; j < J; j++) {
        assert.equal(child.prio[j], j / 100);
        if (j % CORES === 0) assert.equal(child.core[j], 0);
      }
    }
  }
  assert.ok(transferred > 0 && transferred < 30, "both branches were exercised");
});

Deno.test("mutation at rate 0 changes nothing and at rate 1 redraws every gene in range", () => {
  const ctx = context(1);
  const kids = new Population(2, J);
  kids.copyFrom(0, ctx.parents, 0);
  kids.copyFrom(1, ctx.parents, 1);
  const before = [genes(kids, 0), genes(kids, 1)];
  mutate(ctx, kids, 0);
  assert.deepEqual([genes(kids, 0), genes(kids, 1)], before);
  mutate(ctx, kids, 1);
  assert.ok(kids.core.every((c) => c >= 0 && c < CORES));
  assert.ok(kids.prio.every((p) => p >= 0 && p < 1));
  assert.notDeepEqual([genes(kids, 0), genes(kids, 1)], before);
});
