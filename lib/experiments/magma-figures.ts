/** Study C charts, drawn from the study's tables (the study saves them; the notebook shows them). */
import { type Chart, Plot, plot } from "../plot/mod.ts";
import type { AnalysisRow, BwRow, GanttRow } from "./magma-analysis.ts";
import type { CurveRow } from "./magma-convergence.ts";
import type { GridRow } from "./magma-grid.ts";

const TYPES = ["CONV", "DSCONV", "FC", "GEMM"];

/** Job-analysis scatter: no-stall latency against required bandwidth, per core style and task. */
export function jobAnalysisChart(rows: AnalysisRow[]): Chart {
  return plot({
    title: "Job analysis: latency vs required bandwidth on 2048-PE cores",
    width: 900,
    height: 320,
    marginLeft: 60,
    fx: { label: null },
    x: { type: "log", label: "required bandwidth (bytes/cycle)", tickFormat: "~g", ticks: 4 },
    y: { type: "log", label: "no-stall latency (cycles)", tickFormat: "~g", grid: true },
    color: { legend: true, label: "core" },
    marks: [
      Plot.dot(rows, {
        fx: "task",
        x: "bwBytesPerCycle",
        y: "latencyCycles",
        stroke: "core",
        r: 2,
        strokeOpacity: 0.6,
      }),
    ],
  });
}

/** Method order of the tables: MAGMA, then the grid's order. */
function methodOrder(rows: GridRow[]): string[] {
  return [...new Set(rows.map((r) => r.method))];
}

/**
 * Colour bins of makespan / MAGMA makespan: red below 1 (the baseline better), a neutral grey for
 * ties within 1e-4 (MAGMA's own column is exactly 1), blue above (MAGMA better).
 */
export const VS_MAGMA_BINS: readonly { label: string; below: number; color: string }[] = [
  { label: "< 0.9", below: 0.9, color: "#d6604d" },
  { label: "0.9-0.99", below: 0.99, color: "#f4a582" },
  { label: "0.99-1", below: 1 - 1e-4, color: "#fddbc7" },
  { label: "tie (1 ± 1e-4)", below: 1 + 1e-4, color: "#d9d9d9" },
  { label: "1-1.01", below: 1.01, color: "#d1e5f0" },
  { label: "1.01-1.1", below: 1.1, color: "#92c5de" },
  { label: "1.1-2", below: 2, color: "#4393c3" },
  { label: ">= 2", below: Infinity, color: "#2166ac" },
];

/** The label of the colour bin of a makespan ratio `vsMagma` (see VS_MAGMA_BINS). */
export function vsMagmaBin(vsMagma: number): string {
  if (!(vsMagma >= 0)) {
    throw new RangeError(`vsMagmaBin: ratio must be a non-negative number, got ${vsMagma}`);
  }
  return (VS_MAGMA_BINS.find((b) => vsMagma < b.below) ?? VS_MAGMA_BINS[VS_MAGMA_BINS.length - 1])
    .label;
}

/** Makespan of every method normalised to MAGMA (> 1: MAGMA better), per setting and task. */
export function comparisonChart(rows: GridRow[], bw: number): Chart {
  const data = rows.filter((r) => r.bwBytesPerCycle === bw).map((r) => ({
    ...r,
    case: `${r.setting} ${r.task}`,
    label: r.vsMagma >= 100 ? r.vsMagma.toExponential(0) : r.vsMagma.toFixed(2),
    bin: vsMagmaBin(r.vsMagma),
  }));
  const cases = [...new Set(data.map((d) => d.case))];
  return plot({
    title:
      `Makespan / MAGMA's at ${bw} B/cycle (blue: MAGMA better, red: baseline better, grey: tie)`,
    width: 1000,
    height: 40 + 22 * cases.length,
    marginLeft: 130,
    marginBottom: 70,
    x: { domain: methodOrder(rows), label: null, tickRotate: -35 },
    y: { domain: cases, label: null },
    // Ordinal bins with a neutral tie colour: their swatch legend has one readable label per bin.
    color: {
      type: "ordinal",
      domain: VS_MAGMA_BINS.map((b) => b.label),
      range: VS_MAGMA_BINS.map((b) => b.color),
      legend: true,
    },
    marks: [
      Plot.cell(data, { x: "method", y: "case", fill: "bin", inset: 0.5 }),
      Plot.text(data, { x: "method", y: "case", text: "label", fontSize: 8 }),
    ],
  });
}

/**
 * Best-so-far makespan against samples, normalised to the best final mean of the search curves:
 * mean line and min-max band over seeds; the best heuristic (one sample) as a dashed rule.
 * The y axis is cut at `maxRatio` so that the close finishers stay readable.
 */
