/**
 * Fitting the estimator (estimator.ts) on measured rows, deterministically:
 * 1. Rows with one DPU core give each CNN's CPU seconds as Tcpu = 1/fps_1 - 1/fps_N (with one core
 *    and enough threads the DPU is the bottleneck, so 1/fps_N is the DPU job time), unless rows of
 *    the same CNN with more DPU cores show that extra cores do not help: then the bottleneck
 *    1/fps_N is CPU work, and Tcpu is the larger of the two parts.
 * 2. ln(Tcpu / T1) is regressed by least squares (QR, lsq.ts) on the per-task intercepts and the terms
 *    (one model per subset of terms, so rows missing a characteristic still get a prediction).
 * 3. The contention slope g and the smoothing exponent p are picked on a fixed grid to minimise
 *    the mean absolute percentage error over all rows (any core count). When no row has two or
 *    more DPU cores (a fit on one-core boards only), g is not identifiable and is taken from
 *    `contentionPrior` (the study passes the simulator's fitted slope) instead.
 * 4. The serial share s of the CPU time is picked on its own grid with g and p kept, by the worst
 *    training error (ties by MAPE). MAPE hardly depends on s (few CNNs have CPU work that runs
 *    one job at a time, so they carry little weight in a mean), while the worst case depends on
 *    it strongly: too small an s predicts a 2-4x thread gain for a CNN whose measured gain is 1.1.
 *    `serialCriterion: "mape"` restores the mean criterion.
 */
import { medianOf } from "./stats.ts";
import {
  CPU_SHARE_RANGE,
  type Estimator,
  type EstimatorSample,
  featureRow,
  predict,
  samplePeakOps,
  type ShareModel,
  type Term,
} from "./estimator.ts";
import { leastSquares } from "./lsq.ts";
import { CNN_TASKS, type CnnTask } from "./task.ts";

/** Options of `fitEstimator`. */
export interface FitOptions {
  /** Terms of the CPU-share model (default both: "pixelRate", "utilization"). */
  terms?: Term[];
  /** Per-task intercepts (default true); false = one intercept for all tasks. */
  useTask?: boolean;
  /** Candidate contention slopes g (default 0, 0.01, ..., 0.5); [0] switches contention off. */
  contentionGrid?: number[];
  /** Candidate smoothing exponents; null = hard minimum (default 1, 1.5, 2, 3, 4, 6, 8, 16, null). */
  smoothingGrid?: (number | null)[];
  /** Candidate serial shares s of the CPU time (default 0, 0.05, ..., 1); [0] switches it off. */
  serialGrid?: number[];
  /** Ridge penalty on the task intercepts, in squared log units (default 1). */
  ridge?: number;
  /** CPU cores of the boards (default 4, Cortex-A53 x 4). */
  cpuCores?: number;
  /** Contention slope g when no row has two or more DPU cores (default 0). */
  contentionPrior?: number;
  /** How s is picked: worst training error, ties by MAPE ("max", default) or MAPE alone. */
  serialCriterion?: "max" | "mape";
}

const DEFAULT_G = Array.from({ length: 51 }, (_, i) => i / 100);
const DEFAULT_P: (number | null)[] = [1, 1.5, 2, 3, 4, 6, 8, 16, null];
const DEFAULT_S = Array.from({ length: 21 }, (_, i) => i / 20);

/** Observed CPU seconds of a one-core row (null when the row cannot tell). */
export function observedCpuSeconds(s: EstimatorSample, multiCoreGain?: number): number | null {
  if (s.dpuCores !== 1 || !s.fps1Thread || !s.fpsMeasured) return null;
  const t1 = 1 / s.fps1Thread;
  // One core: 1/fps_N is the larger of the one-at-a-time parts, T1 - 1/fps_N the rest. It is
  // the DPU when more cores help; when they do not, the slow part is CPU work.
  const bottleneck = 1 / s.fpsMeasured;
  const cpuBound = multiCoreGain !== undefined &&
    multiCoreGain < MULTI_CORE_HELPS * (s.fpsMeasured * t1);
  const cpu = cpuBound ? Math.max(bottleneck, t1 - bottleneck) : t1 - bottleneck;
  return Math.min(CPU_SHARE_RANGE[1] * t1, Math.max(CPU_SHARE_RANGE[0] * t1, cpu));
}

/**
 * A CNN whose multi-core gain is below this factor times its one-core gain is not DPU-bound: a
 * second core doubles a DPU-bound loop (x2) and leaves a CPU-bound one unchanged (x1); sqrt(2) is
 * the geometric midpoint.
 */
export const MULTI_CORE_HELPS = Math.SQRT2;

/** Median MT/ST gain of each CNN name over its rows with two or more DPU cores. */
export function multiCoreGains(rows: EstimatorSample[]): Map<string, number> {
  const by = new Map<string, number[]>();
  for (const s of rows) {
    if (s.dpuCores < 2 || !s.fps1Thread || !s.fpsMeasured) continue;
    if (!by.has(s.name)) by.set(s.name, []);
    by.get(s.name)!.push(s.fpsMeasured / s.fps1Thread);
  }
  return new Map([...by].map(([k, v]) => [k, medianOf(v)]));
}

