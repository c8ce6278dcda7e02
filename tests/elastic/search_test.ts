import assert from "node:assert/strict";
import fc from "fast-check";
import { networkDemand } from "../../lib/elastic/demand.ts";
import { balanceBandwidth, bestSplit } from "../../lib/elastic/search.ts";
import { imagesPerSecond, monolithicSplit, pipelinedSplit } from "../../lib/elastic/split.ts";
import { testHardware, tinyNet, twoStage, UNLIMITED_BANDWIDTH } from "./nets.ts";

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(a, b);

Deno.test("bestSplit: no FC layers + unlimited bandwidth -> exactly the baseline", () => {
  const hw = testHardware({ dramBandwidthBytesPerSecond: UNLIMITED_BANDWIDTH });
  for (const k of [8, 16, 64]) {
    const d = networkDemand(tinyNet({ k, fcs: 0 }), hw);
    for (const batch of [1, 4, 16]) {
      const base = monolithicSplit(d, hw, batch), syn = bestSplit(d, hw, batch);
      assert.equal(syn.mode, "monolithic");
      assert.equal(syn.batchSeconds, base.batchSeconds);
      assert.equal(imagesPerSecond(syn, batch), imagesPerSecond(base, batch));
    }
  }
});

Deno.test("bestSplit: summary's grouped-AlexNet calibration (hand calculation, +71%)", () => {
  // Summary: 0.666 GMAC conv, 58.6 M FC weights (16-bit), P = 512 @ 100 MHz, 6.4 GB/s, B = 1.
  const hw = testHardware();
  const d = twoStage("alexnet-grouped", { macs: 0.666e9 }, { macs: 58.6e6, weightBytes: 117.2e6 });
  // Baseline: 0.666e9 / 5.12e10 = 13.0078125 ms conv + 117.2e6 / 6.4e9 = 18.3125 ms FC.
  assert.ok(close(monolithicSplit(d, hw, 1).batchSeconds, 0.0313203125));
  // FC on 32 PEs: 58.6e6 / 3.2e9 = 18.3125 ms = its traffic time; conv on 480 PEs: 13.875 ms.
  const s = bestSplit(d, hw, 1);
  assert.equal(s.mode, "pipelined");
  assert.equal(s.fcPes, 32);
  assert.ok(close(s.batchSeconds, 0.0183125));
  assert.ok(close(s.convSeconds, 0.013875));
  // Conv moves no bytes, so all bandwidth goes to the FC engine.
  assert.equal(s.convBandwidthShare, 0);
});

Deno.test("bestSplit: stages balanced within one PE step (hand case, B = 8)", () => {
  // Conv 0.9 GMAC (no bytes), FC 0.1 GMAC with 0.2 GB of weights, B = 8, 6.4 GB/s.
  // Baseline: conv 7.2e9 / 5.12e10 = 140.625 ms + FC traffic 0.2e9 / 6.4e9 = 31.25 ms = 171.875 ms.
  // Pipelined: ideal PE ratio 9:1 (460.8 / 51.2). Conv 448 PEs: 7.2e9 / 4.48e10 = 160.714 ms vs
  // FC 64 PEs: 0.8e9 / 6.4e9 = 125 ms; conv 464: 155.17 ms vs FC 48: 166.67 ms. Best: conv 448.
  const hw = testHardware();
  const d = twoStage("t", { macs: 0.9e9 }, { macs: 0.1e9, weightBytes: 0.2e9 });
  assert.ok(close(monolithicSplit(d, hw, 8).batchSeconds, 0.171875));
  const s = bestSplit(d, hw, 8);
  assert.equal(s.mode, "pipelined");
  assert.equal(s.convPes, 448);
  assert.ok(close(s.batchSeconds, 7.2e9 / 4.48e10));
  // The crossing lies within one PE step: conv is slower here, FC would be one step over.
  const moved = balanceBandwidth(d, hw, 8, 464);
  assert.ok(s.convSeconds > s.fcSeconds && moved.fcSeconds > moved.convSeconds);
  // Conv moves no bytes, so the FC engine gets the whole bandwidth.
  assert.equal(s.convBandwidthShare, 0);
});

