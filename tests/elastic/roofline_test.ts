import assert from "node:assert/strict";
import { layerSeconds, stageBytes, stageMacs, stageSeconds } from "../../lib/elastic/roofline.ts";
import { demandLayer } from "./nets.ts";

const F = 1e8; // 100 MHz

Deno.test("roofline: compute-bound conv layer (hand calculation)", () => {
  // 1e8 MACs on 100 PEs at 100 MHz = 1e8 / 1e10 = 10 ms; 1 MB of weights at 1 GB/s = 1 ms.
  const l = demandLayer("c", 1e8, 1e6);
  assert.equal(layerSeconds(l, 100, 1e9, 1, F), 0.01);
});

Deno.test("roofline: FC layer at B = 1 and B = 4 (weights fetched once per batch)", () => {
  // 4e6 weights, 16-bit: 8e6 bytes at 6.4 GB/s = 1.25 ms; 4e6 MACs on 32 PEs = 1.25 ms.
  const fc = demandLayer("fc", 4e6, 8e6);
  assert.ok(Math.abs(layerSeconds(fc, 32, 6.4e9, 1, F) - 1.25e-3) < 1e-15);
  // B = 4: compute 4 x 1.25 ms = 5 ms, traffic still 1.25 ms -> 5 ms per batch (1.25 ms per image).
  assert.ok(Math.abs(layerSeconds(fc, 32, 6.4e9, 4, F) - 5e-3) < 1e-15);
  // On 512 PEs the same batch of 4 is bandwidth-bound: 4 x 4e6 / 5.12e10 = 0.3125 ms < 1.25 ms.
  assert.ok(Math.abs(layerSeconds(fc, 512, 6.4e9, 4, F) - 1.25e-3) < 1e-15);
});

Deno.test("roofline: spilled activations scale with the batch, efficiency slows compute", () => {
  // 2 MB weights + 3 x 1 MB activations = 5 MB at 1 GB/s = 5 ms; compute 3 x 1e6 / 1e10 = 0.3 ms.
  const l = { ...demandLayer("c", 1e6, 2e6), activationBytesPerImage: 1e6 };
  assert.ok(Math.abs(layerSeconds(l, 100, 1e9, 3, F) - 5e-3) < 1e-15);
  // eta = 0.5 doubles compute: 1e8 MACs on 100 PEs -> 20 ms.
  const slow = { ...demandLayer("c", 1e8, 0), efficiency: 0.5 };
  assert.equal(layerSeconds(slow, 100, 1e9, 1, F), 0.02);
});

Deno.test("roofline: missing resources give Infinity, empty work gives 0, never NaN", () => {
  assert.equal(layerSeconds(demandLayer("c", 1e6, 1e3), 0, 1e9, 1, F), Infinity);
  assert.equal(layerSeconds(demandLayer("c", 1e6, 1e3), 16, 0, 1, F), Infinity);
  assert.equal(layerSeconds(demandLayer("c", 0, 0), 0, 0, 1, F), 0);
  // A layer with no traffic needs no bandwidth.
  assert.equal(layerSeconds(demandLayer("c", 1e6, 0), 100, 0, 1, F), 1e-4);
});

Deno.test("roofline: a stage is its layers one after another", () => {
  const stage = [demandLayer("a", 1e8, 0), demandLayer("b", 0, 6.4e6)];
  // 1e8 / (100 x 1e8) = 10 ms, then 6.4 MB / 6.4 GB/s = 1 ms.
  assert.ok(Math.abs(stageSeconds(stage, 100, 6.4e9, 1, F) - 0.011) < 1e-15);
  assert.equal(stageMacs(stage, 3), 3e8);
  assert.equal(stageBytes(stage, 3), 6.4e6);
});
