/**
 * Study A's tables beyond the headline: the grid of modelling choices (split axis x DRAM model x
 * SRAM banking x network variant), the measures that explain the gap (time utilisation, band-area
 * efficiency, band DRAM traffic), and one-at-a-time sweeps (tenants, array size, idle/leakage,
 * granularity, re-partition penalty, policy, loop order). Pure functions of the setup.
 */
import { z } from "zod";
import type { Accelerator } from "../../arch/accelerator.ts";
import { sharedArrayEnergy } from "../../arch/band.ts";
import { saving } from "../../tenancy/bounds.ts";
import { parsePartitionOptions, type PartitionOptions } from "../../tenancy/options.ts";
import { profileTenants } from "../../tenancy/profile.ts";
import type { SchedulerName } from "../../tenancy/schedule.ts";
import { macLayers } from "../../workload/gemm.ts";
import {
  cachedNetwork,
  compositionRows,
  mean,
  type NetworkCache,
  runWorkloads,
  type ScheduleRow,
  scheduleRows,
  type WorkloadRun,
} from "./run.ts";
import { ClassSchema, type PartitioningSetup, scaledArray, type Variant } from "./setup.ts";

type Tag = Record<string, string | number>;
const MULTI = ["static", "expand", "dynamic"] as const;

export const MeanRowSchema = z.object({
  class: ClassSchema,
  scheduler: z.enum(MULTI),
  timeSaving: z.number(),
  energySaving: z.number(),
}).catchall(z.union([z.string(), z.number()]));
export type MeanRow = z.infer<typeof MeanRowSchema>;

/** Class means of the multi-tenant schedulers' savings, each row tagged with `tag`. */
function meansBy(rows: readonly ScheduleRow[], tag: Tag): MeanRow[] {
  return ClassSchema.options.flatMap((cls) =>
    MULTI.flatMap((scheduler) => {
      const sel = rows.filter((r) => r.class === cls && r.scheduler === scheduler);
      if (sel.length === 0) return [];
      return [{
        ...tag,
        class: cls,
        scheduler,
        timeSaving: mean(sel, (r) => r.timeSaving),
        energySaving: mean(sel, (r) => r.energySaving),
      }];
    })
  );
}

/** Re-run the headline workloads with options changed by `patch`. */
function rerun(
  s: PartitioningSetup,
  nets: NetworkCache,
  patch: Partial<PartitionOptions>,
  names: SchedulerName[] = ["single", "dynamic"],
  variant: Variant = s.variant,
  acc: Accelerator = s.acc,
): WorkloadRun[] {
  const opts = parsePartitionOptions({ ...s.opts, ...patch }, acc);
  return runWorkloads(s.workloads, acc, opts, nets, variant, names);
}

export const GridRowSchema = z.object({
  axis: z.string(),
  dramModel: z.string(),
  sramBanking: z.string(),
  variant: z.string(),
  class: ClassSchema,
  timeSaving: z.number(),
  energySaving: z.number(),
  /** Mean bound on time saving of any layer-boundary partitioner (valid for "none"/"proportional"). */
  boundTimeSaving: z.number(),
  /** Mean DRAM port-busy fraction of the dynamic runs (above 1: oversubscribed). */
  portBusyFraction: z.number(),
  headline: z.boolean(),
});
export type GridRow = z.infer<typeof GridRowSchema>;

/** Every combination of the grid: class-mean dynamic savings. */
export function gridRows(s: PartitioningSetup, nets: NetworkCache): GridRow[] {
  const g = s.raw.grid, out: GridRow[] = [];
  for (const variant of g.variants) {
    for (const axis of g.axes) {
      for (const dramModel of g.dramModels) {
        for (const sramBanking of g.sramBankings) {
          const runs = rerun(s, nets, { axis, dramModel, sramBanking }, undefined, variant);
          const rows = scheduleRows(runs).filter((r) => r.scheduler === "dynamic");
          const comp = compositionRows(runs, nets, variant);
          const headline = axis === s.opts.axis && dramModel === s.opts.dramModel &&
            sramBanking === s.opts.sramBanking && variant === s.variant;
          for (const cls of ClassSchema.options) {
            const sel = rows.filter((r) => r.class === cls);
            out.push({
              axis,
              dramModel,
              sramBanking,
              variant,
              class: cls,
              timeSaving: mean(sel, (r) => r.timeSaving),
              energySaving: mean(sel, (r) => r.energySaving),
              boundTimeSaving: mean(comp.filter((r) => r.class === cls), (r) => r.boundTimeSaving),
              portBusyFraction: mean(sel, (r) => r.portBusyFraction),
              headline,
            });
          }
        }
      }
    }
  }
  return out;
}

