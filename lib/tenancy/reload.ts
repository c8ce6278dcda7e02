/**
 * What a re-partition costs.
 *
 * The dynamic partitioner changes a tenant's band only between two of its layers: a busy tenant
 * keeps its band until its layer ends, so no band changes mid-layer (a mid-layer change would
 * throw away the weights resident in the PEs and the partial sums in flight, and is not allowed).
 * At a layer boundary the new layer's weights must be brought in anyway, and the cost model
 * already charges all of it:
 * - PE weight load: weight-stationary loads a fresh weight tile into the PEs at the start of
 *   every fold, and each fold's 2R + C + T - 2 cycles include those R load cycles (SCALE-Sim);
 *   the first fold of the new layer pays it wherever the band is.
 * - Filter SRAM: every layer's filters are fetched from DRAM once (K x N words) and written into
 *   the filter buffer; nothing stays resident across layers, so a moved or resized buffer share
 *   loses nothing.
 * - ifmap: the memory model reads each layer's input from DRAM and writes its output back; no
 *   activation stays on chip across layers either.
 * - Stalls: the first fold's DRAM fill is never overlapped with the previous layer (no
 *   cross-layer prefetch), so a new band does not lose a prefetch it would otherwise have had.
 * Hence a layer-boundary re-partition adds 0 cycles, 0 bytes and 0 pJ under our cost model; the
 * boundary PE flags themselves are set by the PE control logic the paper calls minor. What the
 * move does cost is captured by the band's own cycles (fewer or more columns, a smaller or larger
 * buffer share). `repartitionCycles` > 0 charges an explicit penalty for a design that would
 * prefetch across layers or reconfigure slowly; the study sweeps it.
 */
import type { PartitionOptions } from "./options.ts";

/** True when two ascending granule lists are the same band. */
export function sameBand(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

/** Cycles a tenant pays before a layer run on `next` after running its previous layer on `previous`. */
export function repartitionPenaltyCycles(
  previous: readonly number[] | undefined,
  next: readonly number[],
  opts: PartitionOptions,
): number {
  return previous !== undefined && !sameBand(previous, next) ? opts.repartitionCycles : 0;
}
