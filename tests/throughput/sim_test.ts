import assert from "node:assert/strict";
import fc from "fast-check";
import { bottleneckFps } from "../../lib/throughput/bounds.ts";
import { type SimInput, simulate } from "../../lib/throughput/sim.ts";

const power = { staticW: 9.6, dpuCoreW: 2, cpuCoreW: 0.4 };
const MEASURED = 600;

function input(o: Partial<SimInput>): SimInput {
  return {
    preSeconds: 0.002,
    postSeconds: 0.003,
    dpuSecondsByBusyCores: [0.005, 0.005, 0.005],
    threads: 1,
    dpuCores: 1,
    cpuCores: 4,
    power,
    measuredInferences: MEASURED,
    ...o,
  };
}

/**
 * The window opens and closes on a completion, so it can hold up to N - 1 completions more than
 * its length times the steady-state rate: relative slack N / measured.
 */
const slack = (threads: number) => threads / MEASURED;

Deno.test("sim: one thread, one core = sequential sum of CPU and DPU times (hand calculation)", () => {
  // 2 ms pre + 5 ms DPU + 3 ms post = 10 ms per inference -> 100 fps.
  const r = simulate(input({}));
  assert.ok(Math.abs(r.fps - 100) < 1e-9, `fps ${r.fps}`);
  // DPU busy 5 of 10 ms; one of 4 CPU cores busy 5 of 10 ms.
  assert.ok(Math.abs(r.dpuUtilization - 0.5) < 1e-9);
  assert.ok(Math.abs(r.cpuUtilization - 0.125) < 1e-9);
  // 9.6 W + 2 W x 0.5 + 0.4 W x 0.5 = 10.8 W; 10.8 W / 100 fps = 0.108 J.
  assert.ok(Math.abs(r.averagePowerW - 10.8) < 1e-9);
  assert.ok(Math.abs(r.energyPerInferenceJ - 0.108) < 1e-9);
});

Deno.test("sim: one thread is sequential on any number of DPU and CPU cores", () => {
  for (const dpuCores of [1, 2, 3]) {
    for (const cpuCores of [1, 4]) {
      const r = simulate(input({ dpuCores, cpuCores }));
      assert.ok(Math.abs(r.fps - 100) < 1e-9, `K=${dpuCores} C=${cpuCores}: ${r.fps}`);
    }
  }
});

Deno.test("sim: saturates at the hand-computed bottleneck (DPU-bound and CPU-bound cases)", () => {
  // DPU-bound: 1 core x 1 / 5 ms = 200 fps, reached once 2 threads overlap CPU and DPU.
  const dpu = simulate(input({ threads: 8 }));
  assert.ok(Math.abs(dpu.fps - 200) / 200 < slack(8), `${dpu.fps}`);
  assert.ok(dpu.dpuUtilization > 0.99);
  // CPU-bound: pre 10 ms + post 50 ms on 4 cores = 66.67 fps; the 12 ms DPU job is not binding.
  const cpu = simulate(input({
    preSeconds: 0.01,
    postSeconds: 0.05,
    dpuSecondsByBusyCores: [0.012, 0.012],
    dpuCores: 2,
    threads: 8,
  }));
  assert.ok(Math.abs(cpu.fps - 200 / 3) / (200 / 3) < slack(8), `${cpu.fps}`);
  assert.ok(cpu.cpuUtilization > 0.99);
});

const arbConfig = fc.record({
  pre: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
  post: fc.double({ min: 0, max: 0.05, noNaN: true }),
  dpu: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
  contention: fc.double({ min: 0, max: 0.5, noNaN: true }),
  dpuCores: fc.integer({ min: 1, max: 3 }),
  cpuCores: fc.integer({ min: 1, max: 4 }),
});

type Config = typeof arbConfig extends fc.Arbitrary<infer T> ? T : never;

function configInput(c: Config, threads: number): SimInput {
  // Job k-times slower when k cores are busy: 1, 1 + g, 1 + 2g (a DRAM-contention shape).
  const byBusy = [0, 1, 2].map((k) => c.dpu * (1 + c.contention * k));
  return input({
    preSeconds: c.pre,
    postSeconds: c.post,
    dpuSecondsByBusyCores: byBusy,
    threads,
    dpuCores: c.dpuCores,
    cpuCores: c.cpuCores,
  });
}

Deno.test("sim: throughput never exceeds the bottleneck bound (N threads, K DPU, C CPU cores)", () => {
  fc.assert(
    fc.property(arbConfig, fc.integer({ min: 1, max: 8 }), (c, n) => {
      const r = simulate(configInput(c, n));
      // The bound uses the uncontended job time: contention only lowers the real ceiling.
      const bound = bottleneckFps(
        { cpuSeconds: c.pre + c.post, dpuSeconds: c.dpu },
        n,
        c.dpuCores,
        c.cpuCores,
      );
      return r.fps <= bound * (1 + slack(n));
    }),
    { numRuns: 150, seed: 8 },
  );
});

Deno.test("sim: gain is monotone non-decreasing in threads up to the bound", () => {
  fc.assert(
    fc.property(arbConfig, (c) => {
      let prev = 0;
      for (let n = 1; n <= 8; n++) {
        const fps = simulate(configInput(c, n)).fps;
        if (fps < prev * (1 - slack(n))) return false;
        prev = Math.max(prev, fps);
      }
      return true;
    }),
    { numRuns: 60, seed: 8 },
  );
});

Deno.test("sim: energy per inference = average power / throughput", () => {
  // The two are measured independently: power from busy-core areas over the window, energy from
  // the jobs that ended in it; they differ only by the jobs cut by the window's edges.
  fc.assert(
    fc.property(arbConfig, fc.integer({ min: 1, max: 8 }), (c, n) => {
      const r = simulate(configInput(c, n));
      const viaPower = r.averagePowerW / r.fps;
      return Math.abs(r.energyPerInferenceJ - viaPower) / viaPower < 2 * slack(n + c.dpuCores);
    }),
    { numRuns: 100, seed: 8 },
  );
});

Deno.test("sim: bad inputs name the field and the value", () => {
  assert.throws(() => simulate(input({ threads: 0 })), /threads .* got 0/);
  assert.throws(() => simulate(input({ dpuCores: 3, dpuSecondsByBusyCores: [0.01] })), /length/);
  assert.throws(
    () => simulate(input({ dpuSecondsByBusyCores: [NaN] })),
    /dpuSecondsByBusyCores\[0\] .* got NaN/,
  );
  assert.throws(() => simulate(input({ preSeconds: -1 })), /preSeconds .* got -1/);
});
