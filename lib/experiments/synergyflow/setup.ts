/**
 * Study D's setup, parsed with zod. Every default comes from data/synergyflow-setup.json, which was
 * committed before the run that uses it: the benchmark set (ImageNet networks of the 2015-2018
 * accelerator literature, each with its source) and its fc-headed / pool-headed groups, the
 * headline batch and the batch sweep, the fixed efficiencies of the sensitivity panel, the mixes
 * (every fc-headed x pool-headed pair plus one triple) and the conv engine's systolic efficiency.
 */
import { z } from "zod";
import setupFile from "../../../data/synergyflow-setup.json" with { type: "json" };
import { type NetworkDemand, networkDemand } from "../../elastic/demand.ts";
import {
  defaultElasticHardware,
  type ElasticHardware,
  ElasticHardwareSchema,
  hardwareIssues,
  parseElasticHardware,
} from "../../elastic/hardware.ts";
import { parseWith, ValidationError } from "../../validate.ts";
import { getNetwork } from "../../workload/zoo/mod.ts";

const posInt = z.number().int().positive();
const modelName = z.string().min(1);

/** fc-headed: two or more hidden FC layers before the classifier; pool-headed: global pooling. */
export const GroupSchema = z.enum(["fc-headed", "pool-headed"]);
export type Group = z.infer<typeof GroupSchema>;

const fileGroups: Record<string, Group> = Object.fromEntries(
  setupFile.networks.map((n) => [n.name, GroupSchema.parse(n.group)]),
);

/** The mixes rule of the setup file: every fc-headed x pool-headed pair, then the triples. */
export function defaultMixes(models: readonly string[], groups: Record<string, Group>): string[][] {
  const fcs = models.filter((m) => groups[m] === "fc-headed");
  const pools = models.filter((m) => groups[m] === "pool-headed");
  return [...fcs.flatMap((a) => pools.map((b) => [a, b])), ...setupFile.tripleMixes];
}

/** Where each network of the default set comes from (data/synergyflow-setup.json). */
export const networkSources: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(setupFile.networks.map((n) => [n.name, n.source])),
);

/** The study's hardware: data/synergyflow-hardware.json with the setup file's overrides. */
export const studyHardware: ElasticHardware = Object.freeze(
  parseElasticHardware({ ...defaultElasticHardware, ...setupFile.hardwareOverrides }),
);

export const SynergyflowOptionsSchema = z.object({
  /** Benchmark models (zoo names); the headline mean is over these. */
  models: z.array(modelName).min(1).default(setupFile.networks.map((n) => n.name)),
  /** Group of each model (every model of `models` needs one). */
  groups: z.record(z.string(), GroupSchema).default(fileGroups),
  /** Images per batch of the headline (FC weights are fetched once per batch). */
  batch: posInt.default(setupFile.batch),
  /** Batch sizes of the batch sweep (baseline and SynergyFlow at the same batch). */
  batchSizes: z.array(posInt).min(1).default(setupFile.batchSizes),
  /** Fixed conv efficiencies of the sensitivity panel, (0, 1]. */
  efficiencySweep: z.array(z.number().positive().max(1)).min(1).default(setupFile.efficiencySweep),
  /** Orientations of the conv array in the efficiency panel (the headline uses the hardware's). */
  arrayGrowthSweep: z.array(z.enum(["cols", "rows"])).min(1).default(
    setupFile.arrayGrowthSweep as ("cols" | "rows")[],
  ),
  /** DRAM bandwidths of the bandwidth sweep, GB/s (10^9 bytes per second). */
  bandwidthsGBps: z.array(z.number().positive()).min(1).default([3.2, 6.4, 12.8, 25.6, 51.2]),
  /** Model mixes run isolated (one after another) and co-scheduled; 2 or 3 models each. */
  mixes: z.array(z.array(modelName).min(2).max(3)).min(1).optional(),
  /** The mix whose split over time is shown. */
  timelineMix: z.array(modelName).min(2).max(3).default(setupFile.timelineMix),
  /** Images of each model in a job (mixes, timeline, reconfiguration sweep). */
  jobImages: posInt.default(64),
  /** Reconfiguration costs of the reconfiguration sweep, cycles. */
  reconfigurationCyclesSweep: z.array(z.number().nonnegative()).min(1).default([
    0,
    1e4,
    1e5,
    1e6,
    1e7,
  ]),
  /** Allocation grid of co-scheduling: PE blocks and bandwidth shares for 2 and for 3 models. */
  pairGridUnits: posInt.default(32),
  tripleGridUnits: posInt.default(16),
  /** The accelerator (default: data/synergyflow-hardware.json with the setup's overrides). */
  hardware: ElasticHardwareSchema.default(studyHardware),
});
export type SynergyflowOptionsInput = z.input<typeof SynergyflowOptionsSchema>;
/** Parsed options; `mixes` is filled in by the setup file's rule when not given. */
export type SynergyflowOptions = z.infer<typeof SynergyflowOptionsSchema> & { mixes: string[][] };

/** Parsed options plus what every table needs: the hardware and each model's demand. */
export interface SynergyflowSetup {
  options: SynergyflowOptions;
  hw: ElasticHardware;
  /** Demand of each model of `options.models`, in order. */
  demands: NetworkDemand[];
  /** Group of a model of the set. */
  groupOf(name: string): Group;
  /** Demand of any zoo model by name (cached), on the setup's hardware. */
  demandOf(name: string): NetworkDemand;
  /** Demand of any zoo model on other hardware (e.g. another conv efficiency), not cached. */
  demandOn(name: string, hw: ElasticHardware): NetworkDemand;
}

/** Smaller sweeps for smoke runs (`--quick`). */
export const quickSynergyflowOptions: SynergyflowOptionsInput = {
  models: ["alexnet_grouped", "zfnet", "nin", "resnet50"],
  batchSizes: [1, 16],
  efficiencySweep: [1, 0.5],
  bandwidthsGBps: [6.4, 12.8],
  mixes: [["alexnet_grouped", "resnet50"]],
  timelineMix: ["alexnet_grouped", "resnet50"],
  jobImages: 16,
  reconfigurationCyclesSweep: [0, 1e6],
  pairGridUnits: 8,
  tripleGridUnits: 4,
};

/** Parse options (naming every bad field) and build the models' demands. */
export function synergyflowSetup(input: unknown = {}): SynergyflowSetup {
  const parsed = parseWith(SynergyflowOptionsSchema, input, "synergyflow options");
  const issues = hardwareIssues(parsed.hardware);
  if (issues.length) throw new ValidationError("synergyflow options.hardware", issues);
  const missing = parsed.models.filter((m) => !parsed.groups[m]);
  if (missing.length) {
    throw new ValidationError(
      "synergyflow options",
      missing.map((m) => `groups.${m}: model ${m} has no group (fc-headed or pool-headed)`),
    );
  }
  const options = { ...parsed, mixes: parsed.mixes ?? defaultMixes(parsed.models, parsed.groups) };
  const hw = options.hardware;
  const cache = new Map<string, NetworkDemand>();
  const demandOn = (name: string, h: ElasticHardware) => networkDemand(getNetwork(name), h);
  const demandOf = (name: string) => {
    let d = cache.get(name);
    if (!d) cache.set(name, d = demandOn(name, hw));
    return d;
  };
  return {
    options,
    hw,
    demands: options.models.map(demandOf),
    groupOf: (name) => options.groups[name],
    demandOf,
    demandOn,
  };
}