export const UtilisationRowSchema = z.object({
  class: ClassSchema,
  variant: z.string(),
  /** MACs / (PEs x cycles) of the class's networks run alone on the whole array. */
  timeUtilisation: z.number(),
  /** Mean over folds of used PEs / PEs (SCALE-Sim's mapping efficiency, a spatial measure). */
  mappingEfficiency: z.number(),
  /** Share of single-tenancy cycles spent in FC (dense) layers. */
  fcCycleShare: z.number(),
  /** Time utilisation of those FC layers. */
  fcUtilisation: z.number(),
});
export type UtilisationRow = z.infer<typeof UtilisationRowSchema>;

/** Time utilisation of single tenancy per class (why the array has room to share). */
export function utilisationRows(s: PartitioningSetup, nets: NetworkCache): UtilisationRow[] {
  const pes = s.acc.rows * s.acc.cols;
  return s.raw.grid.variants.flatMap((variant) =>
    ClassSchema.options.map((cls) => {
      const ns = (s.raw.classes[cls] ?? []).map((m) => cachedNetwork(nets, m, variant));
      const ps = profileTenants(ns, s.acc, s.opts);
      let macs = 0, cycles = 0, fcMacs = 0, fcCycles = 0, mapW = 0, folds = 0;
      ps.forEach((p, i) => {
        const kinds = macLayers(ns[i]).map((l) => l.kind);
        p.layers.forEach((l, j) => {
          const c = l.byGranules[p.granules - 1];
          macs += c.macs;
          cycles += c.cycles;
          mapW += c.mappingEfficiency * c.folds;
          folds += c.folds;
          if (kinds[j] === "dense") [fcMacs, fcCycles] = [fcMacs + c.macs, fcCycles + c.cycles];
        });
      });
      return {
        class: cls,
        variant,
        timeUtilisation: macs / (pes * cycles),
        mappingEfficiency: mapW / folds,
        fcCycleShare: fcCycles / cycles,
        fcUtilisation: fcCycles > 0 ? fcMacs / (pes * fcCycles) : 0,
      };
    })
  );
}

export const BandAreaRowSchema = z.object({
  class: ClassSchema,
  axis: z.string(),
  loopOrder: z.string(),
  granules: z.number(),
  /**
   * Whole-array cycles / (band share x band cycles), summed over the class's layers: above 1 a
   * band does more per PE-cycle than the whole array, so G/k such bands side by side beat running
   * one after another by that factor.
   */
  bandAreaEfficiency: z.number(),
  /** DRAM bytes on the band / DRAM bytes on the whole array. */
  dramRatio: z.number(),
});
export type BandAreaRow = z.infer<typeof BandAreaRowSchema>;

/** Band-area efficiency and DRAM traffic per band width, split axis and loop order. */
export function bandAreaRows(s: PartitioningSetup, nets: NetworkCache): BandAreaRow[] {
  const out: BandAreaRow[] = [];
  for (const cls of ClassSchema.options) {
    const ns = (s.raw.classes[cls] ?? []).map((m) => cachedNetwork(nets, m, s.variant));
    for (const axis of s.raw.grid.axes) {
      for (const loopOrder of s.raw.sensitivity.loopOrders) {
        const opts = parsePartitionOptions({ ...s.opts, axis, loopOrder }, s.acc);
        const ps = profileTenants(ns, s.acc, opts);
        const G = ps[0].granules;
        for (let k = 1; k <= G; k++) {
          let whole = 0, band = 0, dramK = 0, dramG = 0;
          for (const p of ps) {
            for (const l of p.layers) {
              whole += l.byGranules[G - 1].cycles;
              band += (k / G) * l.byGranules[k - 1].cycles;
              dramK += l.byGranules[k - 1].dramBytes;
              dramG += l.byGranules[G - 1].dramBytes;
            }
          }
          out.push({
            class: cls,
            axis,
            loopOrder,
            granules: k,
            bandAreaEfficiency: whole / band,
            dramRatio: dramK / dramG,
          });
        }
      }
    }
  }
  return out;
}

