// %% [markdown]
// # Quickstart
// From import to a plot in a few cells. Run it with `deno task notebooks 00-quickstart`, or open
// `notebooks/00-quickstart.ipynb` in Jupyter (Notebook, JupyterLab or VS Code) with the Deno kernel
// (`deno jupyter --install`).
//
// Three helpers put results on screen: `table(rows)` (an HTML table, with Markdown and plain-text
// copies), `show(chart)` (an SVG image with a PNG copy, which is what a notebook fresh from git
// shows until you trust it) and `display(x)`. Each cell here ends with `await display(...)`: it
// publishes the output before the cell reports done. A cell that only returns `show(...)` or
// `table(...)` as its value works too, but the Deno kernel sometimes sends such a value after it
// reports the cell done, and under Kernel > Restart & Run All it can then land under the next cell.

// %%
import { display, gemmView, layerMacs, parseNetwork, table } from "lab";
import { Plot, plot, show } from "lab/plot/mod.ts";

// %%
const net = parseNetwork({
  name: "tiny",
  family: "demo",
  task: "classification",
  input: { h: 32, w: 32, c: 3 },
  layers: [
    {
      kind: "conv2d",
      name: "conv1",
      inputH: 32,
      inputW: 32,
      inputC: 3,
      outputC: 16,
      kernelH: 3,
      kernelW: 3,
      padH: 1,
      padW: 1,
    },
    {
      kind: "conv2d",
      name: "conv2",
      inputH: 32,
      inputW: 32,
      inputC: 16,
      outputC: 32,
      kernelH: 3,
      kernelW: 3,
      strideH: 2,
      strideW: 2,
      padH: 1,
      padW: 1,
    },
    { kind: "dense", name: "fc", inputFeatures: 32 * 16 * 16, outputFeatures: 10 },
  ],
});
await display(
  table(net.layers.map((l) => ({ layer: l.name, ...gemmView(l), macs: layerMacs(l) }))),
);

// %%
await display(show(plot({
  marginLeft: 60,
  marks: [
    Plot.barX(net.layers.map((l) => ({ layer: l.name, macs: layerMacs(l) })), {
      y: "layer",
      x: "macs",
    }),
  ],
})));

// %% [markdown]
// ## Cost model
// `networkCost(net, acc)` prices every layer of a network on a systolic array: cycles exactly as
// SCALE-Sim v2 counts them (folds x per-fold cycles), plus our DRAM traffic / stall model and a
// 45 nm energy model (equations in `lib/arch/*.ts`, constants in `data/energy-45nm.json`).
// Here: MobileNet-V2 from the zoo on a 16x16 and a 64x64 weight-stationary array.

// %%
import { defaultAccelerator, energyRows, getNetwork, layerRows, networkCost } from "lab";
const mobilenet = getNetwork("mobilenet_v2");
const runs = [defaultAccelerator(16, 16), defaultAccelerator(64, 64)].map((acc) => ({
  array: `${acc.rows}x${acc.cols}`,
  cost: networkCost(mobilenet, acc),
}));
await display(table(runs.map(({ array, cost: { total } }) => ({
  array,
  cycles: total.cycles,
  stallCycles: total.stallCycles,
  scaleSimTotalCycles: total.scaleSimTotalCycles,
  mappingEfficiency: total.mappingEfficiency,
  peUtilization: total.peUtilization,
  latencyMs: total.latencySeconds * 1e3,
  energyUJ: total.energyPJ.total / 1e6,
}))));

// %%
const perLayer = runs.flatMap(({ array, cost }) => layerRows(cost).map((r) => ({ array, ...r })));
await display(show(plot({
  height: 260,
  y: { type: "log", label: "cycles" },
  x: { label: "MAC layer index" },
  color: { legend: true },
  marks: [Plot.dot(perLayer, { x: "index", y: "cycles", stroke: "array", title: "layer" })],
})));

