/**
 * Study E: CNN throughput and energy under multithreaded and multi-accelerator execution
 * (Muneeb & Kedia, IEEE ESL 16(4), 2024) on a DPUCZDX8G-class accelerator next to 4 A53 cores.
 * `deno task reproduce cnn-throughput` writes data/results/cnn-throughput.json and
 * figures/cnn-throughput-*. Parts: setup.ts (options, fixed before a run) and data.ts (the
 * measurements), run.ts (the computation), tables.ts (typed tables), figures.ts, paper.ts.
 */
import type { Headline, Row } from "../results.ts";
import { featureAblation, summarizeErrors } from "../../throughput/estimator-cv.ts";
import { rowToSample } from "../../throughput/perf-csv.ts";
import { analyzeCnnThroughput, type CnnThroughputAnalysis } from "./run.ts";
import {
  energyGainChart,
  gainDistributionChart,
  gainVsDpuFractionChart,
  measuredVsSimulatedChart,
  paretoChart,
  predictedChart,
  threadsChart,
} from "./figures.ts";
import { quickCnnThroughputOptions } from "./setup.ts";
import { comparisonRows, measuredMaxSingleAccel, PAPER, realGainRows } from "./paper.ts";
import {
  bestSingleAccel,
  estimatorErrorRows,
  gainSummaryRows,
  modelRows,
  overallMape,
  paretoRows,
} from "./tables.ts";
import type { Study, StudyContext, StudyOutput } from "../study.ts";

const stat = (rows: Parameters<typeof overallMape>[0]) => {
  const s = summarizeErrors(rows, () => "all")[0];
  return `MAPE ${s.mapePercent.toFixed(1)} %, max ${s.maxApePercent.toFixed(0)} %`;
};

/** The headline rows (paper vs ours; each says whether it is simulated or measured). */
export function cnnThroughputHeadline(a: CnnThroughputAnalysis): Headline[] {
  const g = bestSingleAccel(a.sweepRows, "gain"), e = bestSingleAccel(a.sweepRows, "energyGain");
  const m = measuredMaxSingleAccel(a.vitisRows);
  const cv = `${a.options.folds}-fold CV grouped by base architecture`;
  const h = (metric: string, paper: number | null, ours: number, unit: string, note: string) => ({
    metric,
    paper,
    ours,
    unit,
    note,
  });
  return [
    h(
      "max_throughput_gain_single_accel",
      PAPER.maxThroughputGainSingleAccel,
      g.value,
      "x",
      `simulated, ${g.model} on one ${g.arch} core, ${g.threads} threads vs 1`,
    ),
    h(
      "max_throughput_gain_single_accel_measured",
      PAPER.maxThroughputGainSingleAccel,
      m.value,
      "x",
      `measured (Vitis AI model zoo), ${m.model}`,
    ),
    h(
      "max_energy_gain_single_accel",
      PAPER.maxEnergyGainSingleAccel,
      e.value,
      "x",
      `simulated E(1 thread) / E(${e.threads} threads), ${e.model}, ${e.arch}`,
    ),
    h(
      "models",
      PAPER.models,
      a.options.models.length,
      "CNNs",
      "study set (zoo CNNs at the Vitis AI zoo's classifier share) x 3 DPU sizes",
    ),
    h(
      "estimator_mape_real",
      null,
      overallMape(a.realCv),
      "%",
      `${cv}, Vitis AI rows: ours ${stat(a.realCv)}; naive min(N,K) x fps1 ${stat(a.realNaive)}`,
    ),
    h(
      "estimator_mape_transfer",
      null,
      overallMape(a.transferCv),
      "%",
      `fit on KV260 rows of other folds, predict ZCU104 rows of held-out CNNs: ${
        stat(a.transferCv)
      }`,
    ),
    h(
      "estimator_mape_sim",
      null,
      overallMape(a.simCv),
      "%",
      `self-consistency (simulated rows, threads >= 2, ${cv}): ${stat(a.simCv)}`,
    ),
  ];
}

async function tables(
  a: CnnThroughputAnalysis,
  models: ReturnType<typeof modelRows>,
): Promise<Record<string, Row[]>> {
  const real = a.vitisRows.map((r) => rowToSample(r));
  return {
    calibration: a.calibration.points.map((p) => ({
      model: p.name,
      measuredMs: p.measuredSeconds * 1e3,
      predictedMs: p.predictedSeconds * 1e3,
    })),
    cpu_rule: Object.keys(a.cpuRule.postSecondsPerPixel).map((task) => ({
      task,
      preNsPerPixel: a.cpuRule.preSecondsPerPixel * 1e9,
      postNsPerPixel:
        a.cpuRule.postSecondsPerPixel[task as keyof typeof a.cpuRule.postSecondsPerPixel] * 1e9,
      calibrationRows: a.cpuRule.rowsPerTask[task as keyof typeof a.cpuRule.rowsPerTask],
    })),
    cpu_work: a.cpuWork,
    models,
    gain_summary: gainSummaryRows(models),
    real_gains: realGainRows(a.vitisRows),
    pareto: paretoRows(a.sweepRows),
    estimator_errors: estimatorErrorRows(a),
    features: await featureAblation(real, a.options.folds),
    comparison: comparisonRows(a, models),
  };
}

/** Run the whole study with `input` options (defaults: the published reproduction). */
export async function runCnnThroughput(
  ctx: StudyContext,
  input: object = {},
): Promise<StudyOutput> {
  const a = await analyzeCnnThroughput(
    ctx.quick ? { ...quickCnnThroughputOptions, ...input } : input,
    ctx.progress,
  );
  ctx.progress("step tables and figures");
  const models = modelRows(a);
  const { maxThreads, maxCores } = a.options;
  const simShown = a.simCv.filter((r) => r.threads === 2 || r.threads === maxThreads);
  return {
    parameters: {
      ...a.options,
      platform: a.platform,
      dpuCalibration: a.calibration.calibration,
      cpuRule: a.cpuRule,
      estimator: a.realEstimator,
    },
    headline: cnnThroughputHeadline(a),
    tables: await tables(a, models),
    figures: [
      { name: "gain-distribution", chart: gainDistributionChart(models, maxThreads, maxCores) },
      { name: "measured-vs-simulated", chart: measuredVsSimulatedChart(a) },
      { name: "threads", chart: threadsChart(a.sweepRows, a.options.representative) },
      { name: "energy-gain", chart: energyGainChart(models) },
      {
        name: "gain-vs-dpu-share",
        chart: gainVsDpuFractionChart(models, maxThreads, a.platform.cpuCores),
      },
      { name: "pareto", chart: paretoChart(paretoRows(a.sweepRows)) },
      {
        name: "estimator-sim",
        chart: predictedChart(simShown, "arch", "Estimator on simulated data (self-consistency)"),
      },
      {
        name: "estimator-real",
        chart: predictedChart(a.realCv, "board", "Estimator on Vitis AI data (held-out CNNs)"),
      },
    ],
  };
}

/** The registered study `cnn-throughput`. */
export const cnnThroughputStudy: Study = {
  id: "cnn-throughput",
  title: "CNN throughput and energy under multithreaded and multi-accelerator DPU execution",
  run: (ctx) => runCnnThroughput(ctx),
};
