/**
 * Study A's robustness checks: how the class-mean savings move with the array size, the number of
 * tenants, the idle/leakage energy share, the granularity, a re-partition penalty, and the
 * dynamic partitioner's policy (share rule, start rule, DRAM bandwidth sharing).
 */
import type { Accelerator } from "../arch/accelerator.ts";
import { saving } from "../tenancy/bounds.ts";
import { parsePartitionOptions, type PartitionOptions } from "../tenancy/options.ts";
import { scheduleEnergy } from "../tenancy/schedule.ts";
import {
  mean,
  type NetworkCache,
  runWorkloads,
  type ScheduleRow,
  scheduleRows,
  type WorkloadRun,
} from "./partitioning-runs.ts";
import { type PartitioningSetup, scaledArray } from "./partitioning-setup.ts";

type Row = Record<string, string | number>;
const CLASSES = ["heavy", "light"] as const;
const MULTI = ["static", "dynamic"] as const;

/** Class means of static and dynamic savings, each row tagged with `tag`. */
function meansBy(rows: readonly ScheduleRow[], tag: Row): Row[] {
  const out: Row[] = [];
  for (const cls of CLASSES) {
    for (const scheduler of MULTI) {
      const sel = rows.filter((r) => r.class === cls && r.scheduler === scheduler);
      if (sel.length === 0) continue;
      out.push({
        ...tag,
        class: cls,
        scheduler,
        timeSaving: mean(sel, (r) => r.timeSaving),
        energySaving: mean(sel, (r) => r.energySaving),
        repartitions: mean(sel, (r) => r.repartitions),
      });
    }
  }
  return out;
}

/** Savings per square array size (buffers with PEs, bandwidth with columns, 8 granules). */
export function arraySizeRows(s: PartitioningSetup, nets: NetworkCache): Row[] {
  return s.raw.sensitivity.arraySizes.flatMap((size) => {
    const acc = scaledArray(s.acc, size);
    const opts = parsePartitionOptions({ ...s.opts, granularity: size / 8 }, acc);
    return meansBy(scheduleRows(runWorkloads(s.workloads, acc, opts, nets)), { arraySize: size });
  });
}

/** Savings per number of tenants, from the main runs. */
export function tenantRows(rows: readonly ScheduleRow[]): Row[] {
  const counts = [...new Set(rows.map((r) => r.tenants))].sort((a, b) => a - b);
  return counts.flatMap((n) => meansBy(rows.filter((r) => r.tenants === n), { tenants: n }));
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

/** Energy savings when idle and leakage energy are scaled (schedules unchanged: time does not depend on energy). */
export function idleLeakageRows(s: PartitioningSetup, runs: readonly WorkloadRun[]): Row[] {
  return s.raw.sensitivity.idleLeakageScales.flatMap((scale) => {
    const acc = scaleIdleLeakage(s.acc, scale);
    const energy = (r: WorkloadRun, k: "single" | "static" | "dynamic") => {
      const x = r.schedules[k];
      return scheduleEnergy(x.counts, acc, x.makespanCycles);
    };
    return CLASSES.flatMap((cls) => {
      const sel = runs.filter((r) => r.workload.class === cls);
      const share = mean(sel, (r) => {
        const e = energy(r, "single");
        return (e.idle + e.leakage) / e.total;
      });
      return MULTI.map((scheduler) => ({
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

/** Re-run the main setup with partition options changed by `patch`. */
function rerun(
  s: PartitioningSetup,
  nets: NetworkCache,
  patch: Partial<PartitionOptions>,
): ScheduleRow[] {
  const opts = parsePartitionOptions({ ...s.opts, ...patch }, s.acc);
  return scheduleRows(runWorkloads(s.workloads, s.acc, opts, nets));
}

/** Savings per granularity (columns per granule). */
export function granularityRows(s: PartitioningSetup, nets: NetworkCache): Row[] {
  return s.raw.sensitivity.granularities.flatMap((granularity) =>
    meansBy(rerun(s, nets, { granularity }), { granularity })
  );
}

/** Dynamic savings per re-partition penalty (static never re-partitions). */
export function repartitionRows(s: PartitioningSetup, nets: NetworkCache): Row[] {
  return s.raw.sensitivity.repartitionCycles.flatMap((repartitionCycles) =>
    meansBy(rerun(s, nets, { repartitionCycles }), { repartitionCycles })
      .filter((r) => r.scheduler === "dynamic")
  );
}

/** Workloads on which dynamic ends later than static. */
export function dynamicLosses(rows: readonly ScheduleRow[]): string[] {
  const byWorkload = (w: string, k: string) =>
    rows.find((r) => r.workload === w && r.scheduler === k)!.makespanCycles;
  const ids = [...new Set(rows.map((r) => r.workload))];
  return ids.filter((w) => byWorkload(w, "dynamic") > byWorkload(w, "static"));
}

/** Every share rule x start rule x bandwidth sharing: class-mean savings and losses to static. */
export function policyRows(s: PartitioningSetup, nets: NetworkCache): Row[] {
  const sens = s.raw.sensitivity;
  const out: Row[] = [];
  for (const bandwidthSharing of sens.bandwidthSharings) {
    for (const share of sens.shares) {
      for (const startRule of sens.startRules) {
        const rows = rerun(s, nets, { bandwidthSharing, share, startRule });
        const losses = dynamicLosses(rows).length;
        const tag = { bandwidthSharing, share, startRule, dynamicLosesToStatic: losses };
        out.push(...meansBy(rows, tag));
      }
    }
  }
  return out;
}
