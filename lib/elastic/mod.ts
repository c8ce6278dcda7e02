/**
 * Study D's library: an elastic accelerator whose PE pool and DRAM bandwidth are split between a
 * conv engine and an FC engine (layer-level parallelism) and between co-running models
 * (model-level parallelism). Exported from lib/mod.ts as the namespace `elastic`.
 */
export * from "./hardware.ts";
export * from "./demand.ts";
export * from "./split.ts";
export * from "./search.ts";
export * from "./static.ts";
export * from "./utilization.ts";
export * from "./schedule.ts";
export * from "./cosched.ts";
export * from "./timeline.ts";
export * from "./ceiling.ts";
