/**
 * Study B's computation, shared by the `heterogeneous` study and notebook 02: the design-space
 * sweep (Web Workers), near-optimal cores and their savings, k-core-type chips, and layer
 * distribution over identical cores (`analyzeHeterogeneous`), then the result tables built from it
 * (`heterogeneousTables`). Every table has a zod schema (`heterogeneousTableSchemas`), so a reader
 * of data/results/heterogeneous.json gets the same typed rows (`parseHeterogeneousTables`).
 *
 * Heterogeneous chips with k core types, for energy and EDP: exact enumeration and greedy over the
 * core search space, and greedy (with its bound) plus exact for k <= 2 over the whole grid. Each
 * network counts equally: its metric is divided by its best in the candidate set, so a chip's
 * mean normalised metric is its average overhead over every network's own optimum (1 = none).
 *
 * The parameter tables vary one axis at a time around the reference core (32x32 WS, 512 KiB,
 * 16 B/cycle), every value normalised to the network's cost on the reference core.
 */
import { z } from "zod";
import { getNetwork } from "../../workload/mod.ts";
import {
  argmin,
  chooseCoreTypesExact,
  chooseCoreTypesGreedy,
  compareCores,
  coreAccelerator,
  type CoreConfig,
  CoreConfigSchema,
  coreLabel,
  distributeNetwork,
  type DistributionPoint,
  expandSpace,
  type Metric,
  metricMatrix,
  MetricSchema,
  normalizeRows,
  prepareWorkload,
  sameCore,
  type SavingsReport,
  type SplitMemory,
  SplitMemorySchema,
  sweep,
  sweepPoint,
  type SweepResult,
} from "../../multicore/mod.ts";
import type { StudyResult } from "../results.ts";
import { parseTables, type TablesOf } from "../table.ts";
import { paperComparisonRows } from "./paper.ts";
import { type HeterogeneousSetup, spaceIndices } from "./setup.ts";

/** The energy components of a cost (lib/arch EnergyBreakdown without its total), in table order. */
export const ENERGY_COMPONENTS = ["mac", "rf", "array", "sram", "dram", "idle", "leakage"] as const;

const num = z.number();
const int = z.number().int();
const str = z.string();

/** A sweep point normalised to the reference core (the fields after the axis columns). */
const metricFields = {
  energyPJ: num,
  latencySeconds: num,
  energyNorm: num,
  latencyNorm: num,
  edpNorm: num,
  dramNorm: num,
  sramNorm: num,
};

/** One layer-distribution result (lib/multicore `DistributionPoint`), as a table row. */
export const DistributionRowSchema = z.object({
  network: str,
  cores: int,
  memory: SplitMemorySchema,
  singleCoreCycles: num,
  singleCoreEnergyPJ: num,
  filtersCycles: num,
  pixelsCycles: num,
  algorithmCycles: num,
  bestGridCycles: num,
  pipelineOptimalCycles: num,
  pipelineGreedyCycles: num,
  speedupFilters: num,
  speedupPixels: num,
  speedupAlgorithm: num,
  speedupBestGrid: num,
  speedupPipelineOptimal: num,
  speedupPipelineGreedy: num,
  efficiency: num,
  algorithmEnergyRatio: num,
});

/** One metric and k: the chip's mean normalised metric for each method. */
export const CoreTypeRowSchema = z.object({
  metric: MetricSchema,
  k: int,
  spaceExactMean: num,
  spaceExactCores: str,
  spaceGreedyMean: num,
  spaceGreedyCores: str,
  /** No k-set of the space does better than this (greedy's bound). */
  spaceGreedyBoundMean: num,
  /** Largest and mean saving of the exact k-type chip vs the best homogeneous core of the space. */
  spaceExactMaxSaving: num,
  spaceExactMeanSaving: num,
  gridGreedyMean: num,
  gridGreedyCores: str,
  gridGreedyBoundMean: num,
  /** Exact over the whole grid, only for k <= 2 (null beyond: too many subsets). */
  gridExactMean: num.nullable(),
});
export type CoreTypeRow = z.infer<typeof CoreTypeRowSchema>;

