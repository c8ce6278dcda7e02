/**
 * Study A: dynamic partitioning of one systolic array among several DNNs with the partitioned
 * weight-stationary dataflow (Reshadi & Gregg, arXiv 2302.10806). Single tenancy vs a static equal
 * partition vs the dynamic partitioner on heavy and light workloads of 2-4 zoo CNNs.
 * `deno task reproduce partitioning` writes data/results/partitioning.json and figures/partitioning-*.
 */
import { timelineRects } from "../tenancy/timeline.ts";
import {
  energyChart,
  idleLeakageChart,
  sweepChart,
  timeChart,
  timelineChart,
  utilizationChart,
} from "./partitioning-figures.ts";
import {
  comparisonFacts,
  paperComparisonRows,
  partitioningHeadline,
} from "./partitioning-paper.ts";
import {
  classMeanRows,
  compositionRows,
  type NetworkCache,
  runWorkloads,
  type ScheduleRow,
  scheduleRows,
  SCHEDULERS,
  type WorkloadRun,
} from "./partitioning-runs.ts";
import {
  arraySizeRows,
  dynamicLosses,
  granularityRows,
  idleLeakageRows,
  policyRows,
  repartitionRows,
  tenantRows,
} from "./partitioning-sensitivity.ts";
import { parsePartitioningSetup, type PartitioningSetup } from "./partitioning-setup.ts";
import type { Study, StudyContext, StudyOutput } from "./study.ts";

type Row = Record<string, string | number>;

/** Rectangles of the timelines of the setup's timeline workloads, all three schedulers. */
export function timelineRows(s: PartitioningSetup, runs: readonly WorkloadRun[]) {
  return s.raw.timelineWorkloads.flatMap((id) => {
    const run = runs.find((r) => r.workload.id === id)!;
    return SCHEDULERS.flatMap((scheduler) =>
      timelineRects(run.schedules[scheduler]).map((r) => ({ workload: id, scheduler, ...r }))
    );
  });
}

/** The workloads where dynamic ends later than static, with both times and the lower bound (fractions of single). */
export function lossRows(schedules: readonly ScheduleRow[], composition: readonly Row[]) {
  return dynamicLosses(schedules).map((workload) => {
    const c = composition.find((r) => r.workload === workload)!;
    const time = (k: string) =>
      schedules.find((r) => r.workload === workload && r.scheduler === k)!.timeNormalized;
    return {
      workload,
      models: c.models as string,
      staticTime: time("static"),
      dynamicTime: time("dynamic"),
      lowerBoundTime: 1 - (c.boundTimeSaving as number),
    };
  });
}

/** Every table of the study (what the results JSON holds and the notebook plots). */
export function partitioningTables(
  s: PartitioningSetup = parsePartitioningSetup(),
  progress: (step: string) => void = () => {},
) {
  const nets: NetworkCache = new Map();
  progress("step main runs (single, static, dynamic)");
  const runs = runWorkloads(s.workloads, s.acc, s.opts, nets);
  const schedules = scheduleRows(runs);
  progress("step sensitivity: array size");
  const arraySize = arraySizeRows(s, nets);
  progress("step sensitivity: granularity, re-partition penalty, policy");
  const granularity = granularityRows(s, nets);
  const repartition = repartitionRows(s, nets);
  const policy = policyRows(s, nets);
  const composition = compositionRows(runs, nets);
  const facts = comparisonFacts(schedules, composition, policy, s.opts);
  return {
    composition,
    schedules,
    classMeans: classMeanRows(schedules),
    dynamicLosesToStatic: lossRows(schedules, composition),
    timeline: timelineRows(s, runs),
    arraySize,
    tenants: tenantRows(schedules),
    idleLeakage: idleLeakageRows(s, runs),
    granularity,
    repartition,
    policy,
    paperComparison: paperComparisonRows(schedules, facts),
  };
}
export type PartitioningTables = ReturnType<typeof partitioningTables>;

/** The study's figures from its tables. */
export function partitioningFigures(t: PartitioningTables, s: PartitioningSetup) {
  const unit = s.opts.axis === "cols" ? "columns" : "rows";
  return [
    { name: "energy", chart: energyChart(t.schedules) },
    { name: "time", chart: timeChart(t.schedules, t.composition) },
    { name: "utilization", chart: utilizationChart(t.schedules) },
    ...s.raw.timelineWorkloads.map((id) => ({
      name: `timeline-${id}`,
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

/** Run the whole study (quick: the same setup; it is already fast). */
export function runPartitioning(ctx: StudyContext): StudyOutput {
  const s = parsePartitioningSetup();
  const t = partitioningTables(s, ctx.progress);
  ctx.progress("step figures");
  return {
    parameters: {
      accelerator: s.acc,
      partitionOptions: s.opts,
      classes: s.raw.classes,
      workloads: s.raw.workloads,
      sensitivity: s.raw.sensitivity,
      sources: s.raw.sources,
    },
    headline: partitioningHeadline(t.schedules),
    tables: t,
    figures: partitioningFigures(t, s),
  };
}

export const partitioningStudy: Study = {
  id: "partitioning",
  title: "A: dynamic partitioning of one systolic array among several DNNs (PWS)",
  run: runPartitioning,
};
