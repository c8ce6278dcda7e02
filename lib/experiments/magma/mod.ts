/**
 * Study C: MAGMA (Kao & Krishna, HPCA 2022) on M3E, mapping the layers of several DNNs onto the
 * cores of a multi-core accelerator that share one off-chip bandwidth, against manual mappers,
 * black-box optimizers and reinforcement learning with the same sample budget.
 * `deno task reproduce magma` writes data/results/magma.json and figures/magma-*.
 *
 * Parts: setup.ts (everything fixed before a run, the protocol), run.ts (pure functions to typed
 * tables), search.ts + pool.ts + worker.ts (the independent searches on Web Workers), figures.ts,
 * paper.ts (paper numbers and the comparison).
 */
import { getSetting } from "../../mapping/settings.ts";
import type { Study, StudyContext, StudyOutput } from "../study.ts";
import {
  budgetChart,
  bwSweepChart,
  bwTimelineChart,
  comparisonChart,
  curveChart,
  ganttChart,
  jobAnalysisChart,
} from "./figures.ts";
import { calibrationCheckRows, magmaHeadline, paperRows } from "./paper.ts";
import { runSearches } from "./pool.ts";
import {
  ablationRows,
  ablationSpecs,
  budgetRows,
  budgetSpecs,
  caseRows,
  convergenceRows,
  finalRows,
  gridRows,
  gridSpecs,
  jobAnalysisRows,
  jobGroups,
  type MagmaTables,
  mappingRows,
  pairwiseRows,
} from "./run.ts";
import { type MagmaSetupInput, parseMagmaSetup, quickMagmaSetup } from "./setup.ts";

/** Methods drawn in the bandwidth-sweep figure (all are in the tables). */
export const SWEEP_METHODS = [
  "magma",
  "stdga",
  "de",
  "cmaes",
  "reinforce",
  "heft",
  "m3e-heft",
  "herald",
  "aimt",
];

/** Run the whole study with `input` set-up (defaults: the published reproduction). */
export async function runMagma(
  ctx: StudyContext,
  input: MagmaSetupInput = {},
): Promise<StudyOutput> {
  const o = parseMagmaSetup(ctx.quick ? { ...quickMagmaSetup, ...input } : input);
  ctx.progress("step job groups and job analysis");
  const groups = jobGroups(o);
  const jobAnalysis = jobAnalysisRows(groups);

  const grid = gridSpecs(o), budget = budgetSpecs(o), ablation = ablationSpecs(o);
  const all = [...grid, ...budget, ...ablation];
  ctx.progress(
    `step ${all.length} searches (${grid.length} grid, ${budget.length} budget sweep, ` +
      `${ablation.length} ablation)`,
  );
  let shown = 0;
  const results = await runSearches(all, groups, o.workers, (done, total) => {
    const tenth = Math.floor((10 * done) / total);
    if (tenth > shown) ctx.progress(`step searches ${(shown = tenth) * 10} %`);
  });
  const gridResults = results.slice(0, grid.length);
  const budgetResults = results.slice(grid.length, grid.length + budget.length);
  const ablationResults = results.slice(grid.length + budget.length);

  const gridTable = gridRows(o, groups, gridResults);
  const cases = caseRows(gridTable, o);
  const convergence = convergenceRows(o, grid, gridResults);
  const ablationTable = ablationRows(o, ablationResults);
  ctx.progress("step mapping visualisation");
  const mapping = mappingRows(o, groups);
  const main = o.sources[0];
  const tables: MagmaTables = {
    cases,
    pairwise: pairwiseRows(gridTable, o.tolerance),
    grid: gridTable,
    budgetSweep: budgetRows(o, groups, budgetResults),
    convergence,
    convergenceFinal: finalRows(convergence),
    ablation: ablationTable,
    ablationFinal: finalRows(ablationTable),
    mappingSummary: mapping.summary,
    paperComparison: paperRows(
      gridTable.filter((r) => r.source === main),
      cases.filter((c) => c.source === main),
      finalRows(ablationTable),
      o.tolerance,
    ),
    calibration: calibrationCheckRows(),
    jobAnalysis,
  };
  const conv = o.convergenceCase;
  const convTitle = `${conv.setting} ${conv.task} (${conv.source}) at ${conv.bwBytesPerCycle} ` +
    `bytes/cycle, ${o.seeds} seeds (line: median; band: min-max)`;
  return {
    parameters: {
      ...o,
      settingsDetail: o.settings.map((id) => ({ ...getSetting(id) })),
      jobSource: "m3e: M3E's insts0 groups (data/m3e-jobs); zoo: task groups drawn from our " +
        "zoo (lib/mapping/groups.ts); cost tables from lib/arch/maestro.ts",
    },
    headline: magmaHeadline(cases, o),
    tables,
    figures: [
      { name: "job-analysis", chart: jobAnalysisChart(jobAnalysis) },
      { name: "comparison", chart: comparisonChart(gridTable, o.comparisonBwBytesPerCycle, main) },
      { name: "convergence", chart: curveChart(convergence, `Convergence: ${convTitle}`) },
      { name: "budget-sweep", chart: budgetChart(tables.budgetSweep) },
      {
        name: "bw-sweep",
        chart: bwSweepChart(
          gridTable.filter((r) => r.source === main),
          SWEEP_METHODS.filter((m) => o.methods.includes(m)),
        ),
      },
      { name: "mapping-gantt", chart: ganttChart(mapping.gantt) },
      { name: "mapping-bw", chart: bwTimelineChart(mapping.bw, o.mappingCase.bwBytesPerCycle) },
      {
        name: "ablation",
        chart: curveChart(ablationTable, `MAGMA operator ablation: ${convTitle}`, 1.05),
      },
    ],
  };
}

/** The registered study `magma`. */
export const magmaStudy: Study = {
  id: "magma",
  title:
    "MAGMA / M3E: mapping jobs of several DNNs onto multi-core accelerators with shared bandwidth",
  run: (ctx) => runMagma(ctx),
};
