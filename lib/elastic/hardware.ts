/**
 * Hardware of the elastic accelerator (study D): a pool of MAC PEs and one DRAM bandwidth that the
 * engines share. The default comes from data/synergyflow-hardware.json, which names a source for
 * every value.
 */
import { z } from "zod";
import hardwareFile from "../../data/synergyflow-hardware.json" with { type: "json" };
import { DataflowSchema } from "../arch/accelerator.ts";
import { parseWith, ValidationError } from "../validate.ts";

const pos = z.number().positive();
const posInt = z.number().int().positive();
const share = z.number().positive().max(1);

/** The elastic accelerator; every field carries its unit. */
export const ElasticHardwareSchema = z.object({
  /** PE clock, Hz. */
  clockHz: pos,
  /** PEs in the pool (one MAC per PE per cycle). */
  peCount: posInt,
  /** Granularity of a re-partition: PEs move between engines in groups of this many. */
  peStep: posInt,
  /** DRAM bandwidth shared by all engines, bytes per second. */
  dramBandwidthBytesPerSecond: pos,
  /** Bytes per weight or activation word. */
  wordBytes: posInt,
  /** Fraction of peak MACs a conv layer achieves on its PEs (0, 1]. */
  convEfficiency: share,
  /**
   * "fixed": conv layers run at convEfficiency; "systolic": each conv layer's efficiency on p PEs
   * comes from the systolic model of a peStep x (p / peStep) array, or its transpose (see
   * convArrayGrowth; lib/arch/roofline.ts).
   */
  convEfficiencySource: z.enum(["fixed", "systolic"]).default("fixed"),
  /**
   * Which side of the conv engine's array grows with its PEs: "cols" (peStep rows, one column per
   * group of peStep PEs) or "rows" (peStep columns, one row per group).
   */
  convArrayGrowth: z.enum(["cols", "rows"]).default("cols"),
  /** Dataflow of the conv engine's array when convEfficiencySource is "systolic". */
  convArrayDataflow: DataflowSchema.default("ws"),
  /** Fraction of peak MACs an FC layer achieves on its PEs (0, 1]. */
  fcEfficiency: share,
  /** On-chip activation buffer, bytes; a layer whose input + output of one image exceed it spills to DRAM. */
  activationBufferBytes: z.number().nonnegative(),
  /** Cycles lost each time PEs and bandwidth are re-partitioned (no engine runs meanwhile). */
  reconfigurationCycles: z.number().nonnegative(),
});
export type ElasticHardware = z.infer<typeof ElasticHardwareSchema>;

/** Cross-field problems of a parsed hardware description; empty when valid. */
export function hardwareIssues(hw: ElasticHardware): string[] {
  const out: string[] = [];
  if (hw.peCount % hw.peStep !== 0) {
    out.push(`peCount ${hw.peCount} is not a multiple of peStep ${hw.peStep}`);
  } else if (hw.peCount < 2 * hw.peStep) {
    out.push(`peCount ${hw.peCount} < 2 x peStep ${hw.peStep}: no room for two engines`);
  }
  return out;
}

/** Parse an elastic hardware description; throws ValidationError naming every bad field. */
export function parseElasticHardware(value: unknown): ElasticHardware {
  const hw = parseWith(ElasticHardwareSchema, value, "elastic hardware");
  const issues = hardwareIssues(hw);
  if (issues.length) throw new ValidationError("elastic hardware", issues);
  return hw;
}

/** The study's default hardware (data/synergyflow-hardware.json): 512 PEs, 100 MHz, 6.4 GB/s, 16-bit. */
export const defaultElasticHardware: ElasticHardware = Object.freeze(
  parseElasticHardware(hardwareFile.hardware),
);

/** Where each default value comes from (data/synergyflow-hardware.json `sources`). */
export const elasticHardwareSources: Readonly<Record<string, string>> = Object.freeze({
  ...hardwareFile.sources,
});

/** Peak MAC rate of `pes` PEs, MACs per second. */
export function peakMacsPerSecond(hw: ElasticHardware, pes = hw.peCount): number {
  return pes * hw.clockHz;
}

/** Seconds lost by one re-partition. */
export function reconfigurationSeconds(hw: ElasticHardware): number {
  return hw.reconfigurationCycles / hw.clockHz;
}
