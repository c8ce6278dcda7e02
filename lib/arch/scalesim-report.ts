/**
 * SCALE-Sim-compatible report rows: the columns of its COMPUTE_REPORT.csv and the SRAM counts of
 * its DETAILED_ACCESS_REPORT.csv, with the numbers it would print. The rows are what SCALE-Sim v2
 * makes of a topology CSV: the user's file as given, or `writeTopology(net)` for a zoo network
 * (so `deno task zoo --export-topology` + SCALE-Sim reproduces them). Like SCALE-Sim, a row whose
 * name contains "DP" becomes one single-channel layer per channel, and text after the last comma
 * is ignored. Percentages are accumulated fold by fold in SCALE-Sim's order (column folds outer,
 * row folds inner) so the floating-point sums match to the last digit, and printed the way
 * Python's str() prints a float. Stall Cycles is 0, as in its CALC bandwidth mode.
 */
import type { Accelerator } from "./accelerator.ts";
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

/** SCALE-Sim's numbers for one M x K x N GEMM on `acc`. */
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

/** A GEMM as SCALE-Sim derives it from one topology row. */
export interface ScaleSimGemm {
  name: string;
  sourceRow: number;
  m: number;
  k: number;
  n: number;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/** The GEMMs SCALE-Sim v2 runs for a topology CSV (conv or GEMM layout, header row first). */
export function scaleSimGemms(topologyText: string): ScaleSimGemm[] {
  const lines = topologyText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  const gemmLayout = /^layer\s*,\s*m\s*,/i.test(lines[0] ?? "");
  const out: ScaleSimGemm[] = [];
  lines.slice(1).forEach((line, sourceRow) => {
    const elems = line.split(",").slice(0, -1); // SCALE-Sim drops what follows the last comma
    const name = elems[0].trim();
    const v = elems.slice(1).map((e) => parseInt(e.trim(), 10));
    if (gemmLayout) return void out.push({ name, sourceRow, m: v[0], k: v[2], n: v[1] });
    const [h, w, fh, fw, ch, nf, sh] = v;
    const sw = v.length > 7 ? v[7] : sh;
    const m = ceilDiv(h - fh + sh, sh) * ceilDiv(w - fw + sw, sw);
    if (!name.includes("DP")) return void out.push({ name, sourceRow, m, k: fh * fw * ch, n: nf });
    for (let c = 0; c < ch; c++) {
      out.push({ name: `${name}Channel_${c}`, sourceRow, m, k: fh * fw, n: nf });
    }
  });
  return out;
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
