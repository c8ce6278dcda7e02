/**
 * Static equal partition (the ablation of summary A.5): the array's G granules are dealt once,
 * floor(G/n) to each of the n tenants and one more to each of the first G mod n; each tenant runs
 * all its layers on its fixed band from cycle 0, and a finished tenant's band stays idle. It
 * isolates what being *dynamic* adds.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import type { PartitionOptions } from "./options.ts";
import { checkProfiles, layerCycles, type TenantProfile } from "./profile.ts";
import { finishSchedule, granuleRange, type ScheduleResult, type Segment } from "./schedule.ts";

/** Granules of each of `tenants` tenants under an equal split of `granules` (first ones get the remainder). */
export function equalShares(granules: number, tenants: number): number[] {
  if (tenants > granules) {
    throw new RangeError(
      `static partition: ${tenants} tenants do not fit in ${granules} granules (one each at least)`,
    );
  }
  const base = Math.floor(granules / tenants), extra = granules % tenants;
  return Array.from({ length: tenants }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Run every tenant on its fixed, contiguous equal band from cycle 0. */
export function staticPartition(
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  opts: PartitionOptions,
): ScheduleResult {
  checkProfiles(profiles, acc, opts);
  const shares = equalShares(profiles[0].granules, profiles.length);
  const segments: Segment[] = [];
  let first = 0;
  profiles.forEach((p, tenant) => {
    const granules = granuleRange(first, shares[tenant]);
    first += shares[tenant];
    let t = 0;
    p.layers.forEach((l, layer) => {
      const end = t + layerCycles(p, layer, granules.length);
      segments.push({
        tenant,
        layer,
        layerName: l.name,
        startCycle: t,
        endCycle: end,
        granules,
        units: granules.length * p.granularity,
        penaltyCycles: 0,
      });
      t = end;
    });
  });
  segments.sort((a, b) => a.startCycle - b.startCycle || a.tenant - b.tenant);
  return finishSchedule("static", profiles, acc, segments, opts);
}
