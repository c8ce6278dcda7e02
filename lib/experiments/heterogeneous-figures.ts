/**
 * Study B charts of the design-space sweep (B-F1 ... B-F4), drawn from the rows of
 * heterogeneous-tables.ts; the study saves them and notebook 02 shows them.
 */
import { type Chart, Plot, plot } from "../plot/mod.ts";
import type { Row } from "./results.ts";

const COLS = 4;

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
export function arraySizeChart(rows: readonly Row[]): Chart {
  const data = wrapFacets(long(rows, { energy: "energyNorm", latency: "latencyNorm" }), "network");
  const square = data.filter((r) => r.shape === "square");
  return plot({
    title: "Energy and latency vs array size (WS, 512 KiB, 16 B/cycle; 1 = 32x32)",
    subtitle: "lines: square arrays; triangles: tall (R > C); squares: wide (R < C)",
    width: 900,
    height: 760,
    ...gridFacets,
    x: { type: "log", label: "PEs", ticks: [64, 256, 1024, 4096, 16384], tickFormat: String },
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
export function bufferSizeChart(rows: readonly Row[]): Chart {
  const fields = { total: "energyNorm", DRAM: "dramNorm", SRAM: "sramNorm" };
  const data = wrapFacets(long(rows, fields), "network");
  return plot({
    title: "Energy vs total buffer (32x32 WS, 16 B/cycle; 1 = total energy at 512 KiB)",
    width: 900,
    height: 760,
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
export function dataflowChart(rows: readonly Row[]): Chart {
  const ws = new Map(rows.filter((r) => r.dataflow === "ws").map((r) => [r.network, r]));
  const data = long(rows, { energy: "energyNorm", latency: "latencyNorm" }).map((r) => {
    const base = ws.get(r.network)!;
    const f = r.series === "energy" ? "energyNorm" : "latencyNorm";
    return { ...r, value: Number(r.value) / Number(base[f]) };
  });
  return plot({
    title: "Dataflow comparison (32x32, 512 KiB, 16 B/cycle; 1 = WS)",
    width: 1000,
    height: 460,
    marginBottom: 90,
    fx: { label: null, tickRotate: -40 },
    fy: { label: null },
    x: { axis: null, domain: ["ws", "os", "is"] },
    y: { type: "log", label: "normalised to WS", grid: true },
    color: { legend: true, domain: ["ws", "os", "is"] },
    marks: [
      Plot.barY(data, {
        fx: "network",
        fy: "series",
        x: "dataflow",
        y1: 1,
        y2: "value",
        fill: "dataflow",
      }),
      Plot.ruleY([1]),
    ],
  });
}

/** Latency versus DRAM bandwidth, per network (1 = 16 B/cycle). */
export function bandwidthChart(rows: readonly Row[]): Chart {
  const data = wrapFacets(long(rows, { energy: "energyNorm", latency: "latencyNorm" }), "network");
  return plot({
    title: "Energy and latency vs DRAM bandwidth (32x32 WS, 512 KiB; 1 = 16 B/cycle)",
    width: 900,
    height: 760,
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
export function breakdownChart(rows: readonly Row[]): Chart {
  return plot({
    title: "Energy breakdown on the reference core (32x32 WS, 512 KiB, 16 B/cycle)",
    width: 820,
    height: 480,
    marginLeft: 150,
    x: { label: "fraction of energy", domain: [0, 1], percent: false },
    y: { label: null },
    color: { legend: true, domain: COMPONENTS },
    marks: [
      Plot.barX(rows, { y: "network", x: "fraction", fill: "component", order: COMPONENTS }),
    ],
  });
}
