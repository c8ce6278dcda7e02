/**
 * Study D: SynergyFlow (Li et al., ACM TODAES 2019), an elastic accelerator that splits its PE pool
 * and DRAM bandwidth between conv and FC work (layer-level parallelism) and between models
 * (model-level parallelism), compared with one monolithic engine and with a fixed split.
 * `deno task reproduce synergyflow` writes data/results/synergyflow.json and figures/synergyflow-*.
 */
import { elasticHardwareSources } from "../elastic/hardware.ts";
import type { Study, StudyContext, StudyOutput } from "./study.ts";
import {
  bandwidthChart,
  batchChart,
  mixChart,
  reconfigurationChart,
  throughputChart,
  timelineChart,
  utilizationChart,
} from "./synergyflow-figures.ts";
import { mixRows, reconfigurationRows, timelineTable } from "./synergyflow-mixes.ts";
import {
  quickSynergyflowOptions,
  type SynergyflowOptionsInput,
  synergyflowSetup,
} from "./synergyflow-options.ts";
import { calibrationRows, paperComparisonRows, synergyflowHeadline } from "./synergyflow-paper.ts";
import {
  bandwidthSweepRows,
  batchSweepRows,
  throughputRows,
  utilizationRows,
} from "./synergyflow-tables.ts";

/** Run the whole study with `input` options (defaults: the published reproduction). */
export function runSynergyflow(
  ctx: StudyContext,
  input: SynergyflowOptionsInput = {},
): StudyOutput {
  const s = synergyflowSetup(ctx.quick ? { ...quickSynergyflowOptions, ...input } : input);
  ctx.progress("step throughput per model");
  const throughput = throughputRows(s);
  const utilization = utilizationRows(s);
  ctx.progress("step batch and bandwidth sweeps");
  const batch = batchSweepRows(s);
  const bandwidth = bandwidthSweepRows(s);
  ctx.progress("step model mixes and timeline");
  const mixes = mixRows(s);
  const timeline = timelineTable(s);
  const reconfiguration = reconfigurationRows(s);
  ctx.progress("step paper comparison");
  const calibration = calibrationRows(s);
  const comparison = paperComparisonRows(s, throughput, calibration, mixes);
  return {
    parameters: { ...s.options, hardwareSources: elasticHardwareSources },
    headline: synergyflowHeadline(s, throughput),
    tables: {
      throughput,
      utilization,
      batch,
      bandwidth,
      mixes,
      timeline,
      reconfiguration,
      calibration,
      comparison,
    },
    figures: [
      { name: "throughput", chart: throughputChart(throughput) },
      { name: "utilization", chart: utilizationChart(utilization) },
      { name: "batch", chart: batchChart(batch) },
      { name: "bandwidth", chart: bandwidthChart(bandwidth) },
      { name: "mixes", chart: mixChart(mixes) },
      { name: "timeline", chart: timelineChart(timeline) },
      { name: "reconfiguration", chart: reconfigurationChart(reconfiguration) },
    ],
  };
}

/** The registered study `synergyflow`. */
export const synergyflowStudy: Study = {
  id: "synergyflow",
  title: "SynergyFlow: elastic conv/FC split of PEs and DRAM bandwidth, with batch processing",
  run: (ctx) => runSynergyflow(ctx),
};
