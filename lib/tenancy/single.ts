/**
 * Single tenancy, the paper's baseline: the DNNs of a workload run one after another, each with
 * the whole array, all its buffers and the whole DRAM port (summary A.6). Computation time is the
 * sum of the networks' latencies; idle PEs and leakage are charged over that whole time.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import { granuleRange, type Segment } from "./schedule.ts";
import { finishSchedule, type ScheduleResult } from "./schedule.ts";
import { checkProfiles, layerCycles, type TenantProfile } from "./profile.ts";
import type { PartitionOptions } from "./options.ts";

/** Run the tenants back to back on the whole array, in workload order. */
export function singleTenancy(
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  opts: PartitionOptions,
): ScheduleResult {
  checkProfiles(profiles, acc, opts);
  const G = profiles[0].granules;
  const all = granuleRange(0, G);
  const segments: Segment[] = [];
  let t = 0;
  profiles.forEach((p, tenant) => {
    p.layers.forEach((l, layer) => {
      const end = t + layerCycles(p, layer, G);
      segments.push({
        tenant,
        layer,
        layerName: l.name,
        startCycle: t,
        endCycle: end,
        granules: all,
        units: G * p.granularity,
        penaltyCycles: 0,
      });
      t = end;
    });
  });
  return finishSchedule("single", profiles, acc, segments, opts);
}
