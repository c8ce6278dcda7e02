/**
 * Study A: dynamic partitioning of one systolic array among several DNNs with the partitioned
 * weight-stationary dataflow (Reshadi & Gregg, arXiv 2302.10806). Single tenancy vs a static
 * equal split, the best static split then expand, and the dynamic partitioner, on 4-tenant heavy
 * and light workloads; the grid of modelling choices beside the headline.
 * `deno task reproduce partitioning` writes data/results/partitioning.json and figures/partitioning-*.
 */
import { z } from "zod";
import { timelineRects } from "../../tenancy/timeline.ts";
import type { Study, StudyContext, StudyOutput } from "../study.ts";
import {
  bandAreaChart,
  energyChart,
  gridChart,
  idleLeakageChart,
  sweepChart,
  timeChart,
  timelineChart,
  utilizationChart,
} from "./figures.ts";
import { ComparisonRowSchema, paperComparisonRows, partitioningHeadline } from "./paper.ts";
import {
  classMeanRows,
  ClassMeanRowSchema,
  compositionRows,
  CompositionRowSchema,
  type NetworkCache,
  runWorkloads,
  scheduleRows,
  ScheduleRowSchema,
  SCHEDULERS,
  type WorkloadRun,
} from "./run.ts";
import { parsePartitioningSetup, type PartitioningSetup } from "./setup.ts";
import {
  arraySizeRows,
  bandAreaRows,
  BandAreaRowSchema,
  granularityRows,
  gridRows,
  GridRowSchema,
  idleLeakageRows,
  IdleLeakageRowSchema,
  loopOrderRows,
  MeanRowSchema,
  policyRows,
  repartitionRows,
  tenantRows,
  utilisationRows,
  UtilisationRowSchema,
} from "./sweeps.ts";

export const TimelineRowSchema = z.object({
  workload: z.string(),
  scheduler: z.string(),
  tenant: z.string(),
  layerName: z.string(),
  startCycle: z.number(),
  endCycle: z.number(),
  firstUnit: z.number(),
  endUnit: z.number(),
});

/** Every table of the study, typed: parse data/results/partitioning.json's `tables` with it. */
export const PartitioningTablesSchema = z.object({
  composition: z.array(CompositionRowSchema),
  schedules: z.array(ScheduleRowSchema),
  classMeans: z.array(ClassMeanRowSchema),
  utilisation: z.array(UtilisationRowSchema),
  bandArea: z.array(BandAreaRowSchema),
  grid: z.array(GridRowSchema),
  timeline: z.array(TimelineRowSchema),
  tenants: z.array(MeanRowSchema),
  arraySize: z.array(MeanRowSchema),
  idleLeakage: z.array(IdleLeakageRowSchema),
  granularity: z.array(MeanRowSchema),
  repartition: z.array(MeanRowSchema),
  policy: z.array(MeanRowSchema),
  loopOrder: z.array(MeanRowSchema),
  paperComparison: z.array(ComparisonRowSchema),
});
export type PartitioningTables = z.infer<typeof PartitioningTablesSchema>;

/** Rectangles of the timelines of the setup's timeline workloads, every scheduler. */
export function timelineRows(s: PartitioningSetup, runs: readonly WorkloadRun[]) {
  return s.raw.timelineWorkloads.flatMap((id) => {
    const run = runs.find((r) => r.workload.id === id)!;
    return SCHEDULERS.flatMap((scheduler) =>
      timelineRects(run.schedules[scheduler]!).map((r) => ({ workload: id, scheduler, ...r }))
    );
  });
}

/** A one-line label of the headline combination. */
export function headlineLabel(s: PartitioningSetup): string {
  const o = s.opts;
  return `${
    o.axis === "rows" ? "row" : "column"
  } bands, DRAM ${o.dramModel}, SRAM ${o.sramBanking}, loop order ${o.loopOrder}, ` +
    `${s.variant} networks, ${s.acc.rows}x${s.acc.cols}`;
}

/** Every table of the study (what the results JSON holds and the notebook shows). */
export function partitioningTables(
  s: PartitioningSetup = parsePartitioningSetup(),
  progress: (step: string) => void = () => {},
): PartitioningTables {
  const nets: NetworkCache = new Map();
  progress("step main runs (single, static, expand, dynamic)");
  const runs = runWorkloads(s.workloads, s.acc, s.opts, nets, s.variant);
  const schedules = scheduleRows(runs);
  const composition = compositionRows(runs, nets, s.variant);
  progress("step explanations: utilisation, band-area efficiency");
  const utilisation = utilisationRows(s, nets);
  const bandArea = bandAreaRows(s, nets);
  progress("step grid: axis x DRAM model x banking x variant");
  const grid = gridRows(s, nets);
  progress("step sweeps");
  const idleLeakage = idleLeakageRows(s, runs);
  const tables = {
    composition,
    schedules,
    classMeans: classMeanRows(schedules),
    utilisation,
    bandArea,
    grid,
    timeline: timelineRows(s, runs),
    tenants: tenantRows(s, nets),
    arraySize: arraySizeRows(s, nets),
    idleLeakage,
    granularity: granularityRows(s, nets),
    repartition: repartitionRows(s, nets),
    policy: policyRows(s, nets),
    loopOrder: loopOrderRows(s, nets),
  };
  const paperComparison = paperComparisonRows({
    ...tables,
    axis: s.opts.axis,
    loopOrder: s.opts.loopOrder,
  });
  return { ...tables, paperComparison };
}

/** The study's figures from its tables. */
export function partitioningFigures(t: PartitioningTables, s: PartitioningSetup) {
  const unit = s.opts.axis === "cols" ? "columns" : "rows";
  return [
    { name: "energy", chart: energyChart(t.schedules) },
    { name: "time", chart: timeChart(t.schedules, t.composition) },
    { name: "utilization", chart: utilizationChart(t.classMeans) },
    { name: "grid", chart: gridChart(t.grid) },
    { name: "band-area", chart: bandAreaChart(t.bandArea) },
    ...s.raw.timelineWorkloads.map((id, i) => ({
      name: `timeline-${i === 0 ? "heavy" : "light"}`,
      chart: timelineChart(t.timeline, id, unit),
    })),
    {
      name: "sensitivity-array",
      chart: sweepChart(t.arraySize, "arraySize", "array size (R = C)", true),
    },
    {
      name: "sensitivity-tenants",
      chart: sweepChart(t.tenants, "tenants", "tenants per workload"),
    },
    { name: "sensitivity-idle-leakage", chart: idleLeakageChart(t.idleLeakage) },
  ];
}

/** Run the whole study (quick: the same setup). */
export function runPartitioning(ctx: StudyContext): StudyOutput {
  const s = parsePartitioningSetup();
  const t = partitioningTables(s, ctx.progress);
  ctx.progress("step figures");
  return {
    parameters: {
      accelerator: s.acc,
      partitionOptions: s.opts,
      variant: s.variant,
      classes: s.raw.classes,
      workloads: s.raw.workloads,
      grid: s.raw.grid,
      sensitivity: s.raw.sensitivity,
      sources: s.raw.sources,
    },
    headline: partitioningHeadline(t.schedules, headlineLabel(s)),
    tables: t,
    figures: partitioningFigures(t, s),
  };
}

export const partitioningStudy: Study = {
  id: "partitioning",
  title: "A: dynamic partitioning of one systolic array among several DNNs (PWS)",
  run: runPartitioning,
};
