import assert from "node:assert/strict";
import { flowIssues } from "../../lib/workload/flow.ts";
import type { NetworkInput } from "../../lib/workload/layer.ts";
import { parseNetwork } from "../../lib/workload/shapes.ts";
import { ValidationError } from "../../lib/validate.ts";

// conv1: 5x5x3 input, 3x3 kernel, no padding -> 3x3x8 output (5 - 3 + 1 = 3, by hand).
const conv1 = {
  kind: "conv2d",
  name: "c1",
  inputH: 5,
  inputW: 5,
  inputC: 3,
  outputC: 8,
  kernelH: 3,
  kernelW: 3,
} as const;

function net(layers: NetworkInput["layers"]): NetworkInput {
  return { name: "n", family: "t", task: "other", input: { h: 5, w: 5, c: 3 }, layers };
}

Deno.test("flow: a layer whose declared input matches no earlier output is named", () => {
  const bad = net([conv1, { ...conv1, name: "c2", inputC: 8 }]); // c2 claims 5x5x8; c1 made 3x3x8
  assert.throws(
    () => parseNetwork(bad, { checkFlow: true }),
    (e) => e instanceof ValidationError && /layer c2: input 5x5x8/.test(e.message),
  );
  // Without the option the per-layer checks alone pass (SCALE-Sim topologies do not chain).
  assert.equal(parseNetwork(bad).layers.length, 2);
});

Deno.test("flow: a chained conv -> conv -> dense passes, a wrong dense width is named", () => {
  // c2 reads c1's 3x3x8 and makes 1x1x4 (3 - 3 + 1 = 1); fc reads 4 features.
  const c2 = { ...conv1, name: "c2", inputH: 3, inputW: 3, inputC: 8, outputC: 4 };
  const good = net([conv1, c2, { kind: "dense", name: "fc", inputFeatures: 4, outputFeatures: 2 }]);
  assert.deepEqual(flowIssues(parseNetwork(good)), []);
  const wrong = net([conv1, c2, {
    kind: "dense",
    name: "fc",
    inputFeatures: 5,
    outputFeatures: 2,
  }]);
  assert.deepEqual(flowIssues(parseNetwork(wrong)), [
    "layer fc: inputFeatures 5 matches no earlier tensor's channels or size",
  ]);
});
