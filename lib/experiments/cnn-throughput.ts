/**
 * Study E: CNN throughput and energy under multithreaded and multi-accelerator execution
 * (Muneeb & Kedia, IEEE ESL 16(4), 2024) on a DPUCZDX8G-class accelerator next to 4 A53 cores.
 * `deno task reproduce cnn-throughput` writes data/results/cnn-throughput.json and
 * figures/cnn-throughput-*.
 */
import type { Headline, Row } from "./results.ts";
import { featureAblation, summarizeErrors } from "../throughput/estimator-cv.ts";
import { rowToSample } from "../throughput/perf-csv.ts";
import { analyzeCnnThroughput, type CnnThroughputAnalysis } from "./cnn-throughput-analysis.ts";
import {
  energyGainChart,
  gainDistributionChart,
  gainVsDpuFractionChart,
  paretoChart,
  predictedChart,
  threadsChart,
} from "./cnn-throughput-figures.ts";
import { quickCnnThroughputOptions } from "./cnn-throughput-options.ts";
import { comparisonRows, realGainRows } from "./cnn-throughput-paper.ts";
import {
  bestSingleAccel,
  errorRows,
  gainSummaryRows,
  modelRows,
  overallMape,
  paretoRows,
} from "./cnn-throughput-tables.ts";
import type { Study, StudyContext, StudyOutput } from "./study.ts";

/** The headline rows (paper vs ours). */
export function cnnThroughputHeadline(a: CnnThroughputAnalysis): Headline[] {
  const g = bestSingleAccel(a.sweepRows, "gain"), e = bestSingleAccel(a.sweepRows, "energyGain");
  const perBoard = summarizeErrors(a.realCv, (r) => r.board).map((s) =>
    `${s.group} ${s.mapePercent.toFixed(1)} % (median ${s.medianApePercent.toFixed(1)} %)`
  );
  const perSize = summarizeErrors(a.simCv, (r) => r.arch)
    .map((s) => `${s.group} ${s.mapePercent.toFixed(1)} %`);
  const cv = `${a.options.folds}-fold CV by CNN`;
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
      3.98,
      g.value,
      "x",
      `simulated, ${g.model} on one ${g.arch} core, ${g.threads} threads vs 1`,
    ),
    h(
      "max_energy_gain_single_accel",
      3.2,
      e.value,
      "x",
      `simulated E(1 thread) / E(${e.threads} threads), ${e.model}, ${e.arch}`,
    ),
    h("models", 104, a.options.models.length, "CNNs", "zoo CNNs x 3 DPU sizes"),
    h(
      "estimator_mape_real",
      null,
      overallMape(a.realCv),
      "%",
      `${cv} on Vitis AI rows: ${perBoard.join("; ")}`,
    ),
    h(
      "estimator_mape_sim",
      null,
      overallMape(a.simCv),
      "%",
      `${cv} on simulated rows (threads >= 2): ${perSize.join("; ")}`,
    ),
  ];
}

function tables(
  a: CnnThroughputAnalysis,
  models: ReturnType<typeof modelRows>,
): Record<string, Row[]> {
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
    models: models as unknown as Row[],
    gain_summary: gainSummaryRows(models),
    real_gains: realGainRows(a.vitisRows),
    pareto: paretoRows(a.sweepRows) as unknown as Row[],
    estimator_real: [
      ...errorRows("cv by board", summarizeErrors(a.realCv, (r) => r.board)),
      ...errorRows("cv all", summarizeErrors(a.realCv, () => "all")),
      ...errorRows("fit KV260 only, predict ZCU104", summarizeErrors(a.transferCv, (r) => r.board)),
    ],
    estimator_sim: [
      ...errorRows("cv by size", summarizeErrors(a.simCv, (r) => r.arch)),
      ...errorRows("cv by cores", summarizeErrors(a.simCv, (r) => `${r.dpuCores} cores`)),
    ],
    features: featureAblation(real, a.options.folds) as unknown as Row[],
    comparison: comparisonRows(a, models),
  };
}

/** Run the whole study with `input` options (defaults: the published reproduction). */
export function runCnnThroughput(ctx: StudyContext, input: object = {}): StudyOutput {
  const a = analyzeCnnThroughput(
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
    tables: tables(a, models),
    figures: [
      { name: "gain-distribution", chart: gainDistributionChart(models, maxThreads, maxCores) },
      { name: "threads", chart: threadsChart(a.sweepRows, a.options.representative) },
      { name: "energy-gain", chart: energyGainChart(models) },
      {
        name: "gain-vs-dpu-share",
        chart: gainVsDpuFractionChart(models, maxThreads, a.platform.cpuCores),
      },
      { name: "pareto", chart: paretoChart(paretoRows(a.sweepRows)) },
      {
        name: "estimator-sim",
        chart: predictedChart(simShown, "arch", "Estimator on simulated data (held-out CNNs)"),
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
