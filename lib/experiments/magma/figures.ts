/** Study C charts, drawn from the study's tables (the study saves them; the notebook shows them). */
import { type Chart, Plot, plot } from "../../plot/mod.ts";
import type { AnalysisRow, BudgetRow, BwRow, CurveRow, GanttRow, GridRow } from "./run.ts";

const TYPES = ["CONV", "DSCONV", "FC", "GEMM"];

/** Job-analysis scatter: no-stall latency against required bandwidth, per core style and task. */
export function jobAnalysisChart(rows: AnalysisRow[]): Chart {
  return plot({
    title: "Job analysis: latency vs required bandwidth on 2048-PE cores",
    width: 900,
    height: 480,
    marginLeft: 60,
    fx: { label: null },
    fy: { label: null },
    x: { type: "log", label: "required bandwidth (bytes/cycle)", tickFormat: "~g", ticks: 4 },
    y: { type: "log", label: "no-stall latency (cycles)", tickFormat: "~g", grid: true },
    color: { legend: true, label: "core" },
    marks: [
      Plot.dot(rows, {
        fx: "task",
        fy: "source",
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
export const VS_MAGMA_BINS: readonly {
  label: string;
  below: number;
  color: string;
}[] = [
  { label: "< 0.9", below: 0.9, color: "#d6604d" },
  { label: "0.9-0.99", below: 0.99, color: "#f4a582" },
  { label: "0.99-1", below: 1 - 1e-4, color: "#fddbc7" },
  { label: "tie (1 ± 1e-4)", below: 1 + 1e-4, color: "#d9d9d9" },
  { label: "1-1.01", below: 1.01, color: "#d1e5f0" },
  { label: "1.01-1.1", below: 1.1, color: "#92c5de" },
  { label: "1.1-2", below: 2, color: "#4393c3" },
  { label: ">= 2", below: Infinity, color: "#2166ac" },
];

/**
 * WCAG relative luminance of a "#rrggbb" colour (0 black .. 1 white), to pick the text colour
 * of a cell: white text when black would have the lower contrast.
 */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`relativeLuminance: expected #rrggbb, got "${hex}"`);
  const lin = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
}

/** The text colour (black or white) with the higher WCAG contrast on `hex`. */
export function inkFor(hex: string): "black" | "white" {
  const l = relativeLuminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "black" : "white";
}

/** The label of the colour bin of a makespan ratio `vsMagma` (see VS_MAGMA_BINS). */
export function vsMagmaBin(vsMagma: number): string {
  if (!(vsMagma >= 0)) {
    throw new RangeError(`vsMagmaBin: ratio must be a non-negative number, got ${vsMagma}`);
  }
  return (VS_MAGMA_BINS.find((b) => vsMagma < b.below) ?? VS_MAGMA_BINS[VS_MAGMA_BINS.length - 1])
    .label;
}

/**
 * Median makespan of every method normalised to MAGMA's (> 1: MAGMA better), per setting and
 * task, on the job groups of `source`.
 */
export function comparisonChart(rows: GridRow[], bw: number, source = "m3e"): Chart {
  const data = rows.filter((r) => r.bwBytesPerCycle === bw && r.source === source).map((r) => {
    const bin = vsMagmaBin(r.vsMagma);
    return {
      ...r,
      case: `${r.setting} ${r.task}`,
      label: r.vsMagma >= 100 ? r.vsMagma.toExponential(0) : r.vsMagma.toFixed(2),
      bin,
      ink: inkFor(VS_MAGMA_BINS.find((b) => b.label === bin)!.color),
    };
  });
  const cases = [...new Set(data.map((d) => d.case))];
  return plot({
    title: `Median makespan / MAGMA's, ${source} groups at ${bw} B/cycle (blue: MAGMA better, ` +
      "red: baseline better, grey: tie)",
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
      // Two marks with constant fills: a fill channel would go through the bins' colour scale.
      ...(["black", "white"] as const).map((ink) =>
        Plot.text(data.filter((d) => d.ink === ink), {
          x: "method",
          y: "case",
          text: "label",
          fontSize: 8,
          fill: ink,
        })
      ),
    ],
  });
}

/**
 * Best-so-far makespan against samples, normalised to the best final median of the search curves:
 * median line and min-max band over seeds; the best heuristic (one sample) as a dashed rule.
 * The y axis is cut at `maxRatio` so that the close finishers stay readable.
 */
export function curveChart(rows: CurveRow[], title: string, maxRatio = 1.5): Chart {
  const search = rows.filter((r) => r.family !== "heuristic");
  const last = new Map<string, CurveRow>();
  for (const r of search) last.set(r.series, r);
  const ref = Math.min(...[...last.values()].map((r) => r.medianCycles));
  // Points above the cut are dropped (and bands clamped) rather than clipped: Plot's clip paths do
  // not survive the SVG flattening.
  const norm = search.filter((r) => r.medianCycles / ref <= maxRatio).map((r) => ({
    ...r,
    mid: r.medianCycles / ref,
    lo: r.minCycles / ref,
    hi: Math.min(maxRatio, r.maxCycles / ref),
  }));
  const heuristics = rows.filter((r) => r.family === "heuristic");
  const best = heuristics.length
    ? heuristics.reduce((a, b) => (b.medianCycles < a.medianCycles ? b : a))
    : undefined;
  const rules = best
    ? [{ y: best.medianCycles / ref, label: `best heuristic (${best.series})` }]
    : [];
  return plot({
    title,
    width: 800,
    height: 420,
    marginLeft: 60,
    marginRight: 150,
    x: { label: "samples", grid: true },
    y: {
      label: `best makespan / best final median (cut at ${maxRatio})`,
      domain: [0.995, maxRatio],
      grid: true,
    },
    color: { legend: true, scheme: "tableau10" },
    marks: [
      Plot.areaY(norm, { x: "samples", y1: "lo", y2: "hi", fill: "series", fillOpacity: 0.12 }),
      Plot.lineY(norm, { x: "samples", y: "mid", stroke: "series" }),
      Plot.ruleY(rules, { y: "y", stroke: "black", strokeDasharray: "4 3" }),
      Plot.text(rules, { y: "y", text: "label", frameAnchor: "right", textAnchor: "start", dx: 4 }),
    ],
  });
}

/** Throughput against system bandwidth per setting and task, for a subset of methods. */
export function bwSweepChart(rows: GridRow[], methods: string[]): Chart {
  const data = rows.filter((r) => methods.includes(r.method));
  return plot({
    title: "Throughput (at the median makespan) vs system bandwidth",
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

/** Budget sweep: median best makespan / lower bound against samples, per case and method. */
export function budgetChart(rows: BudgetRow[]): Chart {
  const data = rows.map((r) => ({
    ...r,
    case: `${r.setting} ${r.task} ${r.bwBytesPerCycle} B/c`,
  }));
  return plot({
    title: "Budget sweep: median best makespan / lower bound (bars: bootstrap interval)",
    width: 740,
    height: 300,
    marginLeft: 60,
    fx: { label: null },
    x: { type: "log", label: "samples", tickFormat: "~s" },
    y: { label: "makespan / lower bound", grid: true },
    color: { legend: true, scheme: "tableau10" },
    marks: [
      Plot.ruleX(data, {
        fx: "case",
        x: "budget",
        y1: (d: BudgetRow) => d.ciLowCycles / (d.medianCycles / d.vsLowerBound),
        y2: (d: BudgetRow) => d.ciHighCycles / (d.medianCycles / d.vsLowerBound),
        stroke: "method",
      }),
      Plot.line(data, { fx: "case", x: "budget", y: "vsLowerBound", stroke: "method" }),
      Plot.dot(data, { fx: "case", x: "budget", y: "vsLowerBound", stroke: "method", r: 2 }),
    ],
  });
}
