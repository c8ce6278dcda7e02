/**
 * Study D's tables as zod schemas: `run.ts` returns these rows, and a notebook that loads
 * data/results/synergyflow.json instead of recomputing gets the same types from
 * `parseSynergyflowTables`. Gains are fractions gained over the monolithic baseline (0.338 =
 * +33.8 %); a ceiling is the overlap bound of `lib/elastic/ceiling.ts`.
 */
import { z } from "zod";
import { parseWith } from "../../validate.ts";

const num = z.number();
const maybe = z.number().nullable();

/** One model (or a group mean) under the three designs at the headline batch. */
export const ThroughputRowSchema = z.object({
  model: z.string(),
  /** fc-headed, pool-headed, or all (the overall mean). */
  group: z.string(),
  baselineImagesPerSecond: maybe,
  staticImagesPerSecond: maybe,
  synergyflowImagesPerSecond: maybe,
  staticGain: num,
  synergyflowGain: num,
  ceiling: num,
  /** SynergyFlow's choice: monolithic or pipelined ("" in mean rows). */
  mode: z.string(),
  convPes: maybe,
  fcPes: maybe,
  convBandwidthShare: maybe,
  baselineConvMs: maybe,
  baselineFcMs: maybe,
});
export type ThroughputRow = z.infer<typeof ThroughputRowSchema>;

/** PE and bandwidth utilization of one model under one design. */
export const UtilizationRowSchema = z.object({
  model: z.string(),
  design: z.string(),
  convPeUtilization: num,
  fcPeUtilization: num,
  peUtilization: num,
  bandwidthUtilization: num,
});
export type UtilizationRow = z.infer<typeof UtilizationRowSchema>;

/** One model (or a group mean) at one sweep point (batch or bandwidth). */
export const SweepRowSchema = z.object({
  model: z.string(),
  group: z.string(),
  batch: num,
  bandwidthGBps: num,
  baselineImagesPerSecond: maybe,
  synergyflowImagesPerSecond: maybe,
  staticGain: num,
  synergyflowGain: num,
  ceiling: num,
});
export type SweepRow = z.infer<typeof SweepRowSchema>;

/** One model (or a group mean) at one conv-efficiency setting (an array such as "16xN", or a value). */
export const EfficiencyRowSchema = z.object({
  efficiency: z.string(),
  model: z.string(),
  group: z.string(),
  /** MAC-weighted conv efficiency on the whole pool (the fixed value, or the array's). */
  convEfficiency: num,
  synergyflowGain: num,
  ceiling: num,
});
export type EfficiencyRow = z.infer<typeof EfficiencyRowSchema>;

/** Combined throughput of one mix under each schedule; gains over the baseline run in sequence. */
export const MixRowSchema = z.object({
  mix: z.string(),
  models: num,
  baselineImagesPerSecond: num,
  isolatedImagesPerSecond: num,
  coscheduledImagesPerSecond: num,
  isolatedGain: num,
  coscheduledGain: num,
  coscheduledOverIsolated: num,
  phases: num,
});
export type MixRow = z.infer<typeof MixRowSchema>;

/** One engine (or re-partition gap) of one phase of the timeline mix. */
export const TimelineTableRowSchema = z.object({
  schedule: z.string(),
  phase: num,
  startSeconds: num,
  endSeconds: num,
  engine: z.string(),
  job: z.string(),
  pes: num,
  peLow: num,
  peHigh: num,
  bandwidthShare: num,
});
export type TimelineTableRow = z.infer<typeof TimelineTableRowSchema>;

/** SynergyFlow's gain on one job of `jobImages` images at one reconfiguration cost. */
export const ReconfigurationRowSchema = z.object({
  model: z.string(),
  reconfigurationCycles: num,
  synergyflowGain: num,
});
export type ReconfigurationRow = z.infer<typeof ReconfigurationRowSchema>;

/** One case of the summary's illustrative calibration, recomputed. */
export const CalibrationRowSchema = z.object({
  model: z.string(),
  bandwidthGBps: num,
  summaryGain: num,
  oursOnSummaryInputs: num,
  /** PEs of the FC engine in our best split on the summary's inputs (0: monolithic). */
  fcPesOnSummaryInputs: num,
  oursOnZooNetwork: num,
  zooNetwork: z.string(),
});
export type CalibrationRow = z.infer<typeof CalibrationRowSchema>;

/** One line of the final paper-vs-ours table. */
export const ComparisonRowSchema = z.object({
  metric: z.string(),
  paper: maybe,
  ours: num,
  difference: maybe,
  why: z.string(),
});
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

/** Every table of the study, by name. */
export const SynergyflowTablesSchema = z.object({
  throughput: z.array(ThroughputRowSchema),
  utilization: z.array(UtilizationRowSchema),
  batch: z.array(SweepRowSchema),
  bandwidth: z.array(SweepRowSchema),
  efficiency: z.array(EfficiencyRowSchema),
  mixes: z.array(MixRowSchema),
  timeline: z.array(TimelineTableRowSchema),
  reconfiguration: z.array(ReconfigurationRowSchema),
  calibration: z.array(CalibrationRowSchema),
  comparison: z.array(ComparisonRowSchema),
});
export type SynergyflowTables = z.infer<typeof SynergyflowTablesSchema>;

/** Typed tables from a results document's `tables` (e.g. data/results/synergyflow.json). */
export function parseSynergyflowTables(tables: unknown): SynergyflowTables {
  return parseWith(SynergyflowTablesSchema, tables, "synergyflow tables");
}
