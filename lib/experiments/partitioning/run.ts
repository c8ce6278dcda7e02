/**
 * Study A's main runs as pure functions of the setup: every workload under the schedulers, and
 * the typed tables built from them (zod schemas, so a notebook gets typed rows whether it
 * recomputes or loads data/results/partitioning.json). Costs come from lib/arch through
 * lib/tenancy; nothing here computes cycles or energy.
 */
import { z } from "zod";
import type { Accelerator } from "../../arch/accelerator.ts";
import { makespanLowerBound, saving, scheduleLowerBound } from "../../tenancy/bounds.ts";
import type { PartitionOptions } from "../../tenancy/options.ts";
import { profileTenants, type TenantProfile } from "../../tenancy/profile.ts";
import type { ScheduleResult, SchedulerName } from "../../tenancy/schedule.ts";
import { schedulers } from "../../tenancy/workload.ts";
import { macLayers, networkMacs } from "../../workload/gemm.ts";
import type { Network } from "../../workload/layer.ts";
import { getNetwork } from "../../workload/zoo/mod.ts";
import { ClassSchema, type Variant, type Workload } from "./setup.ts";

/** Networks built once per run, by zoo name and variant. */
export type NetworkCache = Map<string, Network>;

/** The zoo network `name` ("conv": without its dense layers), built on first use. */
export function cachedNetwork(cache: NetworkCache, name: string, variant: Variant): Network {
  const key = `${name}|${variant}`;
  let n = cache.get(key);
  if (!n) {
    const full = getNetwork(name);
    n = variant === "full"
      ? full
      : { ...full, layers: full.layers.filter((l) => l.kind !== "dense") };
    cache.set(key, n);
  }
  return n;
}

export const SCHEDULERS: SchedulerName[] = ["single", "static", "expand", "dynamic"];
export const ENERGY_PARTS = ["mac", "rf", "array", "sram", "dram", "idle", "leakage"] as const;

/** One workload's schedules (those asked for) and bounds. */
export interface WorkloadRun {
  workload: Workload;
  profiles: TenantProfile[];
  schedules: Partial<Record<SchedulerName, ScheduleResult>> & { single: ScheduleResult };
  /** max(longest tenant alone, band area / array), cycles (bounds.ts). */
  lowerBoundCycles: number;
  /** The longest tenant on its best bands, cycles. */
  longestTenantCycles: number;
}

/** Profile each network once and run every workload under `names` (single always). */
export function runWorkloads(
  workloads: readonly Workload[],
  acc: Accelerator,
  opts: PartitionOptions,
  nets: NetworkCache,
  variant: Variant,
  names: readonly SchedulerName[] = SCHEDULERS,
): WorkloadRun[] {
  const models = [...new Set(workloads.flatMap((w) => w.models))];
  const profiles = new Map<string, TenantProfile>();
  profileTenants(models.map((n) => cachedNetwork(nets, n, variant)), acc, opts).forEach((p, i) =>
    profiles.set(models[i], p)
  );
  return workloads.map((w) => {
    const ps = w.models.map((m) => profiles.get(m)!);
    const schedules = { single: schedulers.single(ps, acc, opts) } as WorkloadRun["schedules"];
    for (const k of names) if (k !== "single") schedules[k] = schedulers[k](ps, acc, opts);
    return {
      workload: w,
      profiles: ps,
      schedules,
      lowerBoundCycles: scheduleLowerBound(ps),
      longestTenantCycles: makespanLowerBound(ps),
    };
  });
}

/** One workload under one scheduler (energy parts normalised to single tenancy's total). */
export const ScheduleRowSchema = z.object({
  workload: z.string(),
  class: ClassSchema,
  tenants: z.number(),
  scheduler: z.enum(["single", "static", "expand", "dynamic"]),
  makespanCycles: z.number(),
  energyPJ: z.number(),
  timeNormalized: z.number(),
  energyNormalized: z.number(),
  timeSaving: z.number(),
  energySaving: z.number(),
  /** MACs / (makespan x R x C): time utilisation of the whole array. */
  peUtilization: z.number(),
  allocatedFraction: z.number(),
  repartitions: z.number(),
  /** DRAM bytes / (port bandwidth x makespan): above 1 the port is oversubscribed. */
  portBusyFraction: z.number(),
  fellBack: z.boolean(),
  mac: z.number(),
  rf: z.number(),
  array: z.number(),
  sram: z.number(),
  dram: z.number(),
  idle: z.number(),
  leakage: z.number(),
});
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;