// %%
await display(show(plot({
  height: 220,
  y: { label: "PE utilization", domain: [0, 1] },
  x: { label: "MAC layer index" },
  color: { legend: true },
  marks: [Plot.lineY(perLayer, { x: "index", y: "peUtilization", stroke: "array" })],
})));

// %%
const energy = runs.flatMap(({ array, cost }) =>
  energyRows(cost.total.energyPJ).map((r) => ({
    array,
    component: r.component,
    uJ: r.energyPJ / 1e6,
  }))
);
await display(show(plot({
  marginLeft: 60,
  height: 160,
  x: { label: "energy (uJ)" },
  color: { legend: true },
  marks: [Plot.barX(energy, { y: "array", x: "uJ", fill: "component" })],
})));

// %% [markdown]
// ## Zoo
// `getNetwork(name)` builds any of the zoo's models (`listModels()`; `deno task zoo` lists them):
// 179 CNNs, whose torchvision members match torchvision's published parameters and MACs
// (`data/torchvision-models.csv`), plus transformers as GEMM jobs and recommendation MLPs.
// One row per family:

// %%
import { familySummary, layerMacsRows } from "lab";
await display(table(familySummary()));

// %% [markdown]
// MACs per layer of MobileNet v2: the 1x1 expansions and projections carry the work, the
// depthwise 3x3 convs little of it.

// %%
await display(show(plot({
  height: 220,
  x: { label: "MAC layer index", ticks: [] },
  y: { label: "MMACs" },
  color: { legend: true },
  marks: [
    Plot.barY(
      layerMacsRows(getNetwork("mobilenet_v2")).map((r) => ({ ...r, mmacs: r.macs / 1e6 })),
      { x: "index", y: "mmacs", fill: "kind" },
    ),
  ],
})));

// %% [markdown]
// ## One layer by name
// A zoo network's layers carry torchvision's module names: ResNet-50's first bottleneck is
// `layer1.0`, with `conv1`, `conv2`, `conv3`, their `.bn`, a `downsample` and the residual `add`.
// List them to find a name, then pick a layer with `find`.

// %%
import { layerCost } from "lab";
const r50 = getNetwork("resnet50");
await display(table(
  r50.layers.filter((l) => l.name.startsWith("layer1.0.")).map((l) => ({
    name: l.name,
    kind: l.kind,
    macs: layerMacs(l),
  })),
));

// %% [markdown]
// `layerCost(layer, acc)` prices one layer on one accelerator (`networkCost` calls it for every
// layer and sums). Its main fields: `computeCycles` (SCALE-Sim v2's count: folds x cycles per fold),
// `stallCycles` (our DRAM model: cycles the array waits because the layer's DRAM traffic at
// `dramBandwidthBytesPerCycle` takes longer than its compute), `cycles` (their sum),
// `dramIfmapBytes` / `dramFilterBytes` / `dramOfmapBytes`, `peUtilization` (MACs / (cycles x PEs))
// and `energyPJ` (per component). Layers without MACs (batch norm, pooling, add) cost zero.
//
// `layer1.0.conv2` is a 3x3 conv on a 56x56x64 map: as a GEMM, M = 3136 output pixels,
// K = 576 (3 x 3 x 64) and N = 64 filters. Here it is on square weight-stationary arrays from
// 8x8 to 128x128, every other setting at its default (buffers 256 / 256 / 128 KiB, 10 B/cycle):

// %%
const conv2 = r50.layers.find((l) => l.name === "layer1.0.conv2")!;
const g = gemmView(conv2)!;
const sweep = [8, 16, 32, 64, 128].map((side) => {
  const acc = defaultAccelerator(side, side);
  const c = layerCost(conv2, acc);
  return {
    array: `${side}x${side}`,
    computeCycles: c.computeCycles,
    stallCycles: c.stallCycles,
    cycles: c.cycles,
    // The weight-stationary partial-sum tile: M rows x the filters mapped at once (min(N, cols)).
    psumTileKiB: (g.m * Math.min(g.n, side) * acc.wordBytes) / 1024,
    ofmapBufferKiB: acc.ofmapSramKiB,
    ofmapPasses: c.dramOfmapBytes / (g.m * g.n * acc.wordBytes),
    dramMB: c.dramBytes / 1e6,
  };
});
await display(table(sweep));