/** Savings per tenant count over subsets of distinct networks (all four schedulers). */
export function tenantRows(s: PartitioningSetup, nets: NetworkCache): MeanRow[] {
  const rows = scheduleRows(runWorkloads(s.sweepWorkloads, s.acc, s.opts, nets, s.variant));
  return s.raw.workloads.tenantSweep.flatMap((n) =>
    meansBy(rows.filter((r) => r.tenants === n), { tenants: n })
  );
}

/** Savings per square array size (buffers with PEs, bandwidth with columns, 8 granules). */
export function arraySizeRows(s: PartitioningSetup, nets: NetworkCache): MeanRow[] {
  return s.raw.sensitivity.arraySizes.flatMap((size) => {
    const acc = scaledArray(s.acc, size);
    const runs = rerun(
      s,
      nets,
      { granularity: size / 8 },
      ["single", "static", "dynamic"],
      s.variant,
      acc,
    );
    return meansBy(scheduleRows(runs), { arraySize: size });
  });
}

/** The accelerator with idle-PE energy and both leakage powers multiplied by `scale`. */
export function scaleIdleLeakage(acc: Accelerator, scale: number): Accelerator {
  const e = acc.energy;
  return {
    ...acc,
    energy: {
      ...e,
      idlePePJPerCycle: e.idlePePJPerCycle * scale,
      peLeakageUW: e.peLeakageUW * scale,
      sramLeakageUWPerKiB: e.sramLeakageUWPerKiB * scale,
    },
  };
}

export const IdleLeakageRowSchema = z.object({
  idleLeakageScale: z.number(),
  class: ClassSchema,
  scheduler: z.string(),
  singleIdleLeakageShare: z.number(),
  energySaving: z.number(),
});
export type IdleLeakageRow = z.infer<typeof IdleLeakageRowSchema>;

/** Energy savings when idle and leakage energy are scaled (time does not depend on energy). */
export function idleLeakageRows(s: PartitioningSetup, runs: readonly WorkloadRun[]) {
  return s.raw.sensitivity.idleLeakageScales.flatMap((scale) => {
    const acc = scaleIdleLeakage(s.acc, scale);
    const energy = (r: WorkloadRun, k: SchedulerName) => {
      const x = r.schedules[k]!;
      return sharedArrayEnergy([x.dynamicEnergyPJ], x.counts.macs, acc, x.makespanCycles);
    };
    return ClassSchema.options.flatMap((cls) => {
      const sel = runs.filter((r) => r.workload.class === cls);
      const share = mean(sel, (r) => {
        const e = energy(r, "single");
        return (e.idle + e.leakage) / e.total;
      });
      return (["static", "dynamic"] as const).map((scheduler): IdleLeakageRow => ({
        idleLeakageScale: scale,
        class: cls,
        scheduler,
        singleIdleLeakageShare: share,
        energySaving: mean(
          sel,
          (r) => saving(energy(r, scheduler).total, energy(r, "single").total),
        ),
      }));
    });
  });
}

/** Dynamic and static savings per granularity (units per granule). */
export function granularityRows(s: PartitioningSetup, nets: NetworkCache): MeanRow[] {
  return s.raw.sensitivity.granularities.flatMap((granularity) =>
    meansBy(
      scheduleRows(rerun(s, nets, { granularity }, ["single", "static", "dynamic"])),
      { granularity },
    )
  );
}

/** Dynamic savings per re-partition penalty. */
export function repartitionRows(s: PartitioningSetup, nets: NetworkCache): MeanRow[] {
  return s.raw.sensitivity.repartitionCycles.flatMap((repartitionCycles) =>
    meansBy(scheduleRows(rerun(s, nets, { repartitionCycles })), { repartitionCycles })
  );
}

/** Dynamic savings per share rule x start rule, and per loop order. */
export function policyRows(s: PartitioningSetup, nets: NetworkCache): MeanRow[] {
  const sens = s.raw.sensitivity, out: MeanRow[] = [];
  for (const share of sens.shares) {
    for (const startRule of sens.startRules) {
      const rows = scheduleRows(rerun(s, nets, { share, startRule }));
      const fellBack = rows.filter((r) => r.fellBack).length;
      out.push(...meansBy(rows, { share, startRule, fellBack }));
    }
  }
  return out;
}

/** Dynamic savings per loop order. */
export function loopOrderRows(s: PartitioningSetup, nets: NetworkCache): MeanRow[] {
  return s.raw.sensitivity.loopOrders.flatMap((loopOrder) =>
    meansBy(scheduleRows(rerun(s, nets, { loopOrder })), { loopOrder })
  );
}
