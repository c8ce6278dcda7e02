import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type Accelerator,
  defaultAccelerator,
  ENERGY_COUNT_KEYS,
  energyOf,
  gemmCost,
  type LayerCost,
} from "../../lib/arch/mod.ts";
import { scaleSimReference } from "./scalesim_reference.ts";

const dataflow = fc.constantFrom("ws" as const, "os" as const, "is" as const);
const gemm = fc.record({
  m: fc.integer({ min: 1, max: 400 }),
  k: fc.integer({ min: 1, max: 400 }),
  n: fc.integer({ min: 1, max: 400 }),
  groups: fc.integer({ min: 1, max: 8 }),
});
const array = fc.record({
  rows: fc.integer({ min: 1, max: 64 }),
  cols: fc.integer({ min: 1, max: 64 }),
  dataflow,
  dramBandwidthBytesPerCycle: fc.integer({ min: 1, max: 64 }),
  ifmapSramKiB: fc.constantFrom(0.25, 1, 64, 512),
  groupPacking: fc.constantFrom("diagonal" as const, "serial" as const),
});
const inUnit = (x: number) => x > 0 && x <= 1 + 1e-12;
// Fixed seed so CI runs the same cases every time; change it locally to explore other cases.
const seeded = { seed: 42 };

function allFinite(c: LayerCost): boolean {
  const nums = Object.values(c).filter((v) => typeof v === "number") as number[];
  return [...nums, ...Object.values(c.energyPJ)].every((v) => Number.isFinite(v) && v >= 0);
}

Deno.test("property: closed forms equal the fold-by-fold SCALE-Sim reference (groups = 1)", () => {
  fc.assert(
    fc.property(gemm, array, (g, a) => {
      const acc = defaultAccelerator(a.rows, a.cols, { dataflow: a.dataflow });
      const c = gemmCost({ ...g, groups: 1 }, acc);
      const ref = scaleSimReference(g.m, g.k, g.n, a.rows, a.cols, a.dataflow);
      assert.equal(c.scaleSimTotalCycles, ref.totalCycles);
      assert.equal(c.computeCycles, ref.totalCycles + 1);
      assert.equal(c.folds, ref.folds);
      assert.equal(c.ifmapSramReads, ref.ifmapReads);
      assert.equal(c.filterSramReads, ref.filterReads);
      assert.equal(c.ofmapSramWrites, ref.ofmapWrites);
      assert.ok(Math.abs(c.mappingEfficiency - ref.mappingEfficiency) < 1e-9); // fold sums round
      assert.ok(Math.abs(c.computeUtilization - ref.computeUtilization) < 1e-9);
    }),
    seeded,
  );
});

Deno.test("property: utilizations in (0,1], cycles >= MACs/(R*C), outputs finite", () => {
  fc.assert(
    fc.property(gemm, array, (g, a) => {
      const c = gemmCost(g, defaultAccelerator(a.rows, a.cols, a));
      for (const key of ["mappingEfficiency", "computeUtilization"] as const) {
        assert.ok(inUnit(c[key]), `${key} = ${c[key]}`);
      }
      // SCALE-Sim's overall utilization divides by its last-cycle index, which on a 1x1 os array
      // (no fill or drain) is one less than the MACs per group: its own figure exceeds 1 there
      // (fixed case in systolic_test.ts). Every other array stays in (0, 1].
      if (a.rows === 1 && a.cols === 1 && a.dataflow === "os") assert.ok(c.overallUtilization > 0);
      else assert.ok(inUnit(c.overallUtilization), `overallUtilization = ${c.overallUtilization}`);
      assert.ok(inUnit(c.peUtilization));
      assert.ok(c.computeCycles >= c.macs / (a.rows * a.cols));
      assert.ok(c.cycles >= c.computeCycles);
      assert.ok(allFinite(c));
    }),
    seeded,
  );
});

Deno.test("property: a larger array never needs more folds", () => {
  const grow = fc.record({
    dr: fc.integer({ min: 0, max: 64 }),
    dc: fc.integer({ min: 0, max: 64 }),
  });
  fc.assert(
    fc.property(gemm, array, grow, (g, a, d) => {
      const small = gemmCost(g, defaultAccelerator(a.rows, a.cols, a));
      const big = gemmCost(g, defaultAccelerator(a.rows + d.dr, a.cols + d.dc, a));
      assert.ok(big.folds <= small.folds, `${big.folds} > ${small.folds}`);
    }),
    seeded,
  );
});

const countKeys = ENERGY_COUNT_KEYS;

Deno.test("property: energy grows with each access count, and with elapsed time", () => {
  const counts = fc.record(
    Object.fromEntries(countKeys.map((k) => [k, fc.integer({ min: 0, max: 1e6 })])) as Record<
      (typeof countKeys)[number],
      fc.Arbitrary<number>
    >,
  );
  const acc: Accelerator = defaultAccelerator(16, 16);
  fc.assert(
    fc.property(counts, fc.integer({ min: 1, max: 1e7 }), (c, cycles) => {
      const base = energyOf(c, acc, { elapsedCycles: cycles }).total;
      for (const key of countKeys) {
        // More MACs means fewer idle PE-cycles; a MAC still costs more than an idle cycle.
        const more = energyOf({ ...c, [key]: c[key] + 1 }, acc, { elapsedCycles: cycles }).total;
        assert.ok(more > base, `${key}: ${more} <= ${base}`);
      }
      assert.ok(energyOf(c, acc, { elapsedCycles: cycles + 1 }).total > base);
    }),
    seeded,
  );
});
