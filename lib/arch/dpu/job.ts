/**
 * A network's DPU job on a DPU configuration: per layer the slower of compute (tile-rounded
 * cycles from layer.ts at a calibrated efficiency) and DRAM traffic (at the bandwidth the other
 * busy cores leave), plus a fixed per-layer overhead; and the characteristics the study plots
 * (operations, depthwise share, weight bytes).
 *
 * Exact against: nothing cycle-level (none is public); its two constants are fitted on measured
 * Vitis AI single-core job times (lib/throughput/calibrate.ts). Assumes: compute and DRAM overlap
 * fully within a layer (roofline), layers run back to back, and k busy cores share DRAM as each
 * other core's single-core average demand leaves it (never below an equal 1/k share).
 */
import { layerParams } from "../../workload/gemm.ts";
import type { Network, Task } from "../../workload/layer.ts";
import type { DpuConfig } from "./sizes.ts";
import { isDepthwise, layerDpuCost } from "./layer.ts";
import type { Platform } from "./platform.ts";

/** The two DPU constants fitted on the real model-zoo data (see calibrate.ts). */
export interface DpuCalibration {
  /** Fraction of tile-rounded peak the engines sustain (pipeline stalls, weight loads), 0..1. */
  efficiency: number;
  /** Fixed cycles per executed layer (instruction fetch, pipeline fill and drain). */
  layerOverheadCycles: number;
}

/** What the simulation and the plots need to know about one network on one DPU configuration. */
export interface NetworkProfile {
  name: string;
  task: Task;
  /** Input pixels per image (height x width). */
  inputPixels: number;
  /** Operations per image (2 per MAC). */
  ops: number;
  /** Share of the operations in depthwise convolutions, 0..1. */
  depthwiseOpsShare: number;
  /** Parameter bytes at int8. */
  weightBytes: number;
  /** DRAM bytes per DPU job. */
  dramBytes: number;
  /** Layers that take DPU time. */
  dpuLayers: number;
  /** DPU job seconds when k cores are busy at once, index k - 1 (k = 1..cores). */
  dpuSecondsByBusyCores: number[];
}

/** The DPU layers of a job: compute seconds at 100 % efficiency and DRAM bytes, per layer. */
export interface JobTerms {
  computeSeconds: Float64Array;
  dramBytes: Float64Array;
}

/** Per-layer terms of `net` on one core of `dpu` (layers fused away are left out). */
export function jobTerms(net: Network, dpu: DpuConfig): JobTerms {
  const hz = dpu.mhz * 1e6;
  const costs = net.layers.map((l) => layerDpuCost(l, dpu)).filter((c) => c.engine !== "none");
  return {
    computeSeconds: Float64Array.from(costs, (c) => c.computeCycles / hz),
    dramBytes: Float64Array.from(costs, (c) => c.dramBytes),
  };
}

/**
 * Seconds of one job: per layer the slower of compute (at `efficiency`) and DRAM traffic (at
 * `bwBytesPerSecond`), plus `overheadSecondsPerLayer` per layer.
 */
export function jobSeconds(
  t: JobTerms,
  efficiency: number,
  bwBytesPerSecond: number,
  overheadSecondsPerLayer: number,
): number {
  let s = overheadSecondsPerLayer * t.computeSeconds.length;
  for (let i = 0; i < t.computeSeconds.length; i++) {
    s += Math.max(t.computeSeconds[i] / efficiency, t.dramBytes[i] / bwBytesPerSecond);
  }
  return s;
}

/**
 * Profile `net` on configuration `dpu`. With k cores busy, a core gets the DRAM bandwidth the
 * other k - 1 leave at their single-core average demand (never less than an equal 1/k share).
 */
export function profileNetwork(
  net: Network,
  dpu: DpuConfig,
  platform: Platform,
  calib: DpuCalibration,
): NetworkProfile {
  const terms = jobTerms(net, dpu);
  const overhead = calib.layerOverheadCycles / (dpu.mhz * 1e6);
  const port = platform.corePortBytesPerSecond, dram = platform.dramBytesPerSecond;
  const job = (bw: number) => jobSeconds(terms, calib.efficiency, bw, overhead);
  let bytes = 0;
  for (const b of terms.dramBytes) bytes += b;
  const avgDemand = bytes / job(Math.min(port, dram));
  const byBusy: number[] = [];
  for (let k = 1; k <= dpu.cores; k++) {
    const left = dram - (k - 1) * avgDemand;
    byBusy.push(job(Math.min(port, Math.max(dram / k, left))));
  }
  const c = networkCounts(net, dpu);
  return {
    name: net.name,
    task: net.task,
    inputPixels: net.input.h * net.input.w,
    ops: 2 * c.macs,
    depthwiseOpsShare: c.macs > 0 ? c.dwMacs / c.macs : 0,
    weightBytes: c.weights,
    dramBytes: bytes,
    dpuLayers: terms.computeSeconds.length,
    dpuSecondsByBusyCores: byBusy,
  };
}

function networkCounts(net: Network, dpu: DpuConfig) {
  let macs = 0, dwMacs = 0, weights = 0;
  for (const l of net.layers) {
    const m = layerDpuCost(l, dpu).macs;
    macs += m;
    weights += layerParams(l);
    if (l.kind === "conv2d" && isDepthwise(l)) dwMacs += m;
  }
  return { macs, dwMacs, weights };
}
