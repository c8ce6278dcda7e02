import assert from "node:assert/strict";
import { runCnnThroughput } from "../../lib/experiments/cnn-throughput/mod.ts";
import { parseStudyResult, resultToJson } from "../../lib/experiments/results.ts";
import { CnnThroughputTablesSchema } from "../../lib/experiments/cnn-throughput/tables.ts";

Deno.test("study cnn-throughput (quick): headline, tables and figures are consistent", async () => {
  const out = await runCnnThroughput({ progress: () => {}, quick: true });
  const h = Object.fromEntries(out.headline.map((x) => [x.metric, x]));
  // The paper's numbers (abstract of Muneeb & Kedia 2024).
  assert.equal(h.max_throughput_gain_single_accel.paper, 3.98);
  assert.equal(h.max_energy_gain_single_accel.paper, 3.2);
  assert.equal(h.models.paper, 104);
  assert.equal(h.models.ours, 12);
  const models = out.tables.models as Record<string, number>[];
  assert.equal(models.length, 12 * 3);
  // The headline maximum is the largest single-accelerator gain of the per-model table.
  const maxGain = Math.max(...models.map((m) => m.gainSingleAccel));
  assert.ok(Math.abs(h.max_throughput_gain_single_accel.ours - maxGain) < 1e-9);
  // Energy gain = throughput gain x P(1 thread) / P(N threads) <= throughput gain (power rises).
  for (const m of models) assert.ok(m.energyGainSingleAccel <= m.gainSingleAccel + 1e-9);
  // One calibration point per data row of data/vitis-zoo-matches.csv (header excluded).
  const matches = Deno.readTextFileSync(
    new URL("../../data/vitis-zoo-matches.csv", import.meta.url),
  )
    .split(/\r?\n/).filter((l) => l.trim() !== "").slice(1).map((l) => l.split(",")[0]);
  const calibration = out.tables.calibration as Record<string, unknown>[];
  assert.deepEqual(calibration.map((r) => r.model), matches);
  // Every matched CNN gets its measured CPU work (its KV260 row exists for the match's release).
  const cpuWork = out.tables.cpu_work as Record<string, unknown>[];
  assert.deepEqual(cpuWork.map((r) => r.model), matches);
  // The measured headline is the largest MT/ST ratio of the one-core (KV260) rows of the data.
  const kv = Deno.readTextFileSync(
    new URL("../../data/vitis-ai-modelzoo-perf.csv", import.meta.url),
  )
    .split(/\r?\n/).slice(1).filter((l) => l.includes(",KV260,"));
  const header = Deno.readTextFileSync(
    new URL("../../data/vitis-ai-modelzoo-perf.csv", import.meta.url),
  ).split(/\r?\n/)[0].split(",");
  const [f1, fn] = [header.indexOf("fps_1thread"), header.indexOf("fps_multithread")];
  const ratios = kv.map((l) => l.split(",")).filter((c) => c[f1] && c[fn])
    .map((c) => Number(c[fn]) / Number(c[f1]));
  const measured = h.max_throughput_gain_single_accel_measured;
  assert.ok(Math.abs(measured.ours - Math.max(...ratios)) < 1e-9, `${measured.ours}`);
  assert.deepEqual(out.figures.map((f) => f.name), [
    "gain-distribution",
    "measured-vs-simulated",
    "threads",
    "energy-gain",
    "gain-vs-dpu-share",
    "pareto",
    "estimator-sim",
    "estimator-real",
  ]);
  // The results document validates against the shared schema and reads back: same headline
  // metrics and tables, numbers kept to the 6 significant digits the writer rounds to.
  const json = resultToJson({
    study: "cnn-throughput",
    title: "t",
    generatedBy: { command: "c", version: "v" },
    parameters: out.parameters,
    headline: out.headline,
    tables: out.tables,
  });
  const back = parseStudyResult(JSON.parse(json));
  assert.deepEqual(back.headline.map((x) => x.metric), out.headline.map((x) => x.metric));
  assert.deepEqual(Object.keys(back.tables), Object.keys(out.tables));
  // The typed tables parse from the written JSON (what a notebook loading the results gets).
  const typed = CnnThroughputTablesSchema.parse(back.tables);
  assert.equal(typed.models.length, models.length);
  assert.ok(typed.estimator_errors.some((r) => r.predictor === "naive min(N,K) x fps1"));
  assert.equal(back.tables.models.length, models.length);
  const maxBack = back.headline.find((x) => x.metric === "max_throughput_gain_single_accel")!;
  assert.ok(Math.abs(maxBack.ours / maxGain - 1) < 1e-5, `${maxBack.ours} vs ${maxGain}`);
});
