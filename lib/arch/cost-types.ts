/**
 * The plain-data result of the cost model for one layer (or a sum of layers). Names carry units;
 * counts are in words of the accelerator's `wordBytes` unless they say bytes.
 */
import type { CoreLayerCost } from "./model.ts";

/** Energy by component, pJ. */
export interface EnergyBreakdown {
  /** MAC operations. */
  mac: number;
  /** PE register-file accesses (one per MAC: the stationary operand). */
  rf: number;
  /** Inter-PE moves (two per MAC: the streamed operand and the partial sum or second operand). */
  array: number;
  /** ifmap, filter and ofmap SRAM accesses, each at its buffer's size-dependent cost. */
  sram: number;
  /** DRAM transfers. */
  dram: number;
  /** Clocked PEs doing no MAC (idle PE-cycles). */
  idle: number;
  /** Static power of the PEs and SRAMs over the elapsed time. */
  leakage: number;
  /** Sum of the above. */
  total: number;
}

/** Cost of one layer on one accelerator (all zero for layers without MACs). */
export interface LayerCost extends CoreLayerCost {
  /** Useful multiply-accumulates. */
  macs: number;
  /** Folds run (all groups; packed groups share a fold). */
  folds: number;
  /** SCALE-Sim row_fold and col_fold of one group's GEMM (0 in sums). */
  rowFolds: number;
  colFolds: number;
  /** Groups run side by side in one fold (1 = one group per fold; 0 in sums). */
  groupsPerFold: number;
  /** Cycles of one fold: 2R+C+T-2 (ws, is) or R+C+T-2 (os) (0 in sums). */
  perFoldCycles: number;
  /** folds x perFoldCycles. */
  computeCycles: number;
  /** Cycles waiting for DRAM (our model; SCALE-Sim's CALC mode reports 0). */
  stallCycles: number;
  /** computeCycles + stallCycles: the latency we use. */
  cycles: number;
  /** SCALE-Sim's "Total Cycles" (index of the last cycle, summed over per-group runs). */
  scaleSimTotalCycles: number;
  /** Mean over folds of used PEs / (R*C), in (0, 1]. */
  mappingEfficiency: number;
  /** SCALE-Sim's Compute Util: mean over folds of used PEs x T / (R*C x fold window). */
  computeUtilization: number;
  /** SCALE-Sim's Overall Util: macs / (scaleSimTotalCycles x R x C). */
  overallUtilization: number;
  /** Ours: macs / (cycles x R x C), stalls included. */
  peUtilization: number;
  /** SRAM accesses, words. The three "SCALE-Sim" counts equal its DETAILED_ACCESS_REPORT. */
  ifmapSramReads: number;
  filterSramReads: number;
  ofmapSramWrites: number;
  /** Ours: DRAM fills into the ifmap/filter buffers. */
  ifmapSramWrites: number;
  filterSramWrites: number;
  /** Ours: partial-sum read-backs across row folds plus every word moved to or from DRAM. */
  ofmapSramReads: number;
  /** Sum of the six SRAM counts above, words (the `CoreLayerCost` field). */
  sramAccesses: number;
  /** DRAM traffic per operand, bytes (our model). */
  dramIfmapBytes: number;
  dramFilterBytes: number;
  dramOfmapBytes: number;
  dramBytes: number;
  /** PE register-file accesses and inter-PE moves. */
  rfAccesses: number;
  arrayHops: number;
  /** PE-cycles without a useful MAC: cycles x R x C - macs. */
  idlePeCycles: number;
  energyPJ: EnergyBreakdown;
  /** cycles / clock. */
  latencySeconds: number;
  /** Energy-delay product, pJ x s. */
  edpPJs: number;
}

/** Names of the access counts that energy is charged on (the fields of `EnergyCounts`). */
export const ENERGY_COUNT_KEYS = [
  "macs",
  "rfAccesses",
  "arrayHops",
  "ifmapSramReads",
  "ifmapSramWrites",
  "filterSramReads",
  "filterSramWrites",
  "ofmapSramReads",
  "ofmapSramWrites",
  "dramBytes",
] as const satisfies readonly (keyof LayerCost)[];

/** Access counts that energy is charged on (a LayerCost is one). */
export type EnergyCounts = Pick<LayerCost, typeof ENERGY_COUNT_KEYS[number]>;

/** A fresh all-zero energy breakdown. */
export function zeroEnergy(): EnergyBreakdown {
  return { mac: 0, rf: 0, array: 0, sram: 0, dram: 0, idle: 0, leakage: 0, total: 0 };
}

/** A fresh all-zero cost (the cost of a layer without MACs). */
export function zeroCost(): LayerCost {
  return {
    macs: 0,
    folds: 0,
    rowFolds: 0,
    colFolds: 0,
    groupsPerFold: 0,
    perFoldCycles: 0,
    computeCycles: 0,
    stallCycles: 0,
    cycles: 0,
    scaleSimTotalCycles: 0,
    mappingEfficiency: 0,
    computeUtilization: 0,
    overallUtilization: 0,
    peUtilization: 0,
    ifmapSramReads: 0,
    filterSramReads: 0,
    ofmapSramWrites: 0,
    ifmapSramWrites: 0,
    filterSramWrites: 0,
    ofmapSramReads: 0,
    sramAccesses: 0,
    dramIfmapBytes: 0,
    dramFilterBytes: 0,
    dramOfmapBytes: 0,
    dramBytes: 0,
    rfAccesses: 0,
    arrayHops: 0,
    idlePeCycles: 0,
    energyPJ: zeroEnergy(),
    latencySeconds: 0,
    edpPJs: 0,
  };
}