/** The schema of every table of the study, by table name (order = order in the results file). */
export const heterogeneousTableSchemas = {
  /** B-T1: the core search space. */
  searchSpace: z.object({ core: int, label: str, ...CoreConfigSchema.shape }),
  /** The homogeneous baselines per metric. */
  baselines: z.object({
    metric: MetricSchema,
    homogeneousCore: str,
    referenceCore: str,
    maxSavingVsHomogeneous: num,
    maxSavingNetwork: str,
    meanSavingVsHomogeneous: num,
    referenceInSpace: z.boolean(),
  }),
  /** B-T2 and B-F5: each network's best core (space and grid) and its savings. */
  bestCore: z.object({
    network: str,
    bestEnergyCore: str,
    bestEdpCore: str,
    bestLatencyCore: str,
    gridBestEnergyCore: str,
    gridBestEdpCore: str,
    energySavingVsHomogeneous: num,
    edpSavingVsHomogeneous: num,
    latencySavingVsHomogeneous: num,
    energySavingVsReference: num,
    edpSavingVsReference: num,
    energyRatioVsHomogeneous: num,
    edpRatioVsHomogeneous: num,
  }),
  coreTypes: CoreTypeRowSchema,
  /** B-F1: array shapes. */
  arraySize: z.object({
    network: str,
    array: str,
    pes: int,
    shape: z.enum(["square", "tall", "wide"]),
    ...metricFields,
  }),
  /** B-F2: buffer sizes. */
  bufferSize: z.object({ network: str, bufferKiB: num, ...metricFields }),
  /** B-F3: dataflows. */
  dataflow: z.object({ network: str, dataflow: CoreConfigSchema.shape.dataflow, ...metricFields }),
  /** DRAM bandwidths. */
  bandwidth: z.object({ network: str, bandwidthBytesPerCycle: num, ...metricFields }),
  /** B-F4: energy by component on the reference core. */
  breakdown: z.object({
    network: str,
    component: z.enum(ENERGY_COMPONENTS),
    energyPJ: num,
    fraction: num,
  }),
  /** B-F6: layer distribution in the headline memory mode. */
  distribution: DistributionRowSchema,
  /** Layer distribution in the two other memory modes. */
  distributionMemory: DistributionRowSchema,
  /** Paper vs ours, with the reason for each difference. */
  paperComparison: z.object({
    metric: str,
    paper: num.nullable(),
    ours: num,
    difference: num.nullable(),
    why: str,
  }),
};

/** Every table of the study, typed by its schema. */
export type HeterogeneousTables = TablesOf<typeof heterogeneousTableSchemas>;
type T = HeterogeneousTables;
/** One row of table `K`. */
export type HeterogeneousRow<K extends keyof T> = T[K][number];

/** The typed tables of a results document (data/results/heterogeneous.json), naming bad fields. */
export function parseHeterogeneousTables(result: StudyResult): HeterogeneousTables {
  return parseTables(heterogeneousTableSchemas, result.tables, "heterogeneous");
}

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

const labels = (r: SweepResult, cols: readonly number[], members: readonly number[]) =>
  members.map((j) => coreLabel(r.configs[cols[j]])).join(" + ");

function rowFor(r: SweepResult, space: readonly number[], metric: Metric, k: number): CoreTypeRow {
  const nets = r.networks.length;
  const all = r.configs.map((_, i) => i);
  const raw = metricMatrix(r, metric, space);
  const norm = normalizeRows(raw);
  const exact = chooseCoreTypesExact(norm, k);
  const greedy = chooseCoreTypesGreedy(norm, k);
  const homog = chooseCoreTypesExact(norm, 1).members[0];
  const savings = raw.map((row, n) => 1 - row[exact.assignment[n]] / row[homog]);
  const gridNorm = normalizeRows(metricMatrix(r, metric));
  const gridGreedy = chooseCoreTypesGreedy(gridNorm, k);
  return {
    metric,
    k,
    spaceExactMean: exact.total / nets,
    spaceExactCores: labels(r, space, exact.members),
    spaceGreedyMean: greedy.total / nets,
    spaceGreedyCores: labels(r, space, greedy.members),
    spaceGreedyBoundMean: greedy.lowerBoundTotal / nets,
    spaceExactMaxSaving: Math.max(...savings),
    spaceExactMeanSaving: savings.reduce((a, b) => a + b, 0) / nets,
    gridGreedyMean: gridGreedy.total / nets,
    gridGreedyCores: labels(r, all, gridGreedy.members),
    gridGreedyBoundMean: gridGreedy.lowerBoundTotal / nets,
    gridExactMean: k <= 2 ? chooseCoreTypesExact(gridNorm, k).total / nets : null,
  };
}

