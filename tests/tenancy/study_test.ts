import assert from "node:assert/strict";
import setupFile from "../../data/partitioning-setup.json" with { type: "json" };
import {
  headlineLabel,
  partitioningTables,
  PartitioningTablesSchema,
} from "../../lib/experiments/partitioning/mod.ts";
import { partitioningHeadline } from "../../lib/experiments/partitioning/paper.ts";
import { choose, parsePartitioningSetup } from "../../lib/experiments/partitioning/setup.ts";
import { resultToJson } from "../../lib/experiments/results.ts";
import { ValidationError } from "../../lib/validate.ts";

const setup = parsePartitioningSetup();
const tables = partitioningTables(setup);

Deno.test("deterministic: the same setup gives byte-identical tables", () => {
  const again = partitioningTables(parsePartitioningSetup());
  const doc = (t: typeof tables) =>
    resultToJson({
      study: "partitioning",
      title: "t",
      generatedBy: { command: "c", version: "v" },
      parameters: {},
      headline: partitioningHeadline(t.schedules, headlineLabel(setup)),
      tables: t,
    });
  assert.equal(doc(again), doc(tables));
});

Deno.test("tables parse with their schema (typed rows for the notebook)", () => {
  const parsed = PartitioningTablesSchema.parse(JSON.parse(JSON.stringify(tables)));
  assert.equal(parsed.schedules.length, tables.schedules.length);
});

Deno.test("workloads: every multiset of 4 of 4 networks, 35 per class", () => {
  // C(4 + 4 - 1, 4) = 35 multisets (stars and bars, by hand).
  assert.equal(choose(["a", "b", "c", "d"], 4, true).length, 35);
  // C(4, 2) + C(4, 3) + C(4, 4) = 6 + 4 + 1 = 11 subsets per class in the tenant sweep.
  assert.equal(setup.sweepWorkloads.length, 22);
  for (const cls of ["heavy", "light"]) {
    assert.equal(setup.workloads.filter((w) => w.class === cls).length, 35);
  }
});

Deno.test("headline: the four metrics with the abstract's values, mean of 1 - dynamic/single", () => {
  const h = partitioningHeadline(tables.schedules, headlineLabel(setup));
  // Paper values from the abstract of arXiv 2302.10806.
  assert.deepEqual(h.map((x) => [x.metric, x.paper]), [
    ["energy_saving_heavy", 0.35],
    ["energy_saving_light", 0.62],
    ["time_saving_heavy", 0.56],
    ["time_saving_light", 0.44],
  ]);
  const dyn = tables.schedules.filter((r) => r.class === "light" && r.scheduler === "dynamic");
  const single = (w: string) =>
    tables.schedules.find((x) => x.workload === w && x.scheduler === "single")!.makespanCycles;
  const mean = dyn.reduce((s, r) => s + 1 - r.makespanCycles / single(r.workload), 0) / 35;
  assert.ok(Math.abs(h[3].ours - mean) < 1e-12);
});

Deno.test("dynamic is never slower than single tenancy on any study workload", () => {
  for (const r of tables.schedules.filter((x) => x.scheduler === "dynamic")) {
    assert.ok(r.timeSaving >= 0, `${r.workload}: ${r.timeSaving}`);
  }
});

Deno.test("grid: one headline cell per class, and it equals the main run", () => {
  const g = setup.raw.grid;
  assert.equal(
    tables.grid.length,
    2 * g.axes.length * g.dramModels.length * g.sramBankings.length * g.variants.length,
  );
  for (const cls of ["heavy", "light"] as const) {
    const cells = tables.grid.filter((r) => r.headline && r.class === cls);
    assert.equal(cells.length, 1);
    const main = tables.classMeans.find((r) => r.class === cls && r.scheduler === "dynamic")!;
    assert.ok(Math.abs(cells[0].timeSaving - main.timeSaving) < 1e-12);
  }
});

Deno.test("idle/leakage sweep: scale 0 removes the time-dependent energy", () => {
  for (const r of tables.idleLeakage.filter((x) => x.idleLeakageScale === 0)) {
    assert.equal(r.singleIdleLeakageShare, 0);
  }
  const light = tables.idleLeakage.filter((x) => x.class === "light" && x.scheduler === "dynamic");
  light.slice(1).forEach((r, i) =>
    assert.ok(r.singleIdleLeakageShare > light[i].singleIdleLeakageShare)
  );
});

Deno.test("setup validation names every bad field", () => {
  const bad = structuredClone(setupFile) as Record<string, unknown>;
  (bad.classes as { heavy: string[] }).heavy[0] = "resnet5O";
  bad.timelineWorkloads = ["H9"];
  (bad.scheduler as Record<string, unknown>).splitAxis = "rows";
  assert.throws(
    () => parsePartitioningSetup(bad),
    (e: Error) =>
      e instanceof ValidationError && /classes\.heavy\[0\]: unknown model/.test(e.message) &&
      /"resnet5O"/.test(e.message) && /timelineWorkloads\[0\]/.test(e.message),
  );
  const bad2 = structuredClone(setupFile) as Record<string, unknown>;
  (bad2.array as Record<string, unknown>).cols = -4;
  assert.throws(() => parsePartitioningSetup(bad2), /array\.cols/);
  const bad3 = structuredClone(setupFile) as Record<string, unknown>;
  (bad3.scheduler as Record<string, unknown>).splitAxis = "rows";
  assert.throws(() => parsePartitioningSetup(bad3), /splitAxis/);
});
