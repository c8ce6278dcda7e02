/**
 * Study C (MAGMA / M3E): everything fixed before a run, as one zod schema. The defaults are the
 * published reproduction; `quickMagmaSetup` is the smoke-test grid of `--quick`.
 *
 * The comparison protocol (fixed before any result of this version was computed):
 * - Job groups: M3E's own insts0 groups (data/m3e-jobs, the result comparable with the paper;
 *   the headline) and groups of the same four tasks drawn from our zoo.
 * - Cases: the six settings x four tasks x each setting's M3E bandwidth sweep = 88 on M3E's
 *   groups; on the zoo groups the 24 cases at 16 bytes/cycle (a bandwidth of both sweeps).
 * - Every (case, method) runs `seeds` seeds (default 5); search methods get `budget` samples
 *   (paper: 10 K). Summaries use the median over seeds, with a percentile bootstrap interval.
 * - "At least as good": MAGMA's median <= the other's median x (1 + tolerance), tolerance 0.1 %
 *   (below that, the two GAs that share MAGMA's selection tie by seed noise). The headline
 *   `magma_win_fraction` uses this rule against every baseline at once; the strict rule (1e-9,
 *   the first version's) is reported beside it. Pairwise: per baseline, MAGMA wins / ties / loses
 *   a case when its median is below / within / above the baseline's by the tolerance.
 * - Gap to the lower bound (bounds.ts) of MAGMA's median per case.
 * - Budget sweep: MAGMA and the standard GA at 1 K / 10 K / 100 K samples on a few cases.
 */
import { z } from "zod";
import { TASKS } from "../../mapping/groups.ts";
import { OPTIMIZERS } from "../../mapping/optimizers/registry.ts";
import { SETTING_IDS } from "../../mapping/settings.ts";
import { parseWith } from "../../validate.ts";

const methodNames = OPTIMIZERS.map((o) => o.name) as [string, ...string[]];

/** Where a job group comes from: M3E's files or our zoo. */
export const JOB_SOURCES = ["m3e", "zoo"] as const;
export type JobSource = (typeof JOB_SOURCES)[number];

const caseSchema = z.object({
  source: z.enum(JOB_SOURCES).default("m3e"),
  setting: z.enum(SETTING_IDS),
  task: z.enum(TASKS),
  bwBytesPerCycle: z.number().positive(),
});
export type CaseSpec = z.infer<typeof caseSchema>;

