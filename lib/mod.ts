/**
 * Public entry point of the multi-DNN accelerator lab (re-exports only).
 * Notebooks import it as `lab` (mapped in deno.json).
 */
export * from "./validate.ts";
export * from "./workload/layer.ts";
export * from "./workload/gemm.ts";
export * from "./workload/shapes.ts";
export * from "./workload/mod.ts";
export * from "./arch/mod.ts";
export * from "./plot/mod.ts";
export * from "./experiments/results.ts";
export type * from "./experiments/study.ts";
export { studies } from "./experiments/registry.ts";
export * from "./random.ts";
export * as mapping from "./mapping/mod.ts";
export * as multicore from "./multicore/mod.ts";
export * as elastic from "./elastic/mod.ts";
export * as throughput from "./throughput/mod.ts";
export * as tenancy from "./tenancy/mod.ts";
export { importOnnx, type OnnxImport, type OnnxOptions, readOnnx } from "./workload/import_onnx.ts";
