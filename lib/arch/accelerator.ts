/**
 * Accelerator description: one systolic array with three SRAM buffers (ifmap, filter, ofmap)
 * and a DRAM port. Parsed with zod; every field except `rows` and `cols` has a default.
 */
import { z } from "zod";
import { parseWith } from "../validate.ts";
import { defaultEnergyTable, EnergyTableSchema } from "./energy-table.ts";

/** Dataflow of the array (SCALE-Sim's names): weight, output or input stationary. */
export const DataflowSchema = z.enum(["ws", "os", "is"]);
export type Dataflow = z.infer<typeof DataflowSchema>;

/**
 * How the groups of a grouped/depthwise convolution share the array:
 * - `diagonal`: when one group's GEMM fits the array (rows and columns), several groups are
 *   placed block-diagonally and run in the same fold (off-diagonal PEs idle);
 * - `serial`: groups run one after another on the full array, as SCALE-Sim would run them.
 */
export const GroupPackingSchema = z.enum(["diagonal", "serial"]);
export type GroupPacking = z.infer<typeof GroupPackingSchema>;

const dim = z.number().int().positive();
const kib = z.number().positive();

export const AcceleratorSchema = z.object({
  /** Label used in reports. */
  name: z.string().min(1).default("array"),
  /** PE rows (SCALE-Sim ArrayHeight). */
  rows: dim,
  /** PE columns (SCALE-Sim ArrayWidth). */
  cols: dim,
  dataflow: DataflowSchema.default("ws"),
  /** Buffer capacities in KiB; defaults are SCALE-Sim's built-in 256 / 256 / 128. */
  ifmapSramKiB: kib.default(256),
  filterSramKiB: kib.default(256),
  ofmapSramKiB: kib.default(128),
  /** Bytes per operand word (SCALE-Sim fixes 1: int8). Partial sums use the same word. */
  wordBytes: dim.default(1),
  /** DRAM bandwidth shared by the three buffers, bytes per cycle (SCALE-Sim presets use 10). */
  dramBandwidthBytesPerCycle: z.number().positive().default(10),
  /** Clock, MHz (200 MHz: the 45 nm Accelergy setup of Paper A's author). */
  clockMHz: z.number().positive().default(200),
  groupPacking: GroupPackingSchema.default("diagonal"),
  energy: EnergyTableSchema.default(() => ({ ...defaultEnergyTable })),
});

/** A validated accelerator; sizes in KiB, bandwidth in bytes per cycle, clock in MHz. */
export type Accelerator = z.infer<typeof AcceleratorSchema>;
/** Input form: only `rows` and `cols` are required. */
export type AcceleratorInput = z.input<typeof AcceleratorSchema>;

/** Parse untrusted input into an Accelerator; throws ValidationError naming every bad field. */
export function parseAccelerator(input: unknown): Accelerator {
  return parseWith(AcceleratorSchema, input, "accelerator");
}

/** An R x C accelerator with default buffers, bandwidth, clock and energy table. */
export function defaultAccelerator(
  rows: number,
  cols: number,
  overrides: Partial<AcceleratorInput> = {},
): Accelerator {
  return parseAccelerator({ ...overrides, rows, cols });
}

/** Number of PEs in the array. */
export function peCount(acc: Accelerator): number {
  return acc.rows * acc.cols;
}

/** Short label, e.g. "32x32 ws". */
export function acceleratorLabel(acc: Accelerator): string {
  return `${acc.rows}x${acc.cols} ${acc.dataflow}`;
}
