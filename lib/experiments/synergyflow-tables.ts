/**
 * Study D tables for single models: normalised throughput of the three designs, PE utilization,
 * and the speed-up sweeps over batch size and DRAM bandwidth. Gains are fractions gained over the
 * monolithic baseline (0.338 = +33.8 %); "mean" rows are arithmetic means over the models.
 */
import type { NetworkDemand } from "../elastic/demand.ts";
import type { ElasticHardware } from "../elastic/hardware.ts";
import { bestSplit } from "../elastic/search.ts";
import { imagesPerSecond, monolithicSplit, pipelinedSplit, type Split } from "../elastic/split.ts";
import { chooseStaticSplit } from "../elastic/static.ts";
import { splitUtilization } from "../elastic/utilization.ts";
import type { SynergyflowSetup } from "./synergyflow-options.ts";

/** The three designs' splits for each model at one hardware point and batch. */
export interface DesignSplits {
  model: string;
  demand: NetworkDemand;
  baseline: Split;
  static: Split;
  synergyflow: Split;
}

/** Baseline, static (one split for all models) and SynergyFlow splits of every model. */
export function designSplits(
  demands: readonly NetworkDemand[],
  hw: ElasticHardware,
  batch: number,
): DesignSplits[] {
  const fixed = chooseStaticSplit(demands, hw, batch);
  return demands.map((d) => ({
    model: d.name,
    demand: d,
    baseline: monolithicSplit(d, hw, batch),
    static: pipelinedSplit(d, hw, batch, fixed.convPes, fixed.convBandwidthShare),
    synergyflow: bestSplit(d, hw, batch),
  }));
}

/** Fraction gained by a split over the baseline split (0.5 = 1.5x throughput). */
export function gain(baseline: Split, other: Split): number {
  return baseline.batchSeconds / other.batchSeconds - 1;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One model's throughput under the three designs. */
export type ThroughputRow = {
  model: string;
  baselineImagesPerSecond: number | null;
  staticImagesPerSecond: number | null;
  synergyflowImagesPerSecond: number | null;
  staticNormalized: number;
  synergyflowNormalized: number;
  staticGain: number;
  synergyflowGain: number;
  mode: string;
  convPes: number | null;
  fcPes: number | null;
  convBandwidthShare: number | null;
  baselineConvMs: number | null;
  baselineFcMs: number | null;
};

/** Normalised throughput per model (baseline = 1) and a final "mean" row. */
export function throughputRows(s: SynergyflowSetup): ThroughputRow[] {
  const b = s.options.batch;
  const rows: ThroughputRow[] = designSplits(s.demands, s.hw, b).map((x) => ({
    model: x.model,
    baselineImagesPerSecond: imagesPerSecond(x.baseline, b),
    staticImagesPerSecond: imagesPerSecond(x.static, b),
    synergyflowImagesPerSecond: imagesPerSecond(x.synergyflow, b),
    staticNormalized: 1 + gain(x.baseline, x.static),
    synergyflowNormalized: 1 + gain(x.baseline, x.synergyflow),
    staticGain: gain(x.baseline, x.static),
    synergyflowGain: gain(x.baseline, x.synergyflow),
    mode: x.synergyflow.mode,
    convPes: x.synergyflow.convPes,
    fcPes: x.synergyflow.fcPes,
    convBandwidthShare: x.synergyflow.convBandwidthShare,
    baselineConvMs: x.baseline.convSeconds * 1e3,
    baselineFcMs: x.baseline.fcSeconds * 1e3,
  }));
  rows.push({
    model: "mean",
    baselineImagesPerSecond: null,
    staticImagesPerSecond: null,
    synergyflowImagesPerSecond: null,
    staticNormalized: mean(rows.map((r) => r.staticNormalized)),
    synergyflowNormalized: mean(rows.map((r) => r.synergyflowNormalized)),
    staticGain: mean(rows.map((r) => r.staticGain)),
    synergyflowGain: mean(rows.map((r) => r.synergyflowGain)),
    mode: "",
    convPes: null,
    fcPes: null,
    convBandwidthShare: null,
    baselineConvMs: null,
    baselineFcMs: null,
  });
  return rows;
}

/** PE and bandwidth utilization of one model under one design. */
export type UtilizationRow = {
  model: string;
  design: string;
  convPeUtilization: number;
  fcPeUtilization: number;
  peUtilization: number;
  bandwidthUtilization: number;
};

/** Utilization of the conv and FC work, overall PEs and DRAM, per model and design. */
export function utilizationRows(s: SynergyflowSetup): UtilizationRow[] {
  const b = s.options.batch;
  return designSplits(s.demands, s.hw, b).flatMap((x) =>
    (["baseline", "static", "synergyflow"] as const).map((design) => ({
      model: x.model,
      design,
      ...splitUtilization(x.demand, s.hw, b, x[design]),
    }))
  );
}

/** Speed-up of the static and SynergyFlow designs at one sweep point. */
export type SweepRow = {
  model: string;
  batch: number;
  bandwidthGBps: number;
  staticGain: number;
  synergyflowGain: number;
};

function sweepPoint(s: SynergyflowSetup, hw: ElasticHardware, batch: number): SweepRow[] {
  const gbps = hw.dramBandwidthBytesPerSecond / 1e9;
  const rows = designSplits(s.demands, hw, batch).map((x) => ({
    model: x.model,
    batch,
    bandwidthGBps: gbps,
    staticGain: gain(x.baseline, x.static),
    synergyflowGain: gain(x.baseline, x.synergyflow),
  }));
  rows.push({
    model: "mean",
    batch,
    bandwidthGBps: gbps,
    staticGain: mean(rows.map((r) => r.staticGain)),
    synergyflowGain: mean(rows.map((r) => r.synergyflowGain)),
  });
  return rows;
}

/** Speed-up versus batch size (static split re-chosen per batch: its designer knows the batch). */
export function batchSweepRows(s: SynergyflowSetup): SweepRow[] {
  return s.options.batchSizes.flatMap((b) => sweepPoint(s, s.hw, b));
}

/** Speed-up versus DRAM bandwidth at the default batch (static split re-chosen per bandwidth). */
export function bandwidthSweepRows(s: SynergyflowSetup): SweepRow[] {
  return s.options.bandwidthsGBps.flatMap((g) =>
    sweepPoint(s, { ...s.hw, dramBandwidthBytesPerSecond: g * 1e9 }, s.options.batch)
  );
}
