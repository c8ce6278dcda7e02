import assert from "node:assert/strict";
import fc from "fast-check";
import { parsePartitioningSetup } from "../../lib/experiments/partitioning-setup.ts";
import { runWorkloads } from "../../lib/experiments/partitioning-runs.ts";
import {
  bandConflicts,
  bestStandaloneCycles,
  dynamicPartition,
  parsePartitionOptions,
  peakHeldUnits,
  profileTenants,
  scheduleLowerBound,
  type ScheduleResult,
  staticPartition,
} from "../../lib/tenancy/mod.ts";
import { convNet, denseNet, tinyArray } from "./helpers.ts";

const setup = parsePartitioningSetup();
const nets = new Map();
const runs = runWorkloads(setup.workloads, setup.acc, setup.opts, nets);

function checkTimeline(r: ScheduleResult, what: string) {
  assert.ok(peakHeldUnits(r) <= r.totalUnits, `${what}: ${peakHeldUnits(r)} > ${r.totalUnits}`);
  assert.deepEqual(bandConflicts(r), [], what);
  for (const s of r.segments) {
    assert.equal(s.units, s.granules.length * r.granularity, what);
    assert.ok(s.granules.every((g) => g >= 0 && g < r.totalUnits / r.granularity), what);
  }
}

Deno.test("columns held never exceed the array, and no granule is held twice (study workloads)", () => {
  for (const run of runs) {
    for (const k of ["single", "static", "dynamic"] as const) {
      checkTimeline(run.schedules[k], `${run.workload.id} ${k}`);
    }
  }
});

Deno.test("the timeline checker does catch a double booking", () => {
  // Guard against a checker that always passes: two tenants on granule 0 during [5, 10).
  const r = structuredClone(runs[0].schedules.dynamic);
  r.segments = [
    { ...r.segments[0], tenant: 0, startCycle: 0, endCycle: 10, granules: [0], units: 16 },
    { ...r.segments[0], tenant: 1, startCycle: 5, endCycle: 20, granules: [0, 1], units: 32 },
  ];
  assert.equal(bandConflicts(r).length, 1);
  assert.match(bandConflicts(r)[0], /granules 0 during \[5, 10\)/);
});

Deno.test("makespan is never below the longest tenant's best standalone latency", () => {
  // bestStandaloneCycles: each layer at its fastest band width (any share), summed: a tenant runs
  // its layers in order, so no schedule can end it sooner.
  for (const run of runs) {
    const profiles = profileTenants(
      run.workload.models.map((m) => nets.get(m)),
      setup.acc,
      setup.opts,
    );
    for (const k of ["single", "static", "dynamic"] as const) {
      const r = run.schedules[k];
      profiles.forEach((p, i) => assert.ok(r.finishCycles[i] >= bestStandaloneCycles(p)));
      assert.ok(r.makespanCycles >= scheduleLowerBound(profiles), `${run.workload.id} ${k}`);
    }
  }
});

Deno.test("property: random tiny workloads keep a valid timeline and respect the bounds", () => {
  const acc = tinyArray();
  const layer = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }));
  const net = fc.array(layer, { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(
      fc.array(net, { minLength: 1, maxLength: 4 }),
      fc.constantFrom("cols", "rows"),
      fc.constantFrom("current", "remaining", "throughput"),
      fc.constantFrom("no-regret", "greedy"),
      fc.constantFrom(0, 7),
      (shapes, axis, share, startRule, repartitionCycles) => {
        const ns = shapes.map((s, i) => denseNet(`n${i}`, s as [number, number][]));
        const opts = parsePartitionOptions(
          { axis, granularity: 2, share, startRule, repartitionCycles },
          acc,
        );
        const p = profileTenants(ns, acc, opts);
        for (const r of [staticPartition(p, acc, opts), dynamicPartition(p, acc, opts)]) {
          checkTimeline(r, `${axis} ${share} ${startRule}`);
          assert.ok(r.makespanCycles >= scheduleLowerBound(p));
          // Every layer of every tenant runs exactly once, in order.
          p.forEach((t, i) => {
            const mine = r.segments.filter((s) => s.tenant === i);
            assert.deepEqual(mine.map((s) => s.layer), t.layers.map((_, l) => l));
            mine.slice(1).forEach((s, j) => assert.ok(s.startCycle >= mine[j].endCycle));
          });
        }
      },
    ),
    { numRuns: 150, seed: 5 },
  );
});

Deno.test("re-partition penalty is charged exactly when a tenant's band changes", () => {
  const acc = tinyArray();
  const ns = [convNet("a", [2, 8, 2, 8]), convNet("b", [8, 2, 8, 2]), denseNet("c", [[27, 6]])];
  const opts = parsePartitionOptions({ granularity: 2, repartitionCycles: 50 }, acc);
  const p = profileTenants(ns, acc, opts);
  const r = dynamicPartition(p, acc, opts);
  let changes = 0;
  for (let i = 0; i < ns.length; i++) {
    const mine = r.segments.filter((s) => s.tenant === i);
    mine.forEach((s, j) => {
      const changed = j > 0 && mine[j - 1].granules.join() !== s.granules.join();
      if (changed) changes++;
      assert.equal(s.penaltyCycles, changed ? 50 : 0);
      const layerCycles = p[i].layers[s.layer].byGranules[s.granules.length - 1].cycles;
      assert.equal(s.endCycle - s.startCycle, s.penaltyCycles + layerCycles);
    });
  }
  assert.equal(r.repartitions, changes);
  assert.ok(changes > 0, "the workload was built so that bands change");
});
