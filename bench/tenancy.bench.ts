/**
 * Study A speed: profiling four networks on every band width (the cost-model calls), and one
 * dynamic / static / single schedule of the 4-tenant workloads from those profiles (the event loop).
 * The whole study (about 600 schedules plus sweeps) should stay in seconds.
 */
import { parsePartitioningSetup } from "../lib/experiments/partitioning/setup.ts";
import {
  dynamicPartition,
  profileTenants,
  singleTenancy,
  staticPartition,
} from "../lib/tenancy/mod.ts";
import { getNetwork } from "../lib/workload/zoo/mod.ts";

const s = parsePartitioningSetup();
const heavy = s.workloads.find((w) => w.id === s.raw.timelineWorkloads[0])!.models.map((m) =>
  getNetwork(m)
);
const light = s.workloads.find((w) => w.id === s.raw.timelineWorkloads[1])!.models.map((m) =>
  getNetwork(m)
);
const heavyProfiles = profileTenants(heavy, s.acc, s.opts);
const lightProfiles = profileTenants(light, s.acc, s.opts);
let sink = 0;

Deno.bench("profile H4's 4 networks on 8 band widths", { group: "profile" }, () => {
  sink += profileTenants(heavy, s.acc, s.opts).length;
});

Deno.bench("dynamic schedule of H4 (136 layers)", { group: "schedule", baseline: true }, () => {
  sink += dynamicPartition(heavyProfiles, s.acc, s.opts).makespanCycles;
});

Deno.bench("dynamic schedule of L4 (164 layers)", { group: "schedule" }, () => {
  sink += dynamicPartition(lightProfiles, s.acc, s.opts).makespanCycles;
});

Deno.bench("static + single schedules of L4", { group: "schedule" }, () => {
  sink += staticPartition(lightProfiles, s.acc, s.opts).makespanCycles +
    singleTenancy(lightProfiles, s.acc, s.opts).makespanCycles;
});

globalThis.addEventListener("unload", () => {
  if (sink === -1) console.log(sink);
});
