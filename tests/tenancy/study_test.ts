import assert from "node:assert/strict";
import setupFile from "../../data/partitioning-setup.json" with { type: "json" };
import { partitioningTables } from "../../lib/experiments/partitioning.ts";
import { partitioningHeadline } from "../../lib/experiments/partitioning-paper.ts";
import { parsePartitioningSetup } from "../../lib/experiments/partitioning-setup.ts";
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
      headline: partitioningHeadline(t.schedules),
      tables: t,
    });
  assert.equal(doc(again), doc(tables));
});

Deno.test("headline: the four metrics named as in the issue, with the abstract's values", () => {
  const h = partitioningHeadline(tables.schedules);
  // Paper values from the abstract of arXiv 2302.10806 (summary A.7).
  assert.deepEqual(h.map((x) => [x.metric, x.paper]), [
    ["energy_saving_heavy", 0.35],
    ["energy_saving_light", 0.62],
    ["time_saving_heavy", 0.56],
    ["time_saving_light", 0.44],
  ]);
  // Each is the mean over the class's 11 workloads of 1 - dynamic/single.
  const dyn = tables.schedules.filter((r) => r.class === "light" && r.scheduler === "dynamic");
  assert.equal(dyn.length, 11);
  const mean = dyn.reduce((s, r) =>
    s + 1 - r.makespanCycles /
      tables.schedules.find((x) => x.workload === r.workload && x.scheduler === "single")!
        .makespanCycles, 0) / 11;
  assert.ok(Math.abs(h[3].ours - mean) < 1e-12);
});

Deno.test("dynamic beats static on average in both classes (per-workload losses are listed)", () => {
  // The issue asks that dynamic never loses to static, or that the notebook explains when it
  // does: the class means must favour dynamic, and every workload where it loses is in the
  // table the notebook shows (dynamicLosesToStatic).
  for (const c of tables.classMeans.filter((r) => r.scheduler === "dynamic")) {
    const st = tables.classMeans.find((r) => r.class === c.class && r.scheduler === "static")!;
    assert.ok(c.timeSaving > st.timeSaving, `${c.class} time`);
    assert.ok(c.energySaving > st.energySaving, `${c.class} energy`);
  }
  const losers = tables.dynamicLosesToStatic.map((r) => r.workload);
  for (const w of new Set(tables.schedules.map((r) => r.workload))) {
    const t = (k: string) =>
      tables.schedules.find((r) => r.workload === w && r.scheduler === k)!.makespanCycles;
    assert.equal(losers.includes(w), t("dynamic") > t("static"), w);
  }
});

Deno.test("idle/leakage sweep: scale 0 removes the time-dependent energy", () => {
  for (const r of tables.idleLeakage.filter((x) => x.idleLeakageScale === 0)) {
    assert.equal(r.singleIdleLeakageShare, 0);
  }
  // Shares grow with the scale (more of the energy is charged on time).
  const light = tables.idleLeakage.filter((x) => x.class === "light" && x.scheduler === "dynamic");
  light.slice(1).forEach((r, i) =>
    assert.ok(r.singleIdleLeakageShare > light[i].singleIdleLeakageShare)
  );
});

Deno.test("setup validation names every bad field", () => {
  const bad = structuredClone(setupFile) as Record<string, unknown>;
  (bad.workloads as { models: string[] }[])[0].models[1] = "resnet5O";
  (bad.workloads as { id: string }[])[2].id = "H2a";
  bad.timelineWorkloads = ["H9"];
  assert.throws(
    () => parsePartitioningSetup(bad),
    (e: Error) =>
      e instanceof ValidationError &&
      /workloads\[0\]\.models\[1\]: unknown model/.test(e.message) &&
      /"resnet5O"/.test(e.message) && /workloads\[2\]\.id: duplicate/.test(e.message) &&
      /timelineWorkloads\[0\]/.test(e.message),
  );
  const bad2 = structuredClone(setupFile) as Record<string, unknown>;
  (bad2.array as Record<string, unknown>).cols = -4;
  assert.throws(() => parsePartitioningSetup(bad2), /array\.cols/);
});
