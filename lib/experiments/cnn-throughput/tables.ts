/**
 * Study E tables: typed rows computed from the analysis, each with a zod schema, so a notebook gets
 * the same types whether it recomputes or loads data/results/cnn-throughput.json.
 */
import { z } from "zod";
import { medianOf } from "../../throughput/stats.ts";
import { type CvRow, type ErrorSummary, summarizeErrors } from "../../throughput/estimator-cv.ts";
import type { SweepRow } from "../../throughput/sweep.ts";
import type { CnnThroughputAnalysis } from "./run.ts";

/** Per CNN and DPU size: characteristics and the gains at the most threads. */
export const ModelRowSchema = z.object({
  model: z.string(),
  task: z.string(),
  arch: z.string(),
  gops: z.number(),
  depthwiseOpsShare: z.number(),
  weightMB: z.number(),
  dpuMs: z.number(),
  cpuMs: z.number(),
  /** Single-thread DPU share of the end-to-end time. */
  dpuFraction: z.number(),
  /** fps(max threads, 1 core) / fps(1 thread, 1 core). */
  gainSingleAccel: z.number(),
  /** Energy per inference, 1 thread / max threads, 1 core. */
  energyGainSingleAccel: z.number(),
  /** fps(max threads, max cores) / fps(1 thread, 1 core). */
  gainMultiAccel: z.number(),
});
export type ModelRow = z.infer<typeof ModelRowSchema>;

/** One error summary of one predictor on one evaluation. */
export const ErrorRowSchema = z.object({
  evaluation: z.string(),
  predictor: z.enum(["ours", "naive min(N,K) x fps1"]),
  group: z.string(),
  n: z.number(),
  mapePercent: z.number(),
  medianApePercent: z.number(),
  p95ApePercent: z.number(),
  maxApePercent: z.number(),
  over100: z.number(),
});
export type ErrorRow = z.infer<typeof ErrorRowSchema>;

/** One design point of the size x cores x threads space, averaged over the CNNs. */
export const ParetoRowSchema = z.object({
  arch: z.string(),
  cores: z.number(),
  threads: z.number(),
  geomeanFps: z.number(),
  meanPowerW: z.number(),
  /** No other point has at least its throughput at no more power (and is better in one). */
  pareto: z.boolean(),
});
export type ParetoRow = z.infer<typeof ParetoRowSchema>;

const key = (...p: (string | number)[]) => p.join("|");

/** One row per (CNN, size), in sweep order. */
export function modelRows(a: CnnThroughputAnalysis): ModelRow[] {
  const { maxThreads, maxCores } = a.options;
  const at = new Map<string, SweepRow>();
  for (const r of a.sweepRows) at.set(key(r.model, r.arch, r.cores, r.threads), r);
  return a.sweepModels.map((m) => {
    const one = at.get(key(m.model, m.arch, 1, 1))!;
    const mt = at.get(key(m.model, m.arch, 1, maxThreads))!;
    const multi = at.get(key(m.model, m.arch, maxCores, maxThreads))!;
    const dpu = m.profile.dpuSecondsByBusyCores[0],
      cpu = m.preSeconds + m.postSeconds + m.serialSeconds;
    return {
      model: m.model,
      task: m.task,
      arch: m.arch,
      gops: m.profile.ops / 1e9,
      depthwiseOpsShare: m.profile.depthwiseOpsShare,
      weightMB: m.profile.weightBytes / 1e6,
      dpuMs: dpu * 1e3,
      cpuMs: cpu * 1e3,
      dpuFraction: dpu / (dpu + cpu),
      gainSingleAccel: mt.fps / one.fps,
      energyGainSingleAccel: one.energyPerInferenceJ / mt.energyPerInferenceJ,
      gainMultiAccel: multi.fps / one.fps,
    };
  });
}

/** Distribution of the single- and multi-accelerator gains per size. */
export function gainSummaryRows(models: ModelRow[]): Record<string, number | string>[] {
  const sizes = [...new Set(models.map((m) => m.arch))];
  return sizes.map((arch) => {
    const ms = models.filter((m) => m.arch === arch);
    const g = ms.map((m) => m.gainSingleAccel), e = ms.map((m) => m.energyGainSingleAccel);
    const k = ms.map((m) => m.gainMultiAccel);
    return {
      arch,
      models: ms.length,
      medianGainSingleAccel: medianOf(g),
      maxGainSingleAccel: Math.max(...g),
      medianEnergyGainSingleAccel: medianOf(e),
      maxEnergyGainSingleAccel: Math.max(...e),
      medianGainMultiAccel: medianOf(k),
      maxGainMultiAccel: Math.max(...k),
    };
  });
}

/** The design point with the largest single-accelerator gain of `field`, with where it occurs. */
export function bestSingleAccel(
  rows: SweepRow[],
  field: "gain" | "energyGain",
): { value: number; model: string; arch: string; threads: number } {
  let best = rows[0];
  for (const r of rows) if (r.cores === 1 && r[field] > best[field]) best = r;
  return { value: best[field], model: best.model, arch: best.arch, threads: best.threads };
}

