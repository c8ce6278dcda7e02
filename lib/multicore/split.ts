/**
 * Intra-layer split of one GEMM over identical cores. The filters (or, for grouped convolutions,
 * the groups) are cut into p parts and the output pixels into q parts, giving p x q sub-GEMMs that
 * run at the same time, one per core; the layer takes as long as its slowest part.
 *
 * Fold-aware: along a dimension the dataflow maps onto the array (ws: filters -> columns; os:
 * pixels -> rows, filters -> columns; is: pixels -> columns), parts are whole array tiles (groups:
 * multiples of the groups packed per fold), the short last tile going to a part with fewer tiles;
 * a dimension streamed in time is cut as evenly as possible. The slowest part then has
 * ceil(tiles / parts) tiles, the fewest possible, no core holds a partly filled fold that a
 * better cut would avoid, and the cost of every candidate (p, q) counts the ceil() effects exactly,
 * so the choice between axes (and how many cores are worth using) sees them. Each part is costed by
 * the arch model as its own GEMM (each core loads the operands it needs; a pixel part's unique
 * ifmap is the layer's scaled by its share of pixels, halo rows ignored).
 *
 * Memory (`SplitMemory`): "compute-bound" times a part by its compute cycles (buffers always fed in
 * time: the split only divides folds, and speed-up <= N holds exactly); "shared-dram" adds DRAM
 * stalls with the busy cores sharing the one core's bandwidth; "private-dram" adds stalls with a
 * full-bandwidth port per core (N cores then have N times the bandwidth and buffer of one, and
 * speed-ups above N appear).
 */
import { z } from "zod";
import {
  type Accelerator,
  gemmCost,
  type GemmShape,
  groupsPerFold,
  type LayerCost,
  spatialDims,
} from "../arch/mod.ts";

/** How split parts are timed and reach DRAM (see the module comment). */
export const SplitMemorySchema = z.enum(["compute-bound", "shared-dram", "private-dram"]);
export type SplitMemory = z.infer<typeof SplitMemorySchema>;

/** The accelerator each of `cores` busy cores runs as. */
export function coreShare(acc: Accelerator, cores: number, memory: SplitMemory): Accelerator {
  if (memory !== "shared-dram" || cores === 1) return acc;
  return { ...acc, dramBandwidthBytesPerCycle: acc.dramBandwidthBytesPerCycle / cores };
}

/** Latency of one part under `memory`, cycles. */
export function partCycles(c: LayerCost, memory: SplitMemory): number {
  return memory === "compute-bound" ? c.computeCycles : c.cycles;
}

/** `count` parts of `size` elements. */
export interface ExtentPart {
  size: number;
  count: number;
}

/** Cut `extent` into at most `parts` parts of whole `unit`-sized tiles (the last tile may be short). */
export function splitExtent(extent: number, parts: number, unit: number): ExtentPart[] {
  for (const [what, v] of [["extent", extent], ["parts", parts], ["unit", unit]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`splitExtent: ${what} must be a positive integer, got ${v}`);
    }
  }
  const tiles = Math.ceil(extent / unit);
  const p = Math.min(parts, tiles);
  const big = Math.ceil(tiles / p);
  const nBig = tiles - (big - 1) * p;
  const short = tiles * unit - extent;
  const out: ExtentPart[] = [];
  const add = (size: number, count: number) => {
    if (count <= 0) return;
    const same = out.find((x) => x.size === size);
    if (same) same.count += count;
    else out.push({ size, count });
  };
  if (nBig < p) {
    add(big * unit, nBig);
    add((big - 1) * unit, p - nBig - 1);
    add((big - 1) * unit - short, 1);
  } else {
    add(big * unit, p - 1);
    add(big * unit - short, 1);
  }
  return out;
}

/** Latency and energy of a layer split p x q over cores. */
export interface SplitCost {
  /** Parts along filters (or groups) and along output pixels actually used. */
  filterParts: number;
  pixelParts: number;
  /** Cores busy: filterParts x pixelParts. */
  cores: number;
  /** Cycles of the slowest part. */
  cycles: number;
  /** Sum of every part's energy, pJ (cores waiting for the slowest part are not charged). */
  energyPJ: number;
}

/** Tile sizes of the filter (or group) axis and the pixel axis on `acc`. */
export function splitUnits(g: GemmShape, acc: Accelerator): { filter: number; pixel: number } {
  const df = acc.dataflow;
  const pixel = df === "os" ? acc.rows : df === "is" ? acc.cols : 1;
  if (g.groups > 1) {
    const d = spatialDims(g, df);
    return { filter: groupsPerFold(d.sr, d.sc, g.groups, acc), pixel };
  }
  return { filter: df === "is" ? 1 : acc.cols, pixel };
}

/** Cost of `g` split into `p` filter (or group) parts x `q` pixel parts (fewer if tiles run out). */
export function splitLayer(
  g: GemmShape,
  acc: Accelerator,
  p: number,
  q: number,
  memory: SplitMemory = "compute-bound",
): SplitCost {
  const u = splitUnits(g, acc);
  const grouped = g.groups > 1;
  const fParts = splitExtent(grouped ? g.groups : g.n, p, u.filter);
  const mParts = splitExtent(g.m, q, u.pixel);
  let cycles = 0, energyPJ = 0, fCount = 0, mCount = 0;
  for (const f of fParts) fCount += f.count;
  for (const mp of mParts) mCount += mp.count;
  const core = coreShare(acc, fCount * mCount, memory);
  for (const f of fParts) {
    for (const mp of mParts) {
      const sub: GemmShape = {
        m: mp.size,
        k: g.k,
        n: grouped ? g.n : f.size,
        groups: grouped ? f.size : 1,
        ifmapWords: g.ifmapWords === undefined
          ? undefined
          : Math.ceil((g.ifmapWords * mp.size) / g.m),
      };
      const c = gemmCost(sub, core);
      cycles = Math.max(cycles, partCycles(c, memory));
      energyPJ += c.energyPJ.total * f.count * mp.count;
    }
  }
  return { filterParts: fCount, pixelParts: mCount, cores: fCount * mCount, cycles, energyPJ };
}

function better(a: SplitCost, b: SplitCost): SplitCost {
  if (b.cycles !== a.cycles) return b.cycles < a.cycles ? b : a;
  return b.energyPJ < a.energyPJ ? b : a;
}

/** The split algorithm: all N cores on filters or all on pixels, whichever is faster. */
export function foldAwareSplit(
  g: GemmShape,
  acc: Accelerator,
  cores: number,
  memory: SplitMemory = "compute-bound",
): SplitCost {
  return better(splitLayer(g, acc, cores, 1, memory), splitLayer(g, acc, 1, cores, memory));
}

/** Exhaustive search over every p x q <= N grid split: the optimum of the split family. */
export function optimalGridSplit(
  g: GemmShape,
  acc: Accelerator,
  cores: number,
  memory: SplitMemory = "compute-bound",
): SplitCost {
  const u = splitUnits(g, acc);
  const fTiles = Math.ceil((g.groups > 1 ? g.groups : g.n) / u.filter);
  const mTiles = Math.ceil(g.m / u.pixel);
  let best = splitLayer(g, acc, 1, 1, memory);
  for (let p = 1; p <= Math.min(cores, fTiles); p++) {
    for (let q = 1; q <= Math.min(Math.floor(cores / p), mTiles); q++) {
      if (p * q > 1) best = better(best, splitLayer(g, acc, p, q, memory));
    }
  }
  return best;
}
