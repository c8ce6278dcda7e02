import assert from "node:assert/strict";
import fc from "fast-check";
import { pipelineFromStarts, pipelineGreedy, pipelineOptimal } from "../../lib/multicore/mod.ts";

/** Independent brute force: every way to place up to S-1 cuts between L layers. */
function bruteForce(costs: number[], stages: number): number {
  const L = costs.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << (L - 1); mask++) {
    const cuts = [...Array(L - 1).keys()].filter((i) => mask & (1 << i));
    if (cuts.length + 1 > stages) continue;
    const starts = [0, ...cuts.map((i) => i + 1)];
    best = Math.min(best, pipelineFromStarts(costs, starts).maxStageCost);
  }
  return best;
}

const costs = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 9 });

Deno.test("DP pipeline split is optimal against brute force on small layer lists", () => {
  fc.assert(
    fc.property(costs, fc.integer({ min: 1, max: 6 }), (c, s) => {
      const dp = pipelineOptimal(c, s);
      assert.equal(dp.maxStageCost, bruteForce(c, s));
      assert.ok(dp.starts.length <= s);
      assert.equal(dp.stageCosts.reduce((a, b) => a + b, 0), c.reduce((a, b) => a + b, 0));
    }),
    { seed: 42 },
  );
});

Deno.test("greedy is never better than the DP and the speed-up never exceeds N", () => {
  fc.assert(
    fc.property(costs, fc.integer({ min: 1, max: 6 }), (c, s) => {
      const total = c.reduce((a, b) => a + b, 0);
      const dp = pipelineOptimal(c, s), greedy = pipelineGreedy(c, s);
      assert.ok(greedy.maxStageCost >= dp.maxStageCost);
      assert.ok(greedy.starts.length <= s);
      assert.ok(total <= s * dp.maxStageCost); // speed-up total / max stage <= s
    }),
    { seed: 42 },
  );
});

Deno.test("hand cases: greedy 5 vs optimum 4 on [2,2,2,3] in 3 stages", () => {
  // Greedy target 9/3 = 3: [2] | [2] | [2,3] = 5. Optimum: [2,2] | [2] | [3] = 4 (by hand).
  assert.deepEqual(pipelineGreedy([2, 2, 2, 3], 3).stageCosts, [2, 2, 5]);
  const dp = pipelineOptimal([2, 2, 2, 3], 3);
  assert.equal(dp.maxStageCost, 4);
  // [1,2,3,4,5] in 2 stages: [1,2,3] | [4,5] = 9 (the only cut with max < 10).
  assert.deepEqual(pipelineOptimal([1, 2, 3, 4, 5], 2).starts, [0, 3]);
  // More stages than layers: one layer per stage.
  assert.deepEqual(pipelineOptimal([5, 1], 4).stageCosts, [5, 1]);
});

Deno.test("bad pipeline inputs are named", () => {
  assert.throws(() => pipelineOptimal([], 2), /no layers/);
  assert.throws(() => pipelineOptimal([1, -1], 2), /cost\[1\] = -1/);
  assert.throws(() => pipelineGreedy([1], 0), /stages must be a positive integer, got 0/);
});
