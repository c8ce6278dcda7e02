/** Study C's protocol on hand-made rows, the worker pool's determinism, and a tiny end-to-end run. */
import assert from "node:assert/strict";
import { runMagma } from "../../lib/experiments/magma/mod.ts";
import {
  inkFor,
  relativeLuminance,
  VS_MAGMA_BINS,
  vsMagmaBin,
} from "../../lib/experiments/magma/figures.ts";
import { magmaHeadline } from "../../lib/experiments/magma/paper.ts";
import { runSearches } from "../../lib/experiments/magma/pool.ts";
import {
  bootstrapMedian,
  caseRows,
  compareWithin,
  type GridRow,
  median,
  pairwiseRows,
  parseMagmaTables,
} from "../../lib/experiments/magma/run.ts";
import type { SearchSpec } from "../../lib/experiments/magma/search.ts";
import { parseMagmaSetup } from "../../lib/experiments/magma/setup.ts";
import { m3eGroup } from "../../lib/mapping/mod.ts";

const row = (
  task: string,
  method: string,
  family: string,
  medianCycles: number,
  firstSeedCycles = medianCycles,
): GridRow => ({
  source: "m3e",
  setting: "S1",
  task,
  bwBytesPerCycle: 1,
  method,
  family,
  seeds: 5,
  samples: 10,
  medianCycles,
  ciLowCycles: medianCycles,
  ciHighCycles: medianCycles,
  minCycles: medianCycles,
  maxCycles: medianCycles,
  firstSeedCycles,
  vsMagma: NaN,
  throughputJobsPerMCycle: 0,
  lowerBoundCycles: 50,
});

Deno.test("median and a bootstrap interval that brackets it; ties within the tolerance", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), /empty/);
  // Every resample of a constant list has the same median.
  assert.deepEqual(bootstrapMedian([7, 7, 7], { resamples: 50, confidence: 0.9, seed: 1 }), [7, 7]);
  const [lo, hi] = bootstrapMedian([1, 2, 3, 4, 100], {
    resamples: 500,
    confidence: 0.95,
    seed: 1,
  });
  assert.ok(lo >= 1 && lo <= 3 && hi >= 3 && hi <= 100, `${lo} ${hi}`);
  // 0.1 %: 1000.9 ties 1000, 1001.1 loses, 998.9 wins.
  assert.deepEqual([1000.9, 1001.1, 998.9].map((a) => compareWithin(a, 1000, 0.001)), [0, 1, -1]);
});

Deno.test("case summary, both win rules and pairwise counts on hand-made rows", () => {
  const rows = [
    // Case A: MAGMA 1000.5 vs GA 1000 (within 0.1 %: a win by the tolerant rule, not the strict).
    row("vision", "magma", "magma", 1000.5),
    row("vision", "heft", "heuristic", 1200),
    row("vision", "stdga", "ga", 1000),
    // Case B: the heuristic beats MAGMA by 20 %; the GA loses by 25 %.
    row("language", "magma", "magma", 100),
    row("language", "heft", "heuristic", 80),
    row("language", "stdga", "ga", 125),
  ];
  const o = { tolerance: 0.001, strictTolerance: 1e-9 };
  const cases = caseRows(rows, o);
  assert.deepEqual(cases.map((c) => [c.task, c.magmaWins, c.magmaWinsStrict, c.bestBaseline]), [
    ["vision", true, false, "stdga"],
    ["language", false, false, "heft"],
  ]);
  // Gap to the lower bound: 100 / 50 - 1.
  assert.equal(cases[1].gapToLowerBound, 1);
  const setup = parseMagmaSetup({ settings: ["S1"], tasks: ["vision", "language"] });
  const h = Object.fromEntries(magmaHeadline(cases, setup).map((x) => [x.metric, x.ours]));
  assert.equal(h.magma_win_fraction, 0.5);
  assert.equal(h.magma_win_fraction_strict, 0);
  // Best baseline / MAGMA per case: 1000 / 1000.5 and 0.8 -> geometric mean.
  assert.ok(Math.abs(h.magma_speedup_vs_best_baseline - Math.sqrt(1000 / 1000.5 * 0.8)) < 1e-12);
  const pw = Object.fromEntries(pairwiseRows(rows, 0.001).map((p) => [p.baseline, p]));
  // heft: A MAGMA wins (1000.5 < 1200), B loses by 25 %; stdga: A tie, B win.
  assert.deepEqual([pw.heft.wins, pw.heft.ties, pw.heft.losses, pw.heft.lossesOver1pct], [
    1,
    0,
    1,
    1,
  ]);
  assert.equal(pw.heft.worstLoss, 100 / 80 - 1);
  assert.deepEqual([pw.stdga.wins, pw.stdga.ties, pw.stdga.losses], [1, 1, 0]);
});

