/**
 * Band model: the cost of one layer on a band of a partitioned weight-stationary (PWS) array, the
 * shared systolic model (cost.ts) on the band's shape plus three switches. Exact against
 * SCALE-Sim v2 for compute cycles (the band is an independent array, summary C.2); traffic,
 * stalls and energy are ours.
 *
 * A band of u of the array's U units is an R x u array (axis "cols": it owns u columns) or a
 * u x C array (axis "rows": u rows and every column; the boundary row drops the partial sum from
 * above, the first author's `bd_PE` flag). Its fold costs 2R + u + T - 2 or 2u + C + T - 2
 * cycles. It owns u/U of each SRAM buffer's capacity, whatever the axis: a row band keeps the
 * whole M x min(N, C) partial-sum tile of a layer in its ofmap share, so a narrow row band
 * spills partial sums to DRAM where the whole array would not (memory.ts). The boundary PE logic
 * costs nothing (the paper calls it minor).
 *
 * Switches (`BandOptions`):
 * - `loopOrder`: "scalesim" runs the folds column-outer (memory.ts); "best" also prices the
 *   row-outer order (each row fold's ifmap slice is read once and reused by every column fold,
 *   but the partial sums of all N filters stay live: M x N words) and keeps the order with fewer
 *   DRAM bytes (ties: SCALE-Sim's). Compute cycles and SCALE-Sim's SRAM counts are the same.
 *   Only ws layers that are not block-diagonally packed have a second order.
 * - `dramModel`: "none" = no stall cycles (SCALE-Sim's default; bytes still counted);
 *   "proportional" = stalls at u/U of the port (memory.ts); "shared" = the same cycles for
 *   planning, then the run is replayed with a work-conserving port (shared-port.ts).
 * - `sramBanking`: "physical" charges an access at the whole buffer's size; "banked" at the
 *   band's share (one bank per granule, a tenant's banks acting as its buffer). A single tenant
 *   holding every unit pays the physical size either way.
 * Energy here is dynamic only (MAC, RF, array, SRAM, DRAM; idle and leakage 0): a shared array's
 * idle PEs and leakage depend on the whole run and are charged by `sharedArrayEnergy`.
 */
import { z } from "zod";
import { type Accelerator, parseAccelerator } from "./accelerator.ts";
import { ifmapWordsPerGroup, layerCost } from "./cost.ts";
import { ENERGY_COUNT_KEYS, type EnergyBreakdown, type EnergyCounts } from "./cost-types.ts";
import type { LayerCost } from "./cost-types.ts";
import { fillEnergy, idleEnergyPJ, leakageEnergyPJ } from "./energy.ts";
import { bufferWords, stallCycles } from "./memory.ts";
import type { CostModel } from "./model.ts";
import { gemmView } from "../workload/gemm.ts";
import type { Layer } from "../workload/layer.ts";

/** Which array dimension a band cuts: columns (R x u) or rows (u x C). */
export const BandAxisSchema = z.enum(["cols", "rows"]);
export type BandAxis = z.infer<typeof BandAxisSchema>;
export const DramModelSchema = z.enum(["none", "proportional", "shared"]);
export type DramModel = z.infer<typeof DramModelSchema>;
export const SramBankingSchema = z.enum(["physical", "banked"]);
export type SramBanking = z.infer<typeof SramBankingSchema>;
export const LoopOrderSchema = z.enum(["scalesim", "best"]);
export type LoopOrder = z.infer<typeof LoopOrderSchema>;

/** The cost-model switches of a band (see the module comment). */
export interface BandOptions {
  dramModel: DramModel;
  sramBanking: SramBanking;
  loopOrder: LoopOrder;
}

/** A band: `units` of the whole array's columns or rows. */
export interface BandHardware {
  whole: Accelerator;
  axis: BandAxis;
  units: number;
  options: BandOptions;
}

/** A layer's cost on a band, with what the shared-port replay needs. */
export interface BandLayerCost extends LayerCost {
  /** Loop order used: "cols-outer" (SCALE-Sim's) or "rows-outer". */
  order: "cols-outer" | "rows-outer";
  /** Bytes of the first fold's stationary tile (must arrive before compute starts). */
  tileBytes: number;
  /** The band's u/U share of the DRAM port (what "proportional" gives it), bytes/cycle. */
  bandwidthShare: number;
}

/** Columns (axis "cols") or rows of `acc`. */
export function axisUnits(acc: Accelerator, axis: BandAxis): number {
  return axis === "cols" ? acc.cols : acc.rows;
}

/** The accelerator a band behaves as: its shape, u/U of every buffer and of the DRAM port. */
export function bandAccelerator(acc: Accelerator, axis: BandAxis, units: number): Accelerator {
  const total = axisUnits(acc, axis);
  if (!Number.isInteger(units) || units < 1 || units > total) {
    throw new RangeError(`band units must be an integer in [1, ${total}], got ${units}`);
  }
  if (units === total) return acc;
  const f = units / total;
  return parseAccelerator({
    ...acc,
    name: `${acc.name} band ${units}/${total} ${axis}`,
    rows: axis === "rows" ? units : acc.rows,
    cols: axis === "cols" ? units : acc.cols,
    ifmapSramKiB: acc.ifmapSramKiB * f,
    filterSramKiB: acc.filterSramKiB * f,
    ofmapSramKiB: acc.ofmapSramKiB * f,
    dramBandwidthBytesPerCycle: acc.dramBandwidthBytesPerCycle * f,
  });
}

/**
 * DRAM words of the row-outer order for one group (ws): ifmap once when one row fold's slice
 * (U x min(K, R) / K words) fits the ifmap buffer, else once per column fold; filters once;
 * outputs once when all M x N partial sums fit the ofmap buffer (or there is one row fold),
 * else each row fold but the last spills and reloads them.
 */
