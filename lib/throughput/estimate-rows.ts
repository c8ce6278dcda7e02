/** Predictions for the rows of a performance CSV (what `deno task estimate` prints). */
import { type Estimator, type EstimatorSample, predict, samplePeakOps } from "./estimator.ts";
import { type PerfRow, rowToSample } from "./perf-csv.ts";

/** One row's prediction, with the measurement when the CSV has one. */
export interface RowPrediction {
  name: string;
  board: string;
  arch: string;
  cores: number;
  mhz: number;
  threads: number;
  fps1Thread?: number;
  predictedFps: number;
  /** Which ceiling binds: threads, DPU cores or CPU cores. */
  bound: string;
  measuredFps?: number;
  /** Absolute percentage error against `measuredFps`. */
  apePercent?: number;
  /** Why the row lies outside what the estimator was fitted on (empty: inside). */
  outsideFit: string[];
}

/** What the estimator was fitted on: DPU sizes, core counts and the ranges of its two features. */
export interface FittedRange {
  arches: string[];
  maxCores: number;
  /** Min and max of input pixels x fps_1thread. */
  pixelRate: [number, number];
  /** Min and max of the single-thread DPU utilisation u1. */
  utilization: [number, number];
}

const u1 = (s: EstimatorSample) =>
  s.gopsPerImage && s.fps1Thread ? (s.gopsPerImage * 1e9 * s.fps1Thread) / samplePeakOps(s) : NaN;
const px = (s: EstimatorSample) =>
  s.inputPixels && s.fps1Thread ? s.inputPixels * s.fps1Thread : NaN;
const span = (v: number[]): [number, number] => {
  const f = v.filter(Number.isFinite);
  return f.length ? [Math.min(...f), Math.max(...f)] : [NaN, NaN];
};

/** The fitted range of the calibration samples. */
export function fittedRange(samples: EstimatorSample[]): FittedRange {
  return {
    arches: [...new Set(samples.map((s) => s.dpu.arch))].sort(),
    maxCores: Math.max(...samples.map((s) => s.dpuCores)),
    pixelRate: span(samples.map(px)),
    utilization: span(samples.map(u1)),
  };
}

/** Reasons `s` lies outside `range` (a prediction there is an extrapolation). */
export function outsideFit(range: FittedRange, s: EstimatorSample): string[] {
  const out: string[] = [];
  if (!range.arches.includes(s.dpu.arch)) out.push(`DPU ${s.dpu.arch} not fitted`);
  if (s.dpuCores > range.maxCores) out.push(`${s.dpuCores} cores > ${range.maxCores}`);
  if (s.fps1Thread === undefined) out.push("no fps_1thread (physics only)");
  const check = (name: string, v: number, [lo, hi]: [number, number]) => {
    if (Number.isFinite(v) && (v < lo || v > hi)) {
      out.push(`${name} ${v.toPrecision(3)} outside fit`);
    }
  };
  check("pixels x fps_1", px(s), range.pixelRate);
  check("u1", u1(s), range.utilization);
  return out;
}

/**
 * Predict every row with `est`; `threads` overrides each row's own thread count (default 8);
 * `range` (from the calibration samples) flags extrapolations.
 */
export function predictRows(
  est: Estimator,
  rows: PerfRow[],
  threads?: number,
  range?: FittedRange,
): RowPrediction[] {
  return rows.map((r) => {
    const s = rowToSample(r, threads);
    const p = predict(est, s);
    const m = r.fpsMultithread;
    return {
      name: r.name,
      board: r.board,
      arch: r.dpu.arch,
      cores: r.dpuCores,
      mhz: r.dpuMhz,
      threads: s.threads,
      fps1Thread: r.fps1Thread,
      predictedFps: p.fps,
      bound: p.bound,
      measuredFps: m,
      apePercent: m ? (100 * Math.abs(p.fps - m)) / m : undefined,
      outsideFit: range ? outsideFit(range, s) : [],
    };
  });
}