/** Every non-empty-or-empty subset of `terms`, largest first (so predictions prefer more terms). */
function subsets(terms: Term[]): Term[][] {
  const out: Term[][] = [];
  for (let mask = (1 << terms.length) - 1; mask >= 0; mask--) {
    out.push(terms.filter((_, i) => mask & (1 << i)));
  }
  return out.sort((a, b) => b.length - a.length);
}

async function fitShareModel(
  rows: EstimatorSample[],
  terms: Term[],
  useTask: boolean,
  ridge: number,
): Promise<ShareModel | null> {
  const x: number[][] = [], y: number[] = [];
  const multi = multiCoreGains(rows);
  for (const s of rows) {
    const cpu = observedCpuSeconds(s, multi.get(s.name));
    const f = featureRow(s, terms, useTask);
    if (cpu === null || f === null) continue;
    x.push(f);
    y.push(Math.log(cpu * s.fps1Thread!));
  }
  if (x.length <= terms.length + 1) return null;
  const pen = x[0].map((_, j) => (useTask && j >= 1 && j <= CNN_TASKS.length ? ridge : 0));
  return { terms, useTask, coefficients: await leastSquares(x, y, pen) };
}

function physicsFallback(
  rows: EstimatorSample[],
): Pick<Estimator, "dpuEfficiency" | "cpuSecondsPerPixel"> {
  const eff: number[] = [];
  const perPx: Record<string, number[]> = {};
  for (const s of rows) {
    const cpu = observedCpuSeconds(s);
    if (cpu === null) continue;
    if (s.gopsPerImage) eff.push((s.gopsPerImage * 1e9 * s.fpsMeasured!) / samplePeakOps(s));
    if (s.inputPixels) (perPx[s.task] ??= []).push(cpu / s.inputPixels);
  }
  const all = Object.values(perPx).flat();
  const fallback = all.length ? medianOf(all) : 0;
  const cpuSecondsPerPixel = Object.fromEntries(
    CNN_TASKS.map((t) => [t, perPx[t]?.length ? medianOf(perPx[t]) : fallback]),
  ) as Record<CnnTask, number>;
  return { dpuEfficiency: eff.length ? medianOf(eff) : 0.5, cpuSecondsPerPixel };
}

/** Mean absolute percentage error (%) of `est` on the rows that have a measurement. */
export function mapePercent(est: Estimator, rows: EstimatorSample[]): number {
  return apeStats(est, rows).mean;
}

/** Mean and worst absolute percentage error (%) of `est` on the measured rows (NaN if none). */
function apeStats(est: Estimator, rows: EstimatorSample[]): { mean: number; max: number } {
  let sum = 0, max = 0, n = 0;
  for (const s of rows) {
    if (!s.fpsMeasured) continue;
    const e = Math.abs(predict(est, s).fps - s.fpsMeasured) / s.fpsMeasured;
    sum += e;
    if (e > max) max = e;
    n++;
  }
  return n ? { mean: (100 * sum) / n, max: 100 * max } : { mean: NaN, max: NaN };
}

/** Fit an estimator on `rows` (same rows and options give the same estimator). */
export async function fitEstimator(
  rows: EstimatorSample[],
  opts: FitOptions = {},
): Promise<Estimator> {
  const terms = opts.terms ?? ["pixelRate", "utilization"];
  const useTask = opts.useTask ?? true;
  const shareModels: ShareModel[] = [];
  for (const t of subsets(terms)) {
    const m = await fitShareModel(rows, t, useTask, opts.ridge ?? 1);
    if (m) shareModels.push(m);
  }
  if (shareModels.length === 0) {
    throw new RangeError("fitEstimator: no one-core rows with fps_1thread and fps_multithread");
  }
  const fallback = physicsFallback(rows);
  const multiCore = rows.some((s) => s.dpuCores > 1 && s.fpsMeasured);
  const gGrid = opts.contentionGrid ?? (multiCore ? DEFAULT_G : [opts.contentionPrior ?? 0]);
  let best: Estimator | null = null, bestErr = Infinity;
  for (const g of gGrid) {
    for (const p of opts.smoothingGrid ?? DEFAULT_P) {
      const est: Estimator = {
        shareModels,
        contentionPerCore: g,
        smoothing: p,
        serialShare: 0,
        cpuCores: opts.cpuCores ?? 4,
        ...fallback,
      };
      const err = mapePercent(est, rows);
      if (err < bestErr) [best, bestErr] = [est, err];
    }
  }
  const byMax = (opts.serialCriterion ?? "max") === "max";
  const base = best!;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const serialShare of opts.serialGrid ?? DEFAULT_S) {
    const est: Estimator = { ...base, serialShare };
    const e = apeStats(est, rows);
    const key: [number, number] = byMax ? [e.max, e.mean] : [e.mean, 0];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      [best, bestKey] = [est, key];
    }
  }
  return best!;
}