Deno.test("the worker pool gives the same results, in the same order, as the calling thread", async () => {
  const groups = { "m3e:mix": m3eGroup("mix").slice(0, 20) };
  const specs: SearchSpec[] = ["magma", "stdga", "random", "m3e-heft", "ablation:0"].map((
    method,
    i,
  ) => ({
    group: "m3e:mix",
    setting: "S2",
    bwBytesPerCycle: 2,
    method,
    seed: i + 1,
    budget: 120,
    historyEvery: 40,
  }));
  const inline = await runSearches(specs, groups, 0);
  const pooled = await runSearches(specs, groups, 2);
  assert.deepEqual(pooled, inline);
  assert.equal(inline[0].history.length, 3);
  assert.equal(inline[3].samples, 1);
});

Deno.test("a tiny study run is complete, typed and deterministic", async () => {
  const input = {
    sources: ["m3e" as const],
    settings: ["S2" as const],
    tasks: ["vision" as const, "recommendation" as const],
    budget: 40,
    seeds: 2,
    methods: ["magma", "stdga", "random", "heft"],
    historyEverySamples: 10,
    convergenceCase: {
      source: "m3e" as const,
      setting: "S2" as const,
      task: "vision" as const,
      bwBytesPerCycle: 4,
    },
    budgetSweep: {
      methods: ["magma"],
      budgets: [20, 40],
      cases: [{
        source: "m3e" as const,
        setting: "S2" as const,
        task: "vision" as const,
        bwBytesPerCycle: 4,
      }],
    },
    workers: 0,
  };
  const ctx = { progress: () => {}, quick: false };
  const a = await runMagma(ctx, input), b = await runMagma(ctx, { ...input, workers: 2 });
  // 2 tasks x 5 bandwidths of S2 = 10 cases, 4 methods each.
  assert.equal(a.tables.cases.length, 10);
  assert.equal(a.tables.grid.length, 40);
  assert.equal(a.tables.pairwise.length, 3);
  assert.equal(a.tables.budgetSweep.length, 2);
  assert.deepEqual(a.figures.map((f) => f.name), [
    "job-analysis",
    "comparison",
    "convergence",
    "budget-sweep",
    "bw-sweep",
    "mapping-gantt",
    "mapping-bw",
    "ablation",
  ]);
  assert.deepEqual(a.headline, b.headline);
  assert.deepEqual(a.tables, b.tables);
  // The tables read back through their schemas (what the notebook does with the JSON).
  const t = parseMagmaTables(JSON.parse(JSON.stringify(a.tables)));
  assert.equal(t.grid[0].seeds, 2);
  assert.throws(
    () => parseMagmaSetup({ methods: ["stdga", "heft"] }),
    /methods must include magma/,
  );
  assert.throws(
    () => parseMagmaSetup({ sources: ["zoo"] }),
    /convergenceCase\.source.*"m3e" is not in sources/s,
  );
});

Deno.test("comparison colours: ties are neutral, either side is red or blue, text readable", () => {
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
  // WCAG 2 contrast by hand: #2166ac (the darkest blue) has relative luminance 0.2126 x 0.0152
  // + 0.7152 x 0.1328 + 0.0722 x 0.4126 = 0.128, contrast 3.6 with black and 5.9 with white -> white; #4393c3 has 0.260: 6.2 with black, 3.4 with white
  // -> black; #d6604d 0.232: 5.6 with black, 3.7 with white -> black.
  assert.ok(Math.abs(relativeLuminance("#2166ac") - 0.128) < 0.001);
  assert.deepEqual(["#2166ac", "#4393c3", "#d6604d", "#d9d9d9"].map(inkFor), [
    "white",
    "black",
    "black",
    "black",
  ]);
  assert.equal(VS_MAGMA_BINS.length, 8);
  assert.throws(() => relativeLuminance("blue"), /expected #rrggbb/);
});
