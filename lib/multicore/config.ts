/**
 * A core configuration of the design space: array shape, dataflow, total on-chip buffer and DRAM
 * bandwidth. `coreAccelerator` turns it into an arch `Accelerator` (the cost model's input); the
 * study never computes cycles or energy itself.
 */
import { z } from "zod";
import {
  type Accelerator,
  DataflowSchema,
  defaultAccelerator,
  type EnergyTable,
} from "../arch/mod.ts";
import { parseWith } from "../validate.ts";

const dim = z.number().int().positive();

/** One point of the design space. */
export const CoreConfigSchema = z.object({
  /** PE rows. */
  rows: dim,
  /** PE columns. */
  cols: dim,
  dataflow: DataflowSchema,
  /** Total of the ifmap, filter and ofmap SRAMs, KiB (split by a `BufferSplit`). */
  bufferKiB: z.number().positive(),
  /** DRAM bandwidth of the core, bytes per cycle. */
  bandwidthBytesPerCycle: z.number().positive(),
});
export type CoreConfig = z.infer<typeof CoreConfigSchema>;

/** Shares of the total buffer given to the ifmap, filter and ofmap SRAMs; they add up to 1. */
export const BufferSplitSchema = z.object({
  ifmap: z.number().positive(),
  filter: z.number().positive(),
  ofmap: z.number().positive(),
}).refine((s) => Math.abs(s.ifmap + s.filter + s.ofmap - 1) < 1e-9, {
  message: "ifmap + filter + ofmap shares must add up to 1",
});
export type BufferSplit = z.infer<typeof BufferSplitSchema>;

/** SCALE-Sim's default buffer ratio, 256 : 256 : 128 KiB. */
export const scaleSimBufferSplit: BufferSplit = Object.freeze({
  ifmap: 0.4,
  filter: 0.4,
  ofmap: 0.2,
});

/** What every core of a sweep shares: buffer split, clock and (optionally) the energy table. */
export interface CoreBase {
  /** Buffer shares (default SCALE-Sim's 0.4 / 0.4 / 0.2). */
  bufferSplit?: BufferSplit;
  /** Clock, MHz (default the arch default, 200). */
  clockMHz?: number;
  /** Energy table (default the arch default, data/energy-45nm.json). */
  energy?: EnergyTable;
}

/** Parse an untrusted core configuration; throws naming every bad field. */
export function parseCoreConfig(input: unknown): CoreConfig {
  return parseWith(CoreConfigSchema, input, "core configuration");
}

/** Short label, e.g. "32x32 ws 512K 16B/c". */
export function coreLabel(c: CoreConfig): string {
  return `${c.rows}x${c.cols} ${c.dataflow} ${c.bufferKiB}K ${c.bandwidthBytesPerCycle}B/c`;
}

/** True when two configurations describe the same core. */
export function sameCore(a: CoreConfig, b: CoreConfig): boolean {
  return a.rows === b.rows && a.cols === b.cols && a.dataflow === b.dataflow &&
    a.bufferKiB === b.bufferKiB && a.bandwidthBytesPerCycle === b.bandwidthBytesPerCycle;
}

/** The arch Accelerator of a core configuration (buffers split by `base.bufferSplit`). */
export function coreAccelerator(c: CoreConfig, base: CoreBase = {}): Accelerator {
  const split = base.bufferSplit ?? scaleSimBufferSplit;
  return defaultAccelerator(c.rows, c.cols, {
    name: coreLabel(c),
    dataflow: c.dataflow,
    ifmapSramKiB: c.bufferKiB * split.ifmap,
    filterSramKiB: c.bufferKiB * split.filter,
    ofmapSramKiB: c.bufferKiB * split.ofmap,
    dramBandwidthBytesPerCycle: c.bandwidthBytesPerCycle,
    ...(base.clockMHz === undefined ? {} : { clockMHz: base.clockMHz }),
    ...(base.energy === undefined ? {} : { energy: base.energy }),
  });
}
