import assert from "node:assert/strict";
import { parseDpuConfig } from "../../lib/arch/dpu/sizes.ts";
import { DEFAULT_PLATFORM } from "../../lib/arch/dpu/platform.ts";
import { profileNetwork } from "../../lib/arch/dpu/job.ts";
import { parseNetwork } from "../../lib/workload/shapes.ts";

// One 4096 x 4096 dense layer: 16.8 MB of int8 weights, so DRAM-bound on a B4096.
const fcNet = parseNetwork({
  name: "fc",
  family: "test",
  task: "classification",
  input: { h: 1, w: 1, c: 4096 },
  layers: [{ kind: "dense", name: "fc", inputFeatures: 4096, outputFeatures: 4096 }],
});
const calib = { efficiency: 1, layerOverheadCycles: 0 };

Deno.test("profile: a DRAM-bound job slows down when two cores share DRAM (hand calculation)", () => {
  const dpu = parseDpuConfig({ arch: "B4096", cores: 2, mhz: 300 });
  const p = profileNetwork(fcNet, dpu, DEFAULT_PLATFORM, calib);
  const bytes = 4096 * 4096 + 4096 + 2 * 4096; // weights + bias + input + output
  assert.equal(p.dramBytes, bytes);
  // Alone: the core's 9.6 GB/s ports limit (below 12.48 GB/s DRAM); compute is 65536 cycles.
  const alone = bytes / 9.6e9;
  assert.ok(Math.abs(p.dpuSecondsByBusyCores[0] - alone) < 1e-12);
  // Two busy: the other core takes its 9.6 GB/s average, leaving 2.88 GB/s; an equal share of
  // 12.48 / 2 = 6.24 GB/s is the floor.
  assert.ok(Math.abs(p.dpuSecondsByBusyCores[1] - bytes / 6.24e9) < 1e-12);
});

Deno.test("profile: a compute-bound job is not slowed by a second core", () => {
  const conv = parseNetwork({
    name: "conv",
    family: "test",
    task: "classification",
    input: { h: 56, w: 56, c: 64 },
    layers: [{
      kind: "conv2d",
      name: "c",
      inputH: 56,
      inputW: 56,
      inputC: 64,
      outputC: 64,
      kernelH: 3,
      kernelW: 3,
      padH: 1,
      padW: 1,
    }],
  });
  const dpu = parseDpuConfig({ arch: "B4096", cores: 3, mhz: 300 });
  const p = profileNetwork(conv, dpu, DEFAULT_PLATFORM, {
    efficiency: 0.5,
    layerOverheadCycles: 1000,
  });
  // 56 x 7 x 4 x 4 x 9 = 56448 cycles / 0.5 + 1000 = 113896 cycles at 300 MHz.
  const s = 113896 / 300e6;
  for (const t of p.dpuSecondsByBusyCores) assert.ok(Math.abs(t - s) < 1e-12);
  assert.equal(p.ops, 2 * 56 * 56 * 64 * 64 * 9);
  assert.equal(p.depthwiseOpsShare, 0);
});
