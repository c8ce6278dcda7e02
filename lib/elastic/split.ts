/**
 * The ways one model can use a machine (a pool of PEs plus a DRAM bandwidth):
 * - monolithic: every PE and all bandwidth form one engine that runs the layers one after another
 *   (the "comparably provisioned" baseline, and an option SynergyFlow may fall back to);
 * - pipelined: a conv engine (convPes, share s of the bandwidth) and an FC engine (the other PEs,
 *   share 1 - s) work on successive batches at once, so a batch leaves every max(T_C, T_F) seconds.
 */
import type { NetworkDemand } from "./demand.ts";
import type { ElasticHardware } from "./hardware.ts";
import { ValidationError } from "../validate.ts";
import { stageSeconds } from "../arch/roofline.ts";

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

/**
 * Throw a ValidationError naming each bad argument of a split: batch a positive integer, the
 * machine's PEs a non-negative integer and its bandwidth non-negative (Infinity allowed), convPes an
 * integer in [0, machine PEs], convShare in [0, 1]. The test runs first so the hot path allocates
 * nothing.
 */
export function checkSplitArgs(
  what: string,
  batch: number,
  machine: Machine,
  convPes = 0,
  convShare = 0,
): void {
  const pes = machine.pes, bw = machine.bandwidthBytesPerSecond;
  const okBatch = Number.isInteger(batch) && batch >= 1;
  const okPes = Number.isInteger(pes) && pes >= 0;
  const okBw = bw >= 0;
  const okConvPes = Number.isInteger(convPes) && convPes >= 0 && convPes <= pes;
  const okShare = convShare >= 0 && convShare <= 1;
  if (okBatch && okPes && okBw && okConvPes && okShare) return;
  const issues: string[] = [];
  if (!okBatch) issues.push(`batch: must be a positive integer (got ${batch})`);
  if (!okPes) issues.push(`machine.pes: must be a non-negative integer (got ${pes})`);
  if (!okBw) issues.push(`machine.bandwidthBytesPerSecond: must be >= 0 (got ${bw})`);
  if (!okConvPes) issues.push(`convPes: must be an integer in [0, ${pes}] (got ${convPes})`);
  if (!okShare) issues.push(`convShare: must be in [0, 1] (got ${convShare})`);
  throw new ValidationError(what, issues);
}

/**
 * One engine with every PE and all bandwidth of `machine`, layer after layer (the baseline).
 * `batch` images per batch (a positive integer); throws a ValidationError on bad arguments.
 */
export function monolithicSplit(
  d: NetworkDemand,
  hw: ElasticHardware,
  batch: number,
  machine: Machine = wholeMachine(hw),
): Split {
  checkSplitArgs("monolithicSplit arguments", batch, machine);
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

/**
 * A conv engine of `convPes` PEs (an integer in [0, machine PEs]) and bandwidth share `convShare`
 * (in [0, 1]); the FC engine gets the rest. Throws a ValidationError naming any bad argument.
 */
export function pipelinedSplit(
  d: NetworkDemand,
  hw: ElasticHardware,
  batch: number,
  convPes: number,
  convShare: number,
  machine: Machine = wholeMachine(hw),
): Split {
  checkSplitArgs("pipelinedSplit arguments", batch, machine, convPes, convShare);
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
