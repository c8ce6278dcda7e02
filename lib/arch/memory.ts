/**
 * Memory model (ours, not SCALE-Sim's): DRAM traffic per operand from the buffer capacities, and
 * stall cycles from the DRAM bandwidth. Sizes in words of `wordBytes` (partial sums included).
 *
 * Traffic. Folds run in SCALE-Sim's order (column folds outer, row folds inner). An operand that
 * fits its whole buffer stays resident and is fetched once; otherwise it is fetched again on every
 * pass that needs it. Within one pass each unique word is fetched once (the buffer keeps the
 * sliding-window halo), so a conv's ifmap costs its unique size U = H x W x C/groups x batch, not
 * the im2col M x K. Per group, with rf = row folds, cf = column folds, B* = buffer words:
 *   ws: ifmap U (U <= Bi) else cf*U;  filter K*N;  ofmap M*N if the partial-sum tile
 *       M*min(N,C) fits Bo, else M*N*(2rf-1) (each row fold but the last spills and reloads).
 *   os: ifmap U (U <= Bi) else cf*U;  filter K*N if K*min(N,C) <= Bf else rf*K*N;  ofmap M*N.
 *   is: ifmap U;  filter K*N if K*N <= Bf else cf*K*N;  ofmap M*N if min(M,C)*N <= Bo else
 *       M*N*(2rf-1).
 * Every word that enters or leaves a buffer from/to DRAM is also one SRAM access (fills are
 * ifmap/filter SRAM writes, drains are ofmap SRAM reads); ws/is also read back (rf-1)*M*N partial
 * sums from the ofmap buffer.
 *
 * Stalls. Buffers are double-buffered, so DRAM transfers overlap computation: a layer is
 * bandwidth-bound when its transfer time exceeds its compute time. Only the first fold's
 * stationary tile (ws: weights, is: ifmap block, min(Sr,R) x min(Sc,C) words, or the packed
 * groups' tiles; os has none) must arrive before the first cycle, since layers do not prefetch
 * across their boundary. With B = bandwidth in bytes per cycle:
 *   stallCycles = ceil( tileBytes / B + max(0, (dramBytes - tileBytes) / B - computeCycles) ).
 */
import type { GemmView } from "../workload/gemm.ts";
import type { Accelerator } from "./accelerator.ts";
import { checkNonNegative, checkPositive } from "./check.ts";
import type { LayerCost } from "./cost-types.ts";

/** A GEMM view plus the unique ifmap size per group (words); defaults to the im2col M x K. */
export interface GemmShape extends GemmView {
  ifmapWords?: number;
}

/** Buffer capacity in words. */
export function bufferWords(kib: number, wordBytes: number): number {
  return Math.floor((kib * 1024) / wordBytes);
}

/** Fill DRAM bytes, fill/drain SRAM accesses and stall cycles of `out`; needs fillCompute first. */
export function fillTraffic(out: LayerCost, g: GemmShape, acc: Accelerator): void {
  const { m, k, n, groups: G } = g, C = acc.cols, df = acc.dataflow, wb = acc.wordBytes;
  const U = g.ifmapWords ?? m * k;
  const rf = out.groupsPerFold > 1 ? 1 : out.rowFolds;
  const cf = out.groupsPerFold > 1 ? 1 : out.colFolds;
  const bi = bufferWords(acc.ifmapSramKiB, wb);
  const bf = bufferWords(acc.filterSramKiB, wb);
  const bo = bufferWords(acc.ofmapSramKiB, wb);
  const ifmapPasses = df === "is" || U <= bi ? 1 : cf;
  const filterPasses = df === "ws"
    ? 1
    : df === "os"
    ? (k * Math.min(n, C) <= bf ? 1 : rf)
    : (k * n <= bf ? 1 : cf);
  const psumTile = df === "ws" ? m * Math.min(n, C) : Math.min(m, C) * n;
  const ofmapPasses = df === "os" || psumTile <= bo ? 1 : 2 * rf - 1;
  const ifmapWords = G * U * ifmapPasses;
  const filterWords = G * k * n * filterPasses;
  const ofmapWords = G * m * n * ofmapPasses;
  out.dramIfmapBytes = ifmapWords * wb;
  out.dramFilterBytes = filterWords * wb;
  out.dramOfmapBytes = ofmapWords * wb;
  out.dramBytes = out.dramIfmapBytes + out.dramFilterBytes + out.dramOfmapBytes;
  out.ifmapSramWrites = ifmapWords;
  out.filterSramWrites = filterWords;
  out.ofmapSramReads = ofmapWords + (df === "os" ? 0 : G * (rf - 1) * m * n);
  const tileWords = df === "os" ? 0 : stationaryTileWords(g, acc, out.groupsPerFold);
  out.stallCycles = stallCycles(
    out.dramBytes,
    tileWords * wb,
    out.computeCycles,
    acc.dramBandwidthBytesPerCycle,
  );
}

/** Words of the first fold's stationary tile (ws: weights, is: ifmap block). */
function stationaryTileWords(g: GemmView, acc: Accelerator, groupsPerFold: number): number {
  const sr = g.k; // ws and is both put K on the rows
  const sc = acc.dataflow === "ws" ? g.n : g.m;
  return groupsPerFold > 1
    ? groupsPerFold * sr * sc
    : Math.min(sr, acc.rows) * Math.min(sc, acc.cols);
}

/**
 * Stall cycles of a double-buffered layer (see the module comment). Bytes and cycles must be
 * finite and >= 0, the bandwidth (bytes per cycle) finite and > 0, else ValidationError.
 */
export function stallCycles(
  dramBytes: number,
  tileBytes: number,
  computeCycles: number,
  bandwidthBytesPerCycle: number,
): number {
  checkNonNegative("stallCycles", "dramBytes", dramBytes);
  checkNonNegative("stallCycles", "tileBytes", tileBytes);
  checkNonNegative("stallCycles", "computeCycles", computeCycles);
  checkPositive("stallCycles", "bandwidthBytesPerCycle", bandwidthBytesPerCycle);
  if (dramBytes <= 0) return 0;
  // Scaled by the bandwidth so integer inputs stay exact until the one division.
  const excess = Math.max(0, dramBytes - tileBytes - computeCycles * bandwidthBytesPerCycle);
  return Math.ceil((tileBytes + excess) / bandwidthBytesPerCycle);
}
