/** Study C's summaries on hand-made rows, and a tiny end-to-end run of the study. */
import assert from "node:assert/strict";
import { caseRows, type GridRow, magmaHeadline } from "../../lib/experiments/magma-grid.ts";
import { parseMagmaOptions } from "../../lib/experiments/magma-options.ts";
import { runMagma } from "../../lib/experiments/magma.ts";

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
  assert.equal(a.figures.length, 7);
  assert.deepEqual(a.headline, b.headline);
  assert.deepEqual(a.tables, b.tables);
  assert.throws(
    () => parseMagmaOptions({ methods: ["stdga", "heft"] }),
    /methods must include magma/,
  );
});
