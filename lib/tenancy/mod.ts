/**
 * Study A's library: one systolic array shared by several DNNs with the partitioned
 * weight-stationary dataflow (Reshadi & Gregg, arXiv 2302.10806, as reconstructed in the summary).
 *
 * - `parsePartitionOptions` (options.ts): split axis cols|rows, granularity, share rule,
 *   re-partition penalty, and the band cost switches (DRAM model, SRAM banking, loop order).
 * - Costs come from lib/arch only (`bandModel`, `sharedArrayEnergy`, `sharedPortTimes`): this
 *   folder is scheduling policy. `profileTenants` (profile.ts): every layer's cost on every band
 *   width, computed once.
 * - Schedulers, all returning a `ScheduleResult` (schedule.ts: timeline segments, finish times,
 *   makespan, utilization, energy over the makespan via `energyOf`): `singleTenancy` (baseline),
 *   `staticPartition` (equal split), `staticExpand` (best split, then grow into freed
 *   granules), `dynamicPartition` (event-driven, policy in dynamic.ts; never slower than single
 *   tenancy); `runWorkload` / `scheduleAll` run all four.
 * - Timeline helpers (timeline.ts), lower bounds and savings (bounds.ts), what a re-partition
 *   costs and why (reload.ts).
 * To add a scheduler: write a function (profiles, acc, opts) -> ScheduleResult that builds
 * segments and calls `finishSchedule`, and add it to `schedulers` in workload.ts.
 */
export * from "./options.ts";
export * from "./band.ts";
export * from "./profile.ts";
export * from "./schedule.ts";
export * from "./allocate.ts";
export * from "./reload.ts";
export * from "./single.ts";
export * from "./static.ts";
export * from "./expand.ts";
export * from "./dynamic.ts";
export * from "./timeline.ts";
export * from "./bounds.ts";
export * from "./workload.ts";
