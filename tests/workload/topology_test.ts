/** SCALE-Sim topology CSV: reading its formats, writing zoo networks, round trips, bad files. */
import assert from "node:assert/strict";
import {
  cnnNames,
  gemmView,
  getNetwork,
  layerMacs,
  listModels,
  macLayers,
  type Network,
  networkMacs,
  readTopology,
  readTopologyFile,
  ValidationError,
  writeTopology,
} from "../../lib/mod.ts";

// Written the way SCALE-Sim's own topology files are: spaces, a blank line, a tab-indented row,
// a "#dw" note after the trailing comma, and one row without the trailing comma.
const CONV_CSV =
  `Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,

Conv1, 224, 224, 3, 3, 3, 32, 2,
Conv2_dw, 112, 112, 3, 3, 1, 1, 1,#dw
\tConv3,112,112,1,1,32,64,1
FC, 1, 1, 1, 1, 1024, 1000, 1,
`;

Deno.test("topology: reads the conv format with SCALE-Sim's ceil output size", () => {
  const net = readTopology(CONV_CSV, "mobilenet_paper");
  assert.deepEqual(net.layers.map((l) => l.name), ["Conv1", "Conv2_dw", "Conv3", "FC"]);
  // Conv1: ceil((224 - 3 + 2) / 2) = 112 output rows and columns (floor mode would give 111).
  assert.equal(gemmView(net.layers[0])!.m, 112 * 112);
  assert.equal(layerMacs(net.layers[0]), 112 * 112 * 3 * 3 * 3 * 32);
  // Conv2_dw: ceil((112 - 3 + 1) / 1) = 110; one channel, one filter as written.
  assert.equal(layerMacs(net.layers[1]), 110 * 110 * 9);
  assert.equal(layerMacs(net.layers[2]), 112 * 112 * 32 * 64);
  assert.deepEqual(gemmView(net.layers[3]), { m: 1, k: 1024, n: 1000, groups: 1 });
  assert.deepEqual(net.input, { h: 224, w: 224, c: 3 });
});

Deno.test("topology: reads the GEMM format (Layer, M, N, K); repeated names get the row", () => {
  const net = readTopology("Layer,M,N,K\n1,256,128,2048\n2,128,64,2048\n1,4,4,4\n", "ncf");
  assert.deepEqual(gemmView(net.layers[0]), { m: 256, k: 2048, n: 128, groups: 1 });
  assert.equal(networkMacs(net), 256 * 128 * 2048 + 128 * 64 * 2048 + 4 * 4 * 4);
  assert.equal(net.layers[2].name, "1@row4");
});

Deno.test("topology: writes padded input extents so SCALE-Sim's output size matches", () => {
  const lines = writeTopology(getNetwork("resnet18")).split("\n");
  assert.equal(
    lines[0],
    "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
  );
  // conv1: 7x7/2 pad 3 on 224 gives 112; extent (112 - 1) * 2 + 7 = 229, ceil((229-7+2)/2) = 112.
  assert.equal(lines[1], "conv1, 229, 229, 7, 7, 3, 64, 2,");
});

Deno.test("topology: depthwise rows carry channels per group, all filters and #groups", () => {
  const csv = writeTopology(getNetwork("mobilenet_v2"));
  // features.1.dw: 3x3 depthwise on 112 x 112 x 32, stride 1 -> extent 114, 1 channel, 32 filters.
  assert.match(csv, /^features\.1\.dw, 114, 114, 3, 3, 1, 32, 1,#groups=32$/m);
});

function sameGemms(a: Network, b: Network, what: string): void {
  const va = macLayers(a).map(gemmView);
  const vb = macLayers(b).map(gemmView);
  assert.deepEqual(vb, va, what);
  assert.equal(networkMacs(b), networkMacs(a), what);
}

Deno.test("topology: write then read keeps every MAC layer's GEMM view and MACs", () => {
  for (const m of listModels()) {
    for (const batch of [1, 3]) {
      const net = getNetwork(m.name, { batch });
      sameGemms(net, readTopology(writeTopology(net), m.name), `${m.name} batch ${batch}`);
      const gemm = readTopology(writeTopology(net, "gemm"), m.name);
      sameGemms(net, gemm, `${m.name} batch ${batch} gemm format`);
    }
  }
  for (const name of cnnNames().slice(0, 20)) {
    const net = getNetwork(name);
    sameGemms(net, readTopology(writeTopology(net, "conv")), `${name} conv format`);
  }
});

function rejects(csv: string, pattern: RegExp): void {
  assert.throws(
    () => readTopology(csv, "bad"),
    (e) => e instanceof ValidationError && pattern.test(e.message),
    String(pattern),
  );
}

Deno.test("topology: malformed files give errors with row and column", () => {
  const head =
    "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n";
  rejects(head + "c1, 8, 8, x, 3, 3, 8, 1,\n", /row 2, column 4 \(Filter Height\): .*"x"/);
  rejects(
    head + "c1, 8, 8, 3, 3, 3, 8, 1,\nc2, 8, 8, 3, 3, -3, 8, 1,\n",
    /row 3, column 6 \(Channels\)/,
  );
  rejects(head + "c1, 8, 8, 3, 3, 3, 8,\n", /row 2: expected 7 or 8 values after the name.*got 6/);
  rejects(
    head + "c1, 5, 5, 7, 3, 3, 8, 1,\n",
    /row 2, column 4 \(Filter Height\): 7 > IFMAP Height 5/,
  );
  rejects(
    head + "c1, 8, 8, 3, 3, 3, 8, 1,#groups=3\n",
    /row 2, column 7 \(Num Filter\): 8 not divisible by groups 3/,
  );
  // The header is skipped whatever it says; the data row is then too short for either format.
  rejects("Layer, IFMAP, Foo,\nc1, 1, 2,\n", /row 2: expected 7 or 8 values after the name/);
  rejects(head, /header only/);
  rejects("\n\n", /no rows/);
  rejects("Layer,M,N,K\n1,256,,2048\n", /row 2, column 3 \(N\)/);
});

Deno.test("topology: readTopologyFile names the network after the file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/mynet.csv`;
    await Deno.writeTextFile(path, CONV_CSV);
    const net = await readTopologyFile(path);
    assert.equal(net.name, "mynet");
    await assert.rejects(() => readTopologyFile(`${dir}/missing.csv`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
