/** Bad arguments to the cost model's public functions: a ValidationError naming field and value. */
import assert from "node:assert/strict";
import {
  defaultAccelerator,
  defaultEnergyTable,
  energyOf,
  gemmCost,
  idleEnergyPJ,
  leakageEnergyPJ,
  scaleSimGemmRow,
  sramAccessPJ,
  stallCycles,
} from "../../lib/arch/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

function rejects(f: () => unknown, message: RegExp) {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ValidationError, String(e));
    assert.match(e.message, message);
    return true;
  });
}

const acc = defaultAccelerator(4, 4);
const gemm = { m: 4, k: 4, n: 4, groups: 1 };

Deno.test("gemmCost rejects a zero, negative, fractional or NaN dimension, naming it", () => {
  rejects(() => gemmCost({ ...gemm, m: 0 }, acc), /m: expected a positive integer, got 0/);
  rejects(() => gemmCost({ ...gemm, m: -3 }, acc), /m: .* got -3/);
  rejects(() => gemmCost({ ...gemm, k: NaN }, acc), /k: .* got NaN/);
  rejects(() => gemmCost({ ...gemm, m: 2.5 }, acc), /m: .* got 2.5/);
  rejects(() => gemmCost({ ...gemm, n: Infinity }, acc), /n: .* got Infinity/);
  rejects(() => gemmCost({ ...gemm, groups: 0 }, acc), /groups: .* got 0/);
  rejects(() => gemmCost({ ...gemm, ifmapWords: -1 }, acc), /ifmapWords: .* got -1/);
  rejects(() => scaleSimGemmRow(4, 0, 4, acc), /k: .* got 0/);
  // A valid call still works: 4x4x4 on 4x4 ws is one fold of 2*4+4+4-2 = 14 cycles (hand count).
  assert.equal(gemmCost(gemm, acc).computeCycles, 14);
});

Deno.test("stallCycles rejects negative or NaN bytes and cycles and a non-positive bandwidth", () => {
  rejects(() => stallCycles(100, 10, 50, -1), /bandwidthBytesPerCycle: .* got -1/);
  rejects(() => stallCycles(100, 10, 50, 0), /bandwidthBytesPerCycle: .* got 0/);
  rejects(() => stallCycles(-100, 10, 50, 1), /dramBytes: .* got -100/);
  rejects(() => stallCycles(100, NaN, 50, 1), /tileBytes: .* got NaN/);
  rejects(() => stallCycles(100, 10, -5, 1), /computeCycles: .* got -5/);
});

Deno.test("energy functions reject negative, NaN or infinite sizes, times and counts", () => {
  rejects(() => sramAccessPJ(defaultEnergyTable, -4), /sizeKiB: .* got -4/);
  rejects(() => sramAccessPJ(defaultEnergyTable, 0), /sizeKiB: .* got 0/);
  const c = gemmCost(gemm, acc);
  rejects(() => energyOf(c, acc, { elapsedCycles: NaN }), /elapsedCycles: .* got NaN/);
  rejects(() => energyOf(c, acc, { elapsedCycles: -10 }), /elapsedCycles: .* got -10/);
  rejects(() => energyOf(c, acc, { elapsedCycles: 10, activePEs: -1 }), /activePEs: .* got -1/);
  rejects(() => energyOf({ ...c, dramBytes: -1 }, acc, { elapsedCycles: 10 }), /dramBytes: .*-1/);
  rejects(() => leakageEnergyPJ(acc, Infinity), /cycles: .* got Infinity/);
  rejects(() => idleEnergyPJ(acc, -2), /idlePeCycles: .* got -2/);
  // Zero elapsed time is valid: no idle PEs, no leakage.
  const e = energyOf(c, acc, { elapsedCycles: 0 });
  assert.deepEqual([e.idle, e.leakage], [0, 0]);
});
