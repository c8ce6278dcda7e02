/**
 * Study E's computation, shared by the study runner and the notebook: calibrate the DPU model and
 * the CPU rule on the real Vitis AI data, sweep the zoo CNNs over the design space with the
 * closed-loop simulation, and fit and cross-validate the estimator on real and simulated data.
 */
import { calibrateDpu, type CalibrationResult } from "../../throughput/calibrate.ts";
import { type CpuRule, fitCpuRule } from "../../throughput/cpu-rule.ts";
import { dpuSize, parseDpuConfig } from "../../arch/dpu/sizes.ts";
import { crossValidate, type CvRow, naiveBaseline } from "../../throughput/estimator-cv.ts";
import { fitEstimator } from "../../throughput/estimator-fit.ts";
import type { Estimator, EstimatorSample } from "../../throughput/estimator.ts";
import { type PerfRow, rowToSample } from "../../throughput/perf-csv.ts";
import { DEFAULT_PLATFORM, type Platform } from "../../arch/dpu/platform.ts";
import { sweepDesignSpace, type SweepModel, type SweepRow } from "../../throughput/sweep.ts";
import { cnnTask } from "../../throughput/task.ts";
import { getNetwork } from "../../workload/zoo/mod.ts";
import {
  calibrationPoints,
  type CpuWorkRow,
  loadVitisRows,
  loadZooMatches,
  matchedCpuWork,
} from "./data.ts";
import { type CnnThroughputOptions, parseCnnThroughputOptions } from "./setup.ts";

/** Everything the study's tables, headline and figures are made from. */
export interface CnnThroughputAnalysis {
  options: CnnThroughputOptions;
  platform: Platform;
  vitisRows: PerfRow[];
  calibration: CalibrationResult;
  cpuRule: CpuRule;
  /** Measured CPU work of the matched CNNs (empty when the option is off). */
  cpuWork: CpuWorkRow[];
  sweepRows: SweepRow[];
  sweepModels: SweepModel[];
  /** Estimator fitted on all real rows (what `deno task estimate` uses). */
  realEstimator: Estimator;
  /** Held-out predictions of the real rows, folds grouped by base architecture. */
  realCv: CvRow[];
  /**
   * Fitted on KV260 (one core) rows of the other folds, predicting the ZCU104 (two cores) rows of
   * the held-out fold: an unseen core count and an unseen CNN.
   */
  transferCv: CvRow[];
  /** The no-fit baseline min(threads, cores) x fps_1thread on the real rows. */
  realNaive: CvRow[];
  simEstimator: Estimator;
  /** Held-out predictions of simulated rows: a self-consistency check (same time model). */
  simCv: CvRow[];
  simNaive: CvRow[];
}

/** The estimator's view of simulated rows (threads >= 2; fps_1thread from the same size). */
export function simSamples(rows: SweepRow[], models: SweepModel[], mhz: number): EstimatorSample[] {
  const fps1 = new Map<string, number>();
  for (const r of rows) {
    if (r.threads === 1 && r.cores === 1) fps1.set(`${r.model}|${r.arch}`, r.fps);
  }
  const info = new Map(models.map((m) => [`${m.model}|${m.arch}`, m]));
  return rows.filter((r) => r.threads >= 2).map((r) => {
    const m = info.get(`${r.model}|${r.arch}`)!;
    return {
      name: r.model,
      board: `${r.arch} x${r.cores}`,
      task: cnnTask(m.profile.task),
      dpu: dpuSize(r.arch),
      dpuCores: r.cores,
      dpuMhz: mhz,
      threads: r.threads,
      fps1Thread: fps1.get(`${r.model}|${r.arch}`),
      gopsPerImage: m.profile.ops / 1e9,
      inputPixels: m.profile.inputPixels,
      fpsMeasured: r.fps,
    };
  });
}

/** Run the analysis; `progress` reports each step. */
export async function analyzeCnnThroughput(
  input: unknown = {},
  progress: (step: string) => void = () => {},
): Promise<CnnThroughputAnalysis> {
  const options = parseCnnThroughputOptions(input);
  const platform = { ...DEFAULT_PLATFORM };
  progress("step load Vitis AI data, calibrate DPU and CPU rule");
  const vitisRows = loadVitisRows();
  const matches = loadZooMatches();
  const calibration = calibrateDpu(
    calibrationPoints(vitisRows, matches),
    parseDpuConfig({ arch: "B4096", cores: 1, mhz: 300 }),
    platform,
  );
  const cpuRule = fitCpuRule(vitisRows);
  const measured = options.measuredCpuWork
    ? matchedCpuWork(vitisRows, matches, cpuRule)
    : { work: new Map(), table: [] };
  progress(`step sweep ${options.models.length} CNNs x ${options.sizes.length} sizes`);
  const { rows: sweepRows, models: sweepModels } = sweepDesignSpace(
    options.models.map((m) => getNetwork(m)),
    {
      ...options,
      platform,
      calibration: calibration.calibration,
      cpuRule,
      cpuWork: measured.work,
    },
  );
  // The simulation first: its fitted DRAM-contention slope is the prior of fits on one-core
  // boards only (the transfer check trains on KV260), where the slope is not identifiable.
  const folds = options.folds;
  progress("step estimator on simulated data");
  const sim = simSamples(sweepRows, sweepModels, options.mhz);
  const simEstimator = await fitEstimator(sim);
  const simCv = await crossValidate(sim, {}, { folds });
  const simNaive = naiveBaseline(sim);
  progress("step estimator on real data");
  const fit = { contentionPrior: simEstimator.contentionPerCore };
  const real = vitisRows.map((r) => rowToSample(r));
  const realEstimator = await fitEstimator(real, fit);
  const realCv = await crossValidate(real, fit, { folds });
  const transferCv = await crossValidate(real, fit, {
    folds,
    trainFilter: (s) => s.board === "KV260",
    testFilter: (s) => s.board !== "KV260",
  });
  const realNaive = naiveBaseline(real);
  return {
    options,
    platform,
    vitisRows,
    calibration,
    cpuRule,
    cpuWork: measured.table,
    sweepRows,
    sweepModels,
    realEstimator,
    realCv,
    transferCv,
    realNaive,
    simEstimator,
    simCv,
    simNaive,
  };
}
