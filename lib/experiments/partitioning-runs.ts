/**
 * Study A's main runs: every workload under the three schedulers, and the tables built from them
 * (composition, per-schedule time / energy / utilization, class means). Pure functions of the setup.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import { savings, scheduleLowerBound } from "../tenancy/bounds.ts";
import type { PartitionOptions } from "../tenancy/options.ts";
import { profileTenants, type TenantProfile } from "../tenancy/profile.ts";
import type { ScheduleResult, SchedulerName } from "../tenancy/schedule.ts";
import { scheduleAll, type WorkloadSchedules } from "../tenancy/workload.ts";
import { macLayers, networkMacs } from "../workload/gemm.ts";
import type { Network } from "../workload/layer.ts";
import { getNetwork } from "../workload/zoo/mod.ts";
import type { Workload, WorkloadClass } from "./partitioning-setup.ts";

/** Networks built once per run, by zoo name. */
export type NetworkCache = Map<string, Network>;

/** The zoo network `name`, built on first use. */
export function cachedNetwork(cache: NetworkCache, name: string): Network {
  let n = cache.get(name);
  if (!n) cache.set(name, n = getNetwork(name));
  return n;
}

/** One workload's three schedules. */
export interface WorkloadRun {
  workload: Workload;
  schedules: WorkloadSchedules;
  /** No schedule that re-partitions at layer boundaries can end sooner (bounds.ts), cycles. */
  lowerBoundCycles: number;
}

/** Profile each network once on `acc` and run every workload under the three schedulers. */
export function runWorkloads(
  workloads: readonly Workload[],
  acc: Accelerator,
  opts: PartitionOptions,
  nets: NetworkCache,
): WorkloadRun[] {
  const names = [...new Set(workloads.flatMap((w) => w.models))];
  const profiles = new Map<string, TenantProfile>();
  profileTenants(names.map((n) => cachedNetwork(nets, n)), acc, opts).forEach((p, i) =>
    profiles.set(names[i], p)
  );
  return workloads.map((w) => {
    const ps = w.models.map((m) => profiles.get(m)!);
    return {
      workload: w,
      schedules: scheduleAll(ps, acc, opts),
      lowerBoundCycles: scheduleLowerBound(ps),
    };
  });
}

export const SCHEDULERS: SchedulerName[] = ["single", "static", "dynamic"];
export const ENERGY_PARTS = ["mac", "rf", "array", "sram", "dram", "idle", "leakage"] as const;

/** One workload under one scheduler (energy parts normalised to single tenancy's total). */
export interface ScheduleRow {
  [key: string]: string | number;
  workload: string;
  class: WorkloadClass;
  tenants: number;
  scheduler: SchedulerName;
  makespanCycles: number;
  energyPJ: number;
  timeNormalized: number;
  energyNormalized: number;
  timeSaving: number;
  energySaving: number;
  peUtilization: number;
  allocatedFraction: number;
  repartitions: number;
}

function scheduleRow(run: WorkloadRun, name: SchedulerName): ScheduleRow {
  const r: ScheduleResult = run.schedules[name], single = run.schedules.single;
  const s = savings(r, single);
  const row: ScheduleRow = {
    workload: run.workload.id,
    class: run.workload.class,
    tenants: run.workload.models.length,
    scheduler: name,
    makespanCycles: r.makespanCycles,
    energyPJ: r.energyPJ.total,
    timeNormalized: 1 - s.timeSaving,
    energyNormalized: 1 - s.energySaving,
    timeSaving: s.timeSaving,
    energySaving: s.energySaving,
    peUtilization: r.peUtilization,
    allocatedFraction: r.allocatedFraction,
    repartitions: r.repartitions,
  };
  for (const p of ENERGY_PARTS) row[p] = r.energyPJ[p] / single.energyPJ.total;
  return row;
}

/** Rows for every workload and scheduler. */
export function scheduleRows(runs: readonly WorkloadRun[]): ScheduleRow[] {
  return runs.flatMap((run) => SCHEDULERS.map((s) => scheduleRow(run, s)));
}

/** Mean of `key` over rows. */
export function mean<T>(rows: readonly T[], key: (r: T) => number): number {
  return rows.length ? rows.reduce((s, r) => s + key(r), 0) / rows.length : NaN;
}

/** Class means per scheduler: time and energy savings, utilization. */
export function classMeanRows(rows: readonly ScheduleRow[]) {
  const out = [];
  for (const cls of ["heavy", "light"] as const) {
    for (const scheduler of SCHEDULERS) {
      const sel = rows.filter((r) => r.class === cls && r.scheduler === scheduler);
      if (sel.length === 0) continue;
      out.push({
        class: cls,
        scheduler,
        workloads: sel.length,
        timeSaving: mean(sel, (r) => r.timeSaving),
        energySaving: mean(sel, (r) => r.energySaving),
        peUtilization: mean(sel, (r) => r.peUtilization),
        allocatedFraction: mean(sel, (r) => r.allocatedFraction),
      });
    }
  }
  return out;
}

/** Table A-T1: DNNs, MACs and MAC layers of every workload, its single-tenancy time and lower bound. */
export function compositionRows(runs: readonly WorkloadRun[], nets: NetworkCache) {
  return runs.map((run) => {
    const ns = run.workload.models.map((m) => cachedNetwork(nets, m));
    return {
      workload: run.workload.id,
      class: run.workload.class,
      models: run.workload.models.join(" + "),
      tenants: ns.length,
      gmacs: ns.reduce((s, n) => s + networkMacs(n), 0) / 1e9,
      macLayers: ns.reduce((s, n) => s + macLayers(n).length, 0),
      singleCycles: run.schedules.single.makespanCycles,
      lowerBoundCycles: Math.ceil(run.lowerBoundCycles),
      /** The most time any layer-boundary partitioner could save on this array. */
      boundTimeSaving: 1 - run.lowerBoundCycles / run.schedules.single.makespanCycles,
    };
  });
}
