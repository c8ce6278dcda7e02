/**
 * Study B charts of core choice and layer distribution (B-F5, B-F6, core types, memory modes).
 */
import type { DistributionPoint } from "../multicore/mod.ts";
import { type Chart, Plot, plot } from "../plot/mod.ts";
import type { CoreTypeRow } from "./heterogeneous-core-types.ts";
import { facetTitles, wrapFacets } from "./heterogeneous-figures.ts";
import type { Row } from "./results.ts";

/** B-F5: energy and EDP on each network's best core, relative to the best homogeneous core. */
export function savingsChart(rows: readonly Row[]): Chart {
  const data = rows.flatMap((r) => [
    { network: r.network, metric: "energy", ratio: r.energyRatioVsHomogeneous },
    { network: r.network, metric: "EDP", ratio: r.edpRatioVsHomogeneous },
  ]);
  const label = (d: Row) => `-${Math.round(100 * (1 - Number(d.ratio)))}%`;
  return plot({
    title: "Best core of the search space vs the best homogeneous core (1 = homogeneous)",
    width: 860,
    height: 520,
    marginLeft: 150,
    fx: { label: null, domain: ["energy", "EDP"] },
    x: { label: "metric on best core / on homogeneous core", domain: [0, 1.1], grid: true },
    y: { label: null },
    color: { domain: ["energy", "EDP"], legend: true },
    marks: [
      Plot.barX(data, { fx: "metric", y: "network", x: "ratio", fill: "metric" }),
      Plot.ruleX([1]),
      Plot.text(data, { fx: "metric", y: "network", x: "ratio", text: label, dx: 18, fontSize: 9 }),
    ],
  });
}

/** Mean normalised metric of a chip with k core types: exact, greedy, bound, whole grid. */
export function coreTypesChart(rows: readonly CoreTypeRow[]): Chart {
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
    width: 820,
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
  "best grid split (exhaustive p x q per layer)": "speedupBestGrid",
  "fold-aware split": "speedupAlgorithm",
  "pipeline DP": "speedupPipelineOptimal",
  "pipeline greedy": "speedupPipelineGreedy",
} as const;

/** B-F6: speed-up versus cores per network: ideal, best grid split, algorithm, pipelining. */
export function speedupChart(points: readonly DistributionPoint[]): Chart {
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
    width: 900,
    height: 480,
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
export function memoryChart(points: readonly DistributionPoint[]): Chart {
  const data = wrapFacets(points.map((p) => ({ ...p })), "network");
  const ideal = data.filter((r) => r.memory === points[0]?.memory);
  return plot({
    title: "Fold-aware split speed-up by memory mode (dashed: ideal N)",
    width: 900,
    height: 480,
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
