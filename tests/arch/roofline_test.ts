/** The roofline engine (lib/arch/roofline.ts): hand-calculated times, and its systolic efficiency. */
import assert from "node:assert/strict";
import { defaultAccelerator } from "../../lib/arch/accelerator.ts";
import { layerCost } from "../../lib/arch/cost.ts";
import {
  convArrayShape,
  efficiencyOn,
  layerDemand,
  layerSeconds,
  rooflineModel,
  stageBytes,
  stageMacs,
  stageSeconds,
  systolicEfficiency,
} from "../../lib/arch/roofline.ts";
import { getNetwork } from "../../lib/workload/zoo/mod.ts";
import type { Conv2d } from "../../lib/workload/layer.ts";
import { demandLayer } from "../elastic/nets.ts";

const F = 1e8; // 100 MHz

Deno.test("roofline: compute-bound conv layer (hand calculation)", () => {
  // 1e8 MACs on 100 PEs at 100 MHz = 1e8 / 1e10 = 10 ms; 1 MB of weights at 1 GB/s = 1 ms.
  const l = demandLayer("c", 1e8, 1e6);
  assert.equal(layerSeconds(l, 100, 1e9, 1, F), 0.01);
});

Deno.test("roofline: FC layer at B = 1 and B = 4 (weights fetched once per batch)", () => {
  // 4e6 weights, 16-bit: 8e6 bytes at 6.4 GB/s = 1.25 ms; 4e6 MACs on 32 PEs = 1.25 ms.
  const fc = demandLayer("fc", 4e6, 8e6);
  assert.ok(Math.abs(layerSeconds(fc, 32, 6.4e9, 1, F) - 1.25e-3) < 1e-15);
  // B = 4: compute 4 x 1.25 ms = 5 ms, traffic still 1.25 ms -> 5 ms per batch (1.25 ms per image).
  assert.ok(Math.abs(layerSeconds(fc, 32, 6.4e9, 4, F) - 5e-3) < 1e-15);
  // On 512 PEs the same batch of 4 is bandwidth-bound: 4 x 4e6 / 5.12e10 = 0.3125 ms < 1.25 ms.
  assert.ok(Math.abs(layerSeconds(fc, 512, 6.4e9, 4, F) - 1.25e-3) < 1e-15);
});

Deno.test("roofline: spilled activations scale with the batch, efficiency slows compute", () => {
  // 2 MB weights + 3 x 1 MB activations = 5 MB at 1 GB/s = 5 ms; compute 3 x 1e6 / 1e10 = 0.3 ms.
  const l = { ...demandLayer("c", 1e6, 2e6), activationBytesPerImage: 1e6 };
  assert.ok(Math.abs(layerSeconds(l, 100, 1e9, 3, F) - 5e-3) < 1e-15);
  // eta = 0.5 doubles compute: 1e8 MACs on 100 PEs -> 20 ms.
  const slow = { ...demandLayer("c", 1e8, 0), efficiency: 0.5 };
  assert.equal(layerSeconds(slow, 100, 1e9, 1, F), 0.02);
});

Deno.test("roofline: missing resources give Infinity, empty work gives 0, never NaN", () => {
  assert.equal(layerSeconds(demandLayer("c", 1e6, 1e3), 0, 1e9, 1, F), Infinity);
  assert.equal(layerSeconds(demandLayer("c", 1e6, 1e3), 16, 0, 1, F), Infinity);
  assert.equal(layerSeconds(demandLayer("c", 0, 0), 0, 0, 1, F), 0);
  // A layer with no traffic needs no bandwidth.
  assert.equal(layerSeconds(demandLayer("c", 1e6, 0), 100, 0, 1, F), 1e-4);
});

Deno.test("roofline: a stage is its layers one after another", () => {
  const stage = [demandLayer("a", 1e8, 0), demandLayer("b", 0, 6.4e6)];
  // 1e8 / (100 x 1e8) = 10 ms, then 6.4 MB / 6.4 GB/s = 1 ms.
  assert.ok(Math.abs(stageSeconds(stage, 100, 6.4e9, 1, F) - 0.011) < 1e-15);
  assert.equal(stageMacs(stage, 3), 3e8);
  assert.equal(stageBytes(stage, 3), 6.4e6);
});

const conv1x1: Conv2d = {
  kind: "conv2d",
  name: "c",
  inputH: 8,
  inputW: 8,
  inputC: 16,
  outputC: 32,
  kernelH: 1,
  kernelW: 1,
  strideH: 1,
  strideW: 1,
  padH: 0,
  padW: 0,
  dilationH: 1,
  dilationW: 1,
  groups: 1,
  bias: false,
  batch: 1,
};

Deno.test("roofline: a PE count maps to a rows x floor(p / rows) array", () => {
  assert.deepEqual(convArrayShape(512, 16), { rows: 16, cols: 32 });
  assert.deepEqual(convArrayShape(480, 16), { rows: 16, cols: 30 });
  assert.deepEqual(convArrayShape(40, 16), { rows: 16, cols: 2 }); // 8 PEs idle
  assert.deepEqual(convArrayShape(8, 16), { rows: 8, cols: 1 });
  // Growing in rows instead: the transpose.
  assert.deepEqual(convArrayShape(480, 16, "rows"), { rows: 30, cols: 16 });
  assert.deepEqual(convArrayShape(8, 16, "rows"), { rows: 1, cols: 8 });
});

