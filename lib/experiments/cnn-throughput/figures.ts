/** Study E charts, drawn from the analysis tables (the study saves them; the notebook shows them). */
import { type Chart, Plot, plot } from "../../plot/mod.ts";
import { type CvRow, summarizeErrors } from "../../throughput/estimator-cv.ts";
import type { SweepRow } from "../../throughput/sweep.ts";
import type { CnnThroughputAnalysis } from "./run.ts";
import type { ModelRow, ParetoRow } from "./tables.ts";

/** Multithreading gain across CNNs per DPU size: one core vs the most cores. */
export function gainDistributionChart(
  models: ModelRow[],
  maxThreads: number,
  maxCores: number,
): Chart {
  const one = `1 core, ${maxThreads} threads`, many = `${maxCores} cores, ${maxThreads} threads`;
  const data = models.flatMap((m) => [
    { arch: m.arch, mode: one, gain: m.gainSingleAccel },
    { arch: m.arch, mode: many, gain: m.gainMultiAccel },
  ]);
  return plot({
    title: "Throughput gain over 1 thread on 1 core, across the CNNs",
    width: 720,
    fx: { label: "DPU size" },
    x: { axis: null, domain: [one, many] },
    y: { label: "gain (x)", grid: true },
    color: { legend: true, domain: [one, many] },
    marks: [Plot.boxY(data, { fx: "arch", x: "mode", y: "gain", fill: "mode" }), Plot.ruleY([1])],
  });
}

/**
 * Measured and simulated multithreading gains on the same axis: every Vitis AI row (the zoo's
 * multi-thread fps over its single-thread fps, one box per board) next to the simulated gain of the
 * zoo CNNs (most threads over one thread on one core) on one core of each size and on 2 and 3
 * cores of the largest size (2 x B4096 is the ZCU104's configuration).
 */
export function measuredVsSimulatedChart(a: CnnThroughputAnalysis): Chart {
  const measured = a.vitisRows.filter((r) => r.fps1Thread && r.fpsMultithread).map((r) => ({
    config: `${r.board}: ${r.dpuCores} x ${r.dpu.arch}`,
    source: "measured (Vitis AI)",
    gain: r.fpsMultithread! / r.fps1Thread!,
  }));
  const n = a.options.maxThreads, largest = a.options.sizes[a.options.sizes.length - 1];
  const base = new Map<string, number>();
  for (const r of a.sweepRows) {
    if (r.cores === 1 && r.threads === 1) base.set(`${r.model}|${r.arch}`, r.fps);
  }
  const shown = (r: SweepRow) => r.threads === n && (r.cores === 1 || r.arch === largest);
  const sim = a.sweepRows.filter(shown).map((r) => ({
    config: `sim: ${r.cores} x ${r.arch}`,
    source: "simulated (zoo CNNs)",
    gain: r.fps / base.get(`${r.model}|${r.arch}`)!,
  }));
  return plot({
    title: "Multithreading gain over one thread, measured and simulated",
    subtitle:
      `Measured: Vitis AI zoo, multi-thread / 1-thread fps; simulated: zoo CNNs, ${n} / 1 threads`,
    width: 760,
    height: 420,
    marginBottom: 70,
    x: { label: null, tickRotate: -20 },
    y: { label: "gain (x)", grid: true },
    color: { legend: true },
    marks: [
      Plot.boxY([...measured, ...sim], { x: "config", y: "gain", fill: "source" }),
      Plot.ruleY([1]),
    ],
  });
}

/** Gain vs threads for representative CNNs, one core, one panel per size. */
export function threadsChart(rows: SweepRow[], models: string[]): Chart {
  const data = rows.filter((r) => r.cores === 1 && models.includes(r.model));
  return plot({
    title: "Throughput gain versus threads (1 DPU core)",
    width: 760,
    fx: { label: null },
    x: { label: "threads", ticks: [1, 2, 4, 6, 8], tickFormat: "d" },
    y: { label: "gain over 1 thread (x)", grid: true },
    color: { legend: true, domain: models },
    marks: [
      Plot.line(data, { fx: "arch", x: "threads", y: "gain", stroke: "model", marker: "circle" }),
    ],
  });
}

