/**
 * Study C: MAGMA (Kao & Krishna, HPCA 2022) on M3E, mapping the layers of several DNNs onto the
 * cores of a multi-core accelerator that share one off-chip bandwidth, against manual mappers,
 * black-box optimizers and reinforcement learning with the same sample budget.
 * `deno task reproduce magma` writes data/results/magma.json and figures/magma-*.
 */
import { getSetting } from "../mapping/settings.ts";
import { jobAnalysisRows, mappingRows } from "./magma-analysis.ts";
import {
  ablationRows,
  convergenceProblem,
  convergenceRows,
  finalRows,
} from "./magma-convergence.ts";
import {
  bwSweepChart,
  bwTimelineChart,
  comparisonChart,
  curveChart,
  ganttChart,
  jobAnalysisChart,
} from "./magma-figures.ts";
import { caseRows, magmaHeadline, runGrid, taskGroups } from "./magma-grid.ts";
import { type MagmaOptionsInput, parseMagmaOptions, quickMagmaOptions } from "./magma-options.ts";
import { paperRows } from "./magma-paper.ts";
import type { Study, StudyContext, StudyOutput } from "./study.ts";

/** Methods drawn in the bandwidth-sweep figure (all are in the tables). */
export const SWEEP_METHODS = [
  "magma",
  "stdga",
  "de",
  "cmaes",
  "reinforce",
  "heft",
  "herald",
  "aimt",
];

/** Run the whole study with `input` options (defaults: the published reproduction). */
export function runMagma(ctx: StudyContext, input: MagmaOptionsInput = {}): StudyOutput {
  const o = parseMagmaOptions(ctx.quick ? { ...quickMagmaOptions, ...input } : input);
  ctx.progress("step job groups and job analysis");
  const groups = taskGroups(o);
  const jobAnalysis = jobAnalysisRows(groups);
  const grid = runGrid(o, groups, ctx.progress);
  const cases = caseRows(grid);
  ctx.progress("step convergence and ablation");
  const problem = convergenceProblem(o, groups);
  const convergence = convergenceRows(o, problem);
  const ablation = ablationRows(o, problem);
  ctx.progress("step mapping visualisation");
  const mapping = mappingRows(o, groups);
  const mappingBw = o.mappingCase.bwBytesPerCycle;
  const conv = o.convergenceCase;
  const convTitle = `${conv.setting} ${conv.task} at ${conv.bwBytesPerCycle} bytes/cycle, ` +
    `${o.convergenceSeeds} seeds (band: min-max)`;
  return {
    parameters: {
      ...o,
      settings: o.settings.map((id) => ({ ...getSetting(id) })),
      jobSource:
        "zoo task groups (lib/mapping/groups.ts); cost tables from the closed forms of C-magma.md 3.2",
    },
    headline: magmaHeadline(cases, o),
    tables: {
      cases,
      grid,
      convergence,
      convergenceFinal: finalRows(convergence),
      ablation,
      ablationFinal: finalRows(ablation),
      mappingSummary: mapping.summary,
      paperComparison: paperRows(grid, cases, finalRows(ablation)),
      jobAnalysis,
    },
    figures: [
      { name: "job-analysis", chart: jobAnalysisChart(jobAnalysis) },
      { name: "comparison", chart: comparisonChart(grid, o.comparisonBwBytesPerCycle) },
      { name: "convergence", chart: curveChart(convergence, `Convergence: ${convTitle}`) },
      {
        name: "bw-sweep",
        chart: bwSweepChart(grid, SWEEP_METHODS.filter((m) => o.methods.includes(m))),
      },
      { name: "mapping-gantt", chart: ganttChart(mapping.gantt) },
      { name: "mapping-bw", chart: bwTimelineChart(mapping.bw, mappingBw) },
      {
        name: "ablation",
        chart: curveChart(ablation, `MAGMA operator ablation: ${convTitle}`, 1.05),
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
