/**
 * Study E's paper numbers, defined once, and the paper-vs-ours comparison. Paper: M. A. Muneeb and
 * R. Kedia, "Characterizing CNN Throughput and Energy Under Multithreaded and Multiaccelerator
 * Execution", IEEE Embedded Systems Letters 16(4):369-372, 2024, DOI 10.1109/LES.2024.3446896
 * (abstract: up to 3.98x throughput and 3.20x energy per inference with one accelerator, 104 CNNs,
 * three accelerator sizes).
 */
import { medianOf } from "../../throughput/stats.ts";
import type { PerfRow } from "../../throughput/perf-csv.ts";
import type { CnnThroughputAnalysis } from "./run.ts";
import { bestSingleAccel, gainSummaryRows, type ModelRow, overallMape } from "./tables.ts";

/** The paper's headline numbers (abstract). */
export const PAPER = {
  citation:
    "Muneeb & Kedia, IEEE Embedded Systems Letters 16(4), 2024, DOI 10.1109/LES.2024.3446896",
  maxThroughputGainSingleAccel: 3.98,
  maxEnergyGainSingleAccel: 3.2,
  models: 104,
  acceleratorSizes: 3,
} as const;

/** One measured MT/ST summary per release and board. */
export type RealGainRow = {
  release: string;
  board: string;
  dpuCores: number;
  models: number;
  medianMtOverSt: number;
  maxMtOverSt: number;
  maxModel: string;
};

