/**
 * Cross-validation of the estimator: rows are split into folds by CNN name (all boards and
 * releases of one CNN fall in the same fold, so no CNN is predicted by a fit that saw it), each
 * fold is predicted by an estimator fitted on the others, and errors are summarised per group.
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

/** Error statistics of a group of held-out predictions. */
export interface ErrorSummary {
  group: string;
  n: number;
  mapePercent: number;
  medianApePercent: number;
  maxApePercent: number;
}

/** Fold of a CNN name: FNV-1a hash modulo `folds` (stable across runs and machines). */
export function foldOf(name: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % folds;
}

/** Held-out predictions of every measured row with `folds`-fold cross-validation by CNN name. */
export function crossValidate(
  samples: EstimatorSample[],
  opts: FitOptions = {},
  folds = 5,
): CvRow[] {
  const out: CvRow[] = [];
  for (let k = 0; k < folds; k++) {
    const train = samples.filter((s) => foldOf(s.name, folds) !== k);
    const test = samples.filter((s) => foldOf(s.name, folds) === k && s.fpsMeasured);
    if (test.length === 0) continue;
    out.push(...evaluateEstimator(fitEstimator(train, opts), test, k));
  }
  return out;
}

/** Predictions of `est` for every measured sample (`fold` is recorded as given, default -1). */
export function evaluateEstimator(est: Estimator, samples: EstimatorSample[], fold = -1): CvRow[] {
  return samples.filter((s) => s.fpsMeasured).map((s) => {
    const p = predict(est, s).fps;
    return {
      name: s.name,
      board: s.board,
      arch: s.dpu.arch,
      dpuCores: s.dpuCores,
      threads: s.threads,
      fold,
      measuredFps: s.fpsMeasured!,
      predictedFps: p,
      apePercent: (100 * Math.abs(p - s.fpsMeasured!)) / s.fpsMeasured!,
    };
  });
}

/** MAPE, median and worst error per group (`key` names a row's group), groups sorted by name. */
export function summarizeErrors(rows: CvRow[], key: (r: CvRow) => string): ErrorSummary[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const g = key(r);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(r.apePercent);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, e]) => ({
    group,
    n: e.length,
    mapePercent: e.reduce((a, b) => a + b, 0) / e.length,
    medianApePercent: medianOf(e),
    maxApePercent: Math.max(...e),
  }));
}

/** One line of the feature ablation. */
export type AblationRow = {
  variant: string;
  mapePercent: number;
  medianApePercent: number;
  /** MAPE minus the full model's MAPE (positive: the removed part helps). */
  deltaPercent: number;
};

const stats = (ape: number[]) => ({
  mapePercent: ape.reduce((a, b) => a + b, 0) / ape.length,
  medianApePercent: medianOf(ape),
});

/**
 * Cross-validated error with each characteristic removed in turn (how much each one matters),
 * plus a no-fit baseline that scales fps_1thread by min(threads, cores).
 */
export function featureAblation(samples: EstimatorSample[], folds = 5): AblationRow[] {
  const variants: [string, FitOptions][] = [
    ["full model", {}],
    ["without input pixels x fps_1", { terms: ["utilization"] }],
    ["without DPU utilization u1", { terms: ["pixelRate"] }],
    ["without task intercepts", { useTask: false }],
    ["task intercepts only", { terms: [] }],
    ["without DRAM contention (g = 0)", { contentionGrid: [0] }],
    ["hard minimum (no smoothing)", { smoothingGrid: [null] }],
  ];
  const rows = variants.map(([variant, o]) => ({
    variant,
    ...stats(crossValidate(samples, o, folds).map((r) => r.apePercent)),
  }));
  const naive = samples.filter((s) => s.fpsMeasured && s.fps1Thread).map((s) => {
    const p = Math.min(s.threads, s.dpuCores) * s.fps1Thread!;
    return (100 * Math.abs(p - s.fpsMeasured!)) / s.fpsMeasured!;
  });
  rows.push({ variant: "baseline: min(threads, cores) x fps_1 (no fit)", ...stats(naive) });
  return rows.map((r) => ({ ...r, deltaPercent: r.mapePercent - rows[0].mapePercent }));
}
