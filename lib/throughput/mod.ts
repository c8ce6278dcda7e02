/**
 * Study E's library: a DPU-class accelerator (DPUCZDX8G sizes, per-layer cycles, DRAM contention),
 * the host platform and power, the closed-loop multithreaded simulation, the Vitis AI performance
 * CSV reader, the CPU pre/post rule and the throughput estimator. Exported from lib/mod.ts as
 * the namespace `throughput`.
 */
export * from "../arch/dpu/sizes.ts";
export * from "../arch/dpu/platform.ts";
export * from "../arch/dpu/power.ts";
export * from "../arch/dpu/layer.ts";
export * from "../arch/dpu/job.ts";
export * from "./calibrate.ts";
export * from "./bounds.ts";
export * from "./sim.ts";
export * from "./csv.ts";
export * from "./task.ts";
export * from "./perf-csv.ts";
export * from "./cpu-rule.ts";
export * from "./lsq.ts";
export * from "./estimator.ts";
export * from "./estimator-fit.ts";
export * from "./estimator-cv.ts";
export * from "./sweep.ts";
export * from "./estimate-rows.ts";
export * from "./stats.ts";
export * from "./model-cpu.ts";
