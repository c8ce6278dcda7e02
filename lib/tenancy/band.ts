/**
 * A band of a partitioned weight-stationary array as an independent accelerator.
 *
 * A tenant that holds u of the array's U units (columns, or rows with axis "rows") runs on an
 * R x u (or u x C) weight-stationary array: the shared cost model's equations with that shape
 * (summary C.2). The band also owns u/U of each SRAM buffer's capacity (issue 5: buffers split
 * with the band) and, with bandwidth sharing "proportional", u/U of the DRAM bandwidth. The
 * boundary PE logic that cuts the band costs nothing (the paper calls it minor).
 *
 * A band may be made of non-adjacent granules: the first column of every granule has the PWS
 * input multiplexer (that is what the granularity means in hardware), so each run of a tenant's
 * granules takes the tenant's activation feed, and the runs together compute its u filters as one
 * R x u band would. We charge the cycles of one contiguous R x u band, which is conservative (each
 * run's skew across columns is shorter).
 *
 * Energy is not taken from the band's own cost: a band's SRAM share is capacity, not a smaller
 * macro, so the schedulers charge every access at the physical buffer's size (`energyOf` on the
 * whole accelerator). Only the band's counts (MACs, accesses, DRAM bytes) and cycles are used.
 */
import { type Accelerator, parseAccelerator } from "../arch/accelerator.ts";
import { layerCost } from "../arch/cost.ts";
import { ENERGY_COUNT_KEYS, type EnergyCounts, type LayerCost } from "../arch/cost-types.ts";
import type { Layer } from "../workload/layer.ts";
import { axisUnits, type PartitionOptions } from "./options.ts";

/** The accelerator a band of `units` columns (or rows) behaves as. */
export function bandAccelerator(
  acc: Accelerator,
  units: number,
  opts: PartitionOptions,
): Accelerator {
  const total = axisUnits(acc, opts.axis);
  if (!Number.isInteger(units) || units < 1 || units > total) {
    throw new RangeError(`band units must be an integer in [1, ${total}], got ${units}`);
  }
  const f = units / total;
  const bw = opts.bandwidthSharing === "proportional" ? f : 1;
  return parseAccelerator({
    ...acc,
    name: `${acc.name} band ${units}/${total} ${opts.axis}`,
    rows: opts.axis === "rows" ? units : acc.rows,
    cols: opts.axis === "cols" ? units : acc.cols,
    ifmapSramKiB: acc.ifmapSramKiB * f,
    filterSramKiB: acc.filterSramKiB * f,
    ofmapSramKiB: acc.ofmapSramKiB * f,
    dramBandwidthBytesPerCycle: acc.dramBandwidthBytesPerCycle * bw,
  });
}

/** Names of the energy counts summed over a schedule (the fields of `EnergyCounts`). */
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

/** Costs of one layer on every band width: `byGranules[j]` is the cost on (j + 1) granules. */
export interface LayerBandCosts {
  name: string;
  byGranules: LayerCost[];
}

/** Cost of `layer` on every band of 1..G granules of `opts.granularity` units each. */
export function layerBandCosts(
  layer: Layer,
  bands: readonly Accelerator[],
): LayerBandCosts {
  return { name: layer.name, byGranules: bands.map((b) => layerCost(layer, b)) };
}

/** The band accelerators of 1..G granules of `acc` (index j = j + 1 granules). */
export function bandAccelerators(acc: Accelerator, opts: PartitionOptions): Accelerator[] {
  const total = axisUnits(acc, opts.axis);
  const out: Accelerator[] = [];
  for (let u = opts.granularity; u <= total; u += opts.granularity) {
    out.push(bandAccelerator(acc, u, opts));
  }
  return out;
}
