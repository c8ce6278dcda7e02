/** The bandwidth allocator: hand-computed schedules, the summary's invariants, a reference model. */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  decodeQueues,
  genomeFromQueues,
  makespanBounds,
  MakespanEvaluator,
  simulateMapping,
} from "../../lib/mapping/mod.ts";
import { referenceMakespan, tinyProblem } from "./helpers.ts";

const close = (a: number, b: number, rel = 1e-9) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} != ${b}`);

Deno.test("hand example: two throttled jobs, then one alone", () => {
  // Core 0 runs A (100 cycles, 4 B/cycle), core 1 runs B (50 cycles, 4 B/cycle), B = 4 B/cycle.
  // Together they ask 8 > 4, so both run at half speed: B ends at t = 100 with A half done;
  // A then runs alone at full speed for its last 50 cycles: makespan 150.
  const p = tinyProblem([[100, 1e9], [1e9, 50]], [[4, 1], [1, 4]], 4);
  const tr = simulateMapping(p, genomeFromQueues([[0], [1]], 2));
  close(tr.makespanCycles, 150);
  assert.deepEqual(tr.coreFinishCycles, [150, 100]);
  close(tr.coreBalance, 250 / 300); // (150 + 100) / (2 cores x 150)
  close(tr.bwUtilization, 1); // 4 B/cycle allocated throughout: 600 bytes / (4 x 150)
  assert.deepEqual(tr.segments.map((s) => [s.core, s.job, s.startCycle, s.endCycle]), [
    [0, 0, 0, 150],
    [1, 1, 0, 100],
  ]);
});

Deno.test("hand example: the lower bounds are 100, 75 and 150 cycles", () => {
  // By hand: fastest-core latencies 100 (A on core 0) and 50 (B on core 1): longest job 100,
  // work (100 + 50) / 2 cores = 75. Smallest data volumes: A min(100 x 4, 1e9 x 1) = 400 bytes,
  // B min(1e9 x 1, 50 x 4) = 200 bytes: 600 bytes / 4 B/cycle = 150. The bound is 150, which the
  // schedule above reaches exactly.
  const p = tinyProblem([[100, 1e9], [1e9, 50]], [[4, 1], [1, 4]], 4);
  assert.deepEqual(makespanBounds(p), {
    longestJobCycles: 100,
    workCycles: 75,
    bandwidthCycles: 150,
    lowerBoundCycles: 150,
  });
});

Deno.test("total demand under the bandwidth: makespan = largest per-core latency sum", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.array(
        fc.tuple(
          fc.nat(4),
          fc.integer({ min: 1, max: 1000 }),
          fc.double({ min: 0.01, max: 3, noNaN: true }),
        ),
        {
          minLength: 1,
          maxLength: 30,
        },
      ),
      (cores, jobs) => {
        const lat = jobs.map(([, l]) => Array(cores).fill(l));
        const bw = jobs.map(([, , b]) => Array(cores).fill(b));
        // Never throttled: the system bandwidth covers every core's largest request at once.
        const p = tinyProblem(lat, bw, cores * 3);
        const queues: number[][] = Array.from({ length: cores }, () => []);
        jobs.forEach(([c], j) => queues[c % cores].push(j));
        const sums = queues.map((q) => q.reduce((s, j) => s + lat[j][0], 0));
        const m = new MakespanEvaluator(p).evaluate(genomeFromQueues(queues, jobs.length));
        close(m, Math.max(...sums));
      },
    ),
    { seed: 42 },
  );
});

Deno.test("one core: makespan = sum of lat x max(1, bw / BW)", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 1e-6, max: 100, noNaN: true })),
        {
          minLength: 1,
          maxLength: 40,
        },
      ),
      fc.double({ min: 0.1, max: 50, noNaN: true }),
      (jobs, sysBw) => {
        const p = tinyProblem(jobs.map(([l]) => [l]), jobs.map(([, b]) => [b]), sysBw);
        const g = genomeFromQueues([jobs.map((_, j) => j)], jobs.length);
        const expected = jobs.reduce((s, [l, b]) => s + l * Math.max(1, b / sysBw), 0);
        close(new MakespanEvaluator(p).evaluate(g), expected, 1e-9);
      },
    ),
    { seed: 42 },
  );
});

const problemArb = fc.integer({ min: 1, max: 4 }).chain((cores) =>
  fc.record({
    cores: fc.constant(cores),
    rows: fc.array(
      fc.tuple(
        fc.array(fc.integer({ min: 1, max: 1e5 }), { minLength: cores, maxLength: cores }),
        fc.array(fc.double({ min: 1e-3, max: 20, noNaN: true }), {
          minLength: cores,
          maxLength: cores,
        }),
        fc.nat(cores - 1),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
      ),
      { minLength: 1, maxLength: 25 },
    ),
    sysBw: fc.double({ min: 0.5, max: 40, noNaN: true }),
  })
);

Deno.test("evaluator agrees with an independent bytes-form reference of M3E's allocator", () => {
  fc.assert(
    fc.property(problemArb, ({ cores, rows, sysBw }) => {
      const p = tinyProblem(rows.map((r) => r[0]), rows.map((r) => r[1]), sysBw);
      const g = {
        core: Int32Array.from(rows.map((r) => r[2])),
        prio: Float64Array.from(rows.map((r) => r[3])),
      };
      const m = new MakespanEvaluator(p).evaluate(g);
      close(m, referenceMakespan(p, decodeQueues(g, cores)), 1e-7);
    }),
    { seed: 42 },
  );
});

Deno.test("makespan respects the lower bounds and the trace accounts for every job", () => {
  fc.assert(
    fc.property(problemArb, ({ rows, sysBw }) => {
      const p = tinyProblem(rows.map((r) => r[0]), rows.map((r) => r[1]), sysBw);
      const g = {
        core: Int32Array.from(rows.map((r) => r[2])),
        prio: Float64Array.from(rows.map((r) => r[3])),
      };
      const tr = simulateMapping(p, g);
      assert.ok(tr.makespanCycles >= makespanBounds(p).lowerBoundCycles * (1 - 1e-9));
      assert.equal(tr.segments.length, rows.length);
      assert.ok(tr.bwUtilization <= 1 + 1e-9 && tr.coreBalance <= 1 + 1e-12);
      assert.equal(Math.max(...tr.coreFinishCycles), tr.makespanCycles);
      assert.equal(tr.queues.flat().length, rows.length);
    }),
    { seed: 42 },
  );
});

Deno.test("a job that needs no bandwidth runs at full speed while others are throttled", () => {
  // Core 0: 100 cycles at 0 B/cycle; core 1: 100 cycles at 10 B/cycle on a 5 B/cycle system.
  // Only core 1 is throttled (to half speed): finishes at 200; core 0 at 100.
  const p = tinyProblem([[100, 100], [100, 100]], [[0, 0], [10, 10]], 5);
  const tr = simulateMapping(p, genomeFromQueues([[0], [1]], 2));
  assert.deepEqual(tr.coreFinishCycles, [100, 200]);
});

Deno.test("the decoder runs each core's jobs by ascending priority, ties by job index", () => {
  const g = {
    core: Int32Array.from([1, 0, 1, 1, 0]),
    prio: Float64Array.from([0.5, 0.9, 0.1, 0.5, 0.2]),
  };
  assert.deepEqual(decodeQueues(g, 2), [[4, 1], [2, 0, 3]]);
  const p = tinyProblem([[1, 1], [1, 1], [1, 1], [1, 1], [1, 1]], Array(5).fill([0.1, 0.1]), 10);
  const ev = new MakespanEvaluator(p);
  ev.evaluate(g);
  assert.deepEqual([ev.queue(0), ev.queue(1)], [[4, 1], [2, 0, 3]]);
  assert.throws(
    () => ev.evaluate({ core: Int32Array.from([2, 0, 0, 0, 0]), prio: g.prio }),
    /job 0: core 2/,
  );
});

/**
 * The allocator as first written: per event sum the requests left to right, take the first core
 * with the smallest time to finish, advance every running job, load the finisher's next job.
 * The optimised evaluator must give the same makespan bit for bit (the studies' JSON depends on it).
 */
function plainMakespan(
  lat: number[][],
  bw: number[][],
  sysBw: number,
  queues: number[][],
  events: number[][] = [],
): number {
  const n = queues.length;
  const ptr = new Array(n).fill(0), rem = new Array(n).fill(0), req = new Array(n).fill(0);
  const job = new Array(n).fill(-1);
  const load = (c: number) => {
    if (ptr[c] >= queues[c].length) return (rem[c] = Infinity), (req[c] = 0), (job[c] = -1), false;
    const j = (job[c] = queues[c][ptr[c]++]);
    return (rem[c] = lat[j][c]), (req[c] = bw[j][c]), true;
  };
  let active = 0, time = 0;
  for (let c = 0; c < n; c++) if (load(c)) active++;
  while (active > 0) {
    let total = 0;
    for (let c = 0; c < n; c++) total += req[c];
    const speed = total > sysBw ? sysBw / total : 1;
    let best = -1, dt = Infinity;
    for (let c = 0; c < n; c++) {
      if (rem[c] === Infinity) continue;
      const t = req[c] > 0 ? rem[c] / speed : rem[c];
      if (t < dt) (dt = t), (best = c);
    }
    events.push([time, time + dt, ...job]);
    time += dt;
    for (let c = 0; c < n; c++) {
      if (rem[c] === Infinity) continue;
      const left = rem[c] - dt * (req[c] > 0 ? speed : 1);
      rem[c] = left > 0 ? left : 0;
    }
    if (!load(best)) active--;
  }
  return time;
}

// Priorities with ties, both ends of [0, 1] (clipped continuous optimizers) and, for the general
// decoder, values outside it; bandwidths include 0 and both sides of the system bandwidth.
const prioArb = fc.oneof(
  fc.constantFrom(0, 1, 0.5, 0.25),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const mixedArb = fc.integer({ min: 1, max: 9 }).chain((cores) =>
  fc.record({
    cores: fc.constant(cores),
    rows: fc.array(
      fc.tuple(
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: cores, maxLength: cores }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 64, noNaN: true })), {
          minLength: cores,
          maxLength: cores,
        }),
        fc.nat(cores - 1),
        fc.oneof(prioArb, fc.double({ min: -2, max: 3, noNaN: true })),
      ),
      { minLength: 1, maxLength: 60 },
    ),
    sysBw: fc.oneof(fc.constant(1e6), fc.double({ min: 0.5, max: 64, noNaN: true })),
    inUnit: fc.boolean(),
  })
);

Deno.test("evaluator: same queues as decodeQueues and makespan bit-identical to the plain loop", () => {
  fc.assert(
    fc.property(mixedArb, ({ cores, rows, sysBw, inUnit }) => {
      const lat = rows.map((r) => r[0]), bw = rows.map((r) => r[1]);
      const p = tinyProblem(lat, bw, sysBw);
      const prio = rows.map((r) => (inUnit ? Math.min(1, Math.max(0, r[3])) : r[3]));
      const g = { core: Int32Array.from(rows.map((r) => r[2])), prio: Float64Array.from(prio) };
      const ev = new MakespanEvaluator(p);
      const m = ev.evaluate(g);
      const queues = decodeQueues(g, cores);
      assert.deepEqual(Array.from({ length: cores }, (_, c) => ev.queue(c)), queues);
      assert.equal(m, plainMakespan(lat, bw, sysBw, queues));
    }),
    { seed: 7, numRuns: 300 },
  );
});

// Every job requests bandwidth and the system is throttled, with latencies a few ulps apart:
// remaining times that differ by an ulp often divide by the speed to the same time, the case
// where the evaluator's one-division search must still pick the first such core.
const nearTieArb = fc.integer({ min: 2, max: 12 }).chain((cores) =>
  fc.record({
    cores: fc.constant(cores),
    rows: fc.array(
      fc.tuple(
        fc.array(
          // 1000, 3000 or 7 plus 0-3 units in their last place (2^-43, 2^-41, 2^-50).
          fc.tuple(fc.constantFrom([1000, 2 ** -43], [3000, 2 ** -41], [7, 2 ** -50]), fc.nat(3))
            .map(([[x, ulp], k]) => x + k * ulp),
          { minLength: cores, maxLength: cores },
        ),
        fc.array(fc.constantFrom(1, 3, 0.7), { minLength: cores, maxLength: cores }),
        fc.nat(cores - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      { minLength: 2, maxLength: 60 },
    ),
    sysBw: fc.constantFrom(0.3, 1.1, 2.9),
  })
);

Deno.test("evaluator: near-tied throttled jobs: the plain loop's events (times, running jobs) bit for bit", () => {
  fc.assert(
    fc.property(nearTieArb, ({ cores, rows, sysBw }) => {
      const lat = rows.map((r) => r[0]), bw = rows.map((r) => r[1]);
      const g = {
        core: Int32Array.from(rows.map((r) => r[2])),
        prio: Float64Array.from(rows.map((r) => r[3])),
      };
      const ev = new MakespanEvaluator(tinyProblem(lat, bw, sysBw));
      const seen: number[][] = [], want: number[][] = [];
      const m = ev.evaluate(g, { interval: (t0, t1, job) => seen.push([t0, t1, ...job]) });
      assert.equal(m, plainMakespan(lat, bw, sysBw, decodeQueues(g, cores), want));
      assert.deepEqual(seen, want);
    }),
    { seed: 11, numRuns: 400 },
  );
});
