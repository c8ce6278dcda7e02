/**
 * A tenant's profile: the cost of each of its MAC layers on every band width, computed once and
 * shared by every scheduler and workload that uses the same network on the same array. Layers
 * without MACs (pooling, element-wise) cost zero in the cost model and are left out.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import { macLayers } from "../workload/gemm.ts";
import type { Network } from "../workload/layer.ts";
import type { BandHardware } from "../arch/band.ts";
import { bandHardware, type LayerBandCosts, layerBandCosts } from "./band.ts";
import { granuleCount, type PartitionOptions } from "./options.ts";

/** One network's per-layer, per-band-width costs on one partitioned array. */
export interface TenantProfile {
  /** Network name (the tenant's label). */
  name: string;
  /** MAC layers in execution order, each with its cost on 1..G granules. */
  layers: LayerBandCosts[];
  /** Granules in the array (G); `layers[l].byGranules[G - 1]` is the whole-array cost. */
  granules: number;
  /** Band unit, columns or rows. */
  granularity: number;
  axis: PartitionOptions["axis"];
  /** The band cost switches the profile was made with (DRAM model, SRAM banking, loop order). */
  costKey: string;
}

/** Profile `net` on every band width of `acc` under `opts`. */
export function profileTenant(
  net: Network,
  acc: Accelerator,
  opts: PartitionOptions,
  bands: readonly BandHardware[] = bandHardware(acc, opts),
): TenantProfile {
  return {
    name: net.name,
    layers: macLayers(net).map((l) => layerBandCosts(l, bands)),
    granules: granuleCount(acc, opts),
    granularity: opts.granularity,
    axis: opts.axis,
    costKey: costKey(opts),
  };
}

/** Profiles of several networks (the band accelerators are built once). */
export function profileTenants(
  nets: readonly Network[],
  acc: Accelerator,
  opts: PartitionOptions,
): TenantProfile[] {
  const bands = bandHardware(acc, opts);
  return nets.map((n) => profileTenant(n, acc, opts, bands));
}

/** The cost switches of `opts` as one label, e.g. "none/physical/best". */
export function costKey(opts: PartitionOptions): string {
  return `${opts.dramModel}/${opts.sramBanking}/${opts.loopOrder}`;
}

/** Cycles of layer `l` of `p` on `granules` granules. */
export function layerCycles(p: TenantProfile, l: number, granules: number): number {
  return p.layers[l].byGranules[granules - 1].cycles;
}

/** Throw unless every profile was made for the array and options a scheduler is given. */
export function checkProfiles(
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  opts: PartitionOptions,
): void {
  if (profiles.length === 0) throw new RangeError("a workload needs at least one tenant, got 0");
  const g = granuleCount(acc, opts);
  for (const p of profiles) {
    if (
      p.granules !== g || p.granularity !== opts.granularity || p.axis !== opts.axis ||
      p.costKey !== costKey(opts)
    ) {
      throw new RangeError(
        `profile of ${p.name} was made for ${p.granules} x ${p.granularity} ${p.axis} ` +
          `(${p.costKey}), not ${g} x ${opts.granularity} ${opts.axis} (${costKey(opts)})`,
      );
    }
  }
}
