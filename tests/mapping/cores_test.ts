/** Settings S1-S6, the job table, and the systolic third core. */
import assert from "node:assert/strict";
import {
  buildJobTable,
  getSetting,
  type Job,
  parseCores,
  SETTINGS,
  systolicCost,
  systolicShape,
  tableFromArrays,
} from "../../lib/mapping/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import { hbCost, lbCost } from "../../lib/arch/maestro.ts";

Deno.test("settings match M3E's setting.py (C-magma.md section 4)", () => {
  const summary = SETTINGS.map((
    s,
  ) => [s.id, s.cores.length, s.cores.map((c) => `${c.style}${c.pes}`).join(" ")]);
  assert.deepEqual(summary.slice(0, 2), [
    ["S1", 4, "HB2048 HB2048 HB2048 HB2048"],
    ["S2", 4, "HB2048 HB2048 HB2048 LB2048"],
  ]);
  assert.equal(getSetting("S3").cores.filter((c) => c.style === "HB" && c.pes === 8192).length, 8);
  assert.equal(getSetting("S4").cores.filter((c) => c.style === "LB").length, 1);
  const s5 = getSetting("S5").cores;
  assert.equal(s5.filter((c) => c.pes === 8192).length, 4);
  assert.equal(s5.filter((c) => c.style === "LB").length, 2);
  assert.equal(getSetting("S6").cores.length, 16);
  assert.deepEqual(getSetting("S2").bandwidthsBytesPerCycle, [1, 2, 4, 8, 16]);
  assert.deepEqual(getSetting("S6").bandwidthsBytesPerCycle, [1, 16, 256]);
  assert.throws(() => getSetting("S7"), /unknown setting "S7"/);
});

Deno.test("the job table holds each (job, core) cost at job * cores + core", () => {
  const jobs: Job[] = [
    { type: "FC", K: 1024, C: 4096, Y: 1, X: 1, R: 1, S: 1, threadId: 0, layerId: 0 },
    { type: "CONV", K: 64, C: 384, Y: 14, X: 14, R: 1, S: 1, threadId: 0, layerId: 1 },
  ];
  const cores = getSetting("S2").cores;
  const t = buildJobTable(jobs, cores);
  assert.equal(t.latencyCycles[1 * 4 + 3], lbCost(jobs[1], 2048).latencyCycles);
  assert.equal(t.bwBytesPerCycle[0 * 4 + 2], hbCost(jobs[0], 2048).bwBytesPerCycle);
  assert.deepEqual(t.coreLabels, ["HB-2048", "HB-2048", "HB-2048", "LB-2048"]);
});

Deno.test("bad tables and core lists are rejected naming the field and value", () => {
  assert.throws(
    () => tableFromArrays(Float64Array.from([1, 0]), Float64Array.from([1, 1]), ["a", "b"]),
    /job 0 core 1: latencyCycles 0/,
  );
  assert.throws(
    () => tableFromArrays(Float64Array.from([1, 2]), Float64Array.from([1, NaN]), ["a", "b"]),
    /bwBytesPerCycle NaN/,
  );
  assert.throws(() => parseCores([{ style: "HB", pes: 100 }]), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.match(e.message, /\[0\]\.pes: HB needs a multiple of 64 \(got 100\)/);
    return true;
  });
});

Deno.test("systolic core: SCALE-Sim weight-stationary folds by hand", () => {
  assert.deepEqual(systolicShape(2048), { rows: 32, cols: 64 });
  assert.deepEqual(systolicShape(8192), { rows: 64, cols: 128 });
  // FC 64 -> 64 on 32 x 64: K = 64 spans 2 row folds, N = 64 one column fold, M = 1.
  // SCALE-Sim WS fold = 2 R + C + M - 2 = 64 + 64 + 1 - 2 = 127 cycles; 2 folds = 254.
  // DRAM: 64 x 64 weights + 64 inputs + 64 outputs, 1 byte each = 4224 bytes.
  const c = systolicCost({
    type: "FC",
    K: 64,
    C: 64,
    Y: 1,
    X: 1,
    R: 1,
    S: 1,
    threadId: 0,
    layerId: 0,
  }, 2048);
  assert.equal(c.latencyCycles, 254);
  assert.equal(c.bwBytesPerCycle, 4224 / 254);
  assert.equal(parseCores([{ style: "SYS", pes: 2048 }])[0].style, "SYS");
});
