/** Study E: the real-data reference gains and the paper-vs-ours comparison table. */
import { medianOf } from "../throughput/stats.ts";
import type { PerfRow } from "../throughput/perf-csv.ts";
import type { CnnThroughputAnalysis } from "./cnn-throughput-analysis.ts";
import {
  bestSingleAccel,
  gainSummaryRows,
  type ModelRow,
  overallMape,
} from "./cnn-throughput-tables.ts";

/** Measured multi-thread / single-thread fps per release and board (Vitis AI model zoo). */
export function realGainRows(rows: PerfRow[]): Record<string, number | string>[] {
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

const row = (metric: string, paper: number | null, ours: number, why: string) => ({
  metric,
  paper,
  ours,
  difference: paper === null ? null : ours - paper,
  why,
});

/** The paper's two gains against ours, with the measured single-core maximum as a reference. */
function gainRows(a: CnnThroughputAnalysis) {
  const g = bestSingleAccel(a.sweepRows, "gain"), e = bestSingleAccel(a.sweepRows, "energyGain");
  const real = realGainRows(a.vitisRows).filter((r) => r.dpuCores === 1);
  const realMax = Math.max(...real.map((r) => r.maxMtOverSt as number));
  return [
    row(
      "max_throughput_gain_single_accel",
      3.98,
      g.value,
      `Gain is bounded by 1 + Tcpu/Tdpu and by the 4 A53 cores (at most 5x when Tcpu = 4 Tdpu). ` +
        `Our zoo is mostly torchvision classifiers whose CPU share is small under the calibrated CPU ` +
        `rule; the largest gain is a segmentation CNN (${g.model}). The real KV260 data reach ` +
        `${realMax.toFixed(2)}x (CPU-heavy zoo models), close to the paper's 3.98x.`,
    ),
    row(
      "max_energy_gain_single_accel",
      3.2,
      e.value,
      "Energy gain = throughput gain x P(1 thread) / P(N threads); it follows the smaller " +
        "throughput gain. Our power model adds 2 W per busy B4096 and 0.4 W per busy A53 to 9.6 W static.",
    ),
    row(
      "real_max_mt_over_st_1core",
      3.98,
      realMax,
      "Measured Vitis AI KV260 (1 x B4096) rows, all releases.",
    ),
  ];
}

/** Typical gains against the real boards' medians, the model count and the estimator errors. */
function otherRows(a: CnnThroughputAnalysis, models: ModelRow[]) {
  const big = gainSummaryRows(models).find((s) => s.arch === "B4096");
  const twoCores = a.sweepRows.filter((r) =>
    r.arch === "B4096" && r.cores === 2 && r.threads === a.options.maxThreads
  );
  return [
    row(
      "median_gain_B4096_1core",
      null,
      Number(big?.medianGainSingleAccel ?? NaN),
      "Real KV260 medians are 1.09-1.21x; the simulated median is similar because most CNNs are DPU-bound.",
    ),
    row(
      "median_gain_B4096_2cores",
      null,
      medianOf(twoCores.map((r) => r.gain)),
      "Real ZCU104 (2 x B4096) medians are 2.06-2.31x: a second core doubles DPU-bound throughput.",
    ),
    row(
      "models",
      104,
      a.options.models.length,
      "Our zoo's CNNs, not the paper's list (not published).",
    ),
    row(
      "estimator_mape_real",
      null,
      overallMape(a.realCv),
      "Paper's error not found. Outliers dominate the mean (CPU-subgraph models, tiny models); see medians.",
    ),
    row(
      "estimator_mape_sim",
      null,
      overallMape(a.simCv),
      "Error grows with cores: contention is linear in the estimator.",
    ),
  ];
}

/** Paper number, ours, difference and the reason, for each headline and the real-data reference. */
export function comparisonRows(a: CnnThroughputAnalysis, models: ModelRow[]) {
  return [...gainRows(a), ...otherRows(a, models)];
}
