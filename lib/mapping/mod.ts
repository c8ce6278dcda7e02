/**
 * Study C (MAGMA / M3E): mapping the layers of several DNNs onto the cores of a multi-core
 * accelerator that share one off-chip bandwidth.
 *
 * - Jobs (job.ts, M3E CSV in m3e-csv.ts, from the layer IR in layer-jobs.ts, seeded task groups
 *   in groups.ts); cores and settings S1-S6 (cores.ts, settings.ts); HB/LB costs from the
 *   MAESTRO-style closed forms of lib/arch/maestro.ts and the systolic third core (cost/systolic.ts); the job-analysis table
 *   (table.ts); problems (problem.ts).
 * - The two-genome encoding (genome.ts), the bandwidth allocator (allocator.ts, hot path) and
 *   the full trace of a mapping (trace.ts).
 * - Optimizers behind `Optimizer.optimize(problem, budget, seed)` (optimizers/, registry in
 *   optimizers/registry.ts).
 */
export * from "../random.ts";
export * from "./job.ts";
export * from "./m3e-csv.ts";
export * from "./layer-jobs.ts";
export * from "./groups.ts";
export * from "./cost/systolic.ts";
export * from "./cores.ts";
export * from "./settings.ts";
export * from "./table.ts";
export * from "./problem.ts";
export * from "./genome.ts";
export * from "./allocator.ts";
export * from "./trace.ts";
export * from "./bounds.ts";
export * from "./optimizers/mod.ts";
export * from "./report.ts";
export * from "./m3e-groups.ts";
