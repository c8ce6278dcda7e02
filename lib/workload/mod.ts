/** Workload library: layer IR and schemas, GEMM lowering, the network zoo, SCALE-Sim topology I/O. */
export * from "./layer.ts";
export * from "./gemm.ts";
export * from "./shapes.ts";
export * from "./flow.ts";
export * from "./zoo/mod.ts";
export * from "./topology.ts";
