/**
 * How busy the PEs and the DRAM channel are under a split. "Conv" utilization is the MAC rate of
 * the PEs doing conv work over the time they are given to it: for the monolithic engine the conv
 * phase (all PEs, convSeconds), for a pipelined split the conv engine (convPes, the whole batch
 * period, including time it waits for the slower stage). Likewise for FC.
 */
import type { NetworkDemand } from "./demand.ts";
import type { ElasticHardware } from "./hardware.ts";
import { stageBytes, stageMacs } from "../arch/roofline.ts";
import { type Machine, type Split, wholeMachine } from "./split.ts";

/** Fractions in [0, 1]; NaN-free (0 where a phase has no time). */
export interface Utilization {
  /** MACs / peak of the PEs doing conv work, over their conv time. */
  convPeUtilization: number;
  /** MACs / peak of the PEs doing FC work, over their FC time. */
  fcPeUtilization: number;
  /** All MACs / peak of the whole machine over the batch period. */
  peUtilization: number;
  /** DRAM bytes / (machine bandwidth x batch period). */
  bandwidthUtilization: number;
}

function ratio(num: number, den: number): number {
  return den > 0 && Number.isFinite(den) ? num / den : 0;
}

/** PE and bandwidth utilization of `split` for one batch of `batch` images on `machine`. */
export function splitUtilization(
  d: NetworkDemand,
  hw: ElasticHardware,
  batch: number,
  split: Split,
  machine: Machine = wholeMachine(hw),
): Utilization {
  const convMacs = stageMacs(d.conv, batch), fcMacs = stageMacs(d.fc, batch);
  const f = hw.clockHz;
  const mono = split.mode === "monolithic";
  const convTime = mono ? split.convSeconds : split.batchSeconds;
  const fcTime = mono ? split.fcSeconds : split.batchSeconds;
  const fcPes = mono ? split.convPes : split.fcPes;
  const bytes = stageBytes(d.conv, batch) + stageBytes(d.fc, batch);
  return {
    convPeUtilization: ratio(convMacs, split.convPes * f * convTime),
    fcPeUtilization: ratio(fcMacs, fcPes * f * fcTime),
    peUtilization: ratio(convMacs + fcMacs, machine.pes * f * split.batchSeconds),
    bandwidthUtilization: ratio(bytes, machine.bandwidthBytesPerSecond * split.batchSeconds),
  };
}
