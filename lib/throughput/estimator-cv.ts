/**
 * Judging the estimator. Rows are split into folds by base architecture (framework variants such
 * as cf_resnet50, pt_resnet50 and tf2_resnet50 fall in one fold, with every board and release), each
 * fold is predicted by an estimator fitted on the others, and errors are summarised per group with
 * the mean, median, 95th percentile, worst case and the count of rows off by more than 100 %. A
 * no-fit baseline, min(threads, DPU cores) x fps_1thread, is scored on the same rows.
 */
import { medianOf } from "./stats.ts";
import { type Estimator, type EstimatorSample, predict } from "./estimator.ts";
import { fitEstimator, type FitOptions } from "./estimator-fit.ts";

/** One held-out prediction. */
export interface CvRow {
  name: string;
  board: string;
  arch: string;
  dpuCores: number;
  threads: number;
  fold: number;
  measuredFps: number;
  predictedFps: number;
  /** Absolute percentage error. */
  apePercent: number;
}

/** Error statistics of a group of predictions. */
export interface ErrorSummary {
  group: string;
  n: number;
  mapePercent: number;
  medianApePercent: number;
  p95ApePercent: number;
  maxApePercent: number;
  /** Rows whose error exceeds 100 %. */
  over100: number;
}

/**
 * Base architecture of a model-zoo name: the framework prefix (cf_, tf_, tf2_, pt_, dk_) dropped,
 * the first name token lower-cased with a purely numeric second token appended (tf_resnetv1_50 ->
 * resnet50, as "v1" before a depth is dropped), so that variants of one network share a group.
 */
export function baseArchitecture(name: string): string {
  const rest = name.toLowerCase().replace(/^(cf|tf2|tf|pt|dk|torchvision)_/, "");
  const [first, second] = rest.split("_");
  const joined = second !== undefined && /^\d+$/.test(second) ? first + second : first;
  return joined.replace(/v1(?=\d)/, "");
}

/** Fold of a group key: FNV-1a hash modulo `folds` (stable across runs and machines). */
export function foldOf(key: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % folds;
}

/** Options of `crossValidate`. */
export interface CvOptions {
  folds?: number;
  /** Group key of a row; rows with one key share a fold (default: base architecture of the name). */
  groupOf?: (s: EstimatorSample) => string;
  /** Which rows a fold's estimator is fitted on (default all training rows). */
  trainFilter?: (s: EstimatorSample) => boolean;
  /** Which rows of a held-out fold are predicted (default all measured rows). */
  testFilter?: (s: EstimatorSample) => boolean;
}

/** Held-out predictions of the measured rows, folds grouped as `cv.groupOf` says. */
export async function crossValidate(
  samples: EstimatorSample[],
  opts: FitOptions = {},
  cv: CvOptions = {},
): Promise<CvRow[]> {
  const folds = cv.folds ?? 5;
  const group = cv.groupOf ?? ((s: EstimatorSample) => baseArchitecture(s.name));
  const fold = samples.map((s) => foldOf(group(s), folds));
  const out: CvRow[] = [];
  for (let k = 0; k < folds; k++) {
    const train = samples.filter((s, i) => fold[i] !== k && (cv.trainFilter?.(s) ?? true));
    const test = samples.filter((s, i) =>
      fold[i] === k && s.fpsMeasured && (cv.testFilter?.(s) ?? true)
    );
    if (test.length === 0 || train.length === 0) continue;
    out.push(...evaluateEstimator(await fitEstimator(train, opts), test, k));
  }
  return out;
}

const row = (s: EstimatorSample, predicted: number, fold: number): CvRow => ({
  name: s.name,
  board: s.board,
  arch: s.dpu.arch,
  dpuCores: s.dpuCores,
  threads: s.threads,
  fold,
  measuredFps: s.fpsMeasured!,
  predictedFps: predicted,
  apePercent: (100 * Math.abs(predicted - s.fpsMeasured!)) / s.fpsMeasured!,
});

/** Predictions of `est` for every measured sample (`fold` is recorded as given, default -1). */
export function evaluateEstimator(est: Estimator, samples: EstimatorSample[], fold = -1): CvRow[] {
  return samples.filter((s) => s.fpsMeasured).map((s) => row(s, predict(est, s).fps, fold));
}

/** The no-fit baseline min(threads, DPU cores) x fps_1thread on the rows that have both figures. */
export function naiveBaseline(samples: EstimatorSample[]): CvRow[] {
  return samples.filter((s) => s.fpsMeasured && s.fps1Thread)
    .map((s) => row(s, Math.min(s.threads, s.dpuCores) * s.fps1Thread!, -1));
}

/** Nearest-rank percentile `p` (0..100) of `values`; NaN when empty. */
export function percentileOf(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Error statistics of a list of absolute percentage errors. */
export function errorStats(ape: readonly number[]): Omit<ErrorSummary, "group"> {
  return {
    n: ape.length,
    mapePercent: ape.reduce((a, b) => a + b, 0) / ape.length,
    medianApePercent: medianOf(ape),
    p95ApePercent: percentileOf(ape, 95),
    maxApePercent: Math.max(...ape),
    over100: ape.filter((e) => e > 100).length,
  };
}

/** Error statistics per group (`key` names a row's group), groups sorted by name. */
export function summarizeErrors(rows: CvRow[], key: (r: CvRow) => string): ErrorSummary[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const g = key(r);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(r.apePercent);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([group, e]) => ({ group, ...errorStats(e) }));
}

/** One line of the feature ablation. */
export type AblationRow = {
  variant: string;
  mapePercent: number;
  medianApePercent: number;
  maxApePercent: number;
  /** MAPE minus the full model's MAPE (positive: the removed part helps). */
  deltaPercent: number;
};

/**
 * Grouped cross-validated error with each part of the model removed in turn (how much each one
 * matters), plus the no-fit baseline min(threads, cores) x fps_1thread.
 */
export async function featureAblation(
  samples: EstimatorSample[],
  folds = 5,
): Promise<AblationRow[]> {
  const variants: [string, FitOptions][] = [
    ["full model", {}],
    ["without input pixels x fps_1", { terms: ["utilization"] }],
    ["without DPU utilization u1", { terms: ["pixelRate"] }],
    ["without task intercepts", { useTask: false }],
    ["task intercepts only", { terms: [] }],
    ["without DRAM contention (g = 0)", { contentionGrid: [0] }],
    ["without serial part (s = 0)", { serialGrid: [0] }],
  ];
  const rows: Omit<AblationRow, "deltaPercent">[] = [];
  for (const [variant, o] of variants) {
    const s = errorStats((await crossValidate(samples, o, { folds })).map((r) => r.apePercent));
    rows.push({ variant, ...pick(s) });
  }
  const naive = errorStats(naiveBaseline(samples).map((r) => r.apePercent));
  rows.push({ variant: "baseline: min(threads, cores) x fps_1 (no fit)", ...pick(naive) });
  return rows.map((r) => ({ ...r, deltaPercent: r.mapePercent - rows[0].mapePercent }));
}

function pick(s: Omit<ErrorSummary, "group">) {
  return {
    mapePercent: s.mapePercent,
    medianApePercent: s.medianApePercent,
    maxApePercent: s.maxApePercent,
  };
}
