/**
 * Sub-accelerator cores: a dataflow style and a PE count. HB = NVDLA-like high-bandwidth core,
 * LB = Shi-diannao-like low-bandwidth core (closed forms in cost/closed-form.ts), SYS = the
 * project's own systolic-array cost model (cost/systolic.ts).
 */
import { z } from "zod";
import { parseWith } from "../validate.ts";
import type { Job } from "./job.ts";
import { hbCost, type JobCost, lbCost } from "./cost/closed-form.ts";
import { systolicCost } from "./cost/systolic.ts";

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
