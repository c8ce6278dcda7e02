/** Builder shape inference (hand-calculated sizes) and errors that name the layer and field. */
import assert from "node:assert/strict";
import { layerMacs, layerParams, parseNetwork, ValidationError } from "../../lib/mod.ts";
import { start } from "../../lib/workload/zoo/builder.ts";

Deno.test("builder: conv and pool output sizes follow floor((in + 2p - k) / s) + 1", () => {
  const x = start(224, 224, 3);
  x.conv("conv1", 64, 7, { stride: 2, pad: 3 }); // (224 + 6 - 7) / 2 = 111.5 -> 111 + 1 = 112
  assert.deepEqual([x.h, x.w, x.c], [112, 112, 64]);
  x.pool("pool1", "max", 3, { stride: 2, pad: 1 }); // (112 + 2 - 3) / 2 = 55.5 -> 56
  assert.deepEqual([x.h, x.w, x.c], [56, 56, 64]);
  x.conv("conv2", 32, 3); // default "same" padding 1 keeps 56
  x.conv("conv3", 32, 3, { dilation: 2 }); // default padding 2 for dilation 2 keeps 56
  assert.deepEqual([x.h, x.w, x.c], [56, 56, 32]);
  x.conv("conv4", 8, [1, 7], { stride: [1, 2] }); // H: 56; W: (56 + 6 - 7) / 2 = 27.5 -> 28
  assert.deepEqual([x.h, x.w], [56, 28]);
});

Deno.test("builder: ceil-mode pooling rounds up (GoogLeNet 112 -> 56, floor gives 55)", () => {
  const a = start(112, 112, 64).pool("p", "max", 3, { stride: 2, ceil: true });
  const b = start(112, 112, 64).pool("p", "max", 3, { stride: 2 });
  assert.equal(a.h, 56); // ceil(109 / 2) + 1
  assert.equal(b.h, 55); // floor(109 / 2) + 1
});

Deno.test("builder: conv without bias is followed by a batch norm with 2 parameters per channel", () => {
  const x = start(8, 8, 16).conv("c", 32, 3);
  assert.deepEqual(x.layers.map((l) => l.kind), ["conv2d", "eltwise"]);
  assert.equal(layerParams(x.layers[1]), 64); // gamma and beta for 32 channels
  assert.equal(layerParams(x.layers[0]), 3 * 3 * 16 * 32); // no bias
  const y = start(8, 8, 16).conv("c", 32, 3, { bias: true });
  assert.equal(y.layers.length, 1);
  assert.equal(layerParams(y.layers[0]), 3 * 3 * 16 * 32 + 32);
});

Deno.test("builder: depthwise conv has one 3x3 filter per channel", () => {
  const x = start(14, 14, 96).conv("dw", 96, 3, { groups: "dw", bn: false });
  const [l] = x.layers;
  assert.equal(l.kind === "conv2d" && l.groups, 96);
  assert.equal(layerMacs(l), 14 * 14 * 96 * 9); // output pixels x channels x window
  assert.equal(layerParams(l), 96 * 9);
});

Deno.test("builder: concat sums channels, add keeps them, dense flattens", () => {
  const x = start(28, 28, 64);
  const a = x.branch().conv("a", 32, 1, { bn: false });
  const b = x.branch().conv("b", 16, 3, { bn: false });
  x.concat("cat", [a, b]);
  assert.equal(x.c, 48);
  const s = x.branch();
  x.conv("c", 48, 3, { bn: false }).add("add", s);
  assert.equal(x.c, 48);
  x.dense("fc", 10);
  const fc = x.layers[x.layers.length - 1];
  assert.equal(fc.kind === "dense" && fc.inputFeatures, 28 * 28 * 48);
});

Deno.test("builder: mismatched branches name the join layer and the field", () => {
  const x = start(28, 28, 64);
  const a = x.branch().conv("a", 32, 3, { stride: 2, bn: false });
  assert.throws(
    () => x.concat("join", [x.branch(), a]),
    (e) => e instanceof ValidationError && /layer join: input 1 inputH 14 != 28/.test(e.message),
  );
  const c = x.branch().conv("c", 32, 1, { bn: false });
  assert.throws(
    () => x.add("sum", c),
    (e) => e instanceof ValidationError && /layer sum: input 1 inputC 32 != 64/.test(e.message),
  );
});

Deno.test("builder: a kernel larger than the padded input names layer, field and sizes", () => {
  assert.throws(
    () => start(5, 5, 3).conv("conv3", 8, 7, { pad: 0 }),
    (e) =>
      e instanceof ValidationError && /layer conv3: kernelH 7 > padded inputH 5/.test(e.message),
  );
  assert.throws(
    () => start(5, 5, 3).conv("g", 8, 1, { groups: 2 }),
    (e) =>
      e instanceof ValidationError && /layer g: inputC 3 not divisible by groups 2/.test(e.message),
  );
});

Deno.test("parseNetwork: bad fields are reported with path and value; duplicate names too", () => {
  const conv = {
    kind: "conv2d",
    name: "c1",
    inputH: -4,
    inputW: 8,
    inputC: 3,
    outputC: 8,
    kernelH: 3,
    kernelW: 3,
  };
  assert.throws(
    () =>
      parseNetwork({
        name: "bad",
        family: "t",
        task: "other",
        input: { h: 8, w: 8, c: 3 },
        layers: [conv],
      }),
    (e) => e instanceof ValidationError && /layers\[0\]\.inputH: .*\(got -4\)/.test(e.message),
  );
  const ok = { ...conv, inputH: 8 };
  assert.throws(
    () =>
      parseNetwork({
        name: "dup",
        family: "t",
        task: "other",
        input: { h: 8, w: 8, c: 3 },
        layers: [ok, ok],
      }),
    /layer c1: duplicate name/,
  );
});
