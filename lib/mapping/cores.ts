/**
 * Sub-accelerator cores: a dataflow style and a PE count. HB = NVDLA-like high-bandwidth core,
 * LB = Shi-diannao-like low-bandwidth core (MAESTRO-style closed forms of lib/arch/maestro.ts),
 * SYS = the project's own systolic-array cost model seen through M3E's two numbers
 * (cost/systolic.ts).
 */
import { z } from "zod";
import { parseWith } from "../validate.ts";
import type { Job } from "./job.ts";
import { hbCost, lbCost } from "../arch/maestro.ts";
import { systolicCost } from "./cost/systolic.ts";

/** What the job-analysis table stores for one (job, core) pair. */
export interface JobCost {
  /** No-stall (compute-bound) latency, cycles. */
  latencyCycles: number;
  /** Bandwidth needed to run at no-stall speed, bytes per cycle. */
  bwBytesPerCycle: number;
}

export const CORE_STYLES = ["HB", "LB", "SYS"] as const;
export type CoreStyle = (typeof CORE_STYLES)[number];

export const CoreSpecSchema = z.object({
  style: z.enum(CORE_STYLES),
  /** Processing elements; HB and LB need a multiple of 64 (M3E's cluster size). */
  pes: z.number().int().positive(),
}).superRefine((c, ctx) => {
  if (c.style !== "SYS" && c.pes % 64 !== 0) {
    ctx.addIssue({ code: "custom", path: ["pes"], message: `${c.style} needs a multiple of 64` });
  }
});
export type CoreSpec = z.infer<typeof CoreSpecSchema>;

/** Parse a core list, naming every bad field. */
export function parseCores(input: unknown): CoreSpec[] {
  return parseWith(z.array(CoreSpecSchema).min(1), input, "cores");
}

/** Short label such as "HB-2048". */
export function coreLabel(c: CoreSpec): string {
  return `${c.style}-${c.pes}`;
}

/** No-stall latency and required bandwidth of `job` on `core`. */
export function jobCost(job: Job, core: CoreSpec): JobCost {
  switch (core.style) {
    case "HB":
      return hbCost(job, core.pes);
    case "LB":
      return lbCost(job, core.pes);
    case "SYS":
      return systolicCost(job, core.pes);
  }
}
