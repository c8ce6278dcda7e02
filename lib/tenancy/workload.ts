/**
 * One call for a whole workload: parse the options, profile the networks once, and run the
 * four schedulers of study A on the same profiles.
 */
import type { Accelerator } from "../arch/accelerator.ts";
import type { Network } from "../workload/layer.ts";
import { dynamicPartition } from "./dynamic.ts";
import {
  parsePartitionOptions,
  type PartitionOptions,
  type PartitionOptionsInput,
} from "./options.ts";
import { profileTenants, type TenantProfile } from "./profile.ts";
import type { ScheduleResult, SchedulerName } from "./schedule.ts";
import { singleTenancy } from "./single.ts";
import { staticPartition } from "./static.ts";
import { staticExpand } from "./expand.ts";

/** Every scheduler by name. */
export const schedulers: Record<
  SchedulerName,
  (p: readonly TenantProfile[], acc: Accelerator, o: PartitionOptions) => ScheduleResult
> = {
  single: singleTenancy,
  static: staticPartition,
  expand: staticExpand,
  dynamic: dynamicPartition,
};

/** The four schedules of one workload. */
export interface WorkloadSchedules {
  single: ScheduleResult;
  static: ScheduleResult;
  expand: ScheduleResult;
  dynamic: ScheduleResult;
}

/** Run single tenancy, the static equal partition, best static then expand, and the dynamic partitioner. */
export function scheduleAll(
  profiles: readonly TenantProfile[],
  acc: Accelerator,
  opts: PartitionOptions,
): WorkloadSchedules {
  return {
    single: singleTenancy(profiles, acc, opts),
    static: staticPartition(profiles, acc, opts),
    expand: staticExpand(profiles, acc, opts),
    dynamic: dynamicPartition(profiles, acc, opts),
  };
}

/** Profile `nets` on `acc` and run all four schedulers; options are parsed (bad input throws naming the field). */
export function runWorkload(
  nets: readonly Network[],
  acc: Accelerator,
  options: PartitionOptionsInput = {},
): WorkloadSchedules {
  const opts = parsePartitionOptions(options, acc);
  return scheduleAll(profileTenants(nets, acc, opts), acc, opts);
}
