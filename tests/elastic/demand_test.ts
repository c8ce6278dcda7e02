import assert from "node:assert/strict";
import { activationWords } from "../../lib/arch/roofline.ts";
import { networkDemand } from "../../lib/elastic/demand.ts";
import { parseNetwork } from "../../lib/workload/shapes.ts";
import { testHardware, tinyNet } from "./nets.ts";

Deno.test("networkDemand: conv stage and trailing FC stage with hand-counted MACs and bytes", () => {
  const d = networkDemand(
    tinyNet({ h: 8, c: 4, k: 8, fcs: 2, fcWidth: 16, classes: 10 }),
    testHardware(),
  );
  assert.deepEqual(d.conv.map((l) => l.name), ["conv"]);
  assert.deepEqual(d.fc.map((l) => l.name), ["fc0", "fc1"]);
  // conv: 8x8 outputs x 8 filters x (3x3x4) = 18432 MACs; 3*3*4*8 = 288 weights (no bias) x 2 B.
  assert.equal(d.conv[0].macsPerImage, 18432);
  assert.equal(d.conv[0].weightBytes, 576);
  // fc0: 512 x 16 MACs; weights 8192 + 16 bias = 8208 x 2 B.
  assert.equal(d.fc[0].macsPerImage, 8192);
  assert.equal(d.fc[0].weightBytes, 16416);
  // Activations (256 + 512 words) fit the 2 MiB buffer: no DRAM traffic for them.
  assert.equal(d.conv[0].activationBytesPerImage, 0);
});

Deno.test("networkDemand: activations spill when input + output exceed the buffer", () => {
  const net = tinyNet({ h: 8, c: 4, k: 8, fcs: 1 });
  // conv input 8*8*4 = 256 words, output 8*8*8 = 512 words -> 1536 bytes > 1000-byte buffer.
  const d = networkDemand(net, testHardware({ activationBufferBytes: 1000 }));
  assert.equal(d.conv[0].activationBytesPerImage, 1536);
  // fc: 512 in + 10 out = 522 words = 1044 bytes > 1000 as well.
  assert.equal(d.fc[0].activationBytesPerImage, 1044);
  assert.deepEqual(activationWords(net.layers[0]), [256, 512]);
});

Deno.test("networkDemand: a dense layer before a conv stays in the conv stage (layer order)", () => {
  const net = parseNetwork({
    name: "dense-first",
    family: "test",
    task: "other",
    input: { h: 4, w: 4, c: 1 },
    layers: [
      { kind: "dense", name: "embed", inputFeatures: 16, outputFeatures: 16 },
      {
        kind: "conv2d",
        name: "c",
        inputH: 4,
        inputW: 4,
        inputC: 1,
        outputC: 2,
        kernelH: 3,
        kernelW: 3,
      },
      { kind: "dense", name: "head", inputFeatures: 8, outputFeatures: 2 },
    ],
  });
  const d = networkDemand(net, testHardware());
  assert.deepEqual(d.conv.map((l) => l.name), ["embed", "c"]);
  assert.deepEqual(d.fc.map((l) => l.name), ["head"]);
  // Efficiency follows the layer kind: the embedding is an FC-type layer.
  const hw = testHardware({ convEfficiency: 0.8, fcEfficiency: 0.9 });
  const e = networkDemand(net, hw);
  assert.deepEqual(e.conv.map((l) => l.efficiency), [0.9, 0.8]);
});

Deno.test("networkDemand: a network without FC layers has an empty FC stage", () => {
  const d = networkDemand(tinyNet({ fcs: 0 }), testHardware());
  assert.equal(d.fc.length, 0);
  assert.equal(d.conv.length, 1);
});
