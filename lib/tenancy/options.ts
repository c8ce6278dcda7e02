/**
 * Options of the partitioned weight-stationary (PWS) array, parsed with zod. One object serves
 * the static and dynamic schedulers; the single-tenancy baseline always uses the whole array.
 */
import { z } from "zod";
import type { Accelerator } from "../arch/accelerator.ts";
import {
  axisUnits as bandAxisUnits,
  type BandAxis,
  BandAxisSchema,
  DramModelSchema,
  LoopOrderSchema,
  SramBankingSchema,
} from "../arch/band.ts";
import { parseWith, ValidationError } from "../validate.ts";

/** Which array dimension is cut into bands: column bands (default) or row bands. */
export const SplitAxisSchema = BandAxisSchema;
export type SplitAxis = BandAxis;

/** How the dynamic partitioner deals free units among ready tenants (see PartitionOptionsSchema.share). */
export const ShareSchema = z.enum(["current", "remaining", "throughput"]);
export type Share = z.infer<typeof ShareSchema>;

/** When a ready tenant starts its layer on the granules it is offered (see dynamic.ts). */
export const StartRuleSchema = z.enum(["no-regret", "greedy"]);
export type StartRule = z.infer<typeof StartRuleSchema>;

export const PartitionOptionsSchema = z.object({
  /** Cut the array into column bands (R x c_i) or row bands (r_i x C). */
  axis: SplitAxisSchema.default("cols"),
  /** Band size unit, in columns (or rows): every band is a multiple of it. Must divide the axis. */
  granularity: z.number().int().positive().default(16),
  /**
   * Dynamic partitioner's weights when demand exceeds the free units: "current" = cycles of each
   * tenant's current layer on the whole array (summary A.5); "remaining" = cycles of all its
   * layers not yet finished; "throughput" is not proportional: it deals the free granules so that
   * the summed speed of the ready tenants' layers (relative to the whole array) is largest.
   */
  share: ShareSchema.default("current"),
  /**
   * Dynamic partitioner: "greedy" starts a layer on whatever it is dealt (summary A.5 as
   * written); "no-regret" (default) lets a tenant wait when starting now would end its layer later
   * than the best case of starting at the next release.
   */
  startRule: StartRuleSchema.default("no-regret"),
  /** Extra cycles charged to a tenant each time its band changes between two layers (see reload.ts). */
  repartitionCycles: z.number().int().nonnegative().default(0),
  /**
   * DRAM model of the band costs (lib/arch/band.ts): "proportional" (default: stalls at the
   * band's share of the port), "none" (no stalls, SCALE-Sim's default) or "shared" (planned as
   * proportional, then replayed with a work-conserving port, lib/arch/shared-port.ts).
   */
  dramModel: DramModelSchema.default("proportional"),
  /** SRAM access energy at the physical buffer's size (default) or at the band's bank share. */
  sramBanking: SramBankingSchema.default("physical"),
  /** Fold loop order: SCALE-Sim's (default) or, per layer, the one with fewer DRAM bytes. */
  loopOrder: LoopOrderSchema.default("scalesim"),
}).strict();
/** Validated partition options; sizes in array units (columns or rows), times in cycles. */
export type PartitionOptions = z.infer<typeof PartitionOptionsSchema>;
export type PartitionOptionsInput = z.input<typeof PartitionOptionsSchema>;

/** Columns (axis "cols") or rows (axis "rows") of `acc`: the units bands are cut from. */
export function axisUnits(acc: Accelerator, axis: SplitAxis): number {
  return bandAxisUnits(acc, axis);
}

/** Parse partition options for `acc`; throws naming every bad field, e.g. a granularity that does not divide the axis. */
export function parsePartitionOptions(input: unknown, acc: Accelerator): PartitionOptions {
  const opts = parseWith(PartitionOptionsSchema, input ?? {}, "partition options");
  const units = axisUnits(acc, opts.axis);
  if (units % opts.granularity !== 0) {
    throw new ValidationError("partition options", [
      `granularity: ${opts.granularity} does not divide ${opts.axis} ${units} (got ${opts.granularity})`,
    ]);
  }
  return opts;
}

/** Number of granules (band units) of the array. */
export function granuleCount(acc: Accelerator, opts: PartitionOptions): number {
  return axisUnits(acc, opts.axis) / opts.granularity;
}
