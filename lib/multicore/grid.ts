/**
 * The design-space grid: every combination of array shape, total buffer, dataflow and DRAM
 * bandwidth, in a fixed order (arrays outermost, bandwidth innermost) so that a configuration's
 * index is stable. The default grid is the one written down in data/heterogeneous-study.json.
 */
import { z } from "zod";
import { DataflowSchema } from "../arch/mod.ts";
import setupFile from "../../data/heterogeneous-study.json" with { type: "json" };
import { parseWith } from "../validate.ts";
import { BufferSplitSchema, type CoreConfig, scaleSimBufferSplit } from "./config.ts";

const dim = z.number().int().positive();
const nonEmpty = <T extends z.ZodType>(t: T) => z.array(t).min(1);

/** Axes of a design space; `arrays` are [rows, cols] pairs. */
export const CoreSpaceSchema = z.object({
  arrays: nonEmpty(z.tuple([dim, dim])),
  /** Total buffer sizes, KiB. */
  bufferKiB: nonEmpty(z.number().positive()),
  dataflows: nonEmpty(DataflowSchema),
  bandwidthBytesPerCycle: nonEmpty(z.number().positive()),
});
export type CoreSpace = z.infer<typeof CoreSpaceSchema>;

/** A sweep grid: a design space plus what every core shares (buffer split, clock). */
export const SweepGridSchema = CoreSpaceSchema.extend({
  bufferSplit: BufferSplitSchema.default(() => ({ ...scaleSimBufferSplit })),
  /** Clock, MHz. */
  clockMHz: z.number().positive().default(200),
});
export type SweepGrid = z.infer<typeof SweepGridSchema>;

/** Parse an untrusted grid; throws naming every bad field. */
export function parseSweepGrid(input: unknown): SweepGrid {
  return parseWith(SweepGridSchema, input, "sweep grid");
}

/** The default grid (data/heterogeneous-study.json, `grid`): 648 configurations. */
export const defaultSweepGrid: SweepGrid = parseWith(
  SweepGridSchema,
  setupFile.grid,
  "data/heterogeneous-study.json grid",
);

/** Every configuration of a space, arrays outermost, then buffer, dataflow, bandwidth. */
export function expandSpace(space: CoreSpace): CoreConfig[] {
  const out: CoreConfig[] = [];
  for (const [rows, cols] of space.arrays) {
    for (const bufferKiB of space.bufferKiB) {
      for (const dataflow of space.dataflows) {
        for (const bandwidthBytesPerCycle of space.bandwidthBytesPerCycle) {
          out.push({ rows, cols, dataflow, bufferKiB, bandwidthBytesPerCycle });
        }
      }
    }
  }
  return out;
}
