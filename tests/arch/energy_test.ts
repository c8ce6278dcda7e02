import assert from "node:assert/strict";
import {
  defaultAccelerator,
  defaultEnergyTable,
  energyOf,
  energyRows,
  gemmCost,
  idleEnergyPJ,
  leakageEnergyPJ,
  sramAccessPJ,
} from "../../lib/arch/mod.ts";

// A table with round numbers so the hand calculation is easy to follow.
const table = {
  macPJ: 1,
  rfAccessPJ: 2,
  arrayHopPJ: 3,
  sramRefAccessPJ: 4,
  sramRefKiB: 256,
  sramSizeExponent: 0.5,
  dramPJPerByte: 5,
  idlePePJPerCycle: 0.5,
  peLeakageUW: 100,
  sramLeakageUWPerKiB: 1,
};
const acc = defaultAccelerator(2, 2, {
  energy: table,
  ifmapSramKiB: 256,
  filterSramKiB: 64,
  ofmapSramKiB: 1024,
  clockMHz: 100,
  dramBandwidthBytesPerCycle: 10,
});

Deno.test("layer energy by component, hand-computed (ws M=3 K=2 N=2 on 2x2)", () => {
  const c = gemmCost({ m: 3, k: 2, n: 2, groups: 1 }, acc);
  // 12 MACs, 12 RF accesses, 24 hops; cycles 7 + stall ceil(4 B tile / 10)=1 -> 8; idle 8*4-12 = 20.
  // SRAM: ifmap 6 reads + 6 fills at 4 pJ (256 KiB); filter 4+4 at 4*sqrt(64/256)=2 pJ;
  // ofmap 6 writes + 6 drains at 4*sqrt(1024/256)=8 pJ -> 48 + 16 + 96 = 160.
  // Leakage: (4 PEs*100 + 1344 KiB*1) uW * 8 cycles / 100 MHz = 139.52 pJ.
  const e = c.energyPJ;
  assert.deepEqual([e.mac, e.rf, e.array, e.sram, e.dram, e.idle], [12, 24, 72, 160, 80, 10]);
  assert.ok(Math.abs(e.leakage - 139.52) < 1e-9);
  assert.ok(Math.abs(e.total - 497.52) < 1e-9);
  assert.equal(c.idlePeCycles, 20);
  assert.ok(Math.abs(c.latencySeconds - 8 / 100e6) < 1e-18);
  assert.ok(Math.abs(c.edpPJs - 497.52 * 8e-8) < 1e-15);
});

Deno.test("energyOf charges idle PEs and leakage over the given time", () => {
  const c = gemmCost({ m: 3, k: 2, n: 2, groups: 1 }, acc);
  // A shared array: the same work but the PEs and SRAMs stay on for 100 cycles.
  const e = energyOf(c, acc, { elapsedCycles: 100 });
  assert.equal(e.idle, (100 * 4 - 12) * 0.5);
  assert.ok(Math.abs(e.leakage - (1744 * 100) / 100) < 1e-9);
  assert.equal(e.sram, c.energyPJ.sram); // dynamic parts do not depend on time
  const two = energyOf(c, acc, { elapsedCycles: 100, activePEs: 2 });
  assert.equal(two.idle, (100 * 2 - 12) * 0.5);
  assert.equal(idleEnergyPJ(acc, 10), 5);
  assert.ok(Math.abs(leakageEnergyPJ(acc, 50) - 872) < 1e-9);
});

Deno.test("SRAM access energy grows as sqrt(size); default anchored at Eyeriss 6x MAC @ 108 KiB", () => {
  assert.equal(sramAccessPJ(table, 1024), 8);
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12 * b, `${a} vs ${b}`);
  near(sramAccessPJ(defaultEnergyTable, 108), 6 * defaultEnergyTable.macPJ);
  // Horowitz 45 nm 64-bit reads: 8 KB -> 32 KB doubles the energy (10 -> 20 pJ).
  const ratio = sramAccessPJ(defaultEnergyTable, 32) / sramAccessPJ(defaultEnergyTable, 8);
  assert.ok(Math.abs(ratio - 2) < 1e-12);
  // Eyeriss ratios relative to a MAC: RF 1x, array 2x, DRAM 200x (per 8-bit word).
  const t = defaultEnergyTable;
  near(t.rfAccessPJ, t.macPJ);
  near(t.arrayHopPJ, 2 * t.macPJ);
  near(t.dramPJPerByte, 200 * t.macPJ);
});

Deno.test("a bigger buffer or array is not free: leakage and SRAM cost grow", () => {
  const g = { m: 64, k: 64, n: 64, groups: 1 };
  const small = gemmCost(g, defaultAccelerator(16, 16, { ifmapSramKiB: 64 }));
  const bigBuf = gemmCost(g, defaultAccelerator(16, 16, { ifmapSramKiB: 1024 }));
  assert.equal(bigBuf.dramBytes, small.dramBytes); // the data fits either way
  assert.ok(bigBuf.energyPJ.sram > small.energyPJ.sram);
  assert.ok(bigBuf.energyPJ.leakage > small.energyPJ.leakage);
  const bigArray = gemmCost(g, defaultAccelerator(128, 128, { ifmapSramKiB: 64 }));
  assert.ok(bigArray.energyPJ.idle > small.energyPJ.idle);
});

Deno.test("energyRows lists the seven components, which add up to the total", () => {
  const e = gemmCost({ m: 30, k: 20, n: 10, groups: 2 }, defaultAccelerator(8, 8)).energyPJ;
  const rows = energyRows(e);
  assert.deepEqual(rows.map((r) => r.component), [
    "mac",
    "rf",
    "array",
    "sram",
    "dram",
    "idle",
    "leakage",
  ]);
  const sum = rows.reduce((s, r) => s + r.energyPJ, 0);
  assert.ok(Math.abs(sum - e.total) < 1e-9 * e.total);
});
