/**
 * Study A's fixed setup (data/partitioning-setup.json), parsed with zod: the array, the scheduler
 * options, the workload classes and compositions, and the sensitivity sweeps. Every value and its
 * reason are in that file; `sources` there says why, the notebook repeats it.
 */
import { z } from "zod";
import setupFile from "../../data/partitioning-setup.json" with { type: "json" };
import { type Accelerator, defaultAccelerator } from "../arch/accelerator.ts";
import {
  BandwidthSharingSchema,
  parsePartitionOptions,
  type PartitionOptions,
  ShareSchema,
  StartRuleSchema,
} from "../tenancy/options.ts";
import { parseWith, ValidationError } from "../validate.ts";
import { closeModelNames, listModels } from "../workload/zoo/mod.ts";

const posInt = z.number().int().positive();
const ClassSchema = z.enum(["heavy", "light"]);
export type WorkloadClass = z.infer<typeof ClassSchema>;

const WorkloadSchema = z.object({
  id: z.string().min(1),
  class: ClassSchema,
  models: z.array(z.string().min(1)).min(1).max(8),
});
export type Workload = z.infer<typeof WorkloadSchema>;

export const PartitioningSetupSchema = z.object({
  /** Accelerator fields (rows, cols, buffers KiB, bandwidth bytes/cycle, clock MHz, word bytes). */
  array: z.object({ rows: posInt, cols: posInt }).passthrough(),
  /** Partition options of the headline run (tenancy/options.ts). */
  scheduler: z.record(z.string(), z.unknown()),
  /** Networks of each class. */
  classes: z.record(ClassSchema, z.array(z.string().min(1)).min(1)),
  workloads: z.array(WorkloadSchema).min(1),
  /** Workload ids whose timelines are drawn. */
  timelineWorkloads: z.array(z.string().min(1)).min(1),
  sensitivity: z.object({
    /** Square array sizes (rows = cols); buffers scale with PEs, bandwidth with columns. */
    arraySizes: z.array(posInt).min(1),
    /** Factors on the idle-PE energy and both leakage powers. */
    idleLeakageScales: z.array(z.number().nonnegative()).min(1),
    granularities: z.array(posInt).min(1),
    repartitionCycles: z.array(z.number().int().nonnegative()).min(1),
    shares: z.array(ShareSchema).min(1),
    startRules: z.array(StartRuleSchema).min(1),
    bandwidthSharings: z.array(BandwidthSharingSchema).min(1),
  }),
  sources: z.record(z.string(), z.string()),
}).passthrough();
export type PartitioningSetupInput = z.infer<typeof PartitioningSetupSchema>;

/** The parsed setup with the accelerator and options built. */
export interface PartitioningSetup {
  raw: PartitioningSetupInput;
  acc: Accelerator;
  opts: PartitionOptions;
  workloads: Workload[];
}

function crossIssues(s: PartitioningSetupInput): string[] {
  const issues: string[] = [];
  const known = new Set(listModels().map((m) => m.name));
  const ids = new Set<string>();
  s.workloads.forEach((w, i) => {
    if (ids.has(w.id)) issues.push(`workloads[${i}].id: duplicate id (got "${w.id}")`);
    ids.add(w.id);
    w.models.forEach((m, j) => {
      if (!known.has(m)) {
        issues.push(
          `workloads[${i}].models[${j}]: unknown model (got "${m}"; close: ${
            closeModelNames(m, 3).join(", ")
          })`,
        );
      } else if (!(s.classes[w.class] ?? []).includes(m)) {
        issues.push(`workloads[${i}].models[${j}]: "${m}" is not in class ${w.class}`);
      }
    });
  });
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
  const issues = crossIssues(raw);
  if (issues.length > 0) throw new ValidationError("partitioning setup", issues);
  const { rows, cols, ...rest } = raw.array;
  const acc = defaultAccelerator(rows, cols, { ...rest, name: `${rows}x${cols} PWS` });
  return { raw, acc, opts: parsePartitionOptions(raw.scheduler, acc), workloads: raw.workloads };
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
