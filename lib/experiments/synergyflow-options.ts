/**
 * Options of study D (SynergyFlow), parsed with zod. Every default was fixed before the study's
 * results were computed: the benchmark set is the summary's "likely set" (AlexNet, VGG-16/19,
 * GoogLeNet, ResNet-50/152), the batch is the summary's calibration batch (B = 1), and the sweeps
 * span the summary's ranges (B 1-64, DDR3-class bandwidths and beyond).
 */
import { z } from "zod";
import { type NetworkDemand, networkDemand } from "../elastic/demand.ts";
import {
  defaultElasticHardware,
  type ElasticHardware,
  ElasticHardwareSchema,
  hardwareIssues,
} from "../elastic/hardware.ts";
import { parseWith, ValidationError } from "../validate.ts";
import { getNetwork } from "../workload/zoo/mod.ts";

const posInt = z.number().int().positive();
const modelName = z.string().min(1);

export const SynergyflowOptionsSchema = z.object({
  /** Benchmark models (zoo names); the headline mean is over these. */
  models: z.array(modelName).min(1).default([
    "alexnet",
    "vgg16",
    "vgg19",
    "googlenet",
    "resnet50",
    "resnet152",
  ]),
  /** Images per batch: FC weights are fetched once per batch (summary's calibration: 1). */
  batch: posInt.default(1),
  /** Batch sizes of the batch sweep. */
  batchSizes: z.array(posInt).min(1).default([1, 2, 4, 8, 16, 32, 64]),
  /** DRAM bandwidths of the bandwidth sweep, GB/s (10^9 bytes per second). */
  bandwidthsGBps: z.array(z.number().positive()).min(1).default([3.2, 6.4, 12.8, 25.6, 51.2]),
  /** Model mixes run isolated (one after another) and co-scheduled; 2 or 3 models each. */
  mixes: z.array(z.array(modelName).min(2).max(3)).min(1).default([
    ["alexnet", "vgg16"],
    ["alexnet", "googlenet"],
    ["alexnet", "resnet50"],
    ["vgg16", "resnet50"],
    ["googlenet", "resnet50"],
    ["alexnet", "vgg16", "resnet50"],
  ]),
  /** The mix whose split over time is shown. */
  timelineMix: z.array(modelName).min(2).max(3).default(["alexnet", "googlenet", "resnet50"]),
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
  /** The accelerator (default: data/synergyflow-hardware.json). */
  hardware: ElasticHardwareSchema.default(defaultElasticHardware),
});
export type SynergyflowOptions = z.infer<typeof SynergyflowOptionsSchema>;
export type SynergyflowOptionsInput = z.input<typeof SynergyflowOptionsSchema>;

/** Parsed options plus what every table needs: the hardware and each model's demand. */
export interface SynergyflowSetup {
  options: SynergyflowOptions;
  hw: ElasticHardware;
  /** Demand of each model of `options.models`, in order. */
  demands: NetworkDemand[];
  /** Demand of any zoo model by name (cached). */
  demandOf(name: string): NetworkDemand;
}

/** Smaller sweeps for smoke runs (`--quick`). */
export const quickSynergyflowOptions: SynergyflowOptionsInput = {
  models: ["alexnet", "vgg16", "resnet50"],
  batchSizes: [1, 16],
  bandwidthsGBps: [6.4, 12.8],
  mixes: [["alexnet", "vgg16"]],
  timelineMix: ["alexnet", "resnet50"],
  jobImages: 16,
  reconfigurationCyclesSweep: [0, 1e6],
  pairGridUnits: 8,
  tripleGridUnits: 4,
};

/** Parse options (naming every bad field) and build the models' demands. */
export function synergyflowSetup(input: unknown = {}): SynergyflowSetup {
  const options = parseWith(SynergyflowOptionsSchema, input, "synergyflow options");
  const issues = hardwareIssues(options.hardware);
  if (issues.length) throw new ValidationError("synergyflow options.hardware", issues);
  const hw = options.hardware;
  const cache = new Map<string, NetworkDemand>();
  const demandOf = (name: string) => {
    let d = cache.get(name);
    if (!d) cache.set(name, d = networkDemand(getNetwork(name), hw));
    return d;
  };
  return { options, hw, demands: options.models.map(demandOf), demandOf };
}
