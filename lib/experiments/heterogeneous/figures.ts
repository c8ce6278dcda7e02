/**
 * Study B charts, each drawn from one typed table of run.ts: the design-space sweep (B-F1 ...
 * B-F4), core choice (B-F5, core types) and layer distribution (B-F6, memory modes). The study
 * saves them and notebook 02 shows them.
 */
import { type Chart, Plot, plot } from "../../plot/mod.ts";
import type { Row } from "../table.ts";
import type { HeterogeneousTables } from "./run.ts";

type T = HeterogeneousTables;

const COLS = 4;
/** Widest figure in px: the classic notebook's output area is 778 px below a 1200 px window. */
export const WIDTH = 760;

/** PE counts as 64, 256, 1k, 4k, 16k (1k = 1024) so five ticks fit a 170 px facet. */
const kibiFormat = (v: number) => (v >= 1024 ? `${v / 1024}k` : String(v));

/** Rows with `col` / `row` facet positions so that one facet per `key` value wraps in a grid. */
export function wrapFacets(rows: readonly Row[], key: string, cols = COLS): Row[] {
  const order = [...new Set(rows.map((r) => String(r[key])))];
  return rows.map((r) => {
    const i = order.indexOf(String(r[key]));
    return { ...r, col: i % cols, row: Math.floor(i / cols) };
  });
}

/** One label per facet, at its top-left corner. */
export function facetTitles(rows: readonly Row[], key: string) {
  const seen = new Set<string>();
  const first = rows.filter((r) => !seen.has(String(r[key])) && seen.add(String(r[key])));
  return Plot.text(first, {
    fx: "col",
    fy: "row",
    text: key,
    frameAnchor: "top-left",
    dx: 4,
    dy: 4,
    fontWeight: "bold",
  });
}

/** [min, max] of a numeric field (a log axis then shows every point). */
function extent(rows: readonly Row[], f: string): [number, number] {
  const v = rows.map((r) => Number(r[f]));
  return [Math.min(...v), Math.max(...v)];
}

const gridFacets = { fx: { axis: null }, fy: { axis: null } } as const;

function long(rows: readonly Row[], fields: Record<string, string>): Row[] {
  return rows.flatMap((r) =>
    Object.entries(fields).map(([label, f]) => ({ ...r, series: label, value: r[f] }))
  );
}

/** B-F1: energy and latency versus PE count, per network (normalised to the reference core). */
export function arraySizeChart(rows: T["arraySize"]): Chart {
  const data = wrapFacets(long(rows, { energy: "energyNorm", latency: "latencyNorm" }), "network");
  const square = data.filter((r) => r.shape === "square");
  return plot({
    title: "Energy and latency vs array size (WS, 512 KiB, 16 B/cycle; 1 = 32x32)",
    subtitle: "lines: square arrays; triangles: tall (R > C); squares: wide (R < C)",
    width: WIDTH,
    height: 680,
    ...gridFacets,
    x: {
      type: "log",
      label: "PEs (1k = 1024)",
      ticks: [64, 256, 1024, 4096, 16384],
      tickFormat: kibiFormat,
    },
    y: { type: "log", label: "normalised to 32x32", grid: true, domain: extent(data, "value") },
    color: { legend: true, domain: ["energy", "latency"] },
    symbol: { domain: ["tall", "wide"], range: ["triangle", "square"] },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.ruleY([1], { stroke: "#999" }),
      Plot.line(square, { fx: "col", fy: "row", x: "pes", y: "value", stroke: "series" }),
      Plot.dot(data.filter((r) => r.shape !== "square"), {
        fx: "col",
        fy: "row",
        x: "pes",
        y: "value",
        stroke: "series",
        symbol: "shape",
        r: 3,
      }),
      facetTitles(data, "network"),
    ],
  });
}

