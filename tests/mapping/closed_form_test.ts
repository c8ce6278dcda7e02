/**
 * The closed forms against the calibration rows of C-magma.md section 3.2 (MAESTRO runs of the
 * summary's author). Latencies are exact there, so they are compared exactly; bandwidths are
 * printed with 3 significant digits, so they are compared at that precision.
 */
import assert from "node:assert/strict";
import { dsconvCost, hbCost, type Job, lbCost } from "../../lib/mapping/mod.ts";

const conv = (K: number, C: number, Y: number, X: number, R: number, S: number): Job => ({
  type: "CONV",
  K,
  C,
  Y,
  X,
  R,
  S,
  threadId: 0,
  layerId: 0,
});
// GEMM rows of the table are (M, N, K) as M3E stores them: MAESTRO K = N, C = K, Y = M.
const gemm = (M: number, N: number, Kd: number): Job => ({
  type: "GEMM",
  K: N,
  C: Kd,
  Y: M,
  X: 1,
  R: 1,
  S: 1,
  threadId: 0,
  layerId: 0,
});
// FC rows are (out, in): K = out, C = in.
const fc = (out: number, inp: number): Job => ({
  type: "FC",
  K: out,
  C: inp,
  Y: 1,
  X: 1,
  R: 1,
  S: 1,
  threadId: 0,
  layerId: 0,
});

/** [job, HB 2048 (lat, bw), LB 2048 (lat, bw), HB 8192 (lat, bw)] from the summary's table. */
const ROWS: [string, Job, [number, number], [number, number], [number, number]][] = [
  ["512,512,14,14,3,3 CONV", conv(512, 512, 14, 14, 3, 3), [184321, 0.103], [7340033, 5.9e-5], [
    46081,
    1.62,
  ]],
  ["48,192,56,56,3,3 CONV", conv(48, 192, 56, 56, 3, 3), [174961, 0.109], [258049, 0.0309], [
    87481,
    0.323,
  ]],
  ["64,384,14,14,1,1 CONV", conv(64, 384, 14, 14, 1, 1), [4705, 0.456], [49153, 0.008], [
    2353,
    1.8,
  ]],
  ["20,128,128 GEMM", gemm(20, 128, 128), [321, 6.7], [32769, 0.00125], [81, 105]],
  ["1024,4096 FC", fc(1024, 4096), [4097, 0.523], [8388609, 3.6e-7], [1025, 8.19]],
  ["4096,4096 FC", fc(4096, 4096), [16385, 0.131], [33554433, 8.9e-8], [4097, 2.05]],
  ["128,64 FC", fc(128, 64), [9, 268], [16385, 1.8e-4], [3, 4190]],
];

/** Equal when rounded to the number of significant digits the table prints. */
function sameAtPrinted(actual: number, printed: number, what: string) {
  const digits = printed.toExponential().split("e")[0].replace(/^-|\./g, "").length;
  assert.equal(Number(actual.toPrecision(digits)), printed, `${what}: ${actual} vs ${printed}`);
}

for (const [name, job, hb2k, lb2k, hb8k] of ROWS) {
  Deno.test(`closed forms reproduce the calibration row ${name}`, () => {
    const cases: [string, ReturnType<typeof hbCost>, [number, number]][] = [
      ["HB 2048", hbCost(job, 2048), hb2k],
      ["LB 2048", lbCost(job, 2048), lb2k],
      ["HB 8192", hbCost(job, 8192), hb8k],
    ];
    for (const [core, cost, [lat, bw]] of cases) {
      assert.equal(cost.latencyCycles, lat, `${name} ${core} latency`);
      sameAtPrinted(cost.bwBytesPerCycle, bw, `${name} ${core} bw`);
    }
  });
}

Deno.test("LB half-L2 for R = S = 1 is 2 Yt Xt + 1 (summary's special case)", () => {
  // 64,384,14,14,1,1 on 2048 PEs: Yt = min(14, 32) = 14, Xt = min(14, 64) = 14 -> 2*196 + 1.
  assert.equal(lbCost(conv(64, 384, 14, 14, 1, 1), 2048).halfL2Bytes, 393);
});

Deno.test("DSCONV uses the depthwise closed form on every core style", () => {
  // 1,144,56,56,3,3 DSCONV (an M3E Vision row): Yo = Xo = 54, min(C, 64) = 64, R S = 9,
  // ceil(144 / (64 * 2048)) = 1 -> 54 * 54 * 64 * 9 + 1 = 1679617; half-L2 = 144 * 19 = 2736.
  const j: Job = {
    type: "DSCONV",
    K: 1,
    C: 144,
    Y: 56,
    X: 56,
    R: 3,
    S: 3,
    threadId: 0,
    layerId: 0,
  };
  for (const c of [hbCost(j, 2048), lbCost(j, 2048), dsconvCost(j, 2048)]) {
    assert.equal(c.latencyCycles, 1679617);
    assert.equal(c.halfL2Bytes, 2736);
    assert.equal(c.bwBytesPerCycle, 2736 / 1679616);
  }
});

Deno.test("a PE count that is not a multiple of 64 is rejected with its value", () => {
  assert.throws(() => hbCost(fc(4, 4), 100), /pes 100/);
  assert.throws(() => lbCost(fc(4, 4), 32), /pes 32/);
});
