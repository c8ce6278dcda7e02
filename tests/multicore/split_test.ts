import assert from "node:assert/strict";
import fc from "fast-check";
import { defaultAccelerator, gemmCost } from "../../lib/arch/mod.ts";
import {
  foldAwareSplit,
  optimalGridSplit,
  splitExtent,
  splitLayer,
} from "../../lib/multicore/mod.ts";

// A 32x32 WS core that never waits for DRAM: with a huge bandwidth a layer's stall is 1 cycle
// (the first fold's data, ceil of a tiny fraction), so cycles = folds x (2R + C + T - 2) + 1.
const fast = defaultAccelerator(32, 32, {
  dramBandwidthBytesPerCycle: 1e12,
  ifmapSramKiB: 1e6,
  filterSramKiB: 1e6,
  ofmapSramKiB: 1e6,
});

Deno.test("splitExtent: whole tiles, the short tile in a smaller part (hand cases)", () => {
  // 96 filters, 32 columns: 3 tiles over 2 cores -> 2 tiles (64) + 1 tile (32).
  assert.deepEqual(splitExtent(96, 2, 32), [{ size: 64, count: 1 }, { size: 32, count: 1 }]);
  // 70 filters: 3 tiles, the last one 6 long: 64 + 6.
  assert.deepEqual(splitExtent(70, 2, 32), [{ size: 64, count: 1 }, { size: 6, count: 1 }]);
  // 10 pixels streamed in time over 3 cores: 4 + 3 + 3.
  assert.deepEqual(splitExtent(10, 3, 1), [{ size: 4, count: 1 }, { size: 3, count: 2 }]);
  // More cores than tiles: only 2 parts.
  assert.deepEqual(splitExtent(40, 8, 32), [{ size: 32, count: 1 }, { size: 8, count: 1 }]);
  assert.throws(() => splitExtent(0, 2, 32), /extent must be a positive integer, got 0/);
});

Deno.test("property: parts cover the extent, respect tiles, and never exceed the part count", () => {
  const args = fc.tuple(
    fc.integer({ min: 1, max: 5000 }),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 128 }),
  );
  fc.assert(
    fc.property(args, ([extent, parts, unit]) => {
      const out = splitExtent(extent, parts, unit);
      const count = out.reduce((s, p) => s + p.count, 0);
      assert.equal(out.reduce((s, p) => s + p.size * p.count, 0), extent);
      assert.ok(count <= parts);
      const tiles = Math.ceil(extent / unit);
      const ragged = out.filter((p) => p.size % unit !== 0).reduce((s, p) => s + p.count, 0);
      assert.ok(ragged <= 1); // only the part holding the short tile is not whole tiles
      assert.ok(out.every((p) => p.size <= Math.ceil(tiles / Math.min(parts, tiles)) * unit));
    }),
    { seed: 42 },
  );
});

Deno.test("hand-computed split of a 100 x 32 x 64 GEMM on two 32x32 WS cores", () => {
  // One core: 2 column folds x (64 + 32 + 100 - 2 = 194) + 1 = 389 cycles.
  const g = { m: 100, k: 32, n: 64, groups: 1 };
  assert.equal(gemmCost(g, fast).cycles, 389);
  // Filters: 32 each -> 1 fold x 194 + 1 = 195. Pixels: 50 each -> 2 x 144 + 1 = 289.
  assert.equal(splitLayer(g, fast, 2, 1, "private-dram").cycles, 195);
  assert.equal(splitLayer(g, fast, 1, 2, "private-dram").cycles, 289);
  assert.equal(foldAwareSplit(g, fast, 2, "private-dram").cycles, 195);
  // Compute-bound drops the 1 stall cycle: 194.
  assert.equal(foldAwareSplit(g, fast, 2).cycles, 194);
});

Deno.test("the grid optimum beats both 1-D splits when filters have fewer tiles than cores", () => {
  // 1000 x 32 x 64 on four 32x32 WS cores (compute cycles, by hand):
  // filters: only 2 tiles -> 2 cores, 1 fold x (94 + 1000) = 1094;
  // pixels: 250 each, 2 folds x (94 + 250) = 688; grid 2 x 2: 1 fold x (94 + 500) = 594.
  const g = { m: 1000, k: 32, n: 64, groups: 1 };
  assert.equal(splitLayer(g, fast, 4, 1).cycles, 1094);
  assert.equal(splitLayer(g, fast, 4, 1).cores, 2);
  assert.equal(foldAwareSplit(g, fast, 4).cycles, 688);
  const best = optimalGridSplit(g, fast, 4);
  assert.equal(best.cycles, 594);
  assert.deepEqual([best.filterParts, best.pixelParts], [2, 2]);
});

Deno.test("depthwise layers split their groups in multiples of the groups packed per fold", () => {
  // 3x3 depthwise, 64 channels: K = 9, N = 1 per group; a 32x32 WS array packs
  // min(floor(32/9), floor(32/1)) = 3 groups per fold, so 22 folds on one core (ceil(64/3)).
  const g = { m: 196, k: 9, n: 1, groups: 64 };
  assert.equal(gemmCost(g, fast).folds, 22);
  // Two cores: 22 tiles of 3 groups -> 11 tiles each: 33 groups, and 31 (the short last tile).
  // Each core: 11 folds x (64 + 32 + 196 - 2 = 290) = 3190 compute cycles.
  const s = splitLayer(g, fast, 2, 1);
  assert.equal(s.cores, 2);
  assert.equal(s.cycles, 11 * 290);
  // An even 32 + 32 split would need ceil(32/3) = 11 folds too; 3 cores: ceil(22/3) = 8 folds.
  assert.equal(splitLayer(g, fast, 3, 1).cycles, 8 * 290);
});

Deno.test("property: compute-bound speed-up of any split never exceeds the cores used", () => {
  const args = fc.record({
    m: fc.integer({ min: 1, max: 3000 }),
    k: fc.integer({ min: 1, max: 600 }),
    n: fc.integer({ min: 1, max: 600 }),
    groups: fc.constantFrom(1, 1, 4, 32),
    rows: fc.constantFrom(8, 16, 32),
    cols: fc.constantFrom(8, 16, 64),
    dataflow: fc.constantFrom("ws" as const, "os" as const, "is" as const),
    cores: fc.integer({ min: 1, max: 16 }),
  });
  fc.assert(
    fc.property(args, (a) => {
      const acc = defaultAccelerator(a.rows, a.cols, { dataflow: a.dataflow });
      const g = { m: a.m, k: a.k, n: a.n, groups: a.groups };
      const one = splitLayer(g, acc, 1, 1).cycles;
      assert.equal(one, gemmCost(g, acc).computeCycles);
      const best = optimalGridSplit(g, acc, a.cores);
      const alg = foldAwareSplit(g, acc, a.cores);
      assert.ok(best.cores <= a.cores && alg.cores <= a.cores);
      assert.ok(one <= a.cores * best.cycles, `speed-up ${one / best.cycles} > ${a.cores}`);
      assert.ok(best.cycles <= alg.cycles && alg.cycles <= one);
    }),
    { seed: 42 },
  );
});
