import assert from "node:assert/strict";
import { parseDpuConfig } from "../../lib/arch/dpu/sizes.ts";
import { dpuModel, layerDpuCost } from "../../lib/arch/dpu/layer.ts";
import { parseLayer } from "../../lib/workload/shapes.ts";

const b1024 = parseDpuConfig({ arch: "B1024", cores: 1 }); // PP 8, ICP 8, OCP 8, ALU 4

const conv = (o: Record<string, unknown>) =>
  parseLayer({
    kind: "conv2d",
    name: "c",
    inputH: 8,
    inputW: 8,
    inputC: 16,
    outputC: 32,
    kernelH: 3,
    kernelW: 3,
    padH: 1,
    padW: 1,
    ...o,
  });

Deno.test("layer cost: full tiles run at PP x ICP x OCP MACs per cycle (hand calculation)", () => {
  const c = layerDpuCost(conv({}), b1024);
  // 8 rows x ceil(8/8) x ceil(16/8) x ceil(32/8) x 9 taps = 576 cycles; 8x8x32x16x9 MACs.
  assert.equal(c.engine, "conv");
  assert.equal(c.computeCycles, 576);
  assert.equal(c.macs, 294912);
  assert.equal(c.macs / c.computeCycles, 512);
  // int8: 16x32x9 weights + 8x8x16 input + 8x8x32 output bytes.
  assert.equal(c.dramBytes, 4608 + 1024 + 2048);
});

Deno.test("layer cost: partly filled tiles lose efficiency (3 input channels on ICP 8)", () => {
  const c = layerDpuCost(conv({ inputC: 3 }), b1024);
  // ceil(3/8) = 1 input tile holding 3 useful channels: 3/8 of peak.
  assert.equal(c.macs / c.computeCycles / 512, 3 / 8);
});

Deno.test("layer cost: depthwise runs on the ALU at aluParallel x ICP MACs per cycle", () => {
  const c = layerDpuCost(conv({ inputC: 32, outputC: 32, groups: 32 }), b1024);
  // 8 rows x ceil(8/4) x ceil(32/8) x 9 = 576 cycles for 8x8x32x9 = 18432 MACs: 32 per cycle.
  assert.equal(c.engine, "alu");
  assert.equal(c.computeCycles, 576);
  assert.equal(c.macs, 18432);
});

Deno.test("layer cost: dense is one pixel per cycle group; fused ops cost nothing", () => {
  const fc = parseLayer({ kind: "dense", name: "fc", inputFeatures: 64, outputFeatures: 10 });
  // ceil(1/8) x ceil(64/8) x ceil(10/8) = 16 cycles; 64x10 + 10 bias parameters + 64 + 10 bytes.
  const d = layerDpuCost(fc, b1024);
  assert.equal(d.computeCycles, 16);
  assert.equal(d.dramBytes, 650 + 74);
  const relu = parseLayer({
    kind: "eltwise",
    name: "r",
    op: "activation",
    inputH: 8,
    inputW: 8,
    inputC: 4,
    outputC: 4,
  });
  assert.deepEqual(layerDpuCost(relu, b1024), {
    engine: "none",
    computeCycles: 0,
    dramBytes: 0,
    macs: 0,
  });
});

Deno.test("dpuModel: the shared CostModel view adds DRAM stalls and busy-core energy", () => {
  // The hand-calculated conv above: 576 compute cycles, 7680 DRAM bytes at 300 MHz.
  // At 3.2e9 B/s the traffic takes 2.4 us = 720 cycles: 144 stall cycles, 720 cycles in all;
  // at 2 W busy the layer costs 2 W x 2.4 us = 4.8 uJ = 4.8e6 pJ.
  const c = dpuModel.layer(conv({}), { dpu: b1024, bytesPerSecond: 3.2e9, coreW: 2 });
  assert.equal(dpuModel.id, "dpu");
  assert.equal(c.computeCycles, 576);
  assert.ok(Math.abs(c.stallCycles - 144) < 1e-9, `${c.stallCycles}`);
  assert.ok(Math.abs(c.cycles - 720) < 1e-9);
  assert.equal(c.dramBytes, 7680);
  assert.equal(c.sramAccesses, 0);
  assert.ok(Math.abs(c.energyPJ.total - 4.8e6) < 1e-3, `${c.energyPJ.total}`);
  // Ample bandwidth: no stall, cycles = compute cycles.
  const fast = dpuModel.layer(conv({}), { dpu: b1024, bytesPerSecond: 1e12, coreW: 2 });
  assert.equal(fast.stallCycles, 0);
  assert.equal(fast.cycles, 576);
});
