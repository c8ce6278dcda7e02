import assert from "node:assert/strict";
import { bestSplit } from "../../lib/elastic/search.ts";
import { monolithicSplit } from "../../lib/elastic/split.ts";
import { splitUtilization } from "../../lib/elastic/utilization.ts";
import { testHardware, twoStage } from "./nets.ts";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(a, b);

Deno.test("splitUtilization: baseline FC phase is bandwidth-bound (hand calculation)", () => {
  // FC 4e6 MACs, 8e6 bytes at B = 1: 8e6 / 6.4e9 = 1.25 ms on 512 PEs x 100 MHz:
  // 4e6 / (5.12e10 x 1.25e-3) = 0.0625 (B/b = 1/2 MAC per byte x 6.4 GB/s = 3.2 GMAC/s of 51.2).
  // Conv 5.12e8 MACs with no bytes: 10 ms at full rate.
  const hw = testHardware();
  const d = twoStage("a", { macs: 5.12e8 }, { macs: 4e6, weightBytes: 8e6 });
  const u = splitUtilization(d, hw, 1, monolithicSplit(d, hw, 1));
  assert.ok(close(u.fcPeUtilization, 0.0625));
  assert.ok(close(u.convPeUtilization, 1));
  // Overall: (5.12e8 + 4e6) / (5.12e10 x 11.25 ms); bandwidth: 8e6 / (6.4e9 x 11.25 ms).
  assert.ok(close(u.peUtilization, 5.16e8 / (5.12e10 * 11.25e-3)));
  assert.ok(close(u.bandwidthUtilization, 8e6 / (6.4e9 * 11.25e-3)));
});

Deno.test("splitUtilization: pipelining raises whole-pool utilization, all values in [0, 1]", () => {
  const hw = testHardware();
  const d = twoStage("alexnet-grouped", { macs: 0.666e9 }, { macs: 58.6e6, weightBytes: 117.2e6 });
  const base = splitUtilization(d, hw, 1, monolithicSplit(d, hw, 1));
  const syn = splitUtilization(d, hw, 1, bestSplit(d, hw, 1));
  // Pipelined period 18.3125 ms: (0.666e9 + 58.6e6) / (5.12e10 x 18.3125e-3).
  assert.ok(close(syn.peUtilization, 0.7246e9 / (5.12e10 * 18.3125e-3)));
  assert.ok(syn.peUtilization > base.peUtilization);
  for (const u of [base, syn]) {
    for (const v of Object.values(u)) assert.ok(v >= 0 && v <= 1 + 1e-12, `${v}`);
  }
});