Deno.test("roofline: systolic efficiency of a 1x1 conv on a 16x32 ws array (hand calculation)", () => {
  // ws: Sr = K = 16, Sc = N = 32, T = M = 64 -> one fold of 2x16 + 32 + 64 - 2 = 126 cycles;
  // 64 x 16 x 32 = 32768 MACs on 512 PEs: eta = 32768 / (126 x 512).
  assert.equal(systolicEfficiency(conv1x1, 512, 1, 16, "ws"), 32768 / (126 * 512));
  // Batch 4 folds into T = 256: one fold of 2x16 + 32 + 256 - 2 = 318 cycles for 4x the MACs.
  assert.equal(systolicEfficiency(conv1x1, 512, 4, 16, "ws"), (4 * 32768) / (318 * 512));
  // On the transposed 32 x 16 array: Sr = 16 of 32 rows, Sc = 32 -> 2 column folds of
  // 2x32 + 16 + 64 - 2 = 142 cycles: eta = 32768 / (284 x 512).
  assert.equal(systolicEfficiency(conv1x1, 512, 1, 16, "ws", "rows"), 32768 / (284 * 512));
});

Deno.test("roofline: systolic efficiency equals layerCost's compute utilisation on the same array", () => {
  // The grouped and ungrouped convs of the two-tower AlexNet on a 16 x 30 array (480 PEs): the
  // roofline's efficiency must be layerCost's macs / (computeCycles x R x C), i.e. its PE
  // utilisation without DRAM stalls, so the roofline's compute term is that array's cycles.
  const acc = defaultAccelerator(16, 30);
  const convs = getNetwork("alexnet_grouped").layers.filter((l) => l.kind === "conv2d");
  for (const l of convs) {
    const c = layerCost(l, acc);
    const eta = systolicEfficiency(l, 480, 1, 16, "ws");
    const want = c.macs / (c.computeCycles * 480);
    assert.ok(Math.abs(eta - want) < 1e-12, `${l.name}: ${eta} vs ${want}`);
    assert.ok(eta >= c.peUtilization && eta <= 1, l.name);
  }
});

Deno.test("roofline: layerDemand takes conv efficiency from the array, FC keeps the fixed one", () => {
  const hw = {
    clockHz: 1e8,
    wordBytes: 2,
    activationBufferBytes: 1e9,
    convEfficiency: 0.5,
    fcEfficiency: 0.9,
    convEfficiencySource: "systolic" as const,
    convArrayRows: 16,
  };
  const d = layerDemand(conv1x1, hw);
  assert.equal(efficiencyOn(d, 512, 1), 32768 / (126 * 512));
  // Compute time on 512 PEs: 32768 MACs / (512 x 1e8 x eta) = 126 cycles = 1.26 us.
  assert.ok(Math.abs(layerSeconds(d, 512, 1e30, 1, 1e8) - 1.26e-6) < 1e-18);
  const fc = layerDemand(
    {
      kind: "dense",
      name: "fc",
      inputFeatures: 16,
      outputFeatures: 4,
      tokens: 1,
      bias: false,
      batch: 1,
    },
    hw,
  );
  assert.equal(efficiencyOn(fc, 512, 1), 0.9);
  assert.equal(
    efficiencyOn(layerDemand(conv1x1, { ...hw, convEfficiencySource: "fixed" }), 512, 1),
    0.5,
  );
});

Deno.test("roofline model: per-layer cost in the common interface (hand calculation)", () => {
  // FC 4096 -> 1000, no bias, 16-bit: 4,096,000 MACs, 8,192,000 bytes. On 64 PEs at 100 MHz and
  // 6.4 GB/s: compute 64,000 cycles, traffic 1.28 ms = 128,000 cycles -> 64,000 stall cycles.
  const e = {
    clockHz: 1e8,
    wordBytes: 2,
    activationBufferBytes: 1e9,
    convEfficiency: 1,
    fcEfficiency: 1,
    pes: 64,
    bandwidthBytesPerSecond: 6.4e9,
  };
  const fc = {
    kind: "dense" as const,
    name: "fc",
    inputFeatures: 4096,
    outputFeatures: 1000,
    tokens: 1,
    bias: false,
    batch: 1,
  };
  const c = rooflineModel.layer(fc, e);
  assert.equal(c.macs, 4_096_000);
  assert.equal(c.dramBytes, 8_192_000);
  assert.equal(c.computeCycles, 64_000);
  assert.ok(Math.abs(c.cycles - 128_000) < 1e-6);
  assert.ok(Math.abs(c.stallCycles - 64_000) < 1e-6);
  assert.equal(c.sramAccesses, 0);
  assert.equal(c.energyPJ.total, 0);
  assert.equal(rooflineModel.layer({ ...fc, batch: 4 }, e).dramBytes, 8_192_000); // weights once
});

Deno.test("roofline: stageSeconds is the in-order sum of layerSeconds, bit for bit, cache or not", () => {
  // ResNet-50 with systolic conv efficiency; the stage cache is filled on the first call of each
  // (PEs, batch) and reused at every other bandwidth, so repeated calls must keep matching.
  const hw = {
    clockHz: 2e8,
    wordBytes: 2,
    activationBufferBytes: 2 ** 20,
    convEfficiency: 1,
    fcEfficiency: 1,
    convEfficiencySource: "systolic" as const,
    convArrayRows: 16,
  };
  const stage = getNetwork("resnet50").layers.map((l) => layerDemand(l, hw));
  for (let round = 0; round < 2; round++) {
    for (const pes of [16, 48, 512]) {
      for (const batch of [1, 4]) {
        for (const bw of [1e8, 3.2e9, 5.12e10, Infinity]) {
          let sum = 0;
          for (const l of stage) sum += layerSeconds(l, pes, bw, batch, hw.clockHz);
          assert.equal(stageSeconds(stage, pes, bw, batch, hw.clockHz), sum);
        }
      }
    }
  }
  assert.equal(stageSeconds([], 16, 1e9, 1, hw.clockHz), 0);
});
