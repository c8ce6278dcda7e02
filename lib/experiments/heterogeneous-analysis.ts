/**
 * Study B's computation, shared by the `heterogeneous` study and notebook 02: the design-space
 * sweep (Web Workers), near-optimal cores and their savings, k-core-type chips, and layer
 * distribution over identical cores. Returns plain data; tables and figures are built from it.
 */
import { getNetwork } from "../workload/mod.ts";
import {
  compareCores,
  coreAccelerator,
  distributeNetwork,
  type DistributionPoint,
  expandSpace,
  type Metric,
  prepareWorkload,
  type SavingsReport,
  type SplitMemory,
  sweep,
  type SweepResult,
} from "../multicore/mod.ts";
import { type CoreTypeRow, coreTypeRows } from "./heterogeneous-core-types.ts";
import { type HeterogeneousSetup, spaceIndices } from "./heterogeneous-setup.ts";

/** Everything the study computes. */
export interface HeterogeneousAnalysis {
  setup: HeterogeneousSetup;
  sweep: SweepResult;
  /** Grid indices of the core search space and of the reference core. */
  space: number[];
  reference: number;
  savings: Record<Metric, SavingsReport>;
  coreTypes: CoreTypeRow[];
  /** Layer distribution in the headline memory mode, then in the two others. */
  distribution: DistributionPoint[];
  memoryVariants: DistributionPoint[];
}

/** Options of `analyzeHeterogeneous`. */
export interface AnalysisOptions {
  /** Web Workers for the sweep (default: the sweep's default, up to 2). */
  workers?: number;
  /** Progress lines ("step ..."). */
  progress?: (step: string) => void;
}

const memories: SplitMemory[] = ["compute-bound", "shared-dram", "private-dram"];

/** Layer distribution of the set-up's networks on the reference core, in `memory` mode. */
export function distributionPoints(
  s: HeterogeneousSetup,
  memory: SplitMemory,
): DistributionPoint[] {
  const acc = coreAccelerator(s.referenceCore, s.grid);
  const counts = Array.from({ length: s.distribution.maxCores }, (_, i) => i + 1);
  return s.distribution.networks.flatMap((n) =>
    distributeNetwork(getNetwork(n), acc, counts, { memory })
  );
}

/** Run the whole study computation for set-up `s`. */
export async function analyzeHeterogeneous(
  s: HeterogeneousSetup,
  opts: AnalysisOptions = {},
): Promise<HeterogeneousAnalysis> {
  const progress = opts.progress ?? (() => {});
  const configs = expandSpace(s.grid);
  const { space, reference } = spaceIndices(s, configs);
  const workload = prepareWorkload(s.networks.map((n) => getNetwork(n)));
  progress(`step sweep ${s.networks.length} networks x ${configs.length} configurations`);
  let lastQuarter = 0;
  const result = await sweep(workload, configs, {
    workers: opts.workers,
    bufferSplit: s.grid.bufferSplit,
    clockMHz: s.grid.clockMHz,
    onProgress: (done, total) => {
      const quarter = Math.floor((4 * done) / total);
      if (quarter > lastQuarter) progress(`step sweep ${25 * (lastQuarter = quarter)}%`);
    },
  });
  progress("step near-optimal cores and savings");
  const savings = {
    energy: compareCores(result, "energy", space, reference),
    latency: compareCores(result, "latency", space, reference),
    edp: compareCores(result, "edp", space, reference),
  };
  progress("step core-type choice (exact and greedy)");
  const coreTypes = coreTypeRows(result, space, s.coreTypeCounts);
  progress(`step layer distribution (${s.distribution.memory})`);
  const distribution = distributionPoints(s, s.distribution.memory);
  progress("step layer distribution (other memory modes)");
  const memoryVariants = memories.filter((m) => m !== s.distribution.memory).flatMap((m) =>
    distributionPoints(s, m)
  );
  return {
    setup: s,
    sweep: result,
    space,
    reference,
    savings,
    coreTypes,
    distribution,
    memoryVariants,
  };
}
