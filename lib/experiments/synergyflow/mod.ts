/**
 * Study D: SynergyFlow (Li et al., ACM TODAES 2019), an elastic accelerator that splits its PE pool
 * and DRAM bandwidth between conv and FC work (layer-level parallelism) and between models
 * (model-level parallelism), compared with one monolithic engine and with a fixed split.
 * `deno task reproduce synergyflow` writes data/results/synergyflow.json and figures/synergyflow-*.
 */
import { elasticHardwareSources } from "../../elastic/hardware.ts";
import type { Study, StudyContext, StudyOutput } from "../study.ts";
import {
  bandwidthChart,
  batchChart,
  efficiencyChart,
  mixChart,
  reconfigurationChart,
  throughputChart,
  timelineChart,
  utilizationChart,
} from "./figures.ts";
import { calibrationRows, paperComparisonRows, synergyflowHeadline } from "./paper.ts";
import {
  bandwidthSweepRows,
  batchSweepRows,
  efficiencyRows,
  mixRows,
  reconfigurationRows,
  type SynergyflowTables,
  throughputRows,
  timelineTable,
  utilizationRows,
} from "./run.ts";
import {
  networkSources,
  quickSynergyflowOptions,
  type SynergyflowOptionsInput,
  synergyflowSetup,
} from "./setup.ts";

/** Every table of the study, computed from `input` options (defaults: the committed setup). */
export function synergyflowTables(
  ctx: StudyContext,
  input: SynergyflowOptionsInput = {},
): { s: ReturnType<typeof synergyflowSetup>; tables: SynergyflowTables } {
  const s = synergyflowSetup(ctx.quick ? { ...quickSynergyflowOptions, ...input } : input);
  ctx.progress("step throughput per model");
  const throughput = throughputRows(s);
  const utilization = utilizationRows(s);
  ctx.progress("step batch, bandwidth and efficiency sweeps");
  const batch = batchSweepRows(s);
  const bandwidth = bandwidthSweepRows(s);
  const efficiency = efficiencyRows(s);
  ctx.progress("step model mixes and timeline");
  const mixes = mixRows(s);
  const timeline = timelineTable(s);
  const reconfiguration = reconfigurationRows(s);
  ctx.progress("step paper comparison");
  const calibration = calibrationRows(s);
  const comparison = paperComparisonRows(s, {
    throughput,
    batch,
    efficiency,
    calibration,
    mixes,
  });
  return {
    s,
    tables: {
      throughput,
      utilization,
      batch,
      bandwidth,
      efficiency,
      mixes,
      timeline,
      reconfiguration,
      calibration,
      comparison,
    },
  };
}

/** Run the whole study with `input` options (defaults: the published reproduction). */
export function runSynergyflow(
  ctx: StudyContext,
  input: SynergyflowOptionsInput = {},
): StudyOutput {
  const { s, tables: t } = synergyflowTables(ctx, input);
  return {
    parameters: {
      ...s.options,
      hardwareSources: elasticHardwareSources,
      networkSources,
    },
    headline: synergyflowHeadline(s, t.throughput, t.mixes),
    tables: t,
    figures: [
      { name: "throughput", chart: throughputChart(t.throughput) },
      { name: "utilization", chart: utilizationChart(t.utilization) },
      { name: "batch", chart: batchChart(t.batch) },
      { name: "bandwidth", chart: bandwidthChart(t.bandwidth) },
      { name: "efficiency", chart: efficiencyChart(t.efficiency) },
      { name: "mixes", chart: mixChart(t.mixes) },
      { name: "timeline", chart: timelineChart(t.timeline) },
      { name: "reconfiguration", chart: reconfigurationChart(t.reconfiguration) },
    ],
  };
}

/** The registered study `synergyflow`. */
export const synergyflowStudy: Study = {
  id: "synergyflow",
  title: "SynergyFlow: elastic conv/FC split of PEs and DRAM bandwidth, with batch processing",
  run: (ctx) => runSynergyflow(ctx),
};
