/**
 * The bands a tenant can hold and its layers' costs on each. The cost of a layer on a band (its
 * shape, buffer and port shares, loop order, DRAM model, SRAM banking) is the band model of
 * lib/arch/band.ts; this module only lists the band widths a granularity allows.
 *
 * A band may be made of non-adjacent granules: the first column (or row) of every granule has
 * the PWS input multiplexer (or the boundary-PE flag), which is what the granularity means in
 * hardware, so the runs of a tenant's granules together compute as one band of that many units
 * would. We charge the cycles of one contiguous band, which is conservative.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import {
  addCounts,
  type BandHardware,
  type BandLayerCost,
  bandModel,
  COUNT_KEYS,
  zeroCounts,
} from "../arch/band.ts";
import type { Layer } from "../workload/layer.ts";
import { axisUnits, type PartitionOptions } from "./options.ts";

export { addCounts, COUNT_KEYS, zeroCounts };

/** Costs of one layer on every band width: `byGranules[j]` is the cost on (j + 1) granules. */
export interface LayerBandCosts {
  name: string;
  byGranules: BandLayerCost[];
}

/** Cost of `layer` on each of `bands` (from `bandHardware`). */
export function layerBandCosts(layer: Layer, bands: readonly BandHardware[]): LayerBandCosts {
  return { name: layer.name, byGranules: bands.map((b) => bandModel.layer(layer, b)) };
}

/** The bands of 1..G granules of `acc` under `opts` (index j = j + 1 granules). */
export function bandHardware(acc: Accelerator, opts: PartitionOptions): BandHardware[] {
  const total = axisUnits(acc, opts.axis);
  const options = {
    dramModel: opts.dramModel,
    sramBanking: opts.sramBanking,
    loopOrder: opts.loopOrder,
  };
  const out: BandHardware[] = [];
  for (let u = opts.granularity; u <= total; u += opts.granularity) {
    out.push({ whole: acc, axis: opts.axis, units: u, options });
  }
  return out;
}