export function rowsOuterWords(
  c: LayerCost,
  g: { m: number; k: number; n: number; ifmapWords?: number },
  band: Accelerator,
): { ifmap: number; filter: number; ofmap: number } {
  const U = g.ifmapWords ?? g.m * g.k, wb = band.wordBytes;
  const slice = Math.ceil((U * Math.min(g.k, band.rows)) / g.k);
  const ifmap = slice <= bufferWords(band.ifmapSramKiB, wb) ? U : c.colFolds * U;
  const mn = g.m * g.n;
  const fits = c.rowFolds === 1 || mn <= bufferWords(band.ofmapSramKiB, wb);
  return { ifmap, filter: g.k * g.n, ofmap: fits ? mn : mn * (2 * c.rowFolds - 1) };
}

function tileBytes(c: LayerCost, g: { k: number; n: number; m: number }, acc: Accelerator) {
  const sc = acc.dataflow === "ws" ? g.n : g.m;
  const words = acc.dataflow === "os"
    ? 0
    : c.groupsPerFold > 1
    ? c.groupsPerFold * g.k * sc
    : Math.min(g.k, acc.rows) * Math.min(sc, acc.cols);
  return words * acc.wordBytes;
}

/** Cost of `layer` on a band (module comment); layers without MACs cost zero. */
export function bandLayerCost(layer: Layer, hw: BandHardware): BandLayerCost {
  const band = bandAccelerator(hw.whole, hw.axis, hw.units);
  const c = layerCost(layer, band) as BandLayerCost;
  c.order = "cols-outer";
  c.bandwidthShare = band.dramBandwidthBytesPerCycle;
  const g = gemmView(layer);
  c.tileBytes = g ? tileBytes(c, g, band) : 0;
  if (g && hw.options.loopOrder === "best" && band.dataflow === "ws" && c.groupsPerFold <= 1) {
    const G = g.groups, wb = band.wordBytes;
    const w = rowsOuterWords(c, { ...g, ifmapWords: ifmapWordsPerGroup(layer) }, band);
    const bytes = G * (w.ifmap + w.filter + w.ofmap) * wb;
    if (bytes < c.dramBytes) {
      c.order = "rows-outer";
      c.dramIfmapBytes = G * w.ifmap * wb;
      c.dramFilterBytes = G * w.filter * wb;
      c.dramOfmapBytes = G * w.ofmap * wb;
      c.dramBytes = bytes;
      c.ifmapSramWrites = G * w.ifmap;
      c.filterSramWrites = G * w.filter;
      c.ofmapSramReads = G * w.ofmap + G * (c.rowFolds - 1) * g.m * g.n;
      c.sramAccesses = c.ifmapSramReads + c.filterSramReads + c.ofmapSramWrites +
        c.ifmapSramWrites + c.filterSramWrites + c.ofmapSramReads;
      c.stallCycles = stallCycles(c.dramBytes, c.tileBytes, c.computeCycles, c.bandwidthShare);
    }
  }
  if (hw.options.dramModel === "none") c.stallCycles = 0;
  c.cycles = c.computeCycles + c.stallCycles;
  if (c.macs > 0) c.peUtilization = c.macs / (c.cycles * band.rows * band.cols);
  const priced = hw.options.sramBanking === "banked" ? band : hw.whole;
  fillEnergy(c.energyPJ, c, priced, 0, 0);
  c.idlePeCycles = 0;
  c.latencySeconds = c.cycles / (band.clockMHz * 1e6);
  c.edpPJs = c.energyPJ.total * c.latencySeconds;
  return c;
}

/** The band model behind the common per-layer interface (model.ts). */
export const bandModel: CostModel<BandHardware, BandLayerCost> = {
  id: "band",
  basis: "SCALE-Sim v2 compute cycles of an R x u or u x C band (exact); traffic with a " +
    "per-layer loop order, stalls under three DRAM models and dynamic energy ours",
  layer: bandLayerCost,
};

/**
 * Energy of a shared-array run, pJ: the summed dynamic energy of every layer run (each already
 * priced by `bandLayerCost`), plus idle PEs (all R x C PEs clocked over `elapsedCycles`, minus
 * the MACs) and the whole accelerator's leakage over `elapsedCycles`.
 */
export function sharedArrayEnergy(
  dynamic: readonly EnergyBreakdown[],
  macs: number,
  acc: Accelerator,
  elapsedCycles: number,
): EnergyBreakdown {
  const out = { mac: 0, rf: 0, array: 0, sram: 0, dram: 0, idle: 0, leakage: 0, total: 0 };
  for (const e of dynamic) {
    out.mac += e.mac;
    out.rf += e.rf;
    out.array += e.array;
    out.sram += e.sram;
    out.dram += e.dram;
  }
  out.idle = idleEnergyPJ(acc, Math.max(0, elapsedCycles * acc.rows * acc.cols - macs));
  out.leakage = leakageEnergyPJ(acc, elapsedCycles);
  out.total = out.mac + out.rf + out.array + out.sram + out.dram + out.idle + out.leakage;
  return out;
}

/** Names of the energy counts summed over a run (the fields of `EnergyCounts`). */
export const COUNT_KEYS = ENERGY_COUNT_KEYS;

/** All-zero energy counts. */
export function zeroCounts(): EnergyCounts {
  const c = {} as EnergyCounts;
  for (const k of COUNT_KEYS) c[k] = 0;
  return c;
}

/** Add the counts of `c` into `into` (in place). */
export function addCounts(into: EnergyCounts, c: EnergyCounts): void {
  for (const k of COUNT_KEYS) into[k] += c[k];
}
