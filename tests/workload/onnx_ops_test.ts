/**
 * ONNX import of small hand-written graphs: each expected shape, MAC and parameter count below is
 * worked out by hand from the ONNX operator definitions (formulas in the comments).
 */
import assert from "node:assert/strict";
import { layerMacs, layerParams, networkMacs, ValidationError } from "../../lib/mod.ts";
import { readOnnx } from "../../lib/workload/onnx.ts";
import { init, model } from "./onnx_build.ts";

Deno.test("Conv auto_pad SAME_UPPER stride 2: out ceil(224/2) = 112, pads 0 then 1, exact MACs", () => {
  const bytes = model({
    inputs: [["x", [1, 3, 224, 224]]],
    initializers: [init("w", [32, 3, 3, 3])],
    nodes: [{
      op: "Conv",
      inputs: ["x", "w"],
      outputs: ["y"],
      attrs: { auto_pad: "SAME_UPPER", strides: [2, 2] },
    }],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.shapes.get("y"), [1, 32, 112, 112]);
  const [l] = r.network.layers;
  // 112 * 112 output pixels x 32 filters x 3 x 3 x 3 window = 10,838,016.
  assert.equal(layerMacs(l), 112 * 112 * 32 * 27);
  assert.equal(layerParams(l), 32 * 27);
});

Deno.test("grouped, dilated conv with bias: groups 4, dilation 2, pad 2 keeps 56x56", () => {
  const bytes = model({
    inputs: [["x", [1, 64, 56, 56]]],
    initializers: [init("w", [64, 16, 3, 3]), init("b", [64])],
    nodes: [{
      op: "Conv",
      inputs: ["x", "w", "b"],
      outputs: ["y"],
      attrs: { group: 4, dilations: [2, 2], pads: [2, 2, 2, 2] },
    }],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.shapes.get("y"), [1, 64, 56, 56]);
  const [l] = r.network.layers;
  assert.ok(l.kind === "conv2d" && l.groups === 4 && l.dilationH === 2);
  assert.equal(layerMacs(l), 56 * 56 * 64 * 16 * 9); // 16 input channels per group
  assert.equal(layerParams(l), 64 * 16 * 9 + 64);
});

Deno.test("ConvTranspose k4 s2 p1 doubles 8x8 to 16x16; MACs in scatter form H_in W_in k^2 Cin Cout", () => {
  const bytes = model({
    inputs: [["x", [1, 16, 8, 8]]],
    initializers: [init("w", [16, 8, 4, 4])],
    nodes: [{
      op: "ConvTranspose",
      inputs: ["x", "w"],
      outputs: ["y"],
      attrs: { strides: [2, 2], pads: [1, 1, 1, 1] },
    }],
  });
  const r = readOnnx(bytes);
  // ONNX: out = s (in - 1) + k - pad_begin - pad_end = 2 * 7 + 4 - 2 = 16.
  assert.deepEqual(r.shapes.get("y"), [1, 8, 16, 16]);
  const [l] = r.network.layers;
  assert.equal(layerMacs(l), 8 * 8 * 16 * 16 * 8);
  assert.equal(layerParams(l), 16 * 8 * 16);
});

Deno.test("dynamic reshape: Shape -> Gather -> Unsqueeze -> Concat -> Reshape, then Gemm", () => {
  const bytes = model({
    inputs: [["x", ["N", 8, 4, 4]]],
    initializers: [
      init("i0", [], [0]),
      init("minus1", [1], [-1]),
      init("w", [10, 128]),
      init("b", [10]),
    ],
    nodes: [
      { op: "Shape", inputs: ["x"], outputs: ["s"] },
      { op: "Gather", inputs: ["s", "i0"], outputs: ["n"], attrs: { axis: 0 } },
      { op: "Unsqueeze", inputs: ["n", "axes"], outputs: ["n1"] },
      { op: "Constant", inputs: [], outputs: ["axes"], attrs: { value_ints: [0] } },
      { op: "Concat", inputs: ["n1", "minus1"], outputs: ["shape"], attrs: { axis: 0 } },
      { op: "Reshape", inputs: ["x", "shape"], outputs: ["r"] },
      { op: "Gemm", inputs: ["r", "w", "b"], outputs: ["y"], attrs: { transB: 1 } },
    ],
  });
  const r = readOnnx(bytes, { input: "2x8x4x4" });
  assert.deepEqual(r.shapes.get("shape"), [2]);
  assert.deepEqual(r.shapes.get("r"), [2, 128]);
  assert.deepEqual(r.shapes.get("y"), [2, 10]);
  // One dense layer: 2 rows x 128 x 10 MACs; 128 x 10 weights + 10 biases.
  assert.equal(r.network.layers.length, 1);
  assert.equal(networkMacs(r.network), 2 * 128 * 10);
  assert.equal(layerParams(r.network.layers[0]), 1290);
});

Deno.test("attention: batched MatMuls of activations are gemm layers, one GEMM per head", () => {
  const bytes = model({
    inputs: [["q", [1, 4, 10, 16]], ["kt", [1, 4, 16, 10]], ["v", [1, 4, 10, 16]]],
    nodes: [
      { op: "MatMul", inputs: ["q", "kt"], outputs: ["s"] },
      { op: "Softmax", inputs: ["s"], outputs: ["p"], attrs: { axis: -1 } },
      { op: "MatMul", inputs: ["p", "v"], outputs: ["o"] },
    ],
  });
  const r = readOnnx(bytes);
  const [s, o] = r.network.layers;
  assert.ok(s.kind === "gemm" && s.batch === 4 && s.m === 10 && s.k === 16 && s.n === 10);
  assert.ok(o.kind === "gemm" && o.m === 10 && o.k === 10 && o.n === 16);
  assert.equal(networkMacs(r.network), 2 * 4 * 10 * 10 * 16);
});

Deno.test("MatMul by a weight then Add of a bias vector is one dense layer with a bias", () => {
  const bytes = model({
    inputs: [["x", [1, 10, 64]]],
    initializers: [init("w", [64, 32]), init("b", [32])],
    nodes: [
      { op: "MatMul", inputs: ["x", "w"], outputs: ["h"] },
      { op: "Add", inputs: ["h", "b"], outputs: ["y"] },
    ],
  });
  const [l] = readOnnx(bytes).network.layers;
  assert.ok(l.kind === "dense" && l.tokens === 10 && l.bias);
  assert.equal(layerMacs(l), 10 * 64 * 32);
  assert.equal(layerParams(l), 64 * 32 + 32);
});

Deno.test("pooling: MaxPool k3 s2 p1 on 112 -> 56; AveragePool k3 s2 ceil_mode on 7 -> 3", () => {
  const bytes = model({
    inputs: [["x", [1, 8, 112, 112]]],
    nodes: [
      {
        op: "MaxPool",
        inputs: ["x"],
        outputs: ["a"],
        attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] },
      },
      {
        op: "MaxPool",
        inputs: ["a"],
        outputs: ["b"],
        attrs: { kernel_shape: [8, 8], strides: [8, 8] },
      },
      {
        op: "AveragePool",
        inputs: ["b"],
        outputs: ["c"],
        attrs: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 },
      },
      { op: "GlobalAveragePool", inputs: ["c"], outputs: ["d"] },
    ],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.shapes.get("a"), [1, 8, 56, 56]);
  assert.deepEqual(r.shapes.get("b"), [1, 8, 7, 7]);
  assert.deepEqual(r.shapes.get("c"), [1, 8, 3, 3]); // ceil((7 - 3) / 2) + 1
  assert.deepEqual(r.shapes.get("d"), [1, 8, 1, 1]);
  assert.deepEqual(r.network.layers.map((l) => l.kind), ["pool", "pool", "pool", "pool"]);
});

