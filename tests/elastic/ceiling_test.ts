/** The overlap ceiling: a hand-calculated case and gain <= ceiling on random and zoo models. */
import assert from "node:assert/strict";
import fc from "fast-check";
import { ceilingGain } from "../../lib/elastic/ceiling.ts";
import { networkDemand } from "../../lib/elastic/demand.ts";
import { bestSplit } from "../../lib/elastic/search.ts";
import { monolithicSplit } from "../../lib/elastic/split.ts";
import { getNetwork } from "../../lib/workload/zoo/mod.ts";
import { testHardware, twoStage } from "./nets.ts";

const gainOf = (
  d: Parameters<typeof bestSplit>[0],
  hw: ReturnType<typeof testHardware>,
  b: number,
) => monolithicSplit(d, hw, b).batchSeconds / bestSplit(d, hw, b).batchSeconds - 1;

Deno.test("ceiling: (T_conv + T_fc) / max(T_conv, T_fc) - 1 (hand calculation)", () => {
  // Conv 5.12e9 MACs on 512 PEs at 100 MHz = 0.1 s; FC 1e6 MACs with 6.4e8 weight bytes at
  // 6.4 GB/s = 0.1 s: ceiling (0.1 + 0.1) / 0.1 - 1 = 1.
  const d = twoStage("m", { macs: 5.12e9 }, { macs: 1e6, weightBytes: 6.4e8 });
  assert.ok(Math.abs(ceilingGain(d, testHardware(), 1) - 1) < 1e-12);
  // No FC work: nothing to overlap, ceiling 0, and SynergyFlow is the baseline.
  const convOnly = twoStage("c", { macs: 5.12e9 }, { macs: 0 });
  assert.equal(ceilingGain(convOnly, testHardware(), 1), 0);
  const hw = testHardware();
  assert.deepEqual(bestSplit(convOnly, hw, 4), monolithicSplit(convOnly, hw, 4));
});

Deno.test("ceiling: SynergyFlow's gain never exceeds it (random two-stage models, batches)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1e7, max: 1e11, noNaN: true }),
      fc.double({ min: 1e5, max: 1e9, noNaN: true }),
      fc.integer({ min: 1, max: 16 }),
      (conv, fcMacs, batch) => {
        const hw = testHardware();
        const d = twoStage("m", { macs: conv, weightBytes: conv / 1e3 }, {
          macs: fcMacs,
          weightBytes: 2 * fcMacs,
        });
        assert.ok(gainOf(d, hw, batch) <= ceilingGain(d, hw, batch) + 1e-12);
      },
    ),
    { seed: 17, numRuns: 200 },
  );
});

Deno.test("ceiling: gain <= ceiling on era networks with systolic conv efficiency", () => {
  const hw = testHardware({ convEfficiencySource: "systolic" });
  for (const name of ["alexnet_grouped", "zfnet", "nin"]) {
    const d = networkDemand(getNetwork(name), hw);
    for (const b of [1, 4]) {
      const g = gainOf(d, hw, b), c = ceilingGain(d, hw, b);
      assert.ok(g >= 0 && g <= c + 1e-12, `${name} B=${b}: gain ${g} ceiling ${c}`);
    }
  }
});