/** B-F2: energy versus total buffer, with its DRAM and SRAM parts, per network. */
export function bufferSizeChart(rows: T["bufferSize"]): Chart {
  const fields = { total: "energyNorm", DRAM: "dramNorm", SRAM: "sramNorm" };
  const data = wrapFacets(long(rows, fields), "network");
  return plot({
    title: "Energy vs total buffer (32x32 WS, 16 B/cycle; 1 = total energy at 512 KiB)",
    width: WIDTH,
    height: 680,
    ...gridFacets,
    x: { type: "log", label: "buffer KiB", ticks: [64, 256, 1024], tickFormat: String },
    y: { label: "energy / energy at 512 KiB", grid: true },
    color: { legend: true, domain: Object.keys(fields) },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.line(data, {
        fx: "col",
        fy: "row",
        x: "bufferKiB",
        y: "value",
        z: "series",
        stroke: "series",
        marker: "dot",
      }),
      facetTitles(data, "network"),
    ],
  });
}

/** B-F3: energy and latency of each dataflow, per network (1 = WS). */
export function dataflowChart(rows: T["dataflow"]): Chart {
  const ws = new Map(rows.filter((r) => r.dataflow === "ws").map((r) => [r.network, r]));
  // WS is the baseline (the rule at 1): its bars would have zero height, so it gets no bar and
  // no legend swatch.
  const others = rows.filter((r) => r.dataflow !== "ws");
  const data = long(others, { energy: "energyNorm", latency: "latencyNorm" }).map((r) => {
    const base = ws.get(String(r.network))!;
    const f = r.series === "energy" ? "energyNorm" : "latencyNorm";
    return { ...r, value: Number(r.value) / Number(base[f]) };
  });
  const [lo, hi] = extent([...data, { value: 1 }], "value");
  return plot({
    title: "Dataflow comparison (32x32, 512 KiB, 16 B/cycle; 1 = WS)",
    width: WIDTH,
    height: 40 + 30 * ws.size + 80,
    marginLeft: 130,
    fx: { label: null, domain: ["energy", "latency"] },
    fy: { label: null, axis: "left" },
    y: { axis: null, domain: ["os", "is"] },
    x: {
      type: "log",
      label: "normalised to WS",
      grid: true,
      // Only ticks inside the data's range: Plot draws an explicit tick even off the scale.
      ticks: [0.5, 0.7, 1, 1.5, 2, 3, 4].filter((t) => t >= lo && t <= hi),
      tickFormat: String,
    },
    color: { legend: true, domain: ["os", "is"] },
    marks: [
      Plot.barX(data, {
        fx: "series",
        fy: "network",
        y: "dataflow",
        x1: 1,
        x2: "value",
        fill: "dataflow",
      }),
      Plot.ruleX([1]),
    ],
  });
}

/** Latency versus DRAM bandwidth, per network (1 = 16 B/cycle). */
export function bandwidthChart(rows: T["bandwidth"]): Chart {
  const data = wrapFacets(long(rows, { energy: "energyNorm", latency: "latencyNorm" }), "network");
  return plot({
    title: "Energy and latency vs DRAM bandwidth (32x32 WS, 512 KiB; 1 = 16 B/cycle)",
    width: WIDTH,
    height: 680,
    ...gridFacets,
    x: { type: "log", label: "bytes / cycle", ticks: [8, 16, 32, 64], tickFormat: String },
    y: { label: "normalised to 16 B/cycle", grid: true },
    color: { legend: true, domain: ["energy", "latency"] },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.line(data, {
        fx: "col",
        fy: "row",
        x: "bandwidthBytesPerCycle",
        y: "value",
        z: "series",
        stroke: "series",
        marker: "dot",
      }),
      facetTitles(data, "network"),
    ],
  });
}

const COMPONENTS = ["mac", "rf", "array", "sram", "dram", "idle", "leakage"];

/** B-F4: energy by component on the reference core, per network. */
export function breakdownChart(rows: T["breakdown"]): Chart {
  return plot({
    title: "Energy breakdown on the reference core (32x32 WS, 512 KiB, 16 B/cycle)",
    width: WIDTH,
    height: 480,
    marginLeft: 130,
    x: { label: "fraction of energy", domain: [0, 1], percent: false },
    y: { label: null },
    color: { legend: true, domain: COMPONENTS },
    marks: [
      Plot.barX(rows, { y: "network", x: "fraction", fill: "component", order: COMPONENTS }),
    ],
  });
}

