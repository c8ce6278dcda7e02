/**
 * Study D's single-model tables (pure functions of the setup): throughput of the three designs
 * with each model's overlap ceiling, PE utilization, the batch and bandwidth sweeps and the
 * conv-efficiency sensitivity panel. Each table ends with the mean of each group and the overall
 * mean (arithmetic means of the per-model gains). Mixes, timeline and reconfiguration: run-mixes.ts.
 */
import { ceilingGain } from "../../elastic/ceiling.ts";
import type { NetworkDemand } from "../../elastic/demand.ts";
import type { ElasticHardware } from "../../elastic/hardware.ts";
import { bestSplit } from "../../elastic/search.ts";
import {
  imagesPerSecond,
  monolithicSplit,
  pipelinedSplit,
  type Split,
} from "../../elastic/split.ts";
import { chooseStaticSplit } from "../../elastic/static.ts";
import { splitUtilization } from "../../elastic/utilization.ts";
import { stageMacs, stageSeconds } from "../../arch/roofline.ts";
import type { SynergyflowSetup } from "./setup.ts";
import type { EfficiencyRow, SweepRow, ThroughputRow, UtilizationRow } from "./tables.ts";

export * from "./tables.ts";
export { mixRows, mixSchedules, reconfigurationRows, timelineTable } from "./run-mixes.ts";

/** The three designs' splits for each model at one hardware point and batch. */
export interface DesignSplits {
  model: string;
  demand: NetworkDemand;
  baseline: Split;
  static: Split;
  synergyflow: Split;
  ceiling: number;
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
    ceiling: ceilingGain(d, hw, batch),
  }));
}

