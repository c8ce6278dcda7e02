import assert from "node:assert/strict";
import { defaultAccelerator } from "../../lib/arch/mod.ts";
import { distributeNetwork } from "../../lib/multicore/mod.ts";
import { getNetwork } from "../../lib/workload/mod.ts";

const acc = defaultAccelerator(32, 32, { dramBandwidthBytesPerCycle: 16 });
const counts = Array.from({ length: 16 }, (_, i) => i + 1);

Deno.test("one core: every strategy has speed-up 1 (all reduce to the unsplit layer)", () => {
  for (const memory of ["compute-bound", "shared-dram", "private-dram"] as const) {
    const [p] = distributeNetwork(getNetwork("squeezenet1_0"), acc, [1], { memory });
    for (
      const s of [
        p.speedupFilters,
        p.speedupPixels,
        p.speedupAlgorithm,
        p.speedupBestGrid,
        p.speedupPipelineOptimal,
      ]
    ) assert.equal(s, 1);
  }
});

Deno.test("compute-bound speed-ups never exceed N; the optimum bounds the algorithm and grows with N", () => {
  for (const name of ["alexnet", "mobilenet_v2", "googlenet"]) {
    const pts = distributeNetwork(getNetwork(name), acc, counts);
    let last = 0;
    for (const p of pts) {
      for (
        const s of [
          p.speedupAlgorithm,
          p.speedupBestGrid,
          p.speedupPipelineOptimal,
          p.speedupFilters,
        ]
      ) {
        assert.ok(s <= p.cores + 1e-12, `${name} N=${p.cores}: ${s}`);
      }
      assert.ok(p.speedupAlgorithm <= p.speedupBestGrid && p.efficiency <= 1);
      assert.ok(p.speedupPipelineGreedy <= p.speedupPipelineOptimal);
      assert.ok(p.speedupBestGrid >= last); // p x q <= N: more cores never hurt the optimum
      last = p.speedupBestGrid;
    }
  }
});

Deno.test("shared DRAM never beats private DRAM for the grid optimum", () => {
  const net = getNetwork("alexnet");
  const shared = distributeNetwork(net, acc, [2, 8], { memory: "shared-dram" });
  const own = distributeNetwork(net, acc, [2, 8], { memory: "private-dram" });
  shared.forEach((s, i) => assert.ok(s.bestGridCycles >= own[i].bestGridCycles));
  assert.throws(
    () => distributeNetwork(net, acc, [0]),
    /core count must be a positive integer, got 0/,
  );
});
