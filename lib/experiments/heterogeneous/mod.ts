/**
 * Study B: architectural parameters, heterogeneous multi-core selection and layer distribution
 * (Maleki, Kamal, Afzali-Kusha, "Heterogeneous Multi-core Array-based DNN Accelerator", arXiv
 * 2206.12605). Set-up: data/heterogeneous-study.json (setup.ts). `deno task reproduce
 * heterogeneous` writes data/results/heterogeneous.json and figures/heterogeneous-*.
 * Parts: setup.ts (fixed parameters), run.ts (computation -> typed tables), figures.ts,
 * paper.ts (the paper's numbers and the comparison), this file (the `Study` registration).
 */
import { coreLabel } from "../../multicore/mod.ts";
import { parseStudyResult } from "../results.ts";
import type { FigureOut, Study, StudyContext, StudyOutput } from "../study.ts";
import {
  arraySizeChart,
  bandwidthChart,
  breakdownChart,
  bufferSizeChart,
  coreTypesChart,
  dataflowChart,
  memoryChart,
  savingsChart,
  speedupChart,
} from "./figures.ts";
import { heterogeneousHeadline } from "./paper.ts";
import {
  type AnalysisOptions,
  analyzeHeterogeneous,
  type HeterogeneousTables,
  heterogeneousTables,
  parseHeterogeneousTables,
} from "./run.ts";
import {
  defaultHeterogeneousSetup,
  type HeterogeneousSetup,
  quickHeterogeneousSetup,
} from "./setup.ts";

export * from "./setup.ts";
export * from "./run.ts";
export * from "./figures.ts";
export * from "./paper.ts";

/** Every figure of the study, from its tables. */
export function heterogeneousFigures(t: HeterogeneousTables): FigureOut[] {
  return [
    { name: "array-size", chart: arraySizeChart(t.arraySize) },
    { name: "buffer-size", chart: bufferSizeChart(t.bufferSize) },
    { name: "dataflow", chart: dataflowChart(t.dataflow) },
    { name: "bandwidth", chart: bandwidthChart(t.bandwidth) },
    { name: "breakdown", chart: breakdownChart(t.breakdown) },
    { name: "savings", chart: savingsChart(t.bestCore) },
    { name: "core-types", chart: coreTypesChart(t.coreTypes) },
    { name: "speedup", chart: speedupChart(t.distribution) },
    { name: "memory", chart: memoryChart([...t.distribution, ...t.distributionMemory]) },
  ];
}

/** The typed tables of a results file written by `deno task reproduce heterogeneous`. */
export async function readHeterogeneousTables(
  path: string | URL,
): Promise<HeterogeneousTables> {
  return parseHeterogeneousTables(parseStudyResult(JSON.parse(await Deno.readTextFile(path))));
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
    figures: heterogeneousFigures(tables),
  };
}

/** The registered study. */
export const heterogeneousStudy: Study = {
  id: "heterogeneous",
  title: "Heterogeneous multi-core array accelerator: parameters, core choice, layer distribution",
  run: (ctx) => runHeterogeneous(ctx),
};
