import assert from "node:assert/strict";
import { resultToJson } from "../../lib/experiments/results.ts";
import { runSynergyflow } from "../../lib/experiments/synergyflow.ts";
import { synergyflowSetup } from "../../lib/experiments/synergyflow-options.ts";
import { ValidationError } from "../../lib/validate.ts";

const ctx = { progress: () => {}, quick: true };

Deno.test("synergyflow study (quick): headline carries the abstract's numbers and our own", () => {
  const out = runSynergyflow(ctx);
  const h = Object.fromEntries(out.headline.map((x) => [x.metric, x]));
  // SynergyFlow abstract: +33.8 % on average, +67.2 % on AlexNet.
  assert.equal(h.mean_speedup.paper, 0.338);
  assert.equal(h.alexnet_speedup.paper, 0.672);
  // Ours is the mean of the per-model gains in the throughput table, each = SF / baseline - 1.
  const rows = out.tables.throughput.filter((r) => r.model !== "mean");
  for (const r of rows) {
    const g = (r.synergyflowImagesPerSecond as number) / (r.baselineImagesPerSecond as number) - 1;
    assert.ok(Math.abs(g - (r.synergyflowGain as number)) < 1e-12);
    assert.ok((r.synergyflowGain as number) >= 0, `${r.model} slower than baseline`);
  }
  const mean = rows.reduce((s, r) => s + (r.synergyflowGain as number), 0) / rows.length;
  assert.ok(Math.abs(h.mean_speedup.ours - mean) < 1e-12);
  const alex = rows.find((r) => r.model === "alexnet")!;
  assert.equal(h.alexnet_speedup.ours, alex.synergyflowGain);
  // One figure per plotted table, named after it; only the paper-comparison tables (calibration,
  // comparison) are shown as Markdown tables instead of charts.
  const plotted = Object.keys(out.tables).filter((t) => t !== "calibration" && t !== "comparison");
  assert.deepEqual(out.figures.map((f) => f.name), plotted);
  for (const f of out.figures) assert.ok(out.tables[f.name].length > 0, f.name);
});

Deno.test("synergyflow study (quick): co-scheduled mixes never below isolated ones", () => {
  const out = runSynergyflow(ctx);
  for (const m of out.tables.mixes) {
    assert.ok(
      (m.coscheduledImagesPerSecond as number) >=
        (m.isolatedImagesPerSecond as number) * (1 - 1e-12),
      `${m.mix}`,
    );
  }
});

Deno.test("synergyflow study: same options give byte-identical results", () => {
  const json = () => {
    const r = runSynergyflow(ctx);
    return resultToJson({
      study: "synergyflow",
      title: "t",
      generatedBy: { command: "c", version: "v" },
      parameters: r.parameters,
      headline: r.headline,
      tables: r.tables,
    });
  };
  assert.equal(json(), json());
});

Deno.test("synergyflow options: bad values are named, unknown models are named", () => {
  assert.throws(
    () => synergyflowSetup({ batch: 0, bandwidthsGBps: [-1] }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.message, /batch.*0/);
      assert.match(e.message, /bandwidthsGBps\[0\].*-1/);
      return true;
    },
  );
  assert.throws(() => synergyflowSetup({ models: ["alexnett"] }), /alexnett/);
  assert.throws(
    () => synergyflowSetup({ hardware: { ...synergyflowSetup().hw, peStep: 3 } }),
    /peCount 512 is not a multiple of peStep 3/,
  );
});
