/**
 * Options of study C (MAGMA / M3E) and the derived set-up. The defaults are the published
 * reproduction; `quickMagmaOptions` is the smoke-test grid of `--quick`.
 *
 * Grid choice (fixed before looking at results): the paper's six settings x four tasks x each
 * setting's M3E bandwidth sweep = 88 cases, one seed per case (seed = case index + 1, the same for
 * every method), 10,000 samples per search method. One seed per case keeps the full run to a few
 * minutes on this 2-core machine; the seed-to-seed spread is measured separately on the
 * convergence case with 5 seeds. magma-sym (symmetric swaps) is reported in the ablation, not as
 * a baseline, since it is a MAGMA variant.
 */
import { z } from "zod";
import { TASKS } from "../mapping/groups.ts";
import { OPTIMIZERS } from "../mapping/optimizers/registry.ts";
import { SETTING_IDS } from "../mapping/settings.ts";
import { parseWith } from "../validate.ts";

const methodNames = OPTIMIZERS.map((o) => o.name) as [string, ...string[]];
const caseSchema = z.object({
  setting: z.enum(SETTING_IDS),
  task: z.enum(TASKS),
  bwBytesPerCycle: z.number().positive(),
});

export const MagmaOptionsSchema = z.object({
  /** Jobs per task group (M3E: 100). */
  jobsPerGroup: z.number().int().positive().default(100),
  /** Seed of the zoo draw of every task group. */
  groupSeed: z.number().int().nonnegative().default(1),
  /** Settings of the main grid; each uses its M3E bandwidth sweep. */
  settings: z.array(z.enum(SETTING_IDS)).min(1).default([...SETTING_IDS]),
  /** Tasks of the main grid. */
  tasks: z.array(z.enum(TASKS)).min(1).default([...TASKS]),
  /** Sample budget of every search method (paper: 10 K). */
  budget: z.number().int().positive().default(10_000),
  /** Methods compared; "magma" must be one of them. */
  methods: z.array(z.enum(methodNames)).min(2).default(
    methodNames.filter((m) => m !== "magma-sym"),
  ),
  /** Bandwidth of the main-comparison figure, bytes/cycle (in both sweeps). */
  comparisonBwBytesPerCycle: z.number().positive().default(16),
  /** Case of the convergence and ablation runs: heterogeneous small setting, every job type. */
  convergenceCase: caseSchema.default({ setting: "S2", task: "mix", bwBytesPerCycle: 4 }),
  /** Seeds of the convergence and ablation runs. */
  convergenceSeeds: z.number().int().positive().default(5),
  /** History points every this many samples. */
  historyEverySamples: z.number().int().positive().default(250),
  /** Case of the mapping visualisation: a bandwidth-bound heterogeneous one. */
  mappingCase: caseSchema.default({ setting: "S2", task: "recommendation", bwBytesPerCycle: 1 }),
  /** The manual mapper drawn next to MAGMA in the mapping visualisation. */
  mappingHeuristic: z.enum(methodNames).default("herald"),
}).refine((o) => o.methods.includes("magma"), {
  message: "methods must include magma",
  path: ["methods"],
});

export type MagmaOptions = z.infer<typeof MagmaOptionsSchema>;
export type MagmaOptionsInput = z.input<typeof MagmaOptionsSchema>;

/** The `--quick` grid: small groups, three settings, a small budget, 2 seeds. */
export const quickMagmaOptions: MagmaOptionsInput = {
  jobsPerGroup: 30,
  settings: ["S1", "S2", "S4"],
  budget: 600,
  convergenceSeeds: 2,
  historyEverySamples: 50,
};

/** Parse study options, naming every bad field. */
export function parseMagmaOptions(input: unknown): MagmaOptions {
  return parseWith(MagmaOptionsSchema, input, "magma study options");
}
