/**
 * SCALE-Sim-compatible report rows: the columns of its COMPUTE_REPORT.csv and the SRAM counts of
 * its DETAILED_ACCESS_REPORT.csv, with the numbers it would print. Percentages are accumulated fold
 * by fold in SCALE-Sim's order (column folds outer, row folds inner) so the floating-point sums
 * match to the last digit, and printed the way Python's str() prints a float.
 * Like SCALE-Sim, a grouped layer becomes one row per group (SCALE-Sim expands depthwise layers
 * per channel); layers without MACs have no row. Stall Cycles is 0, as in its CALC bandwidth mode.
 */
import { gemmView } from "../workload/gemm.ts";
import type { Layer } from "../workload/layer.ts";
import type { Accelerator } from "./accelerator.ts";
import { foldCycles, spatialDims, utilWindowCycles } from "./systolic.ts";

/** One SCALE-Sim report row (COMPUTE_REPORT columns + DETAILED_ACCESS_REPORT SRAM counts). */
export interface ScaleSimRow {
  layerId: number;
  /** Our layer name (and group index for grouped layers); not a SCALE-Sim column. */
  layerName: string;
  totalCycles: number;
  stallCycles: number;
  overallUtilPct: number;
  mappingEfficiencyPct: number;
  computeUtilPct: number;
  ifmapSramReads: number;
  filterSramReads: number;
  ofmapSramWrites: number;
}

type RowNumbers = Omit<ScaleSimRow, "layerId" | "layerName">;

function foldMeans(sr: number, sc: number, t: number, acc: Accelerator): [number, number] {
  const R = acc.rows, C = acc.cols, win = utilWindowCycles(acc.dataflow, R, C, t);
  const rowFolds = Math.ceil(sr / R), colFolds = Math.ceil(sc / C);
  let mapSum = 0, utilSum = 0;
  for (let fc = 0; fc < colFolds; fc++) {
    const cols = Math.min(C, sc - fc * C);
    for (let fr = 0; fr < rowFolds; fr++) {
      const used = Math.min(R, sr - fr * R) * cols;
      mapSum += used / (R * C);
      utilSum += (used * t) / (R * C * win);
    }
  }
  const folds = rowFolds * colFolds;
  return [(mapSum / folds) * 100, (utilSum / folds) * 100];
}

/** SCALE-Sim's numbers for one M x K x N GEMM (one group) on `acc`. */
export function scaleSimGemmRow(m: number, k: number, n: number, acc: Accelerator): RowNumbers {
  const { sr, sc, t } = spatialDims({ m, k, n, groups: 1 }, acc.dataflow);
  const R = acc.rows, C = acc.cols, df = acc.dataflow;
  const rowFolds = Math.ceil(sr / R), colFolds = Math.ceil(sc / C);
  const folds = rowFolds * colFolds;
  const totalCycles = folds * foldCycles(df, R, C, t) - 1;
  const [mappingEfficiencyPct, computeUtilPct] = foldMeans(sr, sc, t, acc);
  return {
    totalCycles,
    stallCycles: 0,
    overallUtilPct: (m * k * n * 100) / (totalCycles * R * C),
    mappingEfficiencyPct,
    computeUtilPct,
    ifmapSramReads: m * k * (df === "is" ? 1 : colFolds),
    filterSramReads: k * n * (df === "ws" ? 1 : df === "os" ? rowFolds : colFolds),
    ofmapSramWrites: df === "os" ? m * n + folds * (R + C) : m * n * rowFolds,
  };
}

/** SCALE-Sim report rows of `layers` on `acc` (grouped layers expand to one row per group). */
export function scaleSimRows(layers: readonly Layer[], acc: Accelerator): ScaleSimRow[] {
  const rows: ScaleSimRow[] = [];
  for (const layer of layers) {
    const g = gemmView(layer);
    if (!g) continue;
    const nums = scaleSimGemmRow(g.m, g.k, g.n, acc);
    for (let i = 0; i < g.groups; i++) {
      const layerName = g.groups > 1 ? `${layer.name}[group ${i}]` : layer.name;
      rows.push({ layerId: rows.length, layerName, ...nums });
    }
  }
  return rows;
}

/** Format a number as Python's str() would (ints bare; floats with ".0", "1e-05" exponents). */
export function pythonFloatString(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const ax = Math.abs(x);
  if (ax !== 0 && (ax < 1e-4 || ax >= 1e16)) {
    const [mant, exp] = x.toExponential().split("e");
    const sign = exp.startsWith("-") ? "-" : "+";
    const digits = exp.replace(/^[+-]/, "").padStart(2, "0");
    return `${mant}e${sign}${digits}`;
  }
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** SCALE-Sim's column names, in its order (COMPUTE_REPORT, then DETAILED_ACCESS_REPORT SRAM counts). */
export const scaleSimColumns = [
  "LayerID",
  "Total Cycles",
  "Stall Cycles",
  "Overall Util %",
  "Mapping Efficiency %",
  "Compute Util %",
  "SRAM IFMAP Reads",
  "SRAM Filter Reads",
  "SRAM OFMAP Writes",
] as const;

/** The SCALE-Sim cells of a row, formatted as SCALE-Sim prints them. */
export function scaleSimCells(r: ScaleSimRow): string[] {
  return [
    String(r.layerId),
    String(r.totalCycles),
    String(r.stallCycles),
    pythonFloatString(r.overallUtilPct),
    pythonFloatString(r.mappingEfficiencyPct),
    pythonFloatString(r.computeUtilPct),
    String(r.ifmapSramReads),
    String(r.filterSramReads),
    String(r.ofmapSramWrites),
  ];
}