/** Design space: per (size, cores, threads) the geometric-mean fps over CNNs, mean power, Pareto flag. */
export function paretoRows(rows: SweepRow[]): ParetoRow[] {
  const groups = new Map<string, SweepRow[]>();
  for (const r of rows) {
    const k = key(r.arch, r.cores, r.threads);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const pts = [...groups.values()].map((g) => ({
    arch: g[0].arch,
    cores: g[0].cores,
    threads: g[0].threads,
    geomeanFps: Math.exp(g.reduce((s, r) => s + Math.log(r.fps), 0) / g.length),
    meanPowerW: g.reduce((s, r) => s + r.averagePowerW, 0) / g.length,
  }));
  return pts.map((p) => ({
    ...p,
    pareto: !pts.some((q) =>
      q.geomeanFps >= p.geomeanFps && q.meanPowerW <= p.meanPowerW &&
      (q.geomeanFps > p.geomeanFps || q.meanPowerW < p.meanPowerW)
    ),
  }));
}

/** Error summaries of one predictor on one evaluation as rows. */
export function errorRows(
  evaluation: string,
  predictor: ErrorRow["predictor"],
  s: ErrorSummary[],
): ErrorRow[] {
  return s.map((e) => ({ evaluation, predictor, ...e }));
}

/** The naive baseline on exactly the rows `cv` predicted (matched by name, board and threads). */
function naiveOn(cv: CvRow[], naive: CvRow[]): CvRow[] {
  const key = (r: CvRow) => `${r.name}|${r.board}|${r.threads}|${r.measuredFps}`;
  const want = new Set(cv.map(key));
  return naive.filter((r) => want.has(key(r)));
}

/** Every evaluation of the estimator, ours next to the naive baseline on the same rows. */
export function estimatorErrorRows(a: CnnThroughputAnalysis): ErrorRow[] {
  const both = (evaluation: string, cv: CvRow[], naive: CvRow[], by: (r: CvRow) => string) => [
    ...errorRows(evaluation, "ours", summarizeErrors(cv, by)),
    ...errorRows(evaluation, "naive min(N,K) x fps1", summarizeErrors(naiveOn(cv, naive), by)),
  ];
  const all = () => "all";
  return [
    ...both("real, CV grouped by base architecture", a.realCv, a.realNaive, all),
    ...both("real, CV grouped by base architecture", a.realCv, a.realNaive, (r) => r.board),
    ...both("real, fit KV260 -> ZCU104, CNN held out", a.transferCv, a.realNaive, all),
    ...both("simulated (self-consistency), grouped CV", a.simCv, a.simNaive, all),
    ...both("simulated (self-consistency), grouped CV", a.simCv, a.simNaive, (r) => r.arch),
  ];
}

/** Mean APE over all rows, percent. */
export function overallMape(rows: CvRow[]): number {
  return summarizeErrors(rows, () => "all")[0].mapePercent;
}

/** The typed tables of data/results/cnn-throughput.json (other tables pass through untyped). */
export const CnnThroughputTablesSchema = z.looseObject({
  models: z.array(ModelRowSchema),
  pareto: z.array(ParetoRowSchema),
  estimator_errors: z.array(ErrorRowSchema),
});
export type CnnThroughputTables = z.infer<typeof CnnThroughputTablesSchema>;

/** One held-out prediction with the CNN's measured gain over one thread (for the worst cases). */
export type WorstRow = {
  name: string;
  board: string;
  measuredGain: number;
  predictedGain: number;
  apePercent: number;
};

/** The `n` largest held-out errors of `cv`, with measured and predicted gains over fps_1thread. */
export function worstPredictions(a: CnnThroughputAnalysis, cv: CvRow[], n = 8): WorstRow[] {
  const fps1 = new Map(a.vitisRows.map((r) => [`${r.name}|${r.board}|${r.fpsMultithread}`, r]));
  return [...cv].sort((x, y) => y.apePercent - x.apePercent).slice(0, n).map((r) => {
    const f1 = fps1.get(`${r.name}|${r.board}|${r.measuredFps}`)?.fps1Thread ?? NaN;
    return {
      name: r.name,
      board: r.board,
      measuredGain: r.measuredFps / f1,
      predictedGain: r.predictedFps / f1,
      apePercent: r.apePercent,
    };
  });
}

/** Task mix: CNNs of the study set vs distinct Vitis AI model names, per task. */
export function taskMixRows(
  a: CnnThroughputAnalysis,
): { task: string; ours: number; vitis: number }[] {
  const ours = new Map<string, number>(), vitis = new Map<string, number>();
  const seen = new Set<string>();
  for (const m of a.sweepModels) {
    if (seen.has(m.model)) continue;
    seen.add(m.model);
    ours.set(m.task, (ours.get(m.task) ?? 0) + 1);
  }
  const names = new Map(a.vitisRows.map((r) => [r.name, r.task]));
  for (const t of names.values()) vitis.set(t, (vitis.get(t) ?? 0) + 1);
  const tasks = [...new Set([...ours.keys(), ...vitis.keys()])].sort();
  return tasks.map((task) => ({ task, ours: ours.get(task) ?? 0, vitis: vitis.get(task) ?? 0 }));
}
