import assert from "node:assert/strict";
import { makeRng } from "../lib/random.ts";

Deno.test("makeRng: same seed same stream, different seeds differ, range [0,1)", () => {
  const a = makeRng(42), b = makeRng(42), c = makeRng(43);
  const xs = Array.from({ length: 1000 }, () => a.next());
  const ys = Array.from({ length: 1000 }, () => b.next());
  assert.deepEqual(xs, ys);
  assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, () => c.next()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  // Mean of 1000 uniforms: 0.5 +- 4 standard errors (sd 0.2887 / sqrt(1000) = 0.0091).
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.037, `mean ${mean}`);
});

Deno.test("makeRng: int(n) covers 0..n-1 only", () => {
  const r = makeRng(7);
  const seen = new Set<number>();
  for (let i = 0; i < 500; i++) seen.add(r.int(5));
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4]);
});

Deno.test("makeRng: int(n) rejects an empty or invalid range, naming n", () => {
  const r = makeRng(7);
  // [0, n) is empty for n <= 0, and a non-integer n has no uniform integer draw.
  assert.throws(() => r.int(-3), { name: "RangeError", message: /got -3/ });
  assert.throws(() => r.int(0), { name: "RangeError", message: /got 0/ });
  assert.throws(() => r.int(2.5), /got 2.5/);
  assert.throws(() => r.int(NaN), /got NaN/);
  assert.equal(r.int(1), 0);
});
