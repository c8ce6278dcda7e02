/**
 * The ways one model can use a machine (a pool of PEs plus a DRAM bandwidth):
 * - monolithic: every PE and all bandwidth form one engine that runs the layers one after another
 *   (the "comparably provisioned" baseline, and an option SynergyFlow may fall back to);
 * - pipelined: a conv engine (convPes, share s of the bandwidth) and an FC engine (the other PEs,
 *   share 1 - s) work on successive batches at once, so a batch leaves every max(T_C, T_F) seconds.
 */
import type { NetworkDemand } from "./demand.ts";
import type { ElasticHardware } from "./hardware.ts";
import { stageSeconds } from "./roofline.ts";

/** The PEs and DRAM bandwidth one job may use. */
export interface Machine {
  pes: number;
  bandwidthBytesPerSecond: number;
}

/** monolithic = one engine layer after layer; pipelined = conv and FC engines side by side. */
export type SplitMode = "monolithic" | "pipelined";

/** How one model uses its machine, with the stage times of one batch. */
export interface Split {
  mode: SplitMode;
  /** PEs running conv layers (all PEs when monolithic). */
  convPes: number;
  /** PEs of the FC engine (0 when monolithic: the one engine runs FC layers too). */
  fcPes: number;
  /** Share of the machine's bandwidth the conv engine gets, [0, 1] (1 when monolithic). */
  convBandwidthShare: number;
  /** Seconds one batch spends in the conv layers. */
  convSeconds: number;
  /** Seconds one batch spends in the FC layers. */
  fcSeconds: number;
  /** Steady-state seconds per batch: conv + FC when monolithic, max of the two when pipelined. */
  batchSeconds: number;
}

/** The whole accelerator as one machine. */
export function wholeMachine(hw: ElasticHardware): Machine {
  return { pes: hw.peCount, bandwidthBytesPerSecond: hw.dramBandwidthBytesPerSecond };
}

/** One engine with every PE and all bandwidth of `machine`, layer after layer (the baseline). */
export function monolithicSplit(
  d: NetworkDemand,
  hw: ElasticHardware,
  batch: number,
  machine: Machine = wholeMachine(hw),
): Split {
  const bw = machine.bandwidthBytesPerSecond;
  const convSeconds = stageSeconds(d.conv, machine.pes, bw, batch, hw.clockHz);
  const fcSeconds = stageSeconds(d.fc, machine.pes, bw, batch, hw.clockHz);
  return {
    mode: "monolithic",
    convPes: machine.pes,
    fcPes: 0,
    convBandwidthShare: 1,
    convSeconds,
    fcSeconds,
    batchSeconds: convSeconds + fcSeconds,
  };
}

/** A conv engine of `convPes` PEs and bandwidth share `convShare`; the FC engine gets the rest. */
export function pipelinedSplit(
  d: NetworkDemand,
  hw: ElasticHardware,
  batch: number,
  convPes: number,
  convShare: number,
  machine: Machine = wholeMachine(hw),
): Split {
  const bw = machine.bandwidthBytesPerSecond;
  const fcPes = machine.pes - convPes;
  const convSeconds = stageSeconds(d.conv, convPes, convShare * bw, batch, hw.clockHz);
  const fcSeconds = stageSeconds(d.fc, fcPes, (1 - convShare) * bw, batch, hw.clockHz);
  return {
    mode: "pipelined",
    convPes,
    fcPes,
    convBandwidthShare: convShare,
    convSeconds,
    fcSeconds,
    batchSeconds: Math.max(convSeconds, fcSeconds),
  };
}

/** Steady-state images per second of a split (0 when it never finishes a batch). */
export function imagesPerSecond(split: Split, batch: number): number {
  return Number.isFinite(split.batchSeconds) ? batch / split.batchSeconds : 0;
}
