/**
 * Calibration of the DPU model's two constants (efficiency, per-layer overhead) against measured
 * DPU job times: zoo networks matched to Vitis AI model-zoo rows measured on one B4096 core
 * (KV260), where 1 / fps_multithread is the DPU job time (one core, many threads: DPU-bound).
 * Robust fit: a fixed grid, minimising the mean |ln(predicted / measured)| (one outlier model
 * cannot drag both constants). Deterministic.
 */
import type { Network } from "../workload/layer.ts";
import type { DpuConfig } from "../arch/dpu/sizes.ts";
import type { Platform } from "../arch/dpu/platform.ts";
import { type DpuCalibration, jobSeconds, jobTerms } from "../arch/dpu/job.ts";

/** One network with its measured single-core DPU job time. */
export interface CalibrationPoint {
  network: Network;
  measuredDpuSeconds: number;
}

/** Result of a calibration: the constants and every point's fit. */
export interface CalibrationResult {
  calibration: DpuCalibration;
  /** Mean |ln(predicted / measured)| at the optimum. */
  meanAbsLogError: number;
  points: { name: string; measuredSeconds: number; predictedSeconds: number }[];
}

/** Options of `calibrateDpu`. */
export interface CalibrateOptions {
  /** Candidate efficiencies (default 0.20, 0.21, ..., 1.00). */
  efficiencies?: number[];
  /** Candidate per-layer overheads in cycles (default 0, 250, ..., 30000). */
  overheadCycles?: number[];
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

/** Fit efficiency and per-layer overhead of `dpu` (one core) to the measured job times. */
export function calibrateDpu(
  points: CalibrationPoint[],
  dpu: DpuConfig,
  platform: Platform,
  opts: CalibrateOptions = {},
): CalibrationResult {
  if (points.length === 0) throw new RangeError("calibrateDpu: no calibration points");
  const terms = points.map((p) => jobTerms(p.network, dpu));
  const bw = Math.min(platform.corePortBytesPerSecond, platform.dramBytesPerSecond);
  const hz = dpu.mhz * 1e6;
  let best = { efficiency: 1, layerOverheadCycles: 0 }, bestErr = Infinity;
  for (const eff of opts.efficiencies ?? range(0.2, 1, 0.01)) {
    for (const cyc of opts.overheadCycles ?? range(0, 30000, 250)) {
      let err = 0;
      for (let i = 0; i < points.length; i++) {
        const t = jobSeconds(terms[i], eff, bw, cyc / hz);
        err += Math.abs(Math.log(t / points[i].measuredDpuSeconds));
      }
      if (err < bestErr - 1e-12) {
        bestErr = err;
        best = { efficiency: Number(eff.toFixed(4)), layerOverheadCycles: cyc };
      }
    }
  }
  return {
    calibration: best,
    meanAbsLogError: bestErr / points.length,
    points: points.map((p, i) => ({
      name: p.network.name,
      measuredSeconds: p.measuredDpuSeconds,
      predictedSeconds: jobSeconds(terms[i], best.efficiency, bw, best.layerOverheadCycles / hz),
    })),
  };
}