/** Fraction gained by a split over the baseline split (0.5 = 1.5x throughput). */
export function gain(baseline: Split, other: Split): number {
  return baseline.batchSeconds / other.batchSeconds - 1;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Label of a mean row: "mean fc-headed", "mean pool-headed" or "mean" (all models). */
export function meanLabel(group: string): string {
  return group === "all" ? "mean" : `mean ${group}`;
}

/**
 * Mean rows of `rows` (one per model, with a `group`): one per group present, in the order
 * fc-headed, pool-headed, then the overall mean; `fill` builds a row from a group's rows.
 */
export function withMeans<R extends { group: string }>(
  rows: R[],
  fill: (group: string, members: R[]) => R,
): R[] {
  const out = rows.slice();
  for (const g of ["fc-headed", "pool-headed"]) {
    const members = rows.filter((r) => r.group === g);
    if (members.length) out.push(fill(g, members));
  }
  out.push(fill("all", rows));
  return out;
}

/** Normalised throughput per model (baseline = 1), ceiling, and the group and overall means. */
export function throughputRows(s: SynergyflowSetup): ThroughputRow[] {
  const b = s.options.batch;
  const rows: ThroughputRow[] = designSplits(s.demands, s.hw, b).map((x) => ({
    model: x.model,
    group: s.groupOf(x.model),
    baselineImagesPerSecond: imagesPerSecond(x.baseline, b),
    staticImagesPerSecond: imagesPerSecond(x.static, b),
    synergyflowImagesPerSecond: imagesPerSecond(x.synergyflow, b),
    staticGain: gain(x.baseline, x.static),
    synergyflowGain: gain(x.baseline, x.synergyflow),
    ceiling: x.ceiling,
    mode: x.synergyflow.mode,
    convPes: x.synergyflow.convPes,
    fcPes: x.synergyflow.fcPes,
    convBandwidthShare: x.synergyflow.convBandwidthShare,
    baselineConvMs: x.baseline.convSeconds * 1e3,
    baselineFcMs: x.baseline.fcSeconds * 1e3,
  }));
  return withMeans(rows, (group, m) => ({
    model: meanLabel(group),
    group,
    baselineImagesPerSecond: null,
    staticImagesPerSecond: null,
    synergyflowImagesPerSecond: null,
    staticGain: mean(m.map((r) => r.staticGain)),
    synergyflowGain: mean(m.map((r) => r.synergyflowGain)),
    ceiling: mean(m.map((r) => r.ceiling)),
    mode: "",
    convPes: null,
    fcPes: null,
    convBandwidthShare: null,
    baselineConvMs: null,
    baselineFcMs: null,
  }));
}

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

function sweepPoint(
  s: SynergyflowSetup,
  demands: readonly NetworkDemand[],
  hw: ElasticHardware,
  batch: number,
): SweepRow[] {
  const gbps = hw.dramBandwidthBytesPerSecond / 1e9;
  const rows: SweepRow[] = designSplits(demands, hw, batch).map((x) => ({
    model: x.model,
    group: s.groupOf(x.model),
    batch,
    bandwidthGBps: gbps,
    baselineImagesPerSecond: imagesPerSecond(x.baseline, batch),
    synergyflowImagesPerSecond: imagesPerSecond(x.synergyflow, batch),
    staticGain: gain(x.baseline, x.static),
    synergyflowGain: gain(x.baseline, x.synergyflow),
    ceiling: x.ceiling,
  }));
  return withMeans(rows, (group, m) => ({
    model: meanLabel(group),
    group,
    batch,
    bandwidthGBps: gbps,
    baselineImagesPerSecond: null,
    synergyflowImagesPerSecond: null,
    staticGain: mean(m.map((r) => r.staticGain)),
    synergyflowGain: mean(m.map((r) => r.synergyflowGain)),
    ceiling: mean(m.map((r) => r.ceiling)),
  }));
}

/** Baseline and SynergyFlow at the same batch, for every batch size (static re-chosen per batch). */
export function batchSweepRows(s: SynergyflowSetup): SweepRow[] {
  return s.options.batchSizes.flatMap((b) => sweepPoint(s, s.demands, s.hw, b));
}

/** Speed-up versus DRAM bandwidth at the headline batch (static split re-chosen per bandwidth). */
export function bandwidthSweepRows(s: SynergyflowSetup): SweepRow[] {
  return s.options.bandwidthsGBps.flatMap((g) =>
    sweepPoint(s, s.demands, { ...s.hw, dramBandwidthBytesPerSecond: g * 1e9 }, s.options.batch)
  );
}

/** MAC-weighted conv efficiency of a model on the whole pool (compute time without traffic). */
export function poolConvEfficiency(d: NetworkDemand, hw: ElasticHardware, batch: number): number {
  const t = stageSeconds(d.conv, hw.peCount, Infinity, batch, hw.clockHz);
  return t > 0 ? stageMacs(d.conv, batch) / (hw.peCount * hw.clockHz * t) : 1;
}

/** Panel label of a systolic conv array: "16xN" (grows in columns) or "Nx16" (grows in rows). */
export function arrayLabel(hw: ElasticHardware, growth = hw.convArrayGrowth): string {
  return growth === "cols" ? `${hw.peStep}xN` : `Nx${hw.peStep}`;
}

/**
 * SynergyFlow's gain and ceiling with conv efficiency from the systolic model in each array
 * orientation of `arrayGrowthSweep` and at each fixed efficiency of `efficiencySweep`, at the
 * headline batch.
 */
export function efficiencyRows(s: SynergyflowSetup): EfficiencyRow[] {
  const b = s.options.batch;
  const settings: [string, ElasticHardware][] = [
    ...s.options.arrayGrowthSweep.map((g): [string, ElasticHardware] => [
      arrayLabel(s.hw, g),
      { ...s.hw, convEfficiencySource: "systolic", convArrayGrowth: g },
    ]),
    ...s.options.efficiencySweep.map((e): [string, ElasticHardware] => [
      String(e),
      { ...s.hw, convEfficiencySource: "fixed", convEfficiency: e },
    ]),
  ];
  return settings.flatMap(([label, hw]) => {
    const rows: EfficiencyRow[] = s.options.models.map((m) => {
      const same = hw.convEfficiencySource === s.hw.convEfficiencySource &&
        hw.convArrayGrowth === s.hw.convArrayGrowth && hw.convEfficiency === s.hw.convEfficiency;
      const d = same ? s.demandOf(m) : s.demandOn(m, hw);
      const base = monolithicSplit(d, hw, b);
      return {
        efficiency: label,
        model: m,
        group: s.groupOf(m),
        convEfficiency: poolConvEfficiency(d, hw, b),
        synergyflowGain: gain(base, bestSplit(d, hw, b)),
        ceiling: ceilingGain(d, hw, b),
      };
    });
    return withMeans(rows, (group, m) => ({
      efficiency: label,
      model: meanLabel(group),
      group,
      convEfficiency: mean(m.map((r) => r.convEfficiency)),
      synergyflowGain: mean(m.map((r) => r.synergyflowGain)),
      ceiling: mean(m.map((r) => r.ceiling)),
    }));
  });
}
