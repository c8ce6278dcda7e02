/** Study E tables: plain rows computed from the analysis (the results JSON and the figures use them). */
import { medianOf } from "../throughput/stats.ts";
import { type CvRow, type ErrorSummary, summarizeErrors } from "../throughput/estimator-cv.ts";
import type { SweepRow } from "../throughput/sweep.ts";
import type { CnnThroughputAnalysis } from "./cnn-throughput-analysis.ts";

/** Per CNN and DPU size: characteristics and the gains at the most threads. */
export interface ModelRow {
  model: string;
  task: string;
  arch: string;
  gops: number;
  depthwiseOpsShare: number;
  weightMB: number;
  dpuMs: number;
  cpuMs: number;
  /** Single-thread DPU share of the end-to-end time. */
  dpuFraction: number;
  /** fps(max threads, 1 core) / fps(1 thread, 1 core). */
  gainSingleAccel: number;
  /** Energy per inference, 1 thread / max threads, 1 core. */
  energyGainSingleAccel: number;
  /** fps(max threads, max cores) / fps(1 thread, 1 core). */
  gainMultiAccel: number;
}

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
    const dpu = m.profile.dpuSecondsByBusyCores[0], cpu = m.preSeconds + m.postSeconds;
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

/** One design point of the size x cores x threads space, averaged over the CNNs. */
export interface ParetoRow {
  arch: string;
  cores: number;
  threads: number;
  geomeanFps: number;
  meanPowerW: number;
  /** No other point has at least its throughput at no more power (and is better in one). */
  pareto: boolean;
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

/** Error summaries as rows, with a `set` column naming the evaluation. */
export function errorRows(set: string, s: ErrorSummary[]): Record<string, number | string>[] {
  return s.map((e) => ({ set, ...e }));
}

/** Mean APE over all rows, percent. */
export function overallMape(rows: CvRow[]): number {
  return summarizeErrors(rows, () => "all")[0].mapePercent;
}
