/**
 * What every scheduler returns: a timeline of layer runs (who holds which granules when), finish
 * times, makespan, utilization and energy. Under the "shared" DRAM model the planned segments are
 * replayed with a work-conserving port (lib/arch/shared-port.ts): same bands and order, times
 * moved. Energy is lib/arch's `sharedArrayEnergy`: the dynamic energy of every layer run (priced
 * by the band model) plus idle PEs and leakage of the whole array over the makespan (every PE
 * stays clocked for the whole run, whether a tenant holds it or not).
 */
import type { Accelerator } from "../arch/accelerator.ts";
import { sharedArrayEnergy } from "../arch/band.ts";
import type { EnergyBreakdown, EnergyCounts } from "../arch/cost-types.ts";
import { type PortTask, sharedPortTimes } from "../arch/shared-port.ts";
import { addCounts, zeroCounts } from "./band.ts";
import type { PartitionOptions } from "./options.ts";
import type { TenantProfile } from "./profile.ts";

/** The schedulers of study A. */
export type SchedulerName = "single" | "static" | "expand" | "dynamic";

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
  /** The dynamic part of it (MAC, RF, array, SRAM, DRAM; idle and leakage 0), pJ. */
  dynamicEnergyPJ: EnergyBreakdown;
  /** Cycles the DRAM port must be busy to move every byte: DRAM bytes / port bandwidth. */
  portBusyCycles: number;
  /** True when the dynamic scheduler ran single tenancy because its plan ended later. */
  fellBack: boolean;
  /** MACs / (makespan x R x C). */
  peUtilization: number;
  /** Held unit-cycles / (makespan x total units): how much of the array was allocated. */
  allocatedFraction: number;
  /** Layer starts at which a tenant's band differs from its previous layer's band. */
  repartitions: number;
}

/** Round a fluid time up to a whole cycle, forgiving float noise of 1e-9 relative. */
function cycleUp(x: number): number {
  return Math.ceil(x - 1e-9 * Math.max(1, x));
}

/** Replay planned segments with the work-conserving port (segments must be in start order). */
function replayShared(
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  segments: Segment[],
): Segment[] {
  const order = segments.map((_, i) => i).sort((a, b) =>
    segments[a].startCycle - segments[b].startCycle || a - b
  );
  const segs = order.map((i) => segments[i]);
  const lastOfTenant = new Map<number, number>(), lastOfGranule = new Map<number, number>();
  const tasks: PortTask[] = segs.map((s, i) => {
    const after = new Set<number>();
    if (lastOfTenant.has(s.tenant)) after.add(lastOfTenant.get(s.tenant)!);
    for (const g of s.granules) if (lastOfGranule.has(g)) after.add(lastOfGranule.get(g)!);
    lastOfTenant.set(s.tenant, i);
    for (const g of s.granules) lastOfGranule.set(g, i);
    const c = profiles[s.tenant].layers[s.layer].byGranules[s.granules.length - 1];
    return {
      after: [...after],
      weight: s.units,
      delayCycles: s.penaltyCycles,
      tileBytes: Math.min(c.tileBytes, c.dramBytes),
      streamBytes: Math.max(0, c.dramBytes - c.tileBytes),
      computeCycles: c.computeCycles,
    };
  });
  const { start, end } = sharedPortTimes(tasks, acc.dramBandwidthBytesPerCycle);
  return segs.map((s, i) => ({ ...s, startCycle: cycleUp(start[i]), endCycle: cycleUp(end[i]) }));
}

/** Assemble a ScheduleResult from planned segments (costs looked up in the profiles). */
export function finishSchedule(
  scheduler: SchedulerName,
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  planned: Segment[],
  opts: PartitionOptions,
): ScheduleResult {
  const segments = opts.dramModel === "shared" ? replayShared(profiles, acc, planned) : planned;
  const p0 = profiles[0];
  const totalUnits = p0.granules * p0.granularity;
  const counts = zeroCounts();
  const dynamic: EnergyBreakdown[] = [];
  const finishCycles = profiles.map(() => 0);
  let heldUnitCycles = 0, repartitions = 0;
  const last = new Map<number, string>();
  for (const s of segments) {
    const c = profiles[s.tenant].layers[s.layer].byGranules[s.granules.length - 1];
    addCounts(counts, c);
    dynamic.push(c.energyPJ);
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
    energyPJ: sharedArrayEnergy(dynamic, counts.macs, acc, makespanCycles),
    dynamicEnergyPJ: sharedArrayEnergy(dynamic, counts.macs, acc, 0),
    portBusyCycles: counts.dramBytes / acc.dramBandwidthBytesPerCycle,
    fellBack: false,
    peUtilization: makespanCycles > 0 ? counts.macs / (makespanCycles * pes) : 0,
    allocatedFraction: makespanCycles > 0 ? heldUnitCycles / (makespanCycles * totalUnits) : 0,
    repartitions,
  };
}

/** The granule indices [first, first + count). */
export function granuleRange(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
