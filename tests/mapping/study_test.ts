/** Study C's summaries on hand-made rows, and a tiny end-to-end run of the study. */
import assert from "node:assert/strict";
import { caseRows, type GridRow, magmaHeadline } from "../../lib/experiments/magma-grid.ts";
import { parseMagmaOptions } from "../../lib/experiments/magma-options.ts";
import { runMagma } from "../../lib/experiments/magma.ts";
import { vsMagmaBin } from "../../lib/experiments/magma-figures.ts";
import { parseM3eCsv } from "../../lib/mapping/mod.ts";
import { bwMedianTable, readM3eGroupsIfPresent } from "../../lib/experiments/magma-reference.ts";

const row = (task: string, method: string, family: string, makespanCycles: number): GridRow => ({
  setting: "S1",
  task,
  bwBytesPerCycle: 1,
  method,
  family,
  seed: 1,
  samples: 10,
  makespanCycles,
  vsMagma: NaN,
  throughputJobsPerMCycle: 0,
  lowerBoundCycles: 50,
});

Deno.test("case summary and headline on hand-made rows", () => {
  const rows = [
    // Case A: MAGMA 100, heuristic 120, GA 100 (a tie counts as a MAGMA win).
    row("vision", "magma", "magma", 100),
    row("vision", "heft", "heuristic", 120),
    row("vision", "stdga", "ga", 100),
    // Case B: MAGMA 100, heuristic 80 (beats MAGMA), GA 125.
    row("language", "magma", "magma", 100),
    row("language", "heft", "heuristic", 80),
    row("language", "stdga", "ga", 125),
  ];
  const cases = caseRows(rows);
  assert.deepEqual(cases.map((c) => [c.task, c.magmaWins, c.bestBaseline]), [
    ["vision", true, "stdga"],
    ["language", false, "heft"],
  ]);
  const o = parseMagmaOptions({ settings: ["S1"], tasks: ["vision", "language"] });
  const h = Object.fromEntries(magmaHeadline(cases, o).map((x) => [x.metric, x.ours]));
  assert.equal(h.magma_win_fraction, 0.5);
  // Best baseline / MAGMA per case: 1.0 and 0.8 -> geometric mean sqrt(0.8).
  assert.ok(Math.abs(h.magma_speedup_vs_best_baseline - Math.sqrt(0.8)) < 1e-12);
  // Best heuristic: 1.2 and 0.8; best search (GA here): 1.0 and 1.25.
  assert.ok(Math.abs(h.magma_speedup_vs_best_heuristic - Math.sqrt(1.2 * 0.8)) < 1e-12);
  assert.ok(Math.abs(h.magma_speedup_vs_best_search - Math.sqrt(1.25)) < 1e-12);
});

Deno.test("a tiny study run is complete and deterministic", () => {
  const input = {
    jobsPerGroup: 8,
    settings: ["S2" as const],
    tasks: ["vision" as const, "recommendation" as const],
    budget: 40,
    methods: ["magma", "stdga", "random", "heft"],
    convergenceSeeds: 2,
    historyEverySamples: 10,
  };
  const ctx = { progress: () => {}, quick: false };
  const a = runMagma(ctx, input), b = runMagma(ctx, input);
  // 2 tasks x 5 bandwidths of S2 = 10 cases, 4 methods each.
  assert.equal(a.tables.cases.length, 10);
  assert.equal(a.tables.grid.length, 40);
  // The notebook's figures C-1..C-6 (notebooks/src/03-magma.ts sections 2-7); C-5 is two charts.
  assert.deepEqual(a.figures.map((f) => f.name), [
    "job-analysis",
    "comparison",
    "convergence",
    "bw-sweep",
    "mapping-gantt",
    "mapping-bw",
    "ablation",
  ]);
  assert.deepEqual(a.headline, b.headline);
  assert.deepEqual(a.tables, b.tables);
  assert.throws(
    () => parseMagmaOptions({ methods: ["stdga", "heft"] }),
    /methods must include magma/,
  );
});

Deno.test("without ../shared the M3E groups are null and the median table says they were skipped", () => {
  assert.equal(readM3eGroupsIfPresent("/no/such/m3e-jobs", ["vision"]), null);
  const ours = [{
    task: "language",
    source: "ours",
    jobs: parseM3eCsv("1,1,20,128,128,1,1,1,3\n"),
  }];
  const md = bwMedianTable(null, ours)[Symbol.for("Jupyter.display")]()["text/markdown"];
  assert.match(md, /^\*M3E job files not found beside the repo; skipped\.\*/);
  assert.match(md, /\| task \| source \| hb2048Median/);
});

Deno.test("comparison colours: ties (MAGMA's own 1.00) are neutral, either side is red or blue", () => {
  assert.deepEqual([1, 0.99995, 1.00005].map(vsMagmaBin), Array(3).fill("tie (1 ± 1e-4)"));
  assert.deepEqual([0.5, 0.95, 0.995, 1.005, 1.05, 1.5, 2, 1e6].map(vsMagmaBin), [
    "< 0.9",
    "0.9-0.99",
    "0.99-1",
    "1-1.01",
    "1.01-1.1",
    "1.1-2",
    ">= 2",
    ">= 2",
  ]);
  assert.throws(() => vsMagmaBin(NaN), /got NaN/);
});