/** Rows for energy and EDP and each k of `counts` (k larger than the space is skipped). */
export function coreTypeRows(
  r: SweepResult,
  space: readonly number[],
  counts: readonly number[],
): CoreTypeRow[] {
  const metrics: Metric[] = ["energy", "edp"];
  return metrics.flatMap((m) =>
    counts.filter((k) => k <= space.length).map((k) => rowFor(r, space, m, k))
  );
}

/** Grid indices of the configurations equal to the reference core on every axis of `keep`. */
function around(a: HeterogeneousAnalysis, keep: (keyof CoreConfig)[]): number[] {
  const ref = a.setup.referenceCore;
  return a.sweep.configs.flatMap((c, i) => (keep.every((k) => c[k] === ref[k]) ? [i] : []));
}

/** B-T1: the core search space. */
export function searchSpaceRows(a: HeterogeneousAnalysis): T["searchSpace"] {
  return a.space.map((i, j) => ({
    core: j,
    label: coreLabel(a.sweep.configs[i]),
    ...a.sweep.configs[i],
  }));
}

function metricRows<E extends object>(
  a: HeterogeneousAnalysis,
  configs: number[],
  extra: (c: CoreConfig) => E,
) {
  const rows: (E & { network: string } & { [K in keyof typeof metricFields]: number })[] = [];
  a.sweep.networks.forEach((network, n) => {
    const ref = sweepPoint(a.sweep, n, a.reference);
    for (const i of configs) {
      const p = sweepPoint(a.sweep, n, i);
      const c = a.sweep.configs[i];
      rows.push({
        network,
        ...extra(c),
        energyPJ: p.energyPJ.total,
        latencySeconds: p.latencySeconds,
        energyNorm: p.energyPJ.total / ref.energyPJ.total,
        latencyNorm: p.latencySeconds / ref.latencySeconds,
        edpNorm: p.edpPJs / ref.edpPJs,
        dramNorm: p.energyPJ.dram / ref.energyPJ.total,
        sramNorm: p.energyPJ.sram / ref.energyPJ.total,
      });
    }
  });
  return rows;
}

function shapeOf(c: CoreConfig): "square" | "tall" | "wide" {
  return c.rows === c.cols ? "square" : c.rows > c.cols ? "tall" : "wide";
}

/** B-F1: every array shape of the grid at the reference buffer, dataflow and bandwidth. */
export function arraySizeRows(a: HeterogeneousAnalysis): T["arraySize"] {
  const idx = around(a, ["dataflow", "bufferKiB", "bandwidthBytesPerCycle"]);
  return metricRows(a, idx, (c) => ({
    array: `${c.rows}x${c.cols}`,
    pes: c.rows * c.cols,
    shape: shapeOf(c),
  }));
}

/** B-F2: every buffer size at the reference array, dataflow and bandwidth. */
export function bufferSizeRows(a: HeterogeneousAnalysis): T["bufferSize"] {
  const idx = around(a, ["rows", "cols", "dataflow", "bandwidthBytesPerCycle"]);
  return metricRows(a, idx, (c) => ({ bufferKiB: c.bufferKiB }));
}

/** B-F3: each dataflow at the reference array, buffer and bandwidth. */
export function dataflowRows(a: HeterogeneousAnalysis): T["dataflow"] {
  const idx = around(a, ["rows", "cols", "bufferKiB", "bandwidthBytesPerCycle"]);
  return metricRows(a, idx, (c) => ({ dataflow: c.dataflow }));
}