// %%
await display(show(plot({
  height: 220,
  x: { label: "array" },
  y: { label: "cycles (thousands)" },
  color: { legend: true },
  marks: [
    Plot.barY(
      sweep.flatMap((r) => [
        { array: r.array, part: "compute", kcycles: r.computeCycles / 1e3 },
        { array: r.array, part: "DRAM stall", kcycles: r.stallCycles / 1e3 },
      ]),
      { x: "array", y: "kcycles", fill: "part" },
    ),
  ],
})));

// %% [markdown]
// Cycles fall 4x per step from 8x8 to 32x32, as the compute count predicts, then rise at 64x64.
// The reason is the ofmap buffer. On a weight-stationary array each fold holds a K-slice of the
// weights and adds its contribution to the partial sums of all M outputs of the filters mapped,
// so the partial-sum tile is M x min(N, cols) words. At 32 columns that is 3136 x 32 = 100,352
// bytes (98 KiB), which fits the 128 KiB buffer; at 64 columns it is 3136 x 64 = 196 KiB, which
// does not. Then every row fold but the last writes its partial sums to DRAM and the next reads
// them back: with rf = ceil(576 / 64) = 9 row folds that is 2 x 9 - 1 = 17 passes over the
// 200,704-byte ofmap (the `ofmapPasses` column) instead of one, and at 10 B/cycle the transfer
// takes far longer than the roughly 30 thousand compute cycles, so the layer is bandwidth-bound.
// At 128x128 the tile is as large but there are only ceil(576 / 128) = 5 row folds (9 passes).
//
// The remedy follows from the explanation: an ofmap buffer that holds the tile (256 KiB), or a
// dataflow that keeps partial sums in the PEs (output stationary):

// %%
const fixes = [
  defaultAccelerator(64, 64),
  defaultAccelerator(64, 64, { ofmapSramKiB: 256 }),
  defaultAccelerator(64, 64, { dataflow: "os" }),
].map((acc) => {
  const c = layerCost(conv2, acc);
  return {
    array: `${acc.rows}x${acc.cols} ${acc.dataflow}`,
    ofmapBufferKiB: acc.ofmapSramKiB,
    computeCycles: c.computeCycles,
    stallCycles: c.stallCycles,
    cycles: c.cycles,
    dramMB: c.dramBytes / 1e6,
  };
});
await display(table(fixes));

// %% [markdown]
// ## Bring your own network (ONNX)
// `importOnnx(bytes, { input })` reads an `.onnx` file into the same layer IR as the zoo. Only
// tensor shapes are read, so files whose weights are stripped or stored as external data import
// too; `deno task zoo --onnx FILE` and `deno task simulate --onnx FILE` do the same from the shell.
// Here: the PaddleOCR v4 text detector (a Paddle2ONNX export, weights stripped) at 640x640, costed
// per layer on a 32x32 array like any zoo network (first 12 MAC layers).

// %%
import { importOnnx } from "lab";
const ocr = await importOnnx(
  await Deno.readFile("../tests/fixtures/onnx/ch_PP-OCRv4_det_infer.onnx"),
  { input: "1x3x640x640", name: "ppocr_v4_det" },
);
const ocrCost = networkCost(ocr, defaultAccelerator(32, 32));
await display(table(
  layerRows(ocrCost).slice(0, 12).map(({ index, layer, kind, macs, cycles, peUtilization }) => ({
    index,
    layer,
    kind,
    macs,
    cycles,
    peUtilization,
  })),
));