/** B-F5: energy and EDP on each network's best core, relative to the best homogeneous core. */
export function savingsChart(rows: T["bestCore"]): Chart {
  const data = rows.flatMap((r) => [
    { network: r.network, metric: "energy", ratio: r.energyRatioVsHomogeneous },
    { network: r.network, metric: "EDP", ratio: r.edpRatioVsHomogeneous },
  ]);
  // A saving that rounds to zero prints "0%", not "-0%".
  const label = (d: Row) => {
    const pct = Math.round(100 * (1 - Number(d.ratio)));
    return pct === 0 ? "0%" : `-${pct}%`;
  };
  return plot({
    title: "Each network's best core of the search space vs the best homogeneous core",
    width: WIDTH,
    height: 520,
    marginLeft: 130,
    fx: { label: null, domain: ["energy", "EDP"] },
    x: { label: "metric on best core / on homogeneous core", domain: [0, 1.15], grid: true },
    y: { label: null },
    color: { domain: ["energy", "EDP"], legend: true },
    marks: [
      Plot.barX(data, { fx: "metric", y: "network", x: "ratio", fill: "metric" }),
      Plot.ruleX([1]),
      // One column of labels right of the rule: at the bar's end, a label near 1 sat on the rule.
      Plot.text(data, {
        fx: "metric",
        y: "network",
        x: 1,
        text: label,
        textAnchor: "start",
        dx: 4,
        fontSize: 9,
      }),
    ],
  });
}

/** Mean normalised metric of a chip with k core types: exact, greedy, bound, whole grid. */
export function coreTypesChart(rows: T["coreTypes"]): Chart {
  const fields = {
    "space exact": "spaceExactMean",
    "space greedy": "spaceGreedyMean",
    "space greedy bound": "spaceGreedyBoundMean",
    "grid greedy": "gridGreedyMean",
    "grid greedy bound": "gridGreedyBoundMean",
    "grid exact": "gridExactMean",
  } as const;
  const data = rows.flatMap((r) =>
    Object.entries(fields).map(([series, f]) => ({ metric: r.metric, k: r.k, series, value: r[f] }))
  ).filter((d) => d.value !== null);
  return plot({
    title: "Heterogeneous chips: mean overhead over each network's own best core",
    subtitle: "space: the 16 core types (exact and greedy coincide); grid: all 648 configurations",
    width: WIDTH,
    height: 380,
    fx: { label: null, domain: ["energy", "edp"] },
    x: { label: "core types k", ticks: [...new Set(rows.map((r) => r.k))], tickFormat: "d" },
    y: { label: "mean of metric / network's best", grid: true },
    color: { legend: true, domain: Object.keys(fields) },
    marks: [
      Plot.ruleY([1]),
      Plot.line(data, { fx: "metric", x: "k", y: "value", stroke: "series", marker: "dot" }),
    ],
  });
}

const SERIES = {
  ideal: "cores",
  "best grid split (best p x q per layer)": "speedupBestGrid",
  "fold-aware split": "speedupAlgorithm",
  "pipeline DP": "speedupPipelineOptimal",
  "pipeline greedy": "speedupPipelineGreedy",
} as const;

/** B-F6: speed-up versus cores per network: ideal, best grid split, algorithm, pipelining. */
export function speedupChart(points: T["distribution"]): Chart {
  const data = wrapFacets(
    points.flatMap((p) =>
      Object.entries(SERIES).map(([series, f]) => ({
        network: p.network,
        cores: p.cores,
        series,
        speedup: p[f],
      }))
    ),
    "network",
  );
  return plot({
    title: `Speed-up vs identical cores (${points[0]?.memory ?? ""})`,
    width: WIDTH,
    height: 440,
    fx: { axis: null },
    fy: { axis: null },
    x: { label: "cores N", ticks: [1, 4, 8, 12, 16] },
    y: { label: "speed-up vs 1 core", grid: true },
    color: { legend: true, domain: Object.keys(SERIES) },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.line(data.filter((r) => r.series === "ideal"), {
        fx: "col",
        fy: "row",
        x: "cores",
        y: "speedup",
        stroke: "series",
        strokeDasharray: "4,3",
      }),
      Plot.line(data.filter((r) => r.series !== "ideal"), {
        fx: "col",
        fy: "row",
        x: "cores",
        y: "speedup",
        stroke: "series",
      }),
      facetTitles(data, "network"),
    ],
  });
}

