/**
 * The one per-layer interface that every cost model in lib/arch implements. Studies compose
 * these costs (partition, core choice, mapping genome, elastic split, thread count); none
 * computes cycles, traffic or energy itself.
 *
 * Models (each module's doc comment says what it is exact against and what it assumes):
 * - systolic: SCALE-Sim v2's compute cycles, utilisations and SRAM counts (exact), our DRAM
 *   traffic, stalls and energy (`layerCost`, `gemmCost`; cost.ts, systolic.ts, memory.ts, energy.ts).
 * - dpu: a DPU-class accelerator (study E's engine), peak ops per cycle with per-layer efficiency.
 * - roofline: an engine of P PEs and B bytes/cycle (study D), efficiency per layer from the
 *   systolic model of its PE array where asked.
 * - maestro: MAESTRO-style closed forms for sub-accelerator cores (study C's job cost tables).
 */
import type { Layer } from "../workload/layer.ts";
import { type EnergyBreakdown, zeroEnergy } from "./cost-types.ts";

/**
 * What every model reports for one layer. Cycles are in the model's own clock; counts that a model
 * does not resolve are 0 and its module comment says so (e.g. a roofline has no SRAM counts).
 */
export interface CoreLayerCost {
  /** Useful multiply-accumulates. */
  macs: number;
  /** Cycles spent computing (no memory stalls). */
  computeCycles: number;
  /** Cycles waiting for DRAM beyond compute. */
  stallCycles: number;
  /** computeCycles + stallCycles. */
  cycles: number;
  /** DRAM traffic, bytes. */
  dramBytes: number;
  /** SRAM reads and writes of all on-chip buffers, words. */
  sramAccesses: number;
  /** Energy by component, pJ (components a model does not resolve are 0; `total` is always set). */
  energyPJ: EnergyBreakdown;
}

/** A cost model: a name, what it is exact against, and a per-layer cost on hardware `H`. */
export interface CostModel<H, C extends CoreLayerCost = CoreLayerCost> {
  /** Short id: "systolic", "dpu", "roofline", "maestro". */
  readonly id: string;
  /** One line: what the model is exact against (a tool, a datasheet) and what it assumes. */
  readonly basis: string;
  /** Cost of one layer on `hw`; layers without MACs cost zero. */
  layer(layer: Layer, hw: H): C;
}

/** The cost of a layer without MACs (pool, eltwise, reshape): every count 0, energy 0 pJ. */
export function zeroLayerCost(): CoreLayerCost {
  return {
    macs: 0,
    computeCycles: 0,
    stallCycles: 0,
    cycles: 0,
    dramBytes: 0,
    sramAccesses: 0,
    energyPJ: zeroEnergy(),
  };
}