/** Each DRAM bandwidth at the reference array, buffer and dataflow. */
export function bandwidthRows(a: HeterogeneousAnalysis): T["bandwidth"] {
  const idx = around(a, ["rows", "cols", "bufferKiB", "dataflow"]);
  return metricRows(a, idx, (c) => ({ bandwidthBytesPerCycle: c.bandwidthBytesPerCycle }));
}

/** B-F4: energy by component on the reference core, as fractions of the total. */
export function breakdownRows(a: HeterogeneousAnalysis): T["breakdown"] {
  return a.sweep.networks.flatMap((network, n) => {
    const e = sweepPoint(a.sweep, n, a.reference).energyPJ;
    return ENERGY_COMPONENTS.map((component) => ({
      network,
      component,
      energyPJ: e[component],
      fraction: e[component] / e.total,
    }));
  });
}

/** B-T2 and B-F5: each network's best core (space and grid) and its savings. */
export function bestCoreRows(a: HeterogeneousAnalysis): T["bestCore"] {
  const { energy, latency, edp } = a.savings;
  const label = (i: number) => coreLabel(a.sweep.configs[i]);
  const gridEnergy = metricMatrix(a.sweep, "energy");
  const gridEdp = metricMatrix(a.sweep, "edp");
  return a.sweep.networks.map((network, n) => {
    return {
      network,
      bestEnergyCore: label(energy.networks[n].bestConfig),
      bestEdpCore: label(edp.networks[n].bestConfig),
      bestLatencyCore: label(latency.networks[n].bestConfig),
      gridBestEnergyCore: label(argmin(gridEnergy[n])),
      gridBestEdpCore: label(argmin(gridEdp[n])),
      energySavingVsHomogeneous: energy.networks[n].savingVsHomogeneous,
      edpSavingVsHomogeneous: edp.networks[n].savingVsHomogeneous,
      latencySavingVsHomogeneous: latency.networks[n].savingVsHomogeneous,
      energySavingVsReference: energy.networks[n].savingVsReference,
      edpSavingVsReference: edp.networks[n].savingVsReference,
      energyRatioVsHomogeneous: 1 - energy.networks[n].savingVsHomogeneous,
      edpRatioVsHomogeneous: 1 - edp.networks[n].savingVsHomogeneous,
    };
  });
}

/** The homogeneous baselines per metric. */
export function baselineRows(a: HeterogeneousAnalysis): T["baselines"] {
  return (["energy", "latency", "edp"] as const).map((m) => {
    const r = a.savings[m];
    return {
      metric: m,
      homogeneousCore: coreLabel(a.sweep.configs[r.homogeneousConfig]),
      referenceCore: coreLabel(a.sweep.configs[r.referenceConfig]),
      maxSavingVsHomogeneous: r.maxSavingVsHomogeneous,
      maxSavingNetwork: r.maxSavingNetwork,
      meanSavingVsHomogeneous: r.meanSavingVsHomogeneous,
      referenceInSpace: a.space.some((i) => sameCore(a.sweep.configs[i], a.setup.referenceCore)),
    };
  });
}

/** Layer-distribution rows (one per network and core count). */
export function distributionRows(points: readonly DistributionPoint[]): T["distribution"] {
  return points.map((p) => ({ ...p }));
}

/** Every table of the study, by name (in the order of `heterogeneousTableSchemas`). */
export function heterogeneousTables(a: HeterogeneousAnalysis): HeterogeneousTables {
  return {
    searchSpace: searchSpaceRows(a),
    baselines: baselineRows(a),
    bestCore: bestCoreRows(a),
    coreTypes: a.coreTypes,
    arraySize: arraySizeRows(a),
    bufferSize: bufferSizeRows(a),
    dataflow: dataflowRows(a),
    bandwidth: bandwidthRows(a),
    breakdown: breakdownRows(a),
    distribution: distributionRows(a.distribution),
    distributionMemory: distributionRows(a.memoryVariants),
    paperComparison: paperComparisonRows(a),
  };
}