function scheduleRow(run: WorkloadRun, name: SchedulerName): ScheduleRow {
  const r = run.schedules[name]!, single = run.schedules.single;
  const timeSaving = saving(r.makespanCycles, single.makespanCycles);
  const energySaving = saving(r.energyPJ.total, single.energyPJ.total);
  const part = (p: typeof ENERGY_PARTS[number]) => r.energyPJ[p] / single.energyPJ.total;
  return {
    workload: run.workload.id,
    class: run.workload.class,
    tenants: run.workload.models.length,
    scheduler: name,
    makespanCycles: r.makespanCycles,
    energyPJ: r.energyPJ.total,
    timeNormalized: 1 - timeSaving,
    energyNormalized: 1 - energySaving,
    timeSaving,
    energySaving,
    peUtilization: r.peUtilization,
    allocatedFraction: r.allocatedFraction,
    repartitions: r.repartitions,
    portBusyFraction: r.makespanCycles > 0 ? r.portBusyCycles / r.makespanCycles : 0,
    fellBack: r.fellBack,
    mac: part("mac"),
    rf: part("rf"),
    array: part("array"),
    sram: part("sram"),
    dram: part("dram"),
    idle: part("idle"),
    leakage: part("leakage"),
  };
}

/** Rows for every workload and every scheduler it was run under. */
export function scheduleRows(runs: readonly WorkloadRun[]): ScheduleRow[] {
  return runs.flatMap((run) =>
    SCHEDULERS.filter((s) => run.schedules[s]).map((s) => scheduleRow(run, s))
  );
}

/** Mean of `key` over rows (NaN when empty). */
export function mean<T>(rows: readonly T[], key: (r: T) => number): number {
  return rows.length ? rows.reduce((s, r) => s + key(r), 0) / rows.length : NaN;
}

export const ClassMeanRowSchema = z.object({
  class: ClassSchema,
  scheduler: z.enum(["single", "static", "expand", "dynamic"]),
  workloads: z.number(),
  timeSaving: z.number(),
  energySaving: z.number(),
  peUtilization: z.number(),
  portBusyFraction: z.number(),
  /** Workloads where the dynamic scheduler ran single tenancy instead of its plan. */
  fellBack: z.number(),
});
export type ClassMeanRow = z.infer<typeof ClassMeanRowSchema>;

/** Class means per scheduler. */
export function classMeanRows(rows: readonly ScheduleRow[]): ClassMeanRow[] {
  return ClassSchema.options.flatMap((cls) =>
    SCHEDULERS.flatMap((scheduler) => {
      const sel = rows.filter((r) => r.class === cls && r.scheduler === scheduler);
      if (sel.length === 0) return [];
      return [{
        class: cls,
        scheduler,
        workloads: sel.length,
        timeSaving: mean(sel, (r) => r.timeSaving),
        energySaving: mean(sel, (r) => r.energySaving),
        peUtilization: mean(sel, (r) => r.peUtilization),
        portBusyFraction: mean(sel, (r) => r.portBusyFraction),
        fellBack: sel.filter((r) => r.fellBack).length,
      }];
    })
  );
}

export const CompositionRowSchema = z.object({
  workload: z.string(),
  class: ClassSchema,
  tenants: z.number(),
  gmacs: z.number(),
  macLayers: z.number(),
  singleCycles: z.number(),
  /** Longest tenant / shortest tenant, both alone on the whole array. */
  imbalance: z.number(),
  /** 1 - longest tenant (on its best bands) / single: the longest-tenant bound on time saving. */
  longestTenantBound: z.number(),
  /** 1 - max(longest tenant, band area / array) / single: the bound of any layer-boundary partitioner. */
  boundTimeSaving: z.number(),
  /** Port-busy time of single tenancy / its makespan. */
  singlePortBusy: z.number(),
});
export type CompositionRow = z.infer<typeof CompositionRowSchema>;

/** Table A-T1: every workload's size, imbalance and time-saving bounds. */
export function compositionRows(
  runs: readonly WorkloadRun[],
  nets: NetworkCache,
  variant: Variant,
) {
  return runs.map((run): CompositionRow => {
    const ns = run.workload.models.map((m) => cachedNetwork(nets, m, variant));
    const single = run.schedules.single;
    const alone = single.tenants.map((_, i) =>
      single.segments.filter((s) => s.tenant === i).reduce(
        (a, s) => a + s.endCycle - s.startCycle,
        0,
      )
    );
    return {
      workload: run.workload.id,
      class: run.workload.class,
      tenants: ns.length,
      gmacs: ns.reduce((s, n) => s + networkMacs(n), 0) / 1e9,
      macLayers: ns.reduce((s, n) => s + macLayers(n).length, 0),
      singleCycles: single.makespanCycles,
      imbalance: Math.max(...alone) / Math.min(...alone),
      longestTenantBound: 1 - run.longestTenantCycles / single.makespanCycles,
      boundTimeSaving: 1 - run.lowerBoundCycles / single.makespanCycles,
      singlePortBusy: single.portBusyCycles / single.makespanCycles,
    };
  });
}
