/**
 * The DPU-class accelerator (AMD DPUCZDX8G) cost model: sizes and configuration (sizes.ts), per-layer
 * cycles and traffic behind the shared `CostModel` interface (`dpuModel`, layer.ts), job time with
 * DRAM contention (job.ts), the host board (platform.ts) and board power (power.ts). Used by the
 * CNN-throughput study (lib/throughput composes it with threads and CPU work).
 */
export * from "./sizes.ts";
export * from "./layer.ts";
export * from "./job.ts";
export * from "./platform.ts";
export * from "./power.ts";