Deno.test("bestSplit: pipelining never pays without a bandwidth-bound FC (unlimited bandwidth)", () => {
  // Both stages compute-bound: the monolithic engine already reaches the peak MAC rate, so the
  // split adds nothing (9:1 MACs cannot be divided exactly in steps of 16 PEs).
  const hw = testHardware({ dramBandwidthBytesPerSecond: UNLIMITED_BANDWIDTH });
  const d = twoStage("t", { macs: 0.9e9, weightBytes: 1 }, { macs: 0.1e9, weightBytes: 1 });
  const s = bestSplit(d, hw, 1);
  assert.equal(s.mode, "monolithic");
  assert.ok(close(s.batchSeconds, 1e9 / 5.12e10, 1e-9));
});

const stageArb = fc.record({
  convMacs: fc.double({ min: 1e6, max: 1e10, noNaN: true }),
  convBytes: fc.double({ min: 0, max: 1e8, noNaN: true }),
  fcMacs: fc.double({ min: 1e5, max: 1e9, noNaN: true }),
  fcBytesPerMac: fc.double({ min: 0, max: 4, noNaN: true }),
  batch: fc.integer({ min: 1, max: 64 }),
});

Deno.test("bestSplit: no grid point of (PE step, bandwidth share / 256) beats the exact search", () => {
  const hw = testHardware();
  fc.assert(
    fc.property(stageArb, (x) => {
      const d = twoStage("r", { macs: x.convMacs, weightBytes: x.convBytes }, {
        macs: x.fcMacs,
        weightBytes: x.fcMacs * x.fcBytesPerMac,
      });
      const best = bestSplit(d, hw, x.batch).batchSeconds;
      assert.ok(best <= monolithicSplit(d, hw, x.batch).batchSeconds);
      for (let p = 16; p <= 496; p += 16) {
        for (let k = 0; k <= 256; k++) {
          const t = pipelinedSplit(d, hw, x.batch, p, k / 256).batchSeconds;
          assert.ok(best <= t * (1 + 1e-9), `p=${p} share=${k / 256}: ${t} < ${best}`);
        }
      }
    }),
    { numRuns: 25, seed: 7 },
  );
});

Deno.test("balanceBandwidth: the two stage times meet when both move bytes", () => {
  const hw = testHardware();
  fc.assert(
    fc.property(stageArb, fc.integer({ min: 1, max: 31 }), (x, steps) => {
      const d = twoStage("r", { macs: x.convMacs, weightBytes: x.convBytes + 1 }, {
        macs: x.fcMacs,
        weightBytes: x.fcMacs * x.fcBytesPerMac + 1,
      });
      const s = balanceBandwidth(d, hw, x.batch, steps * 16);
      // Either the stages are equal (to 1e-6: a share within 1e-7 of 0 or 1 has few float digits
      // left), or the slower stage is compute-bound, so no bandwidth could make it faster.
      const gap = Math.abs(s.convSeconds - s.fcSeconds) / s.batchSeconds;
      const computeBound = (macs: number, pes: number) => x.batch * macs / (pes * hw.clockHz);
      const slack = s.convSeconds > s.fcSeconds
        ? close(s.convSeconds, computeBound(x.convMacs, s.convPes), 1e-6)
        : close(s.fcSeconds, computeBound(x.fcMacs, s.fcPes), 1e-6);
      assert.ok(gap < 1e-6 || slack, `gap ${gap}`);
    }),
    { numRuns: 200, seed: 11 },
  );
});

Deno.test("bestSplit: throughput never exceeds the peak PE rate", () => {
  fc.assert(
    fc.property(stageArb, fc.double({ min: 1e8, max: 1e13, noNaN: true }), (x, bw) => {
      const hw = testHardware({ dramBandwidthBytesPerSecond: bw });
      const d = twoStage("r", { macs: x.convMacs, weightBytes: x.convBytes }, {
        macs: x.fcMacs,
        weightBytes: x.fcMacs * x.fcBytesPerMac,
      });
      const macsPerImage = x.convMacs + x.fcMacs;
      for (const s of [monolithicSplit(d, hw, x.batch), bestSplit(d, hw, x.batch)]) {
        const macRate = imagesPerSecond(s, x.batch) * macsPerImage;
        assert.ok(macRate <= hw.peCount * hw.clockHz * (1 + 1e-12), `${macRate}`);
      }
    }),
    { numRuns: 300, seed: 3 },
  );
});