export const MagmaSetupSchema = z.object({
  /** Job-group sources of the grid; the first is the headline's. */
  sources: z.array(z.enum(JOB_SOURCES)).min(1).default(["m3e", "zoo"]),
  /** Jobs per zoo-sampled task group (M3E's groups have 100). */
  jobsPerGroup: z.number().int().positive().default(100),
  /**
   * Per source, the bandwidths (bytes/cycle) of each setting's sweep that the grid runs; a source
   * not listed runs the whole sweep. Default: the zoo groups at the comparison bandwidth only
   * (16, in both sweeps), to keep the 5-seed grid within a few minutes on 2 cores.
   */
  sourceBandwidths: z.record(z.string(), z.array(z.number().positive()).min(1)).default({
    zoo: [16],
  }),
  /** Seed of the zoo draw of every task group. */
  groupSeed: z.number().int().nonnegative().default(1),
  /** Settings of the main grid; each uses its M3E bandwidth sweep. */
  settings: z.array(z.enum(SETTING_IDS)).min(1).default([...SETTING_IDS]),
  /** Tasks of the main grid. */
  tasks: z.array(z.enum(TASKS)).min(1).default([...TASKS]),
  /** Sample budget of every search method (paper: 10 K). */
  budget: z.number().int().positive().default(10_000),
  /** Seeds per (case, method); seed k of case i is 1000 k + i. */
  seeds: z.number().int().min(1).default(5),
  /** Relative tolerance of "at least as good" (0.001 = 0.1 %). */
  tolerance: z.number().nonnegative().default(0.001),
  /** Tolerance of the strict rule reported beside the headline (float ties only). */
  strictTolerance: z.number().nonnegative().default(1e-9),
  /** Percentile bootstrap of the median: resamples, confidence, seed. */
  bootstrap: z.object({
    resamples: z.number().int().positive().default(1000),
    confidence: z.number().gt(0).lt(1).default(0.95),
    seed: z.number().int().nonnegative().default(7),
  }).default({ resamples: 1000, confidence: 0.95, seed: 7 }),
  /** Methods compared; "magma" must be one of them. */
  methods: z.array(z.enum(methodNames)).min(2).default(
    methodNames.filter((m) => m !== "magma-sym"),
  ),
  /** Bandwidth of the main-comparison figure, bytes/cycle (in both sweeps). */
  comparisonBwBytesPerCycle: z.number().positive().default(16),
  /** Case of the convergence curves (read from the grid's runs) and of the operator ablation. */
  convergenceCase: caseSchema.default({
    source: "m3e",
    setting: "S2",
    task: "mix",
    bwBytesPerCycle: 4,
  }),
  /** History points every this many samples. */
  historyEverySamples: z.number().int().positive().default(250),
  /** Budget sweep: methods, sample budgets and cases (seeds as the grid). */
  budgetSweep: z.object({
    methods: z.array(z.enum(methodNames)).default(["magma", "stdga"]),
    budgets: z.array(z.number().int().positive()).min(1).default([1_000, 10_000, 100_000]),
    cases: z.array(caseSchema).default([
      { source: "m3e", setting: "S1", task: "mix", bwBytesPerCycle: 4 },
      { source: "m3e", setting: "S2", task: "mix", bwBytesPerCycle: 4 },
      { source: "m3e", setting: "S2", task: "vision", bwBytesPerCycle: 16 },
      { source: "m3e", setting: "S2", task: "language", bwBytesPerCycle: 1 },
    ]),
  }).default({
    methods: ["magma", "stdga"],
    budgets: [1_000, 10_000, 100_000],
    cases: [
      { source: "m3e", setting: "S1", task: "mix", bwBytesPerCycle: 4 },
      { source: "m3e", setting: "S2", task: "mix", bwBytesPerCycle: 4 },
      { source: "m3e", setting: "S2", task: "vision", bwBytesPerCycle: 16 },
      { source: "m3e", setting: "S2", task: "language", bwBytesPerCycle: 1 },
    ],
  }),
  /** Case of the mapping visualisation: a bandwidth-bound heterogeneous one. */
  mappingCase: caseSchema.default({
    source: "m3e",
    setting: "S2",
    task: "recommendation",
    bwBytesPerCycle: 1,
  }),
  /** The manual mapper drawn next to MAGMA in the mapping visualisation. */
  mappingHeuristic: z.enum(methodNames).default("herald"),
  /** Web Workers for the independent searches (0: on the calling thread; results identical). */
  workers: z.number().int().nonnegative().optional(),
}).superRefine((o, ctx) => {
  if (!o.methods.includes("magma")) {
    ctx.addIssue({ code: "custom", path: ["methods"], message: "methods must include magma" });
  }
  const known = new Set(o.sources);
  const check = (c: CaseSpec, path: (string | number)[]) => {
    if (!known.has(c.source)) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "source"],
        message: `source "${c.source}" is not in sources (${o.sources.join(", ")})`,
      });
    }
  };
  check(o.convergenceCase, ["convergenceCase"]);
  check(o.mappingCase, ["mappingCase"]);
  o.budgetSweep.cases.forEach((c, i) => check(c, ["budgetSweep", "cases", i]));
});

export type MagmaSetup = z.infer<typeof MagmaSetupSchema>;
export type MagmaSetupInput = z.input<typeof MagmaSetupSchema>;

/** The `--quick` grid: small zoo groups, three settings, small budgets, 2 seeds. */
export const quickMagmaSetup: MagmaSetupInput = {
  sources: ["m3e", "zoo"],
  jobsPerGroup: 30,
  settings: ["S1", "S2", "S4"],
  budget: 600,
  seeds: 2,
  historyEverySamples: 50,
  bootstrap: { resamples: 200, confidence: 0.95, seed: 7 },
  budgetSweep: {
    methods: ["magma", "stdga"],
    budgets: [100, 600, 2000],
    cases: [{ source: "m3e", setting: "S2", task: "mix", bwBytesPerCycle: 4 }],
  },
};

/** Parse the study's setup, naming every bad field. */
export function parseMagmaSetup(input: unknown): MagmaSetup {
  return parseWith(MagmaSetupSchema, input, "magma study setup");
}

/** Seed of repetition `k` (0-based) of case `caseIndex` (0-based): the same for every method. */
export function seedOf(caseIndex: number, k: number): number {
  return 1000 * k + caseIndex + 1;
}
