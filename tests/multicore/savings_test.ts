import assert from "node:assert/strict";
import fc from "fast-check";
import {
  compareCores,
  type CoreConfig,
  type SweepPoint,
  type SweepResult,
} from "../../lib/multicore/mod.ts";

const cfg = (rows: number): CoreConfig => ({
  rows,
  cols: rows,
  dataflow: "ws",
  bufferKiB: 64,
  bandwidthBytesPerCycle: 8,
});

/** A sweep result from energy and latency matrices (EDP = energy x latency). */
function fake(energy: number[][], latency: number[][]): SweepResult {
  const configs = energy[0].map((_, j) => cfg(8 * (j + 1)));
  const points: SweepPoint[] = [];
  energy.forEach((row, n) =>
    row.forEach((e, c) => {
      const total = e;
      points.push({
        network: n,
        config: c,
        energyPJ: { mac: 0, rf: 0, array: 0, sram: 0, dram: 0, idle: 0, leakage: 0, total },
        cycles: latency[n][c],
        latencySeconds: latency[n][c],
        edpPJs: e * latency[n][c],
        dramBytes: 0,
        macs: 1,
        peUtilization: 1,
      });
    })
  );
  return { networks: energy.map((_, n) => `net${n}`), configs, points };
}

Deno.test("hand example: homogeneous core by mean normalised energy, savings per network", () => {
  // Energy: net0 [10, 20, 40], net1 [40, 20, 10]. Normalised: [1, 2, 4] and [4, 2, 1]; means
  // 2.5, 2, 2.5 -> the homogeneous core is config 1. Savings: net0 1 - 10/20 = 0.5, net1 0.5.
  const r = fake([[10, 20, 40], [40, 20, 10]], [[1, 1, 1], [1, 1, 1]]);
  const rep = compareCores(r, "energy", [0, 1, 2], 0);
  assert.equal(rep.homogeneousConfig, 1);
  assert.deepEqual(rep.networks.map((x) => x.bestConfig), [0, 2]);
  assert.deepEqual(rep.networks.map((x) => x.savingVsHomogeneous), [0.5, 0.5]);
  // Against reference config 0: net0 saves 0, net1 1 - 10/40 = 0.75.
  assert.deepEqual(rep.networks.map((x) => x.savingVsReference), [0, 0.75]);
  assert.equal(rep.maxSavingVsHomogeneous, 0.5);
  // EDP with latencies [[1, 1, 4], [1, 1, 1]]: net0 EDP [10, 20, 160], net1 [40, 20, 10].
  const e = compareCores(fake([[10, 20, 40], [40, 20, 10]], [[1, 1, 4], [1, 1, 1]]), "edp", [
    0,
    1,
    2,
  ], 0);
  assert.equal(e.homogeneousConfig, 1); // normalised means: 2.5, 2, 8.5
});

Deno.test("property: a network's best core is never worse than the homogeneous baseline", () => {
  const mat = fc.integer({ min: 1, max: 6 }).chain((m) =>
    fc.array(
      fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: m, maxLength: m }),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
  );
  fc.assert(
    fc.property(mat, (energy) => {
      const r = fake(energy, energy.map((row) => row.map(() => 1)));
      const space = energy[0].map((_, j) => j);
      for (const metric of ["energy", "latency", "edp"] as const) {
        const rep = compareCores(r, metric, space, 0);
        for (const n of rep.networks) {
          assert.ok(n.best <= n.homogeneous && n.best <= n.reference);
          assert.ok(n.savingVsHomogeneous >= 0 && n.savingVsHomogeneous < 1);
        }
      }
    }),
    { seed: 42 },
  );
});

Deno.test("compareCores names bad indices", () => {
  const r = fake([[1, 2]], [[1, 1]]);
  assert.throws(() => compareCores(r, "energy", [], 0), /empty search space/);
  assert.throws(() => compareCores(r, "energy", [0, 5], 0), /index 5 out of range/);
});
