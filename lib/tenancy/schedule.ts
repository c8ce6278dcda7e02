/**
 * What every scheduler returns: a timeline of layer runs (who holds which granules when), finish
 * times, makespan, utilization and energy. Energy is the cost model's `energyOf` on the whole
 * accelerator: the summed counts of every layer run, plus idle PEs and leakage over the makespan
 * (every PE stays clocked for the whole run, whether a tenant holds it or not).
 */
import type { Accelerator } from "../arch/accelerator.ts";
import type { EnergyBreakdown, EnergyCounts } from "../arch/cost-types.ts";
import { energyOf } from "../arch/energy.ts";
import { addCounts, zeroCounts } from "./band.ts";
import type { TenantProfile } from "./profile.ts";

/** The three schedulers of study A. */
export type SchedulerName = "single" | "static" | "dynamic";

/** One layer of one tenant run on a band, from `startCycle` to `endCycle`. */
export interface Segment {
  /** Index of the tenant in the workload. */
  tenant: number;
  /** Index of the layer among the tenant's MAC layers. */
  layer: number;
  layerName: string;
  startCycle: number;
  /** startCycle + penaltyCycles + the layer's cycles on the band. */
  endCycle: number;
  /** Granule indices held (ascending; need not be adjacent). */
  granules: number[];
  /** Units held (columns or rows) = granules x granularity. */
  units: number;
  /** Re-partition penalty paid before the layer starts (see reload.ts), cycles. */
  penaltyCycles: number;
}

/** A schedule of a workload on one array. */
export interface ScheduleResult {
  scheduler: SchedulerName;
  /** Tenant names, in workload order. */
  tenants: string[];
  axis: TenantProfile["axis"];
  /** Units (columns or rows) of the array and of one granule. */
  totalUnits: number;
  granularity: number;
  segments: Segment[];
  /** Cycle at which each tenant's last layer ends. */
  finishCycles: number[];
  /** Cycle at which the last tenant finishes (the paper's computation time). */
  makespanCycles: number;
  /** Counts summed over all layer runs (what dynamic energy is charged on). */
  counts: EnergyCounts;
  /** Energy of the run on the whole accelerator over the makespan, pJ. */
  energyPJ: EnergyBreakdown;
  /** MACs / (makespan x R x C). */
  peUtilization: number;
  /** Held unit-cycles / (makespan x total units): how much of the array was allocated. */
  allocatedFraction: number;
  /** Layer starts at which a tenant's band differs from its previous layer's band. */
  repartitions: number;
}

/** Energy of summed counts over `elapsedCycles` on the whole accelerator (idle PEs + leakage), pJ. */
export function scheduleEnergy(
  counts: EnergyCounts,
  acc: Accelerator,
  elapsedCycles: number,
): EnergyBreakdown {
  return energyOf(counts, acc, { elapsedCycles });
}

/** Assemble a ScheduleResult from segments (counts looked up in the profiles). */
export function finishSchedule(
  scheduler: SchedulerName,
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  segments: Segment[],
): ScheduleResult {
  const p0 = profiles[0];
  const totalUnits = p0.granules * p0.granularity;
  const counts = zeroCounts();
  const finishCycles = profiles.map(() => 0);
  let heldUnitCycles = 0, repartitions = 0;
  const last = new Map<number, string>();
  for (const s of segments) {
    addCounts(counts, profiles[s.tenant].layers[s.layer].byGranules[s.granules.length - 1]);
    finishCycles[s.tenant] = Math.max(finishCycles[s.tenant], s.endCycle);
    heldUnitCycles += s.units * (s.endCycle - s.startCycle);
    const key = s.granules.join(",");
    if (last.has(s.tenant) && last.get(s.tenant) !== key) repartitions++;
    last.set(s.tenant, key);
  }
  const makespanCycles = Math.max(0, ...finishCycles);
  const pes = acc.rows * acc.cols;
  return {
    scheduler,
    tenants: profiles.map((p) => p.name),
    axis: p0.axis,
    totalUnits,
    granularity: p0.granularity,
    segments,
    finishCycles,
    makespanCycles,
    counts,
    energyPJ: scheduleEnergy(counts, acc, makespanCycles),
    peUtilization: makespanCycles > 0 ? counts.macs / (makespanCycles * pes) : 0,
    allocatedFraction: makespanCycles > 0 ? heldUnitCycles / (makespanCycles * totalUnits) : 0,
    repartitions,
  };
}

/** The granule indices [first, first + count). */
export function granuleRange(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
