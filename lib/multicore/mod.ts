/**
 * Study B's library: design-space sweep, near-optimal core per network, heterogeneous core-type
 * choice, and layer distribution over identical cores. It only composes the arch cost model.
 *
 * - `CoreConfig` (rows, cols, dataflow, bufferKiB, bandwidthBytesPerCycle), `coreAccelerator`,
 *   `SweepGrid` / `expandSpace` / `defaultSweepGrid` (data/heterogeneous-study.json).
 * - `prepareWorkload(networks)` -> `sweep(workload, configs, { workers, onProgress })` (Web
 *   Workers) or `sweepSync`: energy, latency, EDP per (network, configuration).
 * - `metricMatrix`, `compareCores` (best core per network vs best homogeneous and reference core),
 *   `chooseCoreTypesExact` / `chooseCoreTypesGreedy` (k core types, greedy with a bound).
 * - `distributeNetwork(net, acc, coreCounts)`: intra-layer split (`splitLayer`, `foldAwareSplit`,
 *   `optimalGridSplit`) and pipelining (`pipelineOptimal`, `pipelineGreedy`), speed-ups vs 1 core.
 */
export * from "./config.ts";
export * from "./grid.ts";
export * from "./workload.ts";
export * from "./sweep.ts";
export * from "./parallel.ts";
export * from "./metric.ts";
export * from "./core-types.ts";
export * from "./savings.ts";
export * from "./split.ts";
export * from "./pipeline.ts";
export * from "./distribute.ts";