/** Fold-aware split speed-up under each memory mode, per network. */
export function memoryChart(points: T["distribution"]): Chart {
  const data = wrapFacets(points.map((p) => ({ ...p })), "network");
  const ideal = data.filter((r) => r.memory === points[0]?.memory);
  return plot({
    title: "Fold-aware split speed-up by memory mode (dashed: ideal N)",
    width: WIDTH,
    height: 440,
    fx: { axis: null },
    fy: { axis: null },
    x: { label: "cores N", ticks: [1, 4, 8, 12, 16] },
    y: { type: "log", label: "speed-up vs 1 core", grid: true },
    color: { legend: true, domain: ["compute-bound", "shared-dram", "private-dram"] },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.line(ideal, {
        fx: "col",
        fy: "row",
        x: "cores",
        y: "cores",
        stroke: "#999",
        strokeDasharray: "4,3",
      }),
      Plot.line(data, {
        fx: "col",
        fy: "row",
        x: "cores",
        y: "speedupAlgorithm",
        stroke: "memory",
      }),
      facetTitles(data, "network"),
    ],
  });
}

/**
 * Display views of the wide tables, each narrow enough for a 760 px notebook output area:
 * columns renamed short, one fact per table, core sets one core per row. The study's tables
 * (and data/results/heterogeneous.json) keep every column.
 */

/** Each network's best core of the search space and of the whole grid: one row per metric. */
export function bestCoreView(rows: T["bestCore"]) {
  return rows.flatMap((r) => [
    { network: r.network, metric: "energy", space: r.bestEnergyCore, grid: r.gridBestEnergyCore },
    { network: r.network, metric: "EDP", space: r.bestEdpCore, grid: r.gridBestEdpCore },
  ]);
}

/** The best homogeneous core of the space per metric, and the largest and mean saving against it. */
export function baselineView(rows: T["baselines"]) {
  return rows.map((r) => ({
    metric: r.metric,
    "homogeneous core": r.homogeneousCore,
    "max saving": r.maxSavingVsHomogeneous,
    "max at": r.maxSavingNetwork,
    "mean saving": r.meanSavingVsHomogeneous,
  }));
}

/** Each network's saving on its best core of the space, vs the homogeneous and reference cores. */
export function savingView(rows: T["bestCore"]) {
  return rows.map((r) => ({
    network: r.network,
    energy: r.energySavingVsHomogeneous,
    EDP: r.edpSavingVsHomogeneous,
    latency: r.latencySavingVsHomogeneous,
    "energy vs ref": r.energySavingVsReference,
    "EDP vs ref": r.edpSavingVsReference,
  }));
}

/** Mean normalised metric of the k-type chips (1 = every network on its own optimum). */
export function coreTypeMeansView(rows: T["coreTypes"]) {
  return rows.map((r) => ({
    metric: r.metric,
    k: r.k,
    exact: r.spaceExactMean,
    greedy: r.spaceGreedyMean,
    bound: r.spaceGreedyBoundMean,
    "grid greedy": r.gridGreedyMean,
    "grid exact": r.gridExactMean,
    "max saving": r.spaceExactMaxSaving,
    "mean saving": r.spaceExactMeanSaving,
  }));
}

/** The cores of each k-type chip, one core per row (exact and greedy over the space, greedy over the grid). */
export function coreTypeChipsView(rows: T["coreTypes"]) {
  return rows.flatMap((r) => {
    const exact = r.spaceExactCores.split(" + ");
    const greedy = r.spaceGreedyCores.split(" + ");
    const grid = r.gridGreedyCores.split(" + ");
    return exact.map((core, i) => ({
      metric: r.metric,
      k: r.k,
      type: i + 1,
      "space exact": core,
      "space greedy": greedy[i],
      "grid greedy": grid[i],
    }));
  });
}