/** Energy-per-inference gain (1 thread / most threads, one core) per size. */
export function energyGainChart(models: ModelRow[]): Chart {
  return plot({
    title: "Energy per inference gain from multithreading (1 DPU core)",
    width: 640,
    x: { label: "DPU size" },
    y: { label: "E(1 thread) / E(N threads)", grid: true },
    marks: [
      Plot.boxY(models, { x: "arch", y: "energyGainSingleAccel" }),
      Plot.dot(models, { x: "arch", y: "energyGainSingleAccel", r: 1.5, fill: "task", dx: 12 }),
      Plot.ruleY([1]),
    ],
    color: { legend: true },
  });
}

/** Gain vs the single-thread DPU share, with the bottleneck bound min(N, 1/f, C/(1-f)). */
export function gainVsDpuFractionChart(
  models: ModelRow[],
  threads: number,
  cpuCores: number,
): Chart {
  const bound = Array.from({ length: 99 }, (_, i) => {
    const f = (i + 1) / 100;
    return { f, bound: Math.min(threads, 1 / f, cpuCores / (1 - f)) };
  });
  return plot({
    title: "Multithreading gain (1 core) versus the DPU share of single-thread time",
    width: 720,
    x: { label: "DPU time / end-to-end time, 1 thread", domain: [0, 1] },
    y: { label: "gain (x)", type: "log", grid: true },
    color: { legend: true },
    marks: [
      Plot.line(bound, { x: "f", y: "bound", stroke: "gray", strokeDasharray: "4 3" }),
      Plot.dot(models, { x: "dpuFraction", y: "gainSingleAccel", fill: "arch", r: 2.5 }),
    ],
  });
}

/**
 * Design space: geometric-mean throughput vs mean power for each size x cores configuration, one
 * line through its thread counts (1 thread at the left end), and the Pareto front in black.
 */
export function paretoChart(rows: ParetoRow[]): Chart {
  const data = rows.map((r) => ({ ...r, config: `${r.arch} x${r.cores}` }));
  const front = data.filter((r) => r.pareto).sort((a, b) => a.meanPowerW - b.meanPowerW);
  return plot({
    title: "Design space: throughput vs power, threads 1..N (geometric mean over CNNs)",
    width: 760,
    height: 460,
    x: { label: "average power (W)", grid: true },
    y: { label: "throughput (fps, geometric mean)", type: "log", grid: true },
    color: { legend: true },
    marks: [
      Plot.line(data, { x: "meanPowerW", y: "geomeanFps", stroke: "config", strokeOpacity: 0.6 }),
      Plot.dot(data, { x: "meanPowerW", y: "geomeanFps", fill: "config", r: 2.5 }),
      Plot.line(front, {
        x: "meanPowerW",
        y: "geomeanFps",
        stroke: "black",
        strokeDasharray: "4 3",
      }),
    ],
  });
}

/** Predicted vs measured fps with y = x, coloured by `group`; MAPE per group in the subtitle. */
export function predictedChart(rows: CvRow[], group: "board" | "arch", title: string): Chart {
  const s = summarizeErrors(rows, (r) => r[group]);
  const subtitle = s.map((e) =>
    `${e.group}: MAPE ${e.mapePercent.toFixed(1)} %, median ${e.medianApePercent.toFixed(1)} %`
  ).join("; ");
  const lo = Math.min(...rows.map((r) => Math.min(r.measuredFps, r.predictedFps)));
  const hi = Math.max(...rows.map((r) => Math.max(r.measuredFps, r.predictedFps)));
  return plot({
    title,
    subtitle,
    width: 640,
    height: 560,
    x: { label: "measured fps", type: "log", grid: true },
    y: { label: "predicted fps", type: "log", grid: true },
    color: { legend: true },
    marks: [
      Plot.line([{ v: lo }, { v: hi }], { x: "v", y: "v", stroke: "gray" }),
      Plot.dot(rows, { x: "measuredFps", y: "predictedFps", stroke: group, r: 1.5 }),
    ],
  });
}