/** Measured multi-thread / single-thread fps per release and board (Vitis AI model zoo). */
export function realGainRows(rows: PerfRow[]): RealGainRow[] {
  const groups = new Map<string, PerfRow[]>();
  for (const r of rows) {
    if (!r.fps1Thread || !r.fpsMultithread) continue;
    for (const v of (r.vaiVersion ?? "?").split(";")) {
      const k = `${v}|${r.board}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(r);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => {
    const ratio = rs.map((r) => r.fpsMultithread! / r.fps1Thread!);
    const i = ratio.indexOf(Math.max(...ratio));
    const [release, board] = k.split("|");
    return {
      release,
      board,
      dpuCores: rs[0].dpuCores,
      models: rs.length,
      medianMtOverSt: medianOf(ratio),
      maxMtOverSt: ratio[i],
      maxModel: rs[i].name,
    };
  });
}

/** The largest measured MT/ST ratio on one-DPU-core boards, with the model. */
export function measuredMaxSingleAccel(rows: PerfRow[]): { value: number; model: string } {
  const one = realGainRows(rows).filter((r) => r.dpuCores === 1);
  const best = one.reduce((a, b) => (b.maxMtOverSt > a.maxMtOverSt ? b : a));
  return {
    value: best.maxMtOverSt,
    model: `${best.maxModel} (${best.board}, VAI ${best.release})`,
  };
}

/** A paper-vs-ours row. */
export type ComparisonRow = {
  metric: string;
  paper: number | null;
  ours: number;
  difference: number | null;
  why: string;
};

const row = (metric: string, paper: number | null, ours: number, why: string): ComparisonRow => ({
  metric,
  paper,
  ours,
  difference: paper === null ? null : ours - paper,
  why,
});

/** The paper's two gains against ours (simulated and measured). */
function gainRows(a: CnnThroughputAnalysis): ComparisonRow[] {
  const g = bestSingleAccel(a.sweepRows, "gain"), e = bestSingleAccel(a.sweepRows, "energyGain");
  const real = measuredMaxSingleAccel(a.vitisRows);
  return [
    row(
      "max_throughput_gain_single_accel (simulated)",
      PAPER.maxThroughputGainSingleAccel,
      g.value,
      `Threads overlap CPU with DPU work: on one core the gain is at most 1 + Tcpu/Tdpu and ` +
        `(4 A53 cores) 4 (Tcpu + Tdpu)/Tcpu, so at most 5x where Tcpu = 4 Tdpu. Best: ` +
        `${g.model} on ${g.arch}, ${cpuShare(a, g.model, g.arch)}.`,
    ),
    row(
      "max_throughput_gain_single_accel (measured)",
      PAPER.maxThroughputGainSingleAccel,
      real.value,
      `Published Vitis AI rows, one B4096 core: ${real.model}. CPU-heavy models (CPU subgraphs, ` +
        "point clouds, masks) reach the paper's range.",
    ),
    row(
      "max_energy_gain_single_accel (simulated)",
      PAPER.maxEnergyGainSingleAccel,
      e.value,
      "Throughput gain x P(1 thread) / P(N threads): follows the simulated throughput gain. " +
        "No per-model energy is published.",
    ),
  ];
}

/** "CPU x ms vs DPU y ms per image (task, CPU source)" of a swept CNN on one size. */
function cpuShare(a: CnnThroughputAnalysis, model: string, arch: string): string {
  const m = a.sweepModels.find((x) => x.model === model && x.arch === arch);
  if (!m) return "not in the sweep";
  const cpu = m.preSeconds + m.postSeconds + m.serialSeconds;
  const dpu = m.profile.dpuSecondsByBusyCores[0];
  const source = a.cpuWork.some((w) => w.model === model) ? "measured CPU work" : "CPU rule";
  return `${m.task}, CPU ${(cpu * 1e3).toFixed(1)} ms vs DPU ${(dpu * 1e3).toFixed(1)} ms ` +
    `per image (${source})`;
}

const maxApe = (rows: CnnThroughputAnalysis["realCv"]) =>
  Math.max(...rows.map((r) => r.apePercent)).toFixed(0);

/** Typical gains, the model count and the estimator errors next to the naive baseline. */
function otherRows(a: CnnThroughputAnalysis, models: ModelRow[]): ComparisonRow[] {
  const big = gainSummaryRows(models).find((s) => s.arch === "B4096");
  const twoCores = a.sweepRows.filter((r) =>
    r.arch === "B4096" && r.cores === 2 && r.threads === a.options.maxThreads
  );
  const real = realGainRows(a.vitisRows);
  const range = (cores: number) => {
    const m = real.filter((r) => r.dpuCores === cores).map((r) => r.medianMtOverSt);
    return `${Math.min(...m).toFixed(2)}-${Math.max(...m).toFixed(2)}x`;
  };
  return [
    row(
      "median_gain_B4096_1core (simulated)",
      null,
      Number(big?.medianGainSingleAccel ?? NaN),
      `Measured KV260 medians per release: ${range(1)}; most CNNs are DPU-bound.`,
    ),
    row(
      "median_gain_B4096_2cores (simulated)",
      null,
      medianOf(twoCores.map((r) => r.gain)),
      `Measured ZCU104 (2 x B4096) medians per release: ${range(2)}.`,
    ),
    row(
      "models",
      PAPER.models,
      a.options.models.length,
      "Study set: every non-classifier of our zoo plus classifiers at the Vitis AI zoo's share; the paper's list is not published.",
    ),
    row(
      "estimator_mape_real (grouped CV)",
      null,
      overallMape(a.realCv),
      `Paper's error not published. Naive min(N, K) x fps_1: ${
        overallMape(a.realNaive).toFixed(1)
      } %.`,
    ),
    row(
      "estimator_mape_transfer (KV260 -> ZCU104, held-out CNN)",
      null,
      overallMape(a.transferCv),
      `Unseen core count and base architecture. Max ours ${maxApe(a.transferCv)} %.`,
    ),
    row(
      "estimator_mape_sim (self-consistency)",
      null,
      overallMape(a.simCv),
      `The simulator's time has the estimator's form: a fit check only. Naive: MAPE ` +
        `${overallMape(a.simNaive).toFixed(1)} %.`,
    ),
  ];
}

/** Paper number, ours, difference and the reason, for each headline and reference. */
export function comparisonRows(a: CnnThroughputAnalysis, models: ModelRow[]): ComparisonRow[] {
  return [...gainRows(a), ...otherRows(a, models)];
}
