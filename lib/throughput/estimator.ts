/**
 * The throughput estimator: a closed-form bottleneck model whose one unknown per CNN, the CPU
 * share of the single-thread time, is predicted from a few characteristics by a fitted log-linear
 * model. Prediction for N threads on K DPU cores and C CPU cores:
 *   T1 = 1 / fps_1thread,  Tcpu = T1 * exp(b_task + b_px * ln(pixels * fps_1) + b_u * ln(u1)),
 *   Tdpu = T1 - Tcpu,      u1 = gops * fps_1 / peak ops of one core (single-thread DPU utilization)
 *   fps_N = min( N / T1, smoothmin_p( K / (Tdpu * gamma_K), C / Tcpu ), 1 / (s * Tcpu) )
 *   gamma_K = 1 + g * (K - 1) * (core peak / B4096 at 300 MHz peak)   (DRAM contention)
 * Three parts of the time: DPU work (one job per core at a time), CPU work that threads overlap
 * ((1 - s) Tcpu) and a serial CPU part (s Tcpu) that no thread count overlaps (a lock, a
 * single-threaded post-processing stage); with s = 0 it is the plain bottleneck form.
 * Everything is relative to the row's own board (T1 and u1), so it carries over to DPU sizes, clocks
 * and core counts the fit never saw. Rows without fps_1thread get T1 from physics instead.
 */
import { type DpuSize, peakOpsPerCycle } from "../arch/dpu/sizes.ts";
import type { CnnTask } from "./task.ts";
import { CNN_TASKS } from "./task.ts";

/** One CNN on one board, as the estimator sees it. */
export interface EstimatorSample {
  name: string;
  board: string;
  task: CnnTask;
  dpu: DpuSize;
  dpuCores: number;
  dpuMhz: number;
  /** Application threads of the prediction (or of the measurement). */
  threads: number;
  fps1Thread?: number;
  /** Operations per image in units of 1e9 (2 per MAC). */
  gopsPerImage?: number;
  /** Input height x width. */
  inputPixels?: number;
  /** Measured multi-thread fps (the fit target; absent when only predicting). */
  fpsMeasured?: number;
}

/** Terms of the CPU-share model beyond the per-task intercept. */
export type Term = "pixelRate" | "utilization";

/** A fitted CPU-share model: coefficients of [1, task offsets..., terms...]. */
export interface ShareModel {
  terms: Term[];
  useTask: boolean;
  coefficients: number[];
}

/** A fitted estimator (plain data, JSON-safe). */
export interface Estimator {
  /** CPU-share models by available terms, most complete first. */
  shareModels: ShareModel[];
  /** DRAM-contention slowdown per extra busy core, at B4096/300 MHz peak (g). */
  contentionPerCore: number;
  /** Exponent of the smooth minimum of the DPU and CPU ceilings; null = hard minimum. */
  smoothing: number | null;
  /** Share of the CPU time that runs one job at a time, 0..1 (s; 0 = all CPU work overlaps). */
  serialShare: number;
  cpuCores: number;
  /** For rows without fps_1thread: median DPU efficiency and CPU seconds per pixel per task. */
  dpuEfficiency: number;
  cpuSecondsPerPixel: Record<CnnTask, number>;
}

/** A prediction with its parts. */
export interface Prediction {
  fps: number;
  cpuSeconds: number;
  dpuSeconds: number;
  /** Which ceiling binds: "threads", "dpu", "cpu" or "serial". */
  bound: "threads" | "dpu" | "cpu" | "serial";
}

/** Share of the single-thread time that is CPU work is clamped to this range. */
export const CPU_SHARE_RANGE = [0.01, 0.99] as const;
const B4096_300_OPS = 4096 * 300e6;

/** Peak operations per second of one core of the sample's board. */
export function samplePeakOps(s: EstimatorSample): number {
  return peakOpsPerCycle(s.dpu) * s.dpuMhz * 1e6;
}

/** The feature row [1, task one-hot..., terms...] of a sample for a share model, or null if a term is missing. */
export function featureRow(s: EstimatorSample, terms: Term[], useTask: boolean): number[] | null {
  const row = [1];
  if (useTask) { for (const t of CNN_TASKS) row.push(s.task === t ? 1 : 0); }
  const fps1 = s.fps1Thread;
  if (fps1 === undefined) return null;
  for (const term of terms) {
    if (term === "pixelRate") {
      if (!s.inputPixels) return null;
      row.push(Math.log(s.inputPixels * fps1));
    } else {
      if (!s.gopsPerImage) return null;
      row.push(Math.log((s.gopsPerImage * 1e9 * fps1) / samplePeakOps(s)));
    }
  }
  return row;
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Single-thread CPU and DPU seconds of a sample (from fps_1thread if given, else physics). */
export function splitSingleThread(est: Estimator, s: EstimatorSample): [number, number] {
  if (s.fps1Thread !== undefined) {
    const t1 = 1 / s.fps1Thread;
    for (const m of est.shareModels) {
      const row = featureRow(s, m.terms, m.useTask);
      if (!row) continue;
      const share = Math.min(
        CPU_SHARE_RANGE[1],
        Math.max(CPU_SHARE_RANGE[0], Math.exp(dot(row, m.coefficients))),
      );
      return [t1 * share, t1 * (1 - share)];
    }
    throw new RangeError(`estimator: no share model applies to "${s.name}"`);
  }
  if (!s.gopsPerImage) {
    throw new RangeError(`estimator: "${s.name}" has neither fps_1thread nor gops`);
  }
  const dpu = (s.gopsPerImage * 1e9) / (samplePeakOps(s) * est.dpuEfficiency);
  const cpu = (s.inputPixels ?? 224 * 224) * est.cpuSecondsPerPixel[s.task];
  return [cpu, dpu];
}

/** Predicted throughput of `s` with `s.threads` threads on `s.dpuCores` DPU cores. */
export function predict(est: Estimator, s: EstimatorSample): Prediction {
  const [cpu, dpu] = splitSingleThread(est, s);
  const gamma = 1 + est.contentionPerCore * (s.dpuCores - 1) * samplePeakOps(s) / B4096_300_OPS;
  const threads = s.threads / (cpu + dpu);
  const dpuCeil = s.dpuCores / (dpu * gamma);
  const cpuCeil = est.cpuCores / cpu;
  const p = est.smoothing;
  const shared = p === null
    ? Math.min(dpuCeil, cpuCeil)
    : Math.pow(Math.pow(dpuCeil, -p) + Math.pow(cpuCeil, -p), -1 / p);
  const serialCeil = est.serialShare > 0 ? 1 / (est.serialShare * cpu) : Infinity;
  const fps = Math.min(threads, shared, serialCeil);
  const bound = fps === threads
    ? "threads"
    : fps === serialCeil
    ? "serial"
    : dpuCeil <= cpuCeil
    ? "dpu"
    : "cpu";
  return { fps, cpuSeconds: cpu, dpuSeconds: dpu, bound };
}
