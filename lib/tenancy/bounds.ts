/**
 * Lower bounds a schedule cannot beat, from the cost model alone: a tenant runs its layers one
 * after another, and each layer takes at least its cycles on the band width where it is fastest;
 * and all layers together cannot occupy more than the array's granules x the makespan.
 */
import type { ScheduleResult } from "./schedule.ts";
import type { TenantProfile } from "./profile.ts";

/** Sum over the tenant's layers of its fastest cycles on any band width (the best it could do alone), cycles. */
export function bestStandaloneCycles(p: TenantProfile): number {
  let sum = 0;
  for (const l of p.layers) {
    let best = Infinity;
    for (const c of l.byGranules) best = Math.min(best, c.cycles);
    sum += best;
  }
  return sum;
}

/** The largest of the tenants' best standalone cycles: no schedule of them finishes sooner. */
export function makespanLowerBound(profiles: readonly TenantProfile[]): number {
  return Math.max(0, ...profiles.map(bestStandaloneCycles));
}

/**
 * Area bound: every layer run on k granules occupies k granules for its cycles on them, and the
 * array has G granules, so makespan >= sum over tenants and layers of min_k (k x cycles_k) / G.
 */
export function areaLowerBound(profiles: readonly TenantProfile[]): number {
  let area = 0;
  for (const p of profiles) {
    for (const l of p.layers) {
      let best = Infinity;
      l.byGranules.forEach((c, j) => best = Math.min(best, (j + 1) * c.cycles));
      area += best;
    }
  }
  return profiles.length ? area / profiles[0].granules : 0;
}

/** The larger of the longest-tenant and area bounds: no layer-boundary schedule ends sooner, cycles. */
export function scheduleLowerBound(profiles: readonly TenantProfile[]): number {
  return Math.max(makespanLowerBound(profiles), areaLowerBound(profiles));
}

/** 1 - multi/single: the saving of a schedule versus the single-tenancy baseline (fraction). */
export function saving(multi: number, single: number): number {
  if (!(single > 0)) throw new RangeError(`saving needs a positive baseline, got ${single}`);
  return 1 - multi / single;
}

/** Time and energy savings of `multi` versus `single` (fractions). */
export function savings(
  multi: ScheduleResult,
  single: ScheduleResult,
): { timeSaving: number; energySaving: number } {
  return {
    timeSaving: saving(multi.makespanCycles, single.makespanCycles),
    energySaving: saving(multi.energyPJ.total, single.energyPJ.total),
  };
}
