import assert from "node:assert/strict";
import fc from "fast-check";
import { bestSplit } from "../../lib/elastic/search.ts";
import { monolithicSplit, pipelinedSplit } from "../../lib/elastic/split.ts";
import { chooseStaticSplit } from "../../lib/elastic/static.ts";
import { testHardware, twoStage } from "./nets.ts";

Deno.test("chooseStaticSplit: one fixed split for all models, on the PE and 1/64 share grid", () => {
  const hw = testHardware();
  const models = [
    twoStage("fc-heavy", { macs: 0.666e9 }, { macs: 58.6e6, weightBytes: 117.2e6 }),
    twoStage("conv-heavy", { macs: 15e9, weightBytes: 30e6 }, { macs: 2e6, weightBytes: 4e6 }),
  ];
  const s = chooseStaticSplit(models, hw, 1);
  assert.equal(s.convPes % hw.peStep, 0);
  assert.ok(Number.isInteger(s.convBandwidthShare * 64));
  // Its geomean is the best on the grid (independent brute force over the same grid).
  const base = models.map((d) => monolithicSplit(d, hw, 1).batchSeconds);
  let best = 0;
  for (let p = 16; p <= 496; p += 16) {
    for (let k = 1; k < 64; k++) {
      const g = Math.sqrt(
        models.reduce(
          (acc, d, i) => acc * base[i] / pipelinedSplit(d, hw, 1, p, k / 64).batchSeconds,
          1,
        ),
      );
      best = Math.max(best, g);
    }
  }
  assert.ok(Math.abs(s.geomeanSpeedup - best) < 1e-12 * best);
});

Deno.test("static split: never faster than SynergyFlow's per-model exact split", () => {
  const hw = testHardware();
  const arb = fc.array(
    fc.record({
      conv: fc.double({ min: 1e7, max: 2e10, noNaN: true }),
      convBytes: fc.double({ min: 0, max: 5e7, noNaN: true }),
      fcMacs: fc.double({ min: 1e5, max: 2e8, noNaN: true }),
    }),
    { minLength: 1, maxLength: 4 },
  );
  fc.assert(
    fc.property(arb, fc.integer({ min: 1, max: 16 }), (xs, batch) => {
      const models = xs.map((x, i) =>
        twoStage(`m${i}`, { macs: x.conv, weightBytes: x.convBytes }, {
          macs: x.fcMacs,
          weightBytes: 2 * x.fcMacs,
        })
      );
      const s = chooseStaticSplit(models, hw, batch, { shareSteps: 16 });
      for (const d of models) {
        const fixed = pipelinedSplit(d, hw, batch, s.convPes, s.convBandwidthShare).batchSeconds;
        assert.ok(bestSplit(d, hw, batch).batchSeconds <= fixed * (1 + 1e-9));
      }
    }),
    { numRuns: 30, seed: 5 },
  );
});

Deno.test("chooseStaticSplit: bad options are named", () => {
  const hw = testHardware();
  assert.throws(() => chooseStaticSplit([], hw, 1), /no models/);
  const d = twoStage("a", { macs: 1e9 }, { macs: 1e6, weightBytes: 2e6 });
  assert.throws(() => chooseStaticSplit([d], hw, 1, { shareSteps: 1 }), /shareSteps.*1/);
});
