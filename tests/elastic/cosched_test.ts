import assert from "node:assert/strict";
import fc from "fast-check";
import { compositions, coSchedule } from "../../lib/elastic/cosched.ts";
import { sequentialSchedule } from "../../lib/elastic/schedule.ts";
import { bestSplit } from "../../lib/elastic/search.ts";
import { timelineRows } from "../../lib/elastic/timeline.ts";
import { testHardware, twoStage } from "./nets.ts";

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(a, b);

Deno.test("compositions: C(n + k - 1, k - 1) vectors, each summing to n", () => {
  assert.equal(compositions(32, 2).length, 33);
  assert.equal(compositions(16, 3).length, 153); // C(18, 2)
  assert.ok(compositions(5, 3).every((c) => c.reduce((a, b) => a + b) === 5));
});

Deno.test("coSchedule: complementary pair overlaps completely (hand calculation)", () => {
  // A: bandwidth-bound (1e8 weight bytes at 1 GB/s = 0.1 s; 1e6 MACs). B: compute-only
  // (4.96e9 MACs = 0.1 s on 496 PEs at 100 MHz). Alone: A 0.1 s, B 4.96e9 / 5.12e10 = 0.096875 s.
  const hw = testHardware({ dramBandwidthBytesPerSecond: 1e9 });
  const a = twoStage("A", { macs: 0 }, { macs: 1e6, weightBytes: 1e8 });
  const b = twoStage("B", { macs: 4.96e9 }, { macs: 0 });
  const jobs = [{ demand: a, images: 1 }, { demand: b, images: 1 }];
  const seq = sequentialSchedule(jobs, hw, 1, (d, m) => bestSplit(d, hw, 1, m), {
    reconfigure: true,
  });
  assert.ok(close(seq.makespanSeconds, 0.196875));
  // Co-scheduled: A gets 16 PEs and all bandwidth, B 496 PEs: both end at 0.1 s, one phase.
  const co = coSchedule(jobs, hw, 1);
  assert.ok(close(co.makespanSeconds, 0.1));
  assert.equal(co.phases.length, 1);
  assert.deepEqual(co.phases[0].allocations.map((x) => x.machine.pes), [16, 496]);
  assert.ok(close(co.imagesPerSecond, 20));
});

Deno.test("coSchedule: a paid reconfiguration per phase (hand calculation)", () => {
  // 1e6 cycles at 100 MHz = 10 ms per re-partition; the pair above needs one phase, which
  // re-partitions the monolithic engine the machine starts with.
  const hw = testHardware({ dramBandwidthBytesPerSecond: 1e9, reconfigurationCycles: 1e6 });
  const a = twoStage("A", { macs: 0 }, { macs: 1e6, weightBytes: 1e8 });
  const b = twoStage("B", { macs: 4.96e9 }, { macs: 0 });
  const jobs = [{ demand: a, images: 1 }, { demand: b, images: 1 }];
  assert.ok(close(coSchedule(jobs, hw, 1).makespanSeconds, 0.11));
  const seq = sequentialSchedule(jobs, hw, 1, (d, m) => bestSplit(d, hw, 1, m), {
    reconfigure: true,
  });
  // Run one after another, both keep the monolithic engine the machine starts with (one stage
  // each): no re-partition is charged.
  assert.ok(close(seq.makespanSeconds, 0.196875));
});

const modelArb = fc.record({
  conv: fc.double({ min: 1e7, max: 1e10, noNaN: true }),
  convBytes: fc.double({ min: 0, max: 5e7, noNaN: true }),
  fcMacs: fc.double({ min: 1e5, max: 1e8, noNaN: true }),
  images: fc.integer({ min: 1, max: 64 }),
});

