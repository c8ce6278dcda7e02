/**
 * The closed forms against the calibration rows of C-magma.md section 3.2 (MAESTRO runs of the
 * summary's author, copied to data/magma-m3e-reference.json). Latencies are exact there, so they are compared exactly; bandwidths are
 * printed with 3 significant digits, so they are compared at that precision.
 */
import assert from "node:assert/strict";
import { dsconvCost, hbCost, lbCost, maestroModel } from "../../lib/arch/maestro.ts";
import { type Job, parseM3eCsv } from "../../lib/mapping/mod.ts";
import { m3eJobsText } from "./helpers.ts";

const REF = JSON.parse(
  Deno.readTextFileSync(new URL("../../data/magma-m3e-reference.json", import.meta.url)),
);

/** One calibration row's job: the table lists M3E CSV slots K, C, Y, X, R, S, T. */
function rowJob(slots: number[]): Job {
  const text = `0,0,${slots.join(",")}\n`;
  return parseM3eCsv(text)[0];
}

/** [name, job, HB 2048 (lat, bw), LB 2048 (lat, bw), HB 8192 (lat, bw)] from the summary's table. */
const ROWS: [string, Job, [number, number], [number, number], [number, number]][] = REF
  .calibrationRows.rows.map((
    r: {
      job: number[];
      hb2048: [number, number];
      lb2048: [number, number];
      hb8192: [number, number];
    },
  ) => [
    r.job.join(","),
    rowJob(r.job),
    r.hb2048,
    r.lb2048,
    r.hb8192,
  ]);

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
  assert.equal(lbCost(rowJob([64, 384, 14, 14, 1, 1, 1]), 2048).halfL2Bytes, 393);
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
  const fc = rowJob([4, 4, 1, 1, 1, 1, 0]);
  assert.throws(() => hbCost(fc, 100), /pes 100/);
  assert.throws(() => lbCost(fc, 32), /pes 32/);
});

Deno.test({
  name: `HB required-bandwidth medians over M3E's insts0 groups match the summary's`,
}, () => {
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const medians = REF.hbBandwidthMedians.bytesPerCycle;
  for (const task of ["vision", "language", "recommendation"]) {
    const jobs = parseM3eCsv(m3eJobsText(`${task}-insts0.csv`));
    for (const pes of [2048, 8192]) {
      const m = med(jobs.map((j) => hbCost(j, pes).bwBytesPerCycle));
      // Within half a unit of the last printed digit (inclusive: the recommendation 8192-PE
      // median is exactly 65.5, printed "65").
      const printed: number = medians[`hb${pes}`][task];
      const digits = printed.toExponential().split("e")[0].replace(/^-|\./g, "").length;
      const unit = 10 ** (Math.floor(Math.log10(printed)) - digits + 1);
      assert.ok(Math.abs(m - printed) <= unit / 2, `${task} HB ${pes} median ${m} vs ${printed}`);
    }
  }
});

Deno.test("the MAESTRO model behind the common interface: a 3x3 conv layer on an HB core", () => {
  // conv 14x14x512 -> 512, 3x3, pad 1: stride-1 form Y = X = 14 + 2 = 16 (output 14 x 14).
  // HB 2048 PEs (32 clusters): ceil(512/32) * ceil(512/64) * 14 * 14 * (9 + 1) + 1 = 250881
  // cycles; half-L2 = 32 * 64 * 9 + 64 * 9 + 32 = 19040 bytes; MACs 512 * 512 * 196 * 9.
  const c = maestroModel.layer({
    kind: "conv2d",
    name: "c",
    inputH: 14,
    inputW: 14,
    inputC: 512,
    outputC: 512,
    kernelH: 3,
    kernelW: 3,
    strideH: 1,
    strideW: 1,
    padH: 1,
    padW: 1,
    dilationH: 1,
    dilationW: 1,
    groups: 1,
    bias: false,
    batch: 1,
  }, { style: "HB", pes: 2048 });
  assert.equal(c.cycles, 250881);
  assert.equal(c.computeCycles, 250881);
  assert.equal(c.stallCycles, 0);
  assert.equal(c.halfL2Bytes, 19040);
  assert.equal(c.macs, 512 * 512 * 196 * 9);
  assert.equal(c.bwBytesPerCycle, 19040 / 250880);
  // The bytes M3E's allocator moves for the job: latency x required bandwidth.
  assert.ok(Math.abs(c.dramBytes - 250881 * 19040 / 250880) < 1e-9);
  const pool = maestroModel.layer({
    kind: "pool",
    name: "p",
    op: "max",
    inputH: 4,
    inputW: 4,
    inputC: 8,
    kernelH: 2,
    kernelW: 2,
    strideH: 2,
    strideW: 2,
    padH: 0,
    padW: 0,
    ceilMode: false,
    batch: 1,
  }, { style: "LB", pes: 64 });
  assert.equal(pool.cycles, 0);
});
