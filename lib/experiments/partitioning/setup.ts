/**
 * Study A's setup, fixed before a run (data/partitioning-setup.json), parsed with zod: the array,
 * the scheduler and band cost switches of the headline, the workload classes, the grid of
 * alternatives and the sensitivity sweeps. Every value's reason is in that file's `sources`.
 * Workloads are generated here from the classes (every multiset or subset of n networks), so no
 * mix is hand-picked.
 */
import { z } from "zod";
import setupFile from "../../../data/partitioning-setup.json" with { type: "json" };
import { type Accelerator, defaultAccelerator } from "../../arch/accelerator.ts";
import {
  BandAxisSchema,
  DramModelSchema,
  LoopOrderSchema,
  SramBankingSchema,
} from "../../arch/band.ts";
import {
  parsePartitionOptions,
  type PartitionOptions,
  ShareSchema,
  StartRuleSchema,
} from "../../tenancy/options.ts";
import { parseWith, ValidationError } from "../../validate.ts";
import { closeModelNames, listModels } from "../../workload/zoo/mod.ts";

const posInt = z.number().int().positive();
export const ClassSchema = z.enum(["heavy", "light"]);
export type WorkloadClass = z.infer<typeof ClassSchema>;
/** "full": every conv and FC layer; "conv": the convolutions only. */
export const VariantSchema = z.enum(["full", "conv"]);
export type Variant = z.infer<typeof VariantSchema>;

/** One workload: DNNs of one class run together (a name may repeat). */
export interface Workload {
  id: string;
  class: WorkloadClass;
  models: string[];
}

export const PartitioningSetupSchema = z.object({
  name: z.string(),
  description: z.string(),
  /** Accelerator fields (rows, cols, buffers KiB, bandwidth bytes/cycle, clock MHz, word bytes). */
  array: z.object({ rows: posInt, cols: posInt }).passthrough(),
  /** Scheduler options of the headline (tenancy/options.ts). */
  scheduler: z.record(z.string(), z.unknown()),
  /** Band cost switches of the headline (arch/band.ts). */
  costModel: z.object({
    dramModel: DramModelSchema,
    sramBanking: SramBankingSchema,
    loopOrder: LoopOrderSchema,
  }).strict(),
  variant: VariantSchema,
  classes: z.record(ClassSchema, z.array(z.string().min(1)).min(1)),
  workloads: z.object({
    /** Tenants per headline workload. */
    tenants: posInt,
    /** Multisets (a network may repeat) rather than subsets. */
    repeats: z.boolean(),
    /** Tenant counts of the sweep over subsets of distinct networks. */
    tenantSweep: z.array(posInt).min(1),
  }).strict(),
  /** Workload ids whose timelines are drawn. */
  timelineWorkloads: z.array(z.string().min(1)).min(1),
  headline: z.string(),
  grid: z.object({
    axes: z.array(BandAxisSchema).min(1),
    dramModels: z.array(DramModelSchema).min(1),
    sramBankings: z.array(SramBankingSchema).min(1),
    variants: z.array(VariantSchema).min(1),
  }).strict(),
  sensitivity: z.object({
    /** Square array sizes (rows = cols); buffers scale with PEs, bandwidth with columns. */
    arraySizes: z.array(posInt).min(1),
    /** Factors on the idle-PE energy and both leakage powers. */
    idleLeakageScales: z.array(z.number().nonnegative()).min(1),
    granularities: z.array(posInt).min(1),
    repartitionCycles: z.array(z.number().int().nonnegative()).min(1),
    shares: z.array(ShareSchema).min(1),
    startRules: z.array(StartRuleSchema).min(1),
    loopOrders: z.array(LoopOrderSchema).min(1),
  }).strict(),
  sources: z.record(z.string(), z.string()),
}).strict();
export type PartitioningSetupInput = z.infer<typeof PartitioningSetupSchema>;

