import assert from "node:assert/strict";
import { makeRng, Rng, splitmix32 } from "../lib/random.ts";

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

Deno.test("sfc32 core: PractRand seeding of 12345 gives the published first outputs", () => {
  // PractRand's sfc32::seed(s) sets a = 0, b = s, c = 0, counter = 1 and discards 12 outputs.
  // Expected values: the sfc32 test of github.com/maloquacious/prng (MIT, sfc32_test.go), a port
  // of the SimBlob blog's sfc32 (simblob.blogspot.com/2022/05/upgrading-prng.html).
  const rng = new Rng(0);
  const state = rng as unknown as Record<"a" | "b" | "c" | "d", number>;
  [state.a, state.b, state.c, state.d] = [0, 12345, 0, 1];
  for (let i = 0; i < 12; i++) rng.u32();
  assert.deepEqual(Array.from({ length: 10 }, () => rng.u32()), [
    235160590,
    2967261163,
    116171463,
    2882324903,
    362604721,
    4227106926,
    1933307004,
    1608300071,
    2256615412,
    2701957640,
  ]);
});

Deno.test("splitmix32 is fmix32(x + 0x9e3779b9): MurmurHash3_x86_32 reference values", () => {
  // MurmurHash3_x86_32 of the empty key with seed s is fmix32(s) (no blocks, length 0). SMHasher's
  // published values: seed 1 -> 0x514E28B7, seed 0xFFFFFFFF -> 0x81F16F39, seed 0 -> 0.
  const before = (s: number) => (s - 0x9e3779b9) >>> 0;
  assert.equal(splitmix32(before(1)), 0x514e28b7);
  assert.equal(splitmix32(before(0xffffffff)), 0x81f16f39);
  assert.equal(splitmix32(before(0)), 0);
});
