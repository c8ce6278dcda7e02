/**
 * A mapping job: one DNN layer in MAESTRO's dimension names (K output channels, C input channels,
 * Y x X input rows x columns, R x S filter rows x columns), the form M3E's cost tables read.
 * FC (out, in) is K = out, C = in, the rest 1. GEMM (M, N, Kd) is K = N, C = Kd, Y = M, X = R = S = 1.
 * DSCONV (depthwise) keeps M3E's convention K = 1, C = channels. Convolutions are stride-1 in this
 * form: output rows Y - R + 1, columns X - S + 1. Sizes are elements, never bytes.
 */
import { z } from "zod";
import { maestroMacs, maestroOutHW } from "../arch/maestro.ts";
import { parseWith, ValidationError } from "../validate.ts";

/** Job types, numbered as M3E's CSV column T: 0 FC, 1 CONV, 2 DSCONV, 3 GEMM. */
export const JOB_TYPES = ["FC", "CONV", "DSCONV", "GEMM"] as const;
export type JobType = (typeof JOB_TYPES)[number];

const dim = z.number().int().positive();

export const JobSchema = z.object({
  type: z.enum(JOB_TYPES),
  K: dim,
  C: dim,
  Y: dim,
  X: dim,
  R: dim,
  S: dim,
  /** Tenant (DNN instance) the job came from; not used by the optimizers. */
  threadId: z.number().int().nonnegative().default(0),
  /** Layer index inside its tenant; not used by the optimizers. */
  layerId: z.number().int().nonnegative().default(0),
  /** Optional provenance, e.g. "resnet50/layer1.0.conv2". */
  source: z.string().optional(),
});
export type Job = z.infer<typeof JobSchema>;
export type JobInput = z.input<typeof JobSchema>;

/** Cross-field problems of one job, each naming the field and value; empty when valid. */
export function jobIssues(j: Job, tag = "job"): string[] {
  const out: string[] = [];
  const mustBeOne = (f: "Y" | "X" | "R" | "S" | "K") => {
    if (j[f] !== 1) out.push(`${tag}: ${j.type} needs ${f} = 1 (got ${j[f]})`);
  };
  if (j.type === "FC") ["Y", "X", "R", "S"].forEach((f) => mustBeOne(f as "Y"));
  if (j.type === "GEMM") ["X", "R", "S"].forEach((f) => mustBeOne(f as "X"));
  if (j.type === "DSCONV") mustBeOne("K");
  if (j.R > j.Y) out.push(`${tag}: filter R ${j.R} > input rows Y ${j.Y}`);
  if (j.S > j.X) out.push(`${tag}: filter S ${j.S} > input columns X ${j.X}`);
  return out;
}

/** Parse and check a list of jobs; every issue of every job is reported at once. */
export function parseJobs(input: unknown, what = "jobs"): Job[] {
  const jobs = parseWith(z.array(JobSchema).min(1), input, what);
  const issues = jobs.flatMap((j, i) => jobIssues(j, `job ${i}`));
  if (issues.length) throw new ValidationError(what, issues);
  return jobs;
}

/** Output rows x columns of a job (stride-1 form), in elements. */
export function jobOutHW(j: Job): [number, number] {
  return maestroOutHW(j);
}

/** Multiply-accumulates of a job. */
export function jobMacs(j: Job): number {
  return maestroMacs(j);
}
