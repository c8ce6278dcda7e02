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

Deno.test("M3E's HEFT assigns in group order and queues by mean latency; textbook HEFT sorts first", () => {
  // Jobs of 2, 2, 4 cycles on two identical cores (bandwidth never binding). By hand:
  // M3E: job 0 -> core 0 (2), job 1 -> core 1 (2), job 2: finish 6 on either core, the first
  // wins: loads 6 and 2, makespan 6; core 0 runs job 0 (mean 2) before job 2 (mean 4).
  // Textbook: longest first: job 2 -> core 0 (4), job 0 -> core 1 (2), job 1 -> core 1 (4): 4.
  const l = [[2, 2], [2, 2], [4, 4]];
  const q = tinyProblem(l, l.map(() => [0.1, 0.1]), 10);
  const m3e = getOptimizer("m3e-heft").optimize(q, 10, 0);
  assert.equal(m3e.makespanCycles, 6);
  assert.deepEqual(decodeQueues(m3e.best, 2), [[0, 2], [1]]);
  const ours = getOptimizer("heft").optimize(q, 10, 0);
  assert.equal(ours.makespanCycles, 4);
  assert.deepEqual(decodeQueues(ours.best, 2), [[2], [0, 1]]);
  // One core: M3E's queue is ascending mean latency (3, 1, 2 cycles -> jobs 1, 2, 0).
  const one = tinyProblem([[3], [1], [2]], [[0.1], [0.1], [0.1]], 10);
  assert.deepEqual(decodeQueues(getOptimizer("m3e-heft").optimize(one, 10, 0).best, 1), [[
    1,
    2,
    0,
  ]]);
});

Deno.test("M3E's SJF sorts by latency on the last core, then the one before; textbook SJF by the fastest core", () => {
  // Four cores; sort keys (core 3, core 2): job 0 (5, 1), job 1 (3, 2), job 2 (3, 9), job 3 (1, 1)
  // -> order 3, 1, 2, 0. Least-loaded core in that order (first core on ties): job 3 -> core 0,
  // job 1 -> core 1 (9 cycles), job 2 -> core 2 (9), job 0 -> core 3 (5): makespan 9.
  // Textbook (fastest-core latency 1, 2, 1, 1 -> order 0, 2, 3, 1): cores 0, 1, 2, 3 run 1, 1, 1
  // and 3 cycles: makespan 3.
  const l = [[1, 1, 1, 5], [9, 9, 2, 3], [1, 1, 9, 3], [1, 1, 1, 1]];
  const q = tinyProblem(l, l.map(() => [0.01, 0.01, 0.01, 0.01]), 100);
  const m3e = getOptimizer("m3e-sjf").optimize(q, 10, 0);
  assert.deepEqual(decodeQueues(m3e.best, 4), [[3], [1], [2], [0]]);
  assert.equal(m3e.makespanCycles, 9);
  const ours = getOptimizer("sjf").optimize(q, 10, 0);
  assert.deepEqual(decodeQueues(ours.best, 4), [[0], [2], [3], [1]]);
  assert.equal(ours.makespanCycles, 3);
});
