/**
 * Study D tables for several models: mixes run isolated (one job after another, each with its own
 * elastic split) versus co-scheduled (model-level parallelism), the split over time of one mix,
 * and the cost of reconfiguration for single-model jobs.
 */
import { coSchedule } from "../../elastic/cosched.ts";
import { type ElasticHardware, reconfigurationSeconds } from "../../elastic/hardware.ts";
import { type Job, type Schedule, sequentialSchedule } from "../../elastic/schedule.ts";
import { bestSplit } from "../../elastic/search.ts";
import { monolithicSplit } from "../../elastic/split.ts";
import { timelineRows } from "../../elastic/timeline.ts";
import type { SynergyflowSetup } from "./setup.ts";
import type { MixRow, ReconfigurationRow, TimelineTableRow } from "./tables.ts";

function jobsOf(s: SynergyflowSetup, models: readonly string[]): Job[] {
  return models.map((m) => ({ demand: s.demandOf(m), images: s.options.jobImages }));
}

/** The three schedules of a mix: baseline, SynergyFlow isolated, SynergyFlow co-scheduled. */
export function mixSchedules(
  s: SynergyflowSetup,
  models: readonly string[],
  hw: ElasticHardware = s.hw,
): { baseline: Schedule; isolated: Schedule; coscheduled: Schedule } {
  const b = s.options.batch;
  const jobs = jobsOf(s, models);
  const units = models.length <= 2 ? s.options.pairGridUnits : s.options.tripleGridUnits;
  return {
    baseline: sequentialSchedule(jobs, hw, b, (d, m) => monolithicSplit(d, hw, b, m)),
    isolated: sequentialSchedule(jobs, hw, b, (d, m) => bestSplit(d, hw, b, m), {
      reconfigure: true,
    }),
    coscheduled: coSchedule(jobs, hw, b, { peUnits: units, bandwidthUnits: units }),
  };
}

/** Throughput of every mix: gains are over the baseline run one model after another. */
export function mixRows(s: SynergyflowSetup): MixRow[] {
  return s.options.mixes.map((models) => {
    const m = mixSchedules(s, models);
    const base = m.baseline.imagesPerSecond;
    return {
      mix: models.join("+"),
      models: models.length,
      baselineImagesPerSecond: base,
      isolatedImagesPerSecond: m.isolated.imagesPerSecond,
      coscheduledImagesPerSecond: m.coscheduled.imagesPerSecond,
      isolatedGain: m.isolated.imagesPerSecond / base - 1,
      coscheduledGain: m.coscheduled.imagesPerSecond / base - 1,
      coscheduledOverIsolated: m.coscheduled.imagesPerSecond / m.isolated.imagesPerSecond - 1,
      phases: m.coscheduled.phases.length,
    };
  });
}

/** Engines and their PEs over time for `options.timelineMix` under both elastic schedules. */
export function timelineTable(s: SynergyflowSetup): TimelineTableRow[] {
  const m = mixSchedules(s, s.options.timelineMix);
  const bw = s.hw.dramBandwidthBytesPerSecond;
  return [
    ...timelineRows(m.isolated, bw).map((r) => ({ schedule: "isolated", ...r })),
    ...timelineRows(m.coscheduled, bw).map((r) => ({ schedule: "co-scheduled", ...r })),
  ];
}

/**
 * Gain per model (and mean) on one job of `jobImages` images as the reconfiguration cost grows.
 * The machine starts as the baseline's monolithic engine: a model whose best split is monolithic
 * pays no re-partition.
 */
export function reconfigurationRows(s: SynergyflowSetup): ReconfigurationRow[] {
  const b = s.options.batch;
  const n = s.options.jobImages;
  return s.options.reconfigurationCyclesSweep.flatMap((cycles) => {
    const hw = { ...s.hw, reconfigurationCycles: cycles };
    const rows = s.demands.map((d) => {
      const base = (n / b) * monolithicSplit(d, hw, b).batchSeconds;
      const split = bestSplit(d, hw, b);
      const r = split.mode === "monolithic" ? 0 : reconfigurationSeconds(hw);
      const syn = r + (n / b) * split.batchSeconds;
      return { model: d.name, reconfigurationCycles: cycles, synergyflowGain: base / syn - 1 };
    });
    const mean = rows.reduce((a, r) => a + r.synergyflowGain, 0) / rows.length;
    rows.push({ model: "mean", reconfigurationCycles: cycles, synergyflowGain: mean });
    return rows;
  });
}
