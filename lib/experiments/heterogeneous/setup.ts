/**
 * Study B's fixed set-up, read from data/heterogeneous-study.json (grid, networks, core search
 * space, reference core, layer-distribution settings; each with its reason in the file), and the
 * smaller set-up `--quick` runs.
 */
import { z } from "zod";
import setupFile from "../../../data/heterogeneous-study.json" with { type: "json" };
import {
  type CoreConfig,
  CoreConfigSchema,
  CoreSpaceSchema,
  expandSpace,
  sameCore,
  SplitMemorySchema,
  SweepGridSchema,
} from "../../multicore/mod.ts";
import { parseWith } from "../../validate.ts";

const name = z.string().min(1);

/** The study's set-up; every field is required in the file. */
export const HeterogeneousSetupSchema = z.object({
  grid: SweepGridSchema,
  networks: z.array(name).min(1),
  coreSearchSpace: CoreSpaceSchema,
  /** Numbers of core types of the heterogeneous chips compared. */
  coreTypeCounts: z.array(z.number().int().positive()).min(1),
  referenceCore: CoreConfigSchema,
  distribution: z.object({
    networks: z.array(name).min(1),
    /** Speed-ups are computed for 1 ... maxCores cores. */
    maxCores: z.number().int().positive(),
    /** Memory mode of the headline (see lib/multicore/split.ts). */
    memory: SplitMemorySchema.default("compute-bound"),
  }),
  rationale: z.record(z.string(), z.string()).default({}),
});
export type HeterogeneousSetup = z.infer<typeof HeterogeneousSetupSchema>;

/** Parse an untrusted set-up; throws naming every bad field. */
export function parseHeterogeneousSetup(input: unknown): HeterogeneousSetup {
  return parseWith(HeterogeneousSetupSchema, input, "heterogeneous set-up");
}

/** The published set-up (data/heterogeneous-study.json). */
export const defaultHeterogeneousSetup: HeterogeneousSetup = parseHeterogeneousSetup(setupFile);

/** A small set-up for smoke runs: 4 networks, 36 configurations, 2 networks on up to 4 cores. */
export function quickHeterogeneousSetup(s: HeterogeneousSetup): HeterogeneousSetup {
  return {
    ...s,
    grid: {
      ...s.grid,
      arrays: [[16, 16], [32, 32], [64, 64], [128, 128]],
      bufferKiB: [256, 512, 1024],
      bandwidthBytesPerCycle: [16],
    },
    networks: ["alexnet", "resnet18", "mobilenet_v2", "ncf"],
    coreTypeCounts: s.coreTypeCounts.filter((k) => k <= 2),
    distribution: { ...s.distribution, networks: ["alexnet", "mobilenet_v2"], maxCores: 4 },
  };
}

/** Index of each configuration of `wanted` in `configs`; throws naming one that is missing. */
export function indicesIn(configs: readonly CoreConfig[], wanted: readonly CoreConfig[]): number[] {
  return wanted.map((w) => {
    const i = configs.findIndex((c) => sameCore(c, w));
    if (i < 0) throw new Error(`set-up: core ${JSON.stringify(w)} is not in the sweep grid`);
    return i;
  });
}

/** Grid indices of the core search space and of the reference core. */
export function spaceIndices(s: HeterogeneousSetup, configs: readonly CoreConfig[]) {
  return {
    space: indicesIn(configs, expandSpace(s.coreSearchSpace)),
    reference: indicesIn(configs, [s.referenceCore])[0],
  };
}
