/**
 * Layer distribution of one network over N identical cores, against one core:
 * - intra-layer (latency of one inference; layers run one after another, each split over the
 *   cores): filters only, pixels only, the fold-aware algorithm (the faster of the two per layer),
 *   and the best split of the p x q grid family (exhaustive over p x q <= N per layer; layers are
 *   independent, so the per-layer best is the family's best for the network). It is not an
 *   optimum over all strategies: pipelining can beat it in throughput;
 * - inter-layer pipelining (throughput: the slowest stage is the period): DP optimum and greedy.
 * speed-up = one-core cycles / N-core cycles; the ideal is N. Memory modes: see split.ts.
 */
import { type Accelerator, gemmCost } from "../arch/mod.ts";
import type { Network } from "../workload/layer.ts";
import { pipelineGreedy, pipelineOptimal } from "./pipeline.ts";
import {
  coreShare,
  foldAwareSplit,
  optimalGridSplit,
  partCycles,
  type SplitCost,
  splitLayer,
  type SplitMemory,
} from "./split.ts";
import { prepareWorkload, type SweepWorkload } from "./workload.ts";

/** Cycles and speed-ups of one network on N cores. */
export interface DistributionPoint {
  network: string;
  cores: number;
  memory: SplitMemory;
  /** One inference on one core, cycles, and its energy, pJ. */
  singleCoreCycles: number;
  singleCoreEnergyPJ: number;
  /** Intra-layer latency, cycles, per strategy. */
  filtersCycles: number;
  pixelsCycles: number;
  algorithmCycles: number;
  /** Best p x q grid split per layer (exhaustive over p x q <= N), cycles. */
  bestGridCycles: number;
  /** Pipeline period (slowest stage), cycles. */
  pipelineOptimalCycles: number;
  pipelineGreedyCycles: number;
  speedupFilters: number;
  speedupPixels: number;
  speedupAlgorithm: number;
  speedupBestGrid: number;
  speedupPipelineOptimal: number;
  speedupPipelineGreedy: number;
  /** speedupAlgorithm / speedupBestGrid (<= 1): against the best grid split, not all strategies. */
  efficiency: number;
  /** Energy of the algorithm's parts / one-core energy (waiting cores not charged). */
  algorithmEnergyRatio: number;
}

/** Options of `distributeNetwork`. */
export interface DistributeOptions {
  /** How parts are timed and reach DRAM (default "compute-bound"; see split.ts). */
  memory?: SplitMemory;
}

/** Network latency and energy when every layer shape is costed by `f` (shapes costed once). */
function network(
  w: SweepWorkload,
  f: (s: number) => SplitCost,
): { cycles: number; energyPJ: number } {
  const per = w.shapes.map((_, s) => f(s));
  let cycles = 0, energyPJ = 0;
  for (const s of w.networks[0].shapeIndex) {
    cycles += per[s].cycles;
    energyPJ += per[s].energyPJ;
  }
  return { cycles, energyPJ };
}

/** Per-layer cycles of the pipeline's stages, run concurrently on `stages` cores. */
function stageLayerCycles(w: SweepWorkload, acc: Accelerator, stages: number, memory: SplitMemory) {
  const busy = Math.min(stages, w.networks[0].shapeIndex.length);
  const core = coreShare(acc, busy, memory);
  const per = w.shapes.map((g) => partCycles(gemmCost(g, core), memory));
  return w.networks[0].shapeIndex.map((s) => per[s]);
}

/** Distribution of `net` over each core count in `coreCounts`, on copies of `acc`. */
export function distributeNetwork(
  net: Network,
  acc: Accelerator,
  coreCounts: readonly number[],
  opts: DistributeOptions = {},
): DistributionPoint[] {
  const memory = opts.memory ?? "compute-bound";
  const w = prepareWorkload([net]);
  const one = network(w, (s) => splitLayer(w.shapes[s], acc, 1, 1, memory));
  return coreCounts.map((cores) => {
    if (!Number.isInteger(cores) || cores < 1) {
      throw new RangeError(
        `distributeNetwork: core count must be a positive integer, got ${cores}`,
      );
    }
    const filters = network(w, (s) => splitLayer(w.shapes[s], acc, cores, 1, memory));
    const pixels = network(w, (s) => splitLayer(w.shapes[s], acc, 1, cores, memory));
    const algorithm = network(w, (s) => foldAwareSplit(w.shapes[s], acc, cores, memory));
    const bestGrid = network(w, (s) => optimalGridSplit(w.shapes[s], acc, cores, memory));
    const stageCycles = stageLayerCycles(w, acc, cores, memory);
    const pOpt = pipelineOptimal(stageCycles, cores).maxStageCost;
    const pGreedy = pipelineGreedy(stageCycles, cores).maxStageCost;
    return {
      network: net.name,
      cores,
      memory,
      singleCoreCycles: one.cycles,
      singleCoreEnergyPJ: one.energyPJ,
      filtersCycles: filters.cycles,
      pixelsCycles: pixels.cycles,
      algorithmCycles: algorithm.cycles,
      bestGridCycles: bestGrid.cycles,
      pipelineOptimalCycles: pOpt,
      pipelineGreedyCycles: pGreedy,
      speedupFilters: one.cycles / filters.cycles,
      speedupPixels: one.cycles / pixels.cycles,
      speedupAlgorithm: one.cycles / algorithm.cycles,
      speedupBestGrid: one.cycles / bestGrid.cycles,
      speedupPipelineOptimal: one.cycles / pOpt,
      speedupPipelineGreedy: one.cycles / pGreedy,
      efficiency: bestGrid.cycles / algorithm.cycles,
      algorithmEnergyRatio: algorithm.energyPJ / one.energyPJ,
    };
  });
}
