/** The constructive heuristics on hand-checked problems. */
import assert from "node:assert/strict";
import { decodeQueues, getOptimizer } from "../../lib/mapping/mod.ts";
import { tinyProblem } from "./helpers.ts";

// Five jobs of 3, 3, 2, 2, 2 cycles on two identical cores, bandwidth never binding.
const lat = [3, 3, 2, 2, 2].map((l) => [l, l]);
const p = tinyProblem(lat, lat.map(() => [0.1, 0.1]), 10);
const queues = (name: string) => decodeQueues(getOptimizer(name).optimize(p, 10, 0).best, 2);

Deno.test("round robin deals jobs in group order to cores 0, 1, 0, ...", () => {
  assert.deepEqual(queues("rr"), [[0, 2, 4], [1, 3]]);
  assert.equal(getOptimizer("rr").optimize(p, 10, 0).makespanCycles, 3 + 2 + 2);
});

Deno.test("greedy (longest first, earliest finish) gives the classic LPT schedule", () => {
  // LPT: 3 -> c0, 3 -> c1, 2 -> c0 (5), 2 -> c1 (5), 2 -> c0 (7). Makespan 7 (optimum is 6).
  const r = getOptimizer("greedy").optimize(p, 10, 0);
  assert.equal(r.makespanCycles, 7);
  assert.deepEqual(decodeQueues(r.best, 2), [[0, 2, 4], [1, 3]]);
});

Deno.test("MET sends every job to its fastest core", () => {
  const het = tinyProblem([[5, 1], [1, 5], [9, 2]], [[0.1, 0.1], [0.1, 0.1], [0.1, 0.1]], 10);
  const r = getOptimizer("met").optimize(het, 10, 0);
  assert.deepEqual(Array.from(r.best.core), [1, 0, 1]);
  assert.equal(r.makespanCycles, 3); // core 1 runs 1 + 2
});

Deno.test("Herald-like avoids a core whose job would be throttled", () => {
  // One job, two cores: core 0 takes 10 cycles at 8 B/cycle, core 1 12 cycles at 1 B/cycle, and
  // the system has 2 B/cycle. On core 0 it would take 10 x 8 / 2 = 40 cycles; on core 1 12.
  const bw = tinyProblem([[10, 12]], [[8, 1]], 2);
  assert.equal(getOptimizer("herald").optimize(bw, 10, 0).makespanCycles, 12);
  assert.equal(getOptimizer("met").optimize(bw, 10, 0).makespanCycles, 40);
});

Deno.test("AI-MT-like alternates high- and low-bandwidth jobs in its order", () => {
  // Bandwidths 5, 1, 4, 2 on one core: order highest, lowest, second highest, second lowest.
  const one = tinyProblem([[1], [1], [1], [1]], [[5], [1], [4], [2]], 100);
  assert.deepEqual(decodeQueues(getOptimizer("aimt").optimize(one, 10, 0).best, 1), [[0, 1, 2, 3]]);
});
