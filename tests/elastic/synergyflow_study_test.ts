import assert from "node:assert/strict";
import { resultToJson } from "../../lib/experiments/results.ts";
import { runSynergyflow } from "../../lib/experiments/synergyflow/mod.ts";
import { synergyflowSetup } from "../../lib/experiments/synergyflow/setup.ts";
import { parseSynergyflowTables } from "../../lib/experiments/synergyflow/tables.ts";
import {
  batchView,
  calibrationView,
  efficiencyView,
  mixView,
  throughputView,
} from "../../lib/experiments/synergyflow/views.ts";
import { ValidationError } from "../../lib/validate.ts";

const ctx = { progress: () => {}, quick: true };

Deno.test("synergyflow study (quick): headline carries the abstract's numbers and our own", () => {
  const out = runSynergyflow(ctx);
  const h = Object.fromEntries(out.headline.map((x) => [x.metric, x]));
  // SynergyFlow abstract: +33.8 % on average, +67.2 % on AlexNet.
  assert.equal(h.mean_speedup.paper, 0.338);
  assert.equal(h.alexnet_speedup.paper, 0.672);
  // Ours is the mean of the per-model gains in the throughput table, each = SF / baseline - 1.
  const rows = out.tables.throughput.filter((r) => !(r.model as string).startsWith("mean"));
  for (const r of rows) {
    const g = (r.synergyflowImagesPerSecond as number) / (r.baselineImagesPerSecond as number) - 1;
    assert.ok(Math.abs(g - (r.synergyflowGain as number)) < 1e-12);
    assert.ok((r.synergyflowGain as number) >= 0, `${r.model} slower than baseline`);
  }
  const mean = rows.reduce((s, r) => s + (r.synergyflowGain as number), 0) / rows.length;
  assert.ok(Math.abs(h.mean_speedup.ours - mean) < 1e-12);
  const alex = rows.find((r) => r.model === "alexnet_grouped")!;
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

Deno.test("synergyflow study (quick): gain <= ceiling per model, group means, typed tables", () => {
  const out = runSynergyflow(ctx);
  // A results file read back from disk parses into the same typed tables.
  const t = parseSynergyflowTables(JSON.parse(JSON.stringify(out.tables)));
  const models = t.throughput.filter((r) => !r.model.startsWith("mean"));
  for (const r of models) {
    assert.ok(r.synergyflowGain <= r.ceiling + 1e-12, `${r.model}: ${r.synergyflowGain}`);
  }
  for (const r of t.batch.filter((x) => !x.model.startsWith("mean"))) {
    assert.ok(r.synergyflowGain <= r.ceiling + 1e-12, `${r.model} B=${r.batch}`);
  }
  // Each group's mean row is the mean of its members.
  for (const g of ["fc-headed", "pool-headed"]) {
    const members = models.filter((r) => r.group === g);
    const want = members.reduce((a, r) => a + r.synergyflowGain, 0) / members.length;
    const row = t.throughput.find((r) => r.model === `mean ${g}`)!;
    assert.ok(Math.abs(row.synergyflowGain - want) < 1e-12, g);
  }
  // mix_mean_speedup is the mean co-scheduled gain of the mixes.
  const h = Object.fromEntries(out.headline.map((x) => [x.metric, x]));
  const mix = t.mixes.reduce((a, m) => a + m.coscheduledGain, 0) / t.mixes.length;
  assert.ok(Math.abs(h.mix_mean_speedup.ours - mix) < 1e-12);
  // A pool-headed network without FC work: SynergyFlow equals the baseline (nin).
  const nin = models.find((r) => r.model === "nin")!;
  assert.equal(nin.synergyflowGain, 0);
  assert.equal(nin.ceiling, 0);
});

Deno.test("synergyflow options: a model without a group is named", () => {
  assert.throws(
    () => synergyflowSetup({ models: ["alexnet_grouped", "vgg11"] }),
    /groups\.vgg11/,
  );
});

Deno.test("synergyflow views: a model column and at most 6 more (fits 760 px), same numbers as the tables", () => {
  const out = runSynergyflow(ctx);
  const t = parseSynergyflowTables(out.tables);
  const views = [
    throughputView(t.throughput),
    batchView(t.batch),
    mixView(t.mixes),
    efficiencyView(t.efficiency),
    calibrationView(t.calibration),
  ];
  for (const v of views) {
    for (const row of v) assert.ok(Object.keys(row).length <= 7, Object.keys(row).join(","));
  }
  const th = throughputView(t.throughput);
  t.throughput.forEach((r, i) => {
    assert.equal(th[i].gain, r.synergyflowGain);
    assert.equal(th[i].ceiling, r.ceiling);
  });
  const b = batchView(t.batch).find((r) => r.model === "alexnet_grouped")!;
  const b16 = t.batch.find((r) => r.model === "alexnet_grouped" && r.batch === 16)!;
  assert.equal(b["B=16"], b16.synergyflowGain);
  // Columns keep their order: model first (no integer-like key such as "1" jumps ahead).
  assert.equal(Object.keys(efficiencyView(t.efficiency)[0])[0], "model");
});