Deno.test("coSchedule: a mix's co-scheduled throughput >= one model after another (same policy)", () => {
  fc.assert(
    fc.property(
      fc.array(modelArb, { minLength: 2, maxLength: 3 }),
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom(0, 1e4, 1e7),
      (xs, batch, cycles) => {
        const hw = testHardware({ reconfigurationCycles: cycles });
        const jobs = xs.map((x, i) => ({
          demand: twoStage(`m${i}`, { macs: x.conv, weightBytes: x.convBytes }, {
            macs: x.fcMacs,
            weightBytes: 2 * x.fcMacs,
          }),
          images: x.images,
        }));
        const units = jobs.length === 2 ? 16 : 4;
        const co = coSchedule(jobs, hw, batch, { peUnits: units, bandwidthUnits: units });
        const seq = sequentialSchedule(jobs, hw, batch, (d, m) => bestSplit(d, hw, batch, m), {
          reconfigure: true,
        });
        assert.ok(co.imagesPerSecond >= seq.imagesPerSecond * (1 - 1e-12));
        // Never above the pool's peak MAC rate either.
        const macs = xs.reduce((s, x) => s + x.images * (x.conv + x.fcMacs), 0);
        assert.ok(macs / co.makespanSeconds <= hw.peCount * hw.clockHz * (1 + 1e-12));
        // Every phase hands out at most the whole pool and bandwidth.
        for (const ph of co.phases) {
          const pes = ph.allocations.reduce((s, a) => s + a.machine.pes, 0);
          const bw = ph.allocations.reduce((s, a) => s + a.machine.bandwidthBytesPerSecond, 0);
          assert.ok(pes <= hw.peCount && bw <= hw.dramBandwidthBytesPerSecond * (1 + 1e-12));
        }
      },
    ),
    { numRuns: 15, seed: 9 },
  );
});

Deno.test("timelineRows: engines stack within the pool, re-partitions are marked", () => {
  const hw = testHardware({ dramBandwidthBytesPerSecond: 1e9, reconfigurationCycles: 1e6 });
  const a = twoStage("A", { macs: 1e8 }, { macs: 1e6, weightBytes: 1e8 });
  const b = twoStage("B", { macs: 4.96e9 }, { macs: 0 });
  const s = coSchedule([{ demand: a, images: 2 }, { demand: b, images: 1 }], hw, 1);
  const rows = timelineRows(s, hw.dramBandwidthBytesPerSecond);
  assert.equal(rows.filter((r) => r.engine === "reconfigure").length, s.phases.length);
  for (const r of rows) {
    assert.ok(r.peHigh <= hw.peCount && r.peLow >= 0 && r.endSeconds >= r.startSeconds);
  }
  assert.ok(rows.some((r) => r.engine === "A conv") && rows.some((r) => r.engine === "A fc"));
});

Deno.test("schedules: bad job lists and grids are rejected with the value", () => {
  const hw = testHardware();
  const a = twoStage("A", { macs: 1e8 }, { macs: 1e6, weightBytes: 1e6 });
  assert.throws(() => coSchedule([], hw, 1), /no jobs/);
  assert.throws(
    () => coSchedule([{ demand: a, images: 0 }], hw, 1),
    /jobs\[0\]\.images \(A\).*got 0/,
  );
  assert.throws(() => coSchedule([{ demand: a, images: 1 }], hw, 1, { peUnits: 7 }), /peUnits.*7/);
});

Deno.test("schedules: no reconfiguration is charged while the configuration stays the same", () => {
  // Two conv-only jobs: the elastic policy keeps the monolithic engine for both, so even a huge
  // reconfiguration cost (1e9 cycles = 10 s) leaves the makespan equal to the baseline's.
  const hw = testHardware({ reconfigurationCycles: 1e9 });
  const a = twoStage("A", { macs: 1e8 }, { macs: 0 });
  const b = twoStage("B", { macs: 2e8 }, { macs: 0 });
  const jobs = [{ demand: a, images: 2 }, { demand: b, images: 2 }];
  const seq = sequentialSchedule(jobs, hw, 1, (d, m) => bestSplit(d, hw, 1, m), {
    reconfigure: true,
  });
  // 2 x 1e8 + 2 x 2e8 MACs on 512 PEs at 100 MHz = 6e8 / 5.12e10 s.
  assert.ok(close(seq.makespanSeconds, 6e8 / 5.12e10));
  assert.ok(seq.phases.every((p) => p.reconfigureSeconds === 0));
  const co = coSchedule(jobs, hw, 1, { peUnits: 8, bandwidthUnits: 8 });
  assert.ok(close(co.makespanSeconds, 6e8 / 5.12e10));
  // The same pair of pipelined jobs pays once when their splits are identical.
  const p = twoStage("P", { macs: 1e8 }, { macs: 1e6, weightBytes: 2e6 });
  const two = sequentialSchedule(
    [{ demand: p, images: 1 }, { demand: { ...p, name: "Q" }, images: 1 }],
    hw,
    1,
    (d, m) => bestSplit(d, hw, 1, m),
    { reconfigure: true },
  );
  assert.deepEqual(two.phases.map((x) => x.reconfigureSeconds), [10, 0]);
});
