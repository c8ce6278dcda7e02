import assert from "node:assert/strict";
import {
  apportion,
  demandGranules,
  equalShares,
  maxSpeedCounts,
  parsePartitionOptions,
  placeGranules,
  profileTenants,
  repartitionPenaltyCycles,
} from "../../lib/tenancy/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import { denseNet, tinyArray } from "./helpers.ts";

const claim = (tenant: number, weight: number, demand: number) => ({ tenant, weight, demand });

Deno.test("apportion: D'Hondt in proportion to weight, by hand", () => {
  // Weights 3:1, 8 granules, demands not binding. One each, then quotients w/(a+1):
  // A 1.5, 1, .75, .6, .5 (tie with B's .5: the heavier/earlier claim wins) -> A = 6; then
  // A 3/7 = .43 < B .5 -> B = 2. Result 6:2, the exact 3:1 split.
  assert.deepEqual(apportion([claim(0, 3, 8), claim(1, 1, 8)], 8), [6, 2]);
  // A demand caps a claim; the rest go to the other claim.
  assert.deepEqual(apportion([claim(0, 3, 2), claim(1, 1, 8)], 8), [2, 6]);
  // Demands that fit leave the rest free (nobody gets granules it cannot use).
  assert.deepEqual(apportion([claim(0, 5, 1), claim(1, 1, 2)], 8), [1, 2]);
  // More claims than granules: the heaviest get one each, the others wait.
  assert.deepEqual(apportion([claim(0, 1, 4), claim(1, 5, 4), claim(2, 3, 4)], 2), [0, 1, 1]);
  assert.deepEqual(apportion([claim(0, 1, 4)], 0), [0]);
});

Deno.test("apportion: a bad weight, demand or granule count is named with its value", () => {
  assert.throws(
    () => apportion([claim(0, NaN, 4)], 2),
    /claim 0 \(tenant 0\) weight must be finite and >= 0, got NaN/,
  );
  assert.throws(() => apportion([claim(0, 1, 4), claim(3, -2, 4)], 2), /tenant 3\) weight .* -2/);
  assert.throws(() => apportion([claim(0, 1, 0)], 2), /demand must be an integer >= 1, got 0/);
  assert.throws(() => apportion([claim(0, 1, 4)], -1), /free granules .* got -1/);
});

Deno.test("maxSpeedCounts: the split with the largest summed speed, by hand", () => {
  // A: 0.5 on 1 granule, 1 on 2; B: 0.9 on 1, 1 on 2. With 2 granules: A2 = 1, B2 = 1,
  // A1 + B1 = 1.4 -> one each. With 3: A2 + B1 = 1.9 beats A1 + B2 = 1.5.
  const speeds = [[0, 0.5, 1, 1], [0, 0.9, 1, 1]];
  assert.deepEqual(maxSpeedCounts(speeds, 2), [1, 1]);
  assert.deepEqual(maxSpeedCounts(speeds, 3), [2, 1]);
  // Extra granules that add no speed stay free.
  assert.deepEqual(maxSpeedCounts([[0, 1, 1, 1]], 3), [1]);
});

Deno.test("demand: the narrowest band on which a layer is fastest", () => {
  // 8x8 array, granule 2 columns, huge bandwidth: a WS fold costs 2R + c + T - 2 = 15 + c (+1 stall).
  // N = 4 outputs: 1 granule -> 2 folds of 17 = 34 (+1); 2 granules -> 1 fold of 19 (+1) = 20;
  // 3 granules -> 21 (+1) = 22; 4 granules -> 23 (+1) = 24. Fastest: 2 granules. N = 8: 4 granules = 1 fold of 23 (+1) = 24 beats
  // 2 granules = 2 folds of 19 (+1) = 39.
  const acc = tinyArray();
  const opts = parsePartitionOptions({ granularity: 2 }, acc);
  const [p] = profileTenants([denseNet("n", [[8, 4], [4, 8]])], acc, opts);
  assert.deepEqual(p.layers[0].byGranules.map((c) => c.cycles), [35, 20, 22, 24]);
  assert.equal(demandGranules(p, 0), 2);
  assert.equal(demandGranules(p, 1), 4);
});

Deno.test("placeGranules keeps a tenant's previous granules when they are free", () => {
  const holder = [-1, -1, 2, -1, -1, -1];
  const placed = placeGranules([0, 1], [2, 3], [[4, 5], undefined], holder);
  assert.deepEqual(placed, [[4, 5], [0, 1, 3]]);
  assert.deepEqual(holder, [1, 1, 2, 1, 0, 0]);
});

Deno.test("equal shares: the first tenants get the remainder", () => {
  assert.deepEqual(equalShares(8, 3), [3, 3, 2]);
  assert.deepEqual(equalShares(8, 4), [2, 2, 2, 2]);
  assert.throws(() => equalShares(2, 3), /3 tenants do not fit in 2 granules/);
});

Deno.test("re-partition penalty only when the band differs from the previous layer's", () => {
  const opts = parsePartitionOptions({ repartitionCycles: 9, granularity: 2 }, tinyArray());
  assert.equal(repartitionPenaltyCycles(undefined, [0, 1], opts), 0); // first layer: no previous band
  assert.equal(repartitionPenaltyCycles([0, 1], [0, 1], opts), 0);
  assert.equal(repartitionPenaltyCycles([0, 1], [1, 2], opts), 9); // moved
  assert.equal(repartitionPenaltyCycles([0, 1], [0], opts), 9); // shrunk
});

Deno.test("bad partition options name the field and the value", () => {
  const acc = tinyArray();
  assert.throws(
    () => parsePartitionOptions({ granularity: 3 }, acc),
    (e: Error) =>
      e instanceof ValidationError && /granularity: 3 does not divide cols 8/.test(e.message),
  );
  assert.throws(
    () => parsePartitionOptions({ axis: "diagonal", granularity: 0, repartitionCycles: -1 }, acc),
    (e: Error) =>
      e instanceof ValidationError && /axis/.test(e.message) && /"diagonal"/.test(e.message) &&
      /granularity/.test(e.message) && /repartitionCycles/.test(e.message),
  );
  assert.throws(
    () => parsePartitionOptions({ axis: "rows", granularity: 16 }, acc),
    /granularity: 16 does not divide rows 8/,
  );
});
