/**
 * The cost model's entry points: one GEMM, one layer, one network on one accelerator.
 * Compute (SCALE-Sim exact) lives in systolic.ts, traffic and stalls in memory.ts, energy in energy.ts.
 */
import { gemmView } from "../workload/gemm.ts";
import type { Layer, Network } from "../workload/layer.ts";
import type { Accelerator } from "./accelerator.ts";
import { checkPositiveInt } from "./check.ts";
import { type LayerCost, zeroCost } from "./cost-types.ts";
import { fillEnergy, fillLayerEnergy } from "./energy.ts";
import { fillTraffic, type GemmShape } from "./memory.ts";
import type { CostModel } from "./model.ts";
import { fillCompute } from "./systolic.ts";

/**
 * Cost of `groups` copies of an M x K x N GEMM on `acc` (the hot path: two allocations).
 * m, k, n, groups and (if given) ifmapWords must be positive integers, else ValidationError.
 */
export function gemmCost(g: GemmShape, acc: Accelerator): LayerCost {
  const u = g.ifmapWords;
  if (
    !(isCount(g.m) && isCount(g.k) && isCount(g.n) && isCount(g.groups) &&
      (u === undefined || isCount(u)))
  ) badGemm(g);
  const out = zeroCost();
  fillCompute(out, g, acc);
  fillTraffic(out, g, acc);
  out.sramAccesses = out.ifmapSramReads + out.filterSramReads + out.ofmapSramWrites +
    out.ifmapSramWrites + out.filterSramWrites + out.ofmapSramReads;
  out.cycles = out.computeCycles + out.stallCycles;
  out.peUtilization = out.macs / (out.cycles * acc.rows * acc.cols);
  fillLayerEnergy(out, acc);
  return out;
}

const isCount = (x: number) => Math.floor(x) === x && x >= 1 && x <= Number.MAX_SAFE_INTEGER;

/** The slow path of the check in gemmCost: name the first bad field. */
function badGemm(g: GemmShape): never {
  checkPositiveInt("GEMM shape", "m", g.m);
  checkPositiveInt("GEMM shape", "k", g.k);
  checkPositiveInt("GEMM shape", "n", g.n);
  checkPositiveInt("GEMM shape", "groups", g.groups);
  checkPositiveInt("GEMM shape", "ifmapWords", g.ifmapWords!);
  throw new Error("unreachable");
}

/** Unique ifmap words of one group of a layer (what DRAM must deliver at least once). */
export function ifmapWordsPerGroup(layer: Layer): number | undefined {
  if (layer.kind === "conv2d") {
    return layer.inputH * layer.inputW * (layer.inputC / layer.groups) * layer.batch;
  }
  return undefined; // dense and gemm: the im2col view has no duplicates
}

/** Cost of one layer on `acc`; layers without MACs (pool, eltwise) cost zero. */
export function layerCost(layer: Layer, acc: Accelerator): LayerCost {
  const g = gemmView(layer);
  if (!g) return zeroCost();
  return gemmCost({ ...g, ifmapWords: ifmapWordsPerGroup(layer) }, acc);
}

/** The SCALE-Sim systolic model behind the common per-layer interface (model.ts). */
export const systolicModel: CostModel<Accelerator, LayerCost> = {
  id: "systolic",
  basis: "SCALE-Sim v2 compute cycles, utilisations and SRAM counts (exact); DRAM traffic, " +
    "stalls and energy ours (memory.ts, energy.ts)",
  layer: layerCost,
};

/** A layer's cost with its name and kind. */
export type NamedLayerCost = LayerCost & { name: string; kind: Layer["kind"] };

/** Per-layer costs and their total. */
export interface NetworkCost {
  network: string;
  layers: NamedLayerCost[];
  total: LayerCost;
}

const summed = [
  "macs",
  "folds",
  "computeCycles",
  "stallCycles",
  "cycles",
  "scaleSimTotalCycles",
  "ifmapSramReads",
  "filterSramReads",
  "ofmapSramWrites",
  "ifmapSramWrites",
  "filterSramWrites",
  "ofmapSramReads",
  "sramAccesses",
  "dramIfmapBytes",
  "dramFilterBytes",
  "dramOfmapBytes",
  "dramBytes",
  "rfAccesses",
  "arrayHops",
  "idlePeCycles",
] as const satisfies readonly (keyof LayerCost)[];

/**
 * Sum of layer costs run back to back on `acc`: counts, cycles and energy add; mapping efficiency
 * and compute utilization are fold-weighted means (as SCALE-Sim averages over folds); the
 * utilizations are recomputed from the sums; EDP is total energy x total latency.
 */
export function sumCosts(costs: readonly LayerCost[], acc: Accelerator): LayerCost {
  const out = zeroCost();
  let mapW = 0, utilW = 0, zeroTotalFolds = 0;
  for (const c of costs) {
    for (const key of summed) out[key] += c[key];
    mapW += c.mappingEfficiency * c.folds;
    utilW += c.computeUtilization * c.folds;
    // 1x1x1 GEMMs on a 1x1 os array: SCALE-Sim's total is 0, each fold is one cycle (systolic.ts).
    if (c.macs > 0 && c.scaleSimTotalCycles === 0) zeroTotalFolds += c.folds;
  }
  const pes = acc.rows * acc.cols;
  if (out.folds > 0) {
    out.mappingEfficiency = mapW / out.folds;
    out.computeUtilization = utilW / out.folds;
    out.overallUtilization = out.macs / ((out.scaleSimTotalCycles + zeroTotalFolds) * pes);
    out.peUtilization = out.macs / (out.cycles * pes);
  }
  fillEnergy(out.energyPJ, out, acc, out.cycles, out.idlePeCycles);
  out.latencySeconds = out.cycles / (acc.clockMHz * 1e6);
  out.edpPJs = out.energyPJ.total * out.latencySeconds;
  return out;
}

/** Cost of every layer of `net` run one after another on `acc`, and the total. */
export function networkCost(net: Network, acc: Accelerator): NetworkCost {
  const layers = net.layers.map((l) => {
    const c = layerCost(l, acc) as NamedLayerCost;
    c.name = l.name;
    c.kind = l.kind;
    return c;
  });
  return { network: net.name, layers, total: sumCosts(layers, acc) };
}
