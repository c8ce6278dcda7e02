/**
 * Study B: architectural parameters, heterogeneous multi-core selection and layer distribution
 * (Maleki, Kamal, Afzali-Kusha, "Heterogeneous Multi-core Array-based DNN Accelerator", arXiv
 * 2206.12605). Set-up: data/heterogeneous-study.json. `deno task reproduce heterogeneous` writes
 * data/results/heterogeneous.json and figures/heterogeneous-*.
 */
import { coreLabel } from "../multicore/mod.ts";
import {
  type AnalysisOptions,
  analyzeHeterogeneous,
  type HeterogeneousAnalysis,
} from "./heterogeneous-analysis.ts";
import {
  arraySizeChart,
  bandwidthChart,
  breakdownChart,
  bufferSizeChart,
  dataflowChart,
} from "./heterogeneous-figures.ts";
import {
  coreTypesChart,
  memoryChart,
  savingsChart,
  speedupChart,
} from "./heterogeneous-figures-cores.ts";
import {
  distributionRows,
  heterogeneousHeadline,
  paperComparisonRows,
} from "./heterogeneous-paper.ts";
import {
  defaultHeterogeneousSetup,
  type HeterogeneousSetup,
  quickHeterogeneousSetup,
} from "./heterogeneous-setup.ts";
import {
  arraySizeRows,
  bandwidthRows,
  baselineRows,
  bestCoreRows,
  breakdownRows,
  bufferSizeRows,
  dataflowRows,
  searchSpaceRows,
} from "./heterogeneous-tables.ts";
import type { FigureOut, Study, StudyContext, StudyOutput } from "./study.ts";

/** Every table of the study, by name. */
export function heterogeneousTables(a: HeterogeneousAnalysis) {
  return {
    searchSpace: searchSpaceRows(a),
    baselines: baselineRows(a),
    bestCore: bestCoreRows(a),
    coreTypes: a.coreTypes,
    arraySize: arraySizeRows(a),
    bufferSize: bufferSizeRows(a),
    dataflow: dataflowRows(a),
    bandwidth: bandwidthRows(a),
    breakdown: breakdownRows(a),
    distribution: distributionRows(a.distribution),
    distributionMemory: distributionRows(a.memoryVariants),
    paperComparison: paperComparisonRows(a),
  };
}

/** Every figure of the study, from its tables. */
export function heterogeneousFigures(
  a: HeterogeneousAnalysis,
  t = heterogeneousTables(a),
): FigureOut[] {
  return [
    { name: "array-size", chart: arraySizeChart(t.arraySize) },
    { name: "buffer-size", chart: bufferSizeChart(t.bufferSize) },
    { name: "dataflow", chart: dataflowChart(t.dataflow) },
    { name: "bandwidth", chart: bandwidthChart(t.bandwidth) },
    { name: "breakdown", chart: breakdownChart(t.breakdown) },
    { name: "savings", chart: savingsChart(t.bestCore) },
    { name: "core-types", chart: coreTypesChart(t.coreTypes) },
    { name: "speedup", chart: speedupChart(a.distribution) },
    { name: "memory", chart: memoryChart([...a.distribution, ...a.memoryVariants]) },
  ];
}

/** Run the study on set-up `s` (default: the published one, or the quick one for --quick). */
export async function runHeterogeneous(
  ctx: StudyContext,
  s?: HeterogeneousSetup,
  opts: Omit<AnalysisOptions, "progress"> = {},
): Promise<StudyOutput> {
  const setup = s ??
    (ctx.quick ? quickHeterogeneousSetup(defaultHeterogeneousSetup) : defaultHeterogeneousSetup);
  const a = await analyzeHeterogeneous(setup, { ...opts, progress: ctx.progress });
  ctx.progress("step tables and figures");
  const tables = heterogeneousTables(a);
  return {
    parameters: {
      ...setup,
      sweepConfigurations: a.sweep.configs.length,
      searchSpace: a.space.map((i) => coreLabel(a.sweep.configs[i])),
      energyTable: "data/energy-45nm.json",
    },
    headline: heterogeneousHeadline(a),
    tables,
    figures: heterogeneousFigures(a, tables),
  };
}

/** The registered study. */
export const heterogeneousStudy: Study = {
  id: "heterogeneous",
  title: "Heterogeneous multi-core array accelerator: parameters, core choice, layer distribution",
  run: (ctx) => runHeterogeneous(ctx),
};