/** The parsed setup with the accelerator, the headline options and the workloads built. */
export interface PartitioningSetup {
  raw: PartitioningSetupInput;
  acc: Accelerator;
  opts: PartitionOptions;
  variant: Variant;
  /** Headline workloads, both classes. */
  workloads: Workload[];
  /** Subsets of distinct networks for the tenant sweep. */
  sweepWorkloads: Workload[];
}

/** Every multiset (repeats) or subset of `n` of `names`, in order of `names`. */
export function choose(names: readonly string[], n: number, repeats: boolean): string[][] {
  if (n === 0) return [[]];
  const out: string[][] = [];
  names.forEach((name, i) => {
    const rest = names.slice(repeats ? i : i + 1);
    for (const tail of choose(rest, n - 1, repeats)) out.push([name, ...tail]);
  });
  return out;
}

/** The workload id: class and sorted model names, e.g. "heavy:alexnet+resnet50". */
export function workloadId(cls: WorkloadClass, models: readonly string[]): string {
  return `${cls}:${[...models].sort().join("+")}`;
}

function workloadsOf(
  classes: PartitioningSetupInput["classes"],
  n: number,
  repeats: boolean,
): Workload[] {
  return ClassSchema.options.flatMap((cls) =>
    choose(classes[cls] ?? [], n, repeats).map((models) => ({
      id: workloadId(cls, models),
      class: cls,
      models,
    }))
  );
}

function crossIssues(s: PartitioningSetupInput, ids: Set<string>): string[] {
  const issues: string[] = [];
  const known = new Set(listModels().map((m) => m.name));
  for (const cls of ClassSchema.options) {
    (s.classes[cls] ?? []).forEach((m, j) => {
      if (!known.has(m)) {
        issues.push(
          `classes.${cls}[${j}]: unknown model (got "${m}"; close: ${
            closeModelNames(m, 3).join(", ")
          })`,
        );
      }
    });
  }
  s.timelineWorkloads.forEach((id, i) => {
    if (!ids.has(id)) issues.push(`timelineWorkloads[${i}]: no workload with id (got "${id}")`);
  });
  s.sensitivity.arraySizes.forEach((n, i) => {
    if (n % 8 !== 0) issues.push(`sensitivity.arraySizes[${i}]: not a multiple of 8 (got ${n})`);
  });
  return issues;
}

/** Parse a setup document (default: data/partitioning-setup.json); throws naming every bad field. */
export function parsePartitioningSetup(input: unknown = setupFile): PartitioningSetup {
  const raw = parseWith(PartitioningSetupSchema, input, "partitioning setup");
  const workloads = workloadsOf(raw.classes, raw.workloads.tenants, raw.workloads.repeats);
  const issues = crossIssues(raw, new Set(workloads.map((w) => w.id)));
  if (issues.length > 0) throw new ValidationError("partitioning setup", issues);
  const { rows, cols, ...rest } = raw.array;
  const acc = defaultAccelerator(rows, cols, { ...rest, name: `${rows}x${cols} PWS` });
  const opts = parsePartitionOptions({ ...raw.scheduler, ...raw.costModel }, acc);
  const sweepWorkloads = raw.workloads.tenantSweep.flatMap((n) =>
    workloadsOf(raw.classes, n, false)
  );
  return { raw, acc, opts, variant: raw.variant, workloads, sweepWorkloads };
}

/**
 * The array of the size sweep: `size` x `size`, buffers scaled with the PE count and DRAM
 * bandwidth with the column count relative to the setup's array (data/partitioning-setup.json).
 */
export function scaledArray(base: Accelerator, size: number): Accelerator {
  const pe = (size * size) / (base.rows * base.cols), col = size / base.cols;
  return defaultAccelerator(size, size, {
    ...base,
    name: `${size}x${size} PWS`,
    ifmapSramKiB: base.ifmapSramKiB * pe,
    filterSramKiB: base.filterSramKiB * pe,
    ofmapSramKiB: base.ofmapSramKiB * pe,
    dramBandwidthBytesPerCycle: base.dramBandwidthBytesPerCycle * col,
  });
}