export function curveChart(rows: CurveRow[], title: string, maxRatio = 1.5): Chart {
  const search = rows.filter((r) => r.family !== "heuristic");
  const last = new Map<string, CurveRow>();
  for (const r of search) last.set(r.series, r);
  const ref = Math.min(...[...last.values()].map((r) => r.meanCycles));
  // Points above the cut are dropped (and bands clamped) rather than clipped: Plot's clip paths do
  // not survive the SVG flattening.
  const norm = search.filter((r) => r.meanCycles / ref <= maxRatio).map((r) => ({
    ...r,
    mean: r.meanCycles / ref,
    lo: r.minCycles / ref,
    hi: Math.min(maxRatio, r.maxCycles / ref),
  }));
  const heuristics = rows.filter((r) => r.family === "heuristic");
  const best = heuristics.length
    ? heuristics.reduce((a, b) => (b.meanCycles < a.meanCycles ? b : a))
    : undefined;
  const rules = best
    ? [{ y: best.meanCycles / ref, label: `best heuristic (${best.series})` }]
    : [];
  return plot({
    title,
    width: 800,
    height: 420,
    marginLeft: 60,
    marginRight: 150,
    x: { label: "samples", grid: true },
    y: {
      label: `best makespan / best final mean (cut at ${maxRatio})`,
      domain: [0.995, maxRatio],
      grid: true,
    },
    color: { legend: true, scheme: "tableau10" },
    marks: [
      Plot.areaY(norm, { x: "samples", y1: "lo", y2: "hi", fill: "series", fillOpacity: 0.12 }),
      Plot.lineY(norm, { x: "samples", y: "mean", stroke: "series" }),
      Plot.ruleY(rules, { y: "y", stroke: "black", strokeDasharray: "4 3" }),
      Plot.text(rules, { y: "y", text: "label", frameAnchor: "right", textAnchor: "start", dx: 4 }),
    ],
  });
}

/** Throughput against system bandwidth per setting and task, for a subset of methods. */
export function bwSweepChart(rows: GridRow[], methods: string[]): Chart {
  const data = rows.filter((r) => methods.includes(r.method));
  return plot({
    title: "Throughput vs system bandwidth",
    width: 1000,
    height: 620,
    marginLeft: 60,
    marginRight: 100,
    fx: { label: null },
    fy: { label: null },
    x: { type: "log", label: "system bandwidth (bytes/cycle = GB/s at 1 GHz)", tickFormat: "~g" },
    y: { type: "log", label: "jobs per Mcycle", tickFormat: "~s", grid: true },
    color: { legend: true, domain: methods, scheme: "tableau10" },
    marks: [
      Plot.line(data, {
        fx: "setting",
        fy: "task",
        x: "bwBytesPerCycle",
        y: "throughputJobsPerMCycle",
        stroke: "method",
      }),
      Plot.dot(data, {
        fx: "setting",
        fy: "task",
        x: "bwBytesPerCycle",
        y: "throughputJobsPerMCycle",
        stroke: "method",
        r: 2,
      }),
    ],
  });
}

/** Per-core Gantt chart of each method's schedule on the mapping case. */
export function ganttChart(rows: GanttRow[]): Chart {
  return plot({
    title: "Schedules: per-core Gantt (colour = job type)",
    marginRight: 80,
    width: 900,
    height: 320,
    marginLeft: 80,
    fy: { label: null },
    x: { label: "time (cycles)", tickFormat: "~s", grid: true },
    y: { label: null },
    color: { legend: true, domain: TYPES },
    marks: [
      Plot.barX(rows, {
        fy: "method",
        y: "core",
        x1: "startCycles",
        x2: "endCycles",
        fill: "type",
        stroke: "white",
        strokeWidth: 0.5,
      }),
    ],
  });
}

/** Bandwidth allocated to each core over time (stacked), per method. */
export function bwTimelineChart(rows: BwRow[], systemBw: number): Chart {
  // Intervals share their boundaries across cores: one step per interval start, closed by a zero
  // at each method's last end time.
  const data: (BwRow & { t: number })[] = rows.map((r) => ({ ...r, t: r.startCycles }));
  for (const m of new Set(rows.map((r) => r.method))) {
    const mine = rows.filter((r) => r.method === m);
    const end = Math.max(...mine.map((r) => r.endCycles));
    for (const core of new Set(mine.map((r) => r.core))) {
      data.push({
        method: m,
        core,
        startCycles: end,
        endCycles: end,
        allocBytesPerCycle: 0,
        t: end,
      });
    }
  }
  return plot({
    title: `Allocated bandwidth over time (system bandwidth ${systemBw} bytes/cycle)`,
    marginRight: 80,
    width: 900,
    height: 320,
    marginLeft: 60,
    fy: { label: null },
    x: { label: "time (cycles)", tickFormat: "~s", grid: true },
    y: { label: "bytes/cycle", grid: true },
    color: { legend: true },
    marks: [
      Plot.areaY(data, {
        fy: "method",
        x: "t",
        y: "allocBytesPerCycle",
        fill: "core",
        curve: "step-after",
        z: "core",
      }),
      Plot.ruleY([systemBw], { stroke: "black", strokeDasharray: "4 3" }),
    ],
  });
}