Deno.test("Split + Concat, Resize by scales, BatchNormalization: shapes and no-MAC layers", () => {
  const bytes = model({
    inputs: [["x", [1, 8, 4, 4]]],
    initializers: [
      init("sizes", [2], [4, 4]),
      { name: "scales", dims: [4], dataType: 1, floatData: [1, 1, 2, 2] },
      init("g", [8]),
      init("bb", [8]),
      init("m", [8]),
      init("v", [8]),
    ] as ReturnType<typeof init>[],
    nodes: [
      { op: "Split", inputs: ["x", "sizes"], outputs: ["a", "b"], attrs: { axis: 1 } },
      { op: "Concat", inputs: ["b", "a"], outputs: ["c"], attrs: { axis: 1 } },
      { op: "Resize", inputs: ["c", "", "scales"], outputs: ["u"], attrs: { mode: "nearest" } },
      { op: "BatchNormalization", inputs: ["u", "g", "bb", "m", "v"], outputs: ["y"] },
    ],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.shapes.get("a"), [1, 4, 4, 4]);
  assert.deepEqual(r.shapes.get("u"), [1, 8, 8, 8]);
  const [cat, up, bn] = r.network.layers;
  assert.ok(cat.kind === "eltwise" && cat.op === "concat" && cat.inputC === 4 && cat.outputC === 8);
  assert.ok(up.kind === "eltwise" && up.op === "upsample" && up.outputH === 8);
  assert.equal(layerParams(bn), 16); // scale and shift per channel
});

Deno.test("an op the library does not know: with value_info a warning naming it and its count", () => {
  const bytes = model({
    inputs: [["x", [1, 3, 8, 8]]],
    initializers: [init("w", [4, 3, 1, 1])],
    valueInfo: [["f1", [1, 3, 8, 8]], ["f2", [1, 3, 8, 8]]],
    nodes: [
      { op: "Fancy", domain: "com.example", inputs: ["x"], outputs: ["f1"] },
      { op: "Fancy", domain: "com.example", inputs: ["f1"], outputs: ["f2"] },
      { op: "Conv", inputs: ["f2", "w"], outputs: ["y"] },
    ],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.uncostable, { Fancy: 2 });
  assert.match(r.warnings[0], /cannot cost.*Fancy x2/);
  assert.equal(networkMacs(r.network), 8 * 8 * 4 * 3);
});

Deno.test("an op whose output shape cannot be inferred: error naming node, op type and inputs", () => {
  const bytes = model({
    inputs: [["x", [1, 3, 8, 8]]],
    nodes: [{ op: "Fancy", name: "mystery", domain: "com.example", inputs: ["x"], outputs: ["y"] }],
  });
  assert.throws(() => readOnnx(bytes, { file: "m.onnx" }), (e: Error) => {
    assert.ok(e instanceof ValidationError);
    assert.match(e.message, /m\.onnx.*node "mystery" \(Fancy\) with inputs \[x: 1x3x8x8\]/);
    return true;
  });
  const badReshape = model({
    inputs: [["x", [1, 3, 8, 8]]],
    initializers: [init("s", [2], [5, -1])],
    nodes: [{ op: "Reshape", name: "r", inputs: ["x", "s"], outputs: ["y"] }],
  });
  assert.throws(
    () => readOnnx(badReshape),
    /node "r" \(Reshape\) with inputs \[x: 1x3x8x8, s: 2\].*cannot reshape/,
  );
});

Deno.test("graph errors: a missing input, a cycle, a symbolic H without --input, a bad --input", () => {
  const missing = model({
    inputs: [["x", [1, 3, 8, 8]]],
    nodes: [{ op: "Add", name: "add", inputs: ["x", "ghost"], outputs: ["y"] }],
  });
  assert.throws(() => readOnnx(missing), /node "add" \(Add\): input "ghost" is not produced/);
  const cycle = model({
    inputs: [["x", [1, 3, 8, 8]]],
    nodes: [
      { op: "Add", name: "a", inputs: ["x", "q"], outputs: ["p"] },
      { op: "Relu", name: "b", inputs: ["p"], outputs: ["q"] },
    ],
  });
  assert.throws(() => readOnnx(cycle), /cycle: 2 nodes wait on it or on each other.*"a" \(Add\)/);
  const symbolic = model({
    inputs: [["x", ["N", 3, "H", "W"]]],
    initializers: [init("w", [4, 3, 1, 1])],
    nodes: [{ op: "Conv", inputs: ["x", "w"], outputs: ["y"] }],
  });
  assert.throws(() => readOnnx(symbolic), /dim 2 is symbolic \("H"\).*--input/);
  assert.equal(networkMacs(readOnnx(symbolic, { input: [2, 3, 5, 5] }).network), 2 * 25 * 4 * 3);
  assert.throws(() => readOnnx(symbolic, { input: "1x3x5" }), /rank 3; x has rank 4/);
  assert.throws(() => readOnnx(symbolic, { input: "1x3xax5" }), /"1x3xax5" is not a shape/);
});

Deno.test("bytes that are not an ONNX model: errors naming the file and the offset or field", () => {
  const good = model({
    inputs: [["x", [1, 3, 8, 8]]],
    initializers: [init("w", [4, 3, 1, 1])],
    nodes: [{ op: "Conv", inputs: ["x", "w"], outputs: ["y"] }],
  });
  assert.throws(
    () => readOnnx(good.subarray(0, good.length - 7), { file: "cut.onnx" }),
    /ONNX file cut\.onnx.*truncated at byte offset \d+/,
  );
  assert.throws(
    () => readOnnx(new TextEncoder().encode("hello, world"), { file: "t.onnx" }),
    /ONNX file t\.onnx/,
  );
  assert.throws(() => readOnnx(new Uint8Array(0)), /ModelProto\.graph: missing/);
});

Deno.test("a 3-D conv: its shape is inferred, its cost is listed as uncostable, Conv1d is costed", () => {
  const bytes = model({
    inputs: [["v", [1, 2, 4, 8, 8]], ["s", [1, 4, 32]]],
    initializers: [init("w3", [6, 2, 3, 3, 3]), init("w1", [8, 4, 3])],
    nodes: [
      { op: "Conv", inputs: ["v", "w3"], outputs: ["y3"], attrs: { pads: [1, 1, 1, 1, 1, 1] } },
      { op: "Conv", inputs: ["s", "w1"], outputs: ["y1"], attrs: { pads: [1, 1] } },
    ],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.shapes.get("y3"), [1, 6, 4, 8, 8]);
  assert.deepEqual(r.uncostable, { "Conv (3-D)": 1 });
  // Conv1d: 32 outputs x 8 filters x 4 channels x 3 taps.
  assert.equal(networkMacs(r.network), 32 * 8 * 4 * 3);
});

Deno.test("lab.importOnnx (loaded lazily) returns a validated Network and reports warnings", async () => {
  const { importOnnx } = await import("../../lib/mod.ts");
  const warnings: string[] = [];
  const net = await importOnnx(Deno.readFileSync("tests/fixtures/onnx/resnet18.onnx"), {
    input: "1x3x224x224",
    onWarning: (m) => warnings.push(m),
  });
  assert.equal(net.family, "onnx");
  assert.equal(networkMacs(net), 1814073344); // torchvision ResNet-18: 1.81 GFLOPS (MACs)
  assert.deepEqual(warnings, []);
});

Deno.test("PyTorch's pad-list reversal (Reshape -> Slice step -1 -> Transpose -> Reshape) feeds Pad", () => {
  // F.pad(x, (1, 2, 3, 4)) on NCHW: W gets 1 + 2, H gets 3 + 4. The exporter reverses the pairs
  // [[1,2],[3,4],[0,0],[0,0]] and transposes them into ONNX's [begins..., ends...] = [0,0,3,1,0,0,4,2].
  const bytes = model({
    inputs: [["x", [1, 2, 5, 5]]],
    initializers: [
      init("p", [8], [1, 2, 3, 4, 0, 0, 0, 0]),
      init("pairs", [2], [-1, 2]),
      init("flat", [1], [-1]),
      init("st", [1], [-1]),
      init("en", [1], [-9007199254740991]),
      init("ax", [1], [0]),
      init("step", [1], [-1]),
    ],
    nodes: [
      { op: "Reshape", inputs: ["p", "pairs"], outputs: ["p2"] },
      { op: "Slice", inputs: ["p2", "st", "en", "ax", "step"], outputs: ["rev"] },
      { op: "Transpose", inputs: ["rev"], outputs: ["t"], attrs: { perm: [1, 0] } },
      { op: "Reshape", inputs: ["t", "flat"], outputs: ["pads"] },
      { op: "Pad", inputs: ["x", "pads"], outputs: ["y"] },
      { op: "Add", inputs: ["y", "y"], outputs: ["z"] },
    ],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.shapes.get("y"), [1, 2, 5 + 3 + 4, 5 + 1 + 2]);
});

Deno.test("Einsum: attention scores bhid,bhjd->bhij and implicit ij,jk are GEMMs", () => {
  const bytes = model({
    inputs: [["q", [2, 4, 10, 16]], ["k", [2, 4, 12, 16]], ["a", [3, 5]], ["b", [5, 7]]],
    nodes: [
      { op: "Einsum", inputs: ["q", "k"], outputs: ["s"], attrs: { equation: "bhid,bhjd->bhij" } },
      { op: "Einsum", inputs: ["a", "b"], outputs: ["c"], attrs: { equation: "ij,jk" } },
      { op: "Einsum", inputs: ["q"], outputs: ["t"], attrs: { equation: "...id->...di" } },
    ],
  });
  const r = readOnnx(bytes);
  assert.deepEqual(r.shapes.get("s"), [2, 4, 10, 12]);
  assert.deepEqual(r.shapes.get("c"), [3, 7]); // implicit output: letters used once, sorted
  assert.deepEqual(r.shapes.get("t"), [2, 4, 16, 10]);
  const [s, c] = r.network.layers;
  assert.ok(s.kind === "gemm" && s.batch === 8 && s.m === 10 && s.n === 12 && s.k === 16);
  assert.equal(layerMacs(c), 3 * 5 * 7);
  assert.equal(r.network.layers.length, 2); // the one-operand transpose is no layer
});
