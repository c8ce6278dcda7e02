/**
 * Range checks of the elastic library's public functions: a bad argument throws a ValidationError
 * naming the argument and its value, never a finite-but-wrong number, NaN or a stack overflow.
 * The accepted edge values (0 and all PEs, shares 0 and 1) are checked by hand against the
 * roofline: an engine without PEs for a layer that has MACs never finishes (Infinity).
 */
import assert from "node:assert/strict";
import { compositions, coSchedule } from "../../lib/elastic/cosched.ts";
import { sequentialSchedule } from "../../lib/elastic/schedule.ts";
import { balanceBandwidth, bestSplit } from "../../lib/elastic/search.ts";
import { imagesPerSecond, monolithicSplit, pipelinedSplit } from "../../lib/elastic/split.ts";
import { chooseStaticSplit } from "../../lib/elastic/static.ts";
import { ValidationError } from "../../lib/validate.ts";
import { testHardware, twoStage } from "./nets.ts";

/** Assert `f` throws a ValidationError whose message matches every pattern. */
function throwsNaming(f: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ValidationError, `expected ValidationError, got ${e}`);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

const hw = testHardware(); // 512 PEs in steps of 16
const d = twoStage("t", { macs: 1e9, weightBytes: 1e6 }, { macs: 1e7, weightBytes: 2e7 });

Deno.test("pipelinedSplit: convPes outside [0, 512] or fractional is named with its value", () => {
  // 600 PEs on a 512-PE machine used to leave -88 PEs for FC and a finite time.
  throwsNaming(() => pipelinedSplit(d, hw, 1, 600, 0.5), /convPes: .*\[0, 512\].*got 600/);
  throwsNaming(() => pipelinedSplit(d, hw, 1, -16, 0.5), /convPes.*got -16/);
  throwsNaming(() => pipelinedSplit(d, hw, 1, 16.5, 0.5), /convPes.*got 16\.5/);
  throwsNaming(() => balanceBandwidth(d, hw, 1, 600), /convPes.*got 600/);
});

Deno.test("pipelinedSplit: a bandwidth share outside [0, 1] or NaN is named", () => {
  throwsNaming(() => pipelinedSplit(d, hw, 1, 256, 1.5), /convShare: .*\[0, 1\].*got 1\.5/);
  throwsNaming(() => pipelinedSplit(d, hw, 1, 256, -0.1), /convShare.*got -0\.1/);
  throwsNaming(() => pipelinedSplit(d, hw, 1, 256, NaN), /convShare.*got NaN/);
  // Two bad arguments: both are listed.
  throwsNaming(() => pipelinedSplit(d, hw, 0, 600, 2), /batch.*got 0/, /convPes/, /convShare/);
});

Deno.test("split functions: batch must be a positive integer", () => {
  for (const batch of [0, -1, 1.5, NaN]) {
    const got = new RegExp(`batch: must be a positive integer \\(got ${batch}\\)`);
    throwsNaming(() => monolithicSplit(d, hw, batch), /monolithicSplit/, got);
    throwsNaming(() => bestSplit(d, hw, batch), /bestSplit/, got);
    throwsNaming(() => pipelinedSplit(d, hw, batch, 256, 0.5), got);
    throwsNaming(() => chooseStaticSplit([d], hw, batch), got);
    const jobs = [{ demand: d, images: 4 }];
    throwsNaming(() => coSchedule(jobs, hw, batch), got);
    throwsNaming(() => sequentialSchedule(jobs, hw, batch, (x, m) => bestSplit(x, hw, 1, m)), got);
  }
  throwsNaming(() => bestSplit(d, hw, 1, { pes: -16, bandwidthBytesPerSecond: 1e9 }), /pes.*-16/);
});

Deno.test("pipelinedSplit: the edge values 0 / all PEs and shares 0 / 1 are accepted", () => {
  // All 512 PEs on conv with all bandwidth: conv = max(1e9 / 5.12e10, 1e6 / 6.4e9) = 19.53125 ms;
  // the FC engine has no PEs, so its 1e7 MACs never finish and nothing leaves the pipeline.
  const s = pipelinedSplit(d, hw, 1, 512, 1);
  assert.equal(s.fcPes, 0);
  assert.ok(Math.abs(s.convSeconds - 0.01953125) < 1e-15);
  assert.equal(s.fcSeconds, Infinity);
  assert.equal(imagesPerSecond(s, 1), 0);
  // No conv PEs and no conv bandwidth: the conv stage never finishes.
  assert.equal(pipelinedSplit(d, hw, 1, 0, 0).convSeconds, Infinity);
});

Deno.test("compositions: bad part or unit counts are named instead of overflowing the stack", () => {
  throwsNaming(() => compositions(5, 0), /parts: must be a positive integer \(got 0\)/);
  throwsNaming(() => compositions(5, 1.5), /parts.*got 1\.5/);
  throwsNaming(() => compositions(5, -2), /parts.*got -2/);
  throwsNaming(() => compositions(-1, 2), /units: must be a non-negative integer \(got -1\)/);
  throwsNaming(() => compositions(2.5, 2), /units.*got 2\.5/);
  // Edge cases by hand: one part holds everything; zero units split one way only.
  assert.deepEqual(compositions(5, 1), [[5]]);
  assert.deepEqual(compositions(0, 3), [[0, 0, 0]]);
  assert.deepEqual(compositions(2, 2), [[2, 0], [1, 1], [0, 2]]);
});

Deno.test("coSchedule: bad grid options are ValidationErrors naming the option", () => {
  const jobs = [{ demand: d, images: 1 }];
  throwsNaming(() => coSchedule(jobs, hw, 1, { peUnits: 7 }), /peUnits.*got 7/);
  throwsNaming(() => coSchedule(jobs, hw, 1, { bandwidthUnits: 0 }), /bandwidthUnits.*got 0/);
});
