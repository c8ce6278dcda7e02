/**
 * Compute model: SCALE-Sim v2's systolic mapping, cycles, utilization and SRAM counts, in closed form.
 *
 * A GEMM (M output pixels, K window, N filters) maps onto an R x C array as
 *   ws: Sr = K, Sc = N, T = M     os: Sr = M, Sc = N, T = K     is: Sr = K, Sc = M, T = N
 * with folds = ceil(Sr/R) * ceil(Sc/C); partial folds are padded so every fold costs
 * 2R + C + T - 2 cycles (ws, is) or R + C + T - 2 (os). SCALE-Sim reports "Total Cycles" as the
 * index of the last cycle, folds * perFold - 1. Its compute utilization divides by a fold window
 * of 2R + 2C + T - 3 (ws, is) or R + C + T - 2 (os). SRAM counts are those its
 * `systolic_compute_{ws,os,is}.py` accumulate, including the os ofmap quirk of R + C extra writes
 * per fold. (Checked against scale-sim-v2's source; hand-worked cases in tests/arch/.)
 * Overall utilization is SCALE-Sim's MACs / (Total Cycles x R x C). On a 1x1 os array a fold has
 * no fill or drain cycles (R + C + T - 2 = T), so that index-based figure is MACs / (MACs - 1) > 1;
 * we keep it, as SCALE-Sim reports it. For a 1x1x1 GEMM there Total Cycles is 0 (SCALE-Sim divides
 * by zero); we count at least one cycle per group, giving 1 (one MAC in the one cycle it takes).
 *
 * Groups (grouped and depthwise convolutions) are `groups` copies of one GEMM. With
 * `groupPacking: "diagonal"` and a group GEMM that fits the array (Sr <= R and Sc <= C), p =
 * min(floor(R/Sr), floor(C/Sc), groups) groups are placed block-diagonally in one fold: each
 * group has its own rows (its own input channels) and columns (its own outputs), and the PEs off
 * the diagonal blocks stay idle. Otherwise, and with "serial", groups run one after another.
 * SCALE-Sim runs each group as its own layer; `scaleSimTotalCycles` reports that serial number.
 */
import type { GemmView } from "../workload/gemm.ts";
import type { Accelerator, Dataflow } from "./accelerator.ts";
import type { LayerCost } from "./cost-types.ts";

/** SCALE-Sim's spatial rows, spatial columns and temporal extent of a GEMM. */
export interface SpatialDims {
  sr: number;
  sc: number;
  t: number;
}

/** Map a GEMM onto the array's rows (Sr), columns (Sc) and time (T) for a dataflow. */
export function spatialDims(g: GemmView, dataflow: Dataflow): SpatialDims {
  if (dataflow === "ws") return { sr: g.k, sc: g.n, t: g.m };
  if (dataflow === "os") return { sr: g.m, sc: g.n, t: g.k };
  return { sr: g.k, sc: g.m, t: g.n };
}

/** Cycles of one fold (SCALE-Sim): 2R + C + T - 2 for ws/is, R + C + T - 2 for os. */
export function foldCycles(dataflow: Dataflow, rows: number, cols: number, t: number): number {
  return (dataflow === "os" ? rows : 2 * rows) + cols + t - 2;
}

/** Fold window SCALE-Sim divides by in its compute utilization. */
export function utilWindowCycles(
  dataflow: Dataflow,
  rows: number,
  cols: number,
  t: number,
): number {
  return dataflow === "os" ? t + rows + cols - 2 : 2 * rows + 2 * cols + t - 3;
}

/** Groups run side by side in one fold (1 when packing is off or a group does not fit). */
export function groupsPerFold(sr: number, sc: number, groups: number, acc: Accelerator): number {
  if (groups <= 1 || acc.groupPacking === "serial" || sr > acc.rows || sc > acc.cols) return 1;
  return Math.min(Math.floor(acc.rows / sr), Math.floor(acc.cols / sc), groups);
}

/** Fill the compute part of `out` (folds, cycles, utilization, SCALE-Sim SRAM counts). */
export function fillCompute(out: LayerCost, g: GemmView, acc: Accelerator): void {
  const R = acc.rows, C = acc.cols, df = acc.dataflow, G = g.groups;
  const sr = df === "os" ? g.m : g.k;
  const sc = df === "is" ? g.m : g.n;
  const t = df === "ws" ? g.m : df === "os" ? g.k : g.n;
  const rowFolds = Math.ceil(sr / R), colFolds = Math.ceil(sc / C);
  const perFold = foldCycles(df, R, C, t);
  const pack = groupsPerFold(sr, sc, G, acc);
  const folds = pack > 1 ? Math.ceil(G / pack) : G * rowFolds * colFolds;
  const usedPeFolds = G * sr * sc; // sum over folds of mapped PEs
  out.macs = g.m * g.k * g.n * G;
  out.folds = folds;
  out.rowFolds = rowFolds;
  out.colFolds = colFolds;
  out.groupsPerFold = pack;
  out.perFoldCycles = perFold;
  out.computeCycles = folds * perFold;
  out.scaleSimTotalCycles = G * (rowFolds * colFolds * perFold - 1);
  out.mappingEfficiency = usedPeFolds / (folds * R * C);
  out.computeUtilization = (usedPeFolds * t) / (folds * R * C * utilWindowCycles(df, R, C, t));
  out.overallUtilization = out.macs / (Math.max(G, out.scaleSimTotalCycles) * R * C);
  const mk = g.m * g.k, kn = g.k * g.n, mn = g.m * g.n;
  out.ifmapSramReads = G * mk * (df === "is" ? 1 : colFolds);
  out.filterSramReads = G * kn * (df === "ws" ? 1 : df === "os" ? rowFolds : colFolds);
  out.ofmapSramWrites = G * mn * (df === "os" ? 1 : rowFolds) + (df === "os" ? folds * (R + C) : 0);
  out.rfAccesses = out.macs;
  out.arrayHops = 2 * out.macs;
}
