import assert from "node:assert/strict";
import { runCnnThroughput } from "../../lib/experiments/cnn-throughput.ts";
import { resultToJson } from "../../lib/experiments/results.ts";

Deno.test("study cnn-throughput (quick): headline, tables and figures are consistent", () => {
  const out = runCnnThroughput({ progress: () => {}, quick: true });
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
  assert.equal((out.tables.calibration as unknown[]).length, 17);
  assert.deepEqual(out.figures.map((f) => f.name), [
    "gain-distribution",
    "threads",
    "energy-gain",
    "gain-vs-dpu-share",
    "pareto",
    "estimator-sim",
    "estimator-real",
  ]);
  // The results document validates against the shared schema.
  const json = resultToJson({
    study: "cnn-throughput",
    title: "t",
    generatedBy: { command: "c", version: "v" },
    parameters: out.parameters,
    headline: out.headline,
    tables: out.tables,
  });
  assert.ok(json.length > 1000);
});
