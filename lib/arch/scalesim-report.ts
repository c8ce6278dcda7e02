/**
 * SCALE-Sim-compatible report rows: the columns of its COMPUTE_REPORT.csv and the SRAM counts of
 * its DETAILED_ACCESS_REPORT.csv, with the numbers it would print. The rows are what SCALE-Sim v2
 * makes of a topology CSV (`scaleSimGemms`, lib/workload/topology.ts): the user's file as given, or
 * `writeTopology(net)` for a zoo network (so `deno task zoo --export-topology` + SCALE-Sim
 * reproduces them). Percentages are accumulated fold by fold in SCALE-Sim's order (column folds
 * outer, row folds inner) so the floating-point sums match to the last digit, and printed the way
 * Python's str() prints a float. Stall Cycles is 0, as in its CALC bandwidth mode.
 * Overall Util % is MACs / (Total Cycles x PEs), and Total Cycles is SCALE-Sim's index of the last
 * cycle, one less than the cycles run. On a 1x1 os array a fold has no fill or drain cycles
 * (R + C + T - 2 = T), so SCALE-Sim's own figure exceeds 100 % there (we print it as it would);
 * for a 1x1x1 GEMM Total Cycles is 0 and SCALE-Sim divides by zero: we divide by at least one
 * cycle and print 100.0.
 */
import type { Accelerator } from "./accelerator.ts";
import { checkPositiveInt } from "./check.ts";
import { scaleSimGemms } from "../workload/topology.ts";
import { foldCycles, spatialDims, utilWindowCycles } from "./systolic.ts";

/** One SCALE-Sim report row (COMPUTE_REPORT columns + DETAILED_ACCESS_REPORT SRAM counts). */
export interface ScaleSimRow {
  layerId: number;
  /** Layer name as SCALE-Sim reads it (DP layers get "Channel_i" appended). */
  layerName: string;
  /** 0-based data row of the topology file this row comes from (not a SCALE-Sim column). */
  sourceRow: number;
  totalCycles: number;
  stallCycles: number;
  overallUtilPct: number;
  mappingEfficiencyPct: number;
  computeUtilPct: number;
  ifmapSramReads: number;
  filterSramReads: number;
  ofmapSramWrites: number;
}

type RowNumbers = Omit<ScaleSimRow, "layerId" | "layerName" | "sourceRow">;

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

/** SCALE-Sim's numbers for one M x K x N GEMM on `acc` (positive integers, else ValidationError). */
export function scaleSimGemmRow(m: number, k: number, n: number, acc: Accelerator): RowNumbers {
  checkPositiveInt("SCALE-Sim GEMM", "m", m);
  checkPositiveInt("SCALE-Sim GEMM", "k", k);
  checkPositiveInt("SCALE-Sim GEMM", "n", n);
  const { sr, sc, t } = spatialDims({ m, k, n, groups: 1 }, acc.dataflow);
  const R = acc.rows, C = acc.cols, df = acc.dataflow;
  const rowFolds = Math.ceil(sr / R), colFolds = Math.ceil(sc / C);
  const folds = rowFolds * colFolds;
  const totalCycles = folds * foldCycles(df, R, C, t) - 1;
  const [mappingEfficiencyPct, computeUtilPct] = foldMeans(sr, sc, t, acc);
  return {
    totalCycles,
    stallCycles: 0,
    overallUtilPct: (m * k * n * 100) / (Math.max(1, totalCycles) * R * C),
    mappingEfficiencyPct,
    computeUtilPct,
    ifmapSramReads: m * k * (df === "is" ? 1 : colFolds),
    filterSramReads: k * n * (df === "ws" ? 1 : df === "os" ? rowFolds : colFolds),
    ofmapSramWrites: df === "os" ? m * n + folds * (R + C) : m * n * rowFolds,
  };
}

/** SCALE-Sim report rows for a topology CSV's text on `acc`. */
export function scaleSimRows(topologyText: string, acc: Accelerator): ScaleSimRow[] {
  const memo = new Map<string, RowNumbers>();
  return scaleSimGemms(topologyText).map((g, layerId) => {
    const key = `${g.m},${g.k},${g.n}`;
    let nums = memo.get(key);
    if (!nums) memo.set(key, nums = scaleSimGemmRow(g.m, g.k, g.n, acc));
    return { layerId, layerName: g.name, sourceRow: g.sourceRow, ...nums };
  });
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
