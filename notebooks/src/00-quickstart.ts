// %% [markdown]
// # Quickstart
// From import to a plot in a few cells. Run it with `deno task notebooks 00-quickstart`, or open
// `notebooks/00-quickstart.ipynb` in JupyterLab / VS Code with the Deno kernel (`deno jupyter --install`).

// %%
import { gemmView, layerMacs, parseNetwork, show } from "lab";
import { Plot, plot } from "lab/plot/mod.ts";

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
net.layers.map((l) => ({ layer: l.name, ...gemmView(l), macs: layerMacs(l) }));

// %%
show(plot({
  marginLeft: 60,
  marks: [
    Plot.barX(net.layers.map((l) => ({ layer: l.name, macs: layerMacs(l) })), {
      y: "layer",
      x: "macs",
    }),
  ],
}));

// %% [markdown]
// ## Cost model
// `networkCost(net, acc)` prices every layer of a network on a systolic array: cycles exactly as
// SCALE-Sim v2 counts them (folds x per-fold cycles), plus our DRAM traffic / stall model and a
// 45 nm energy model (equations in `lib/arch/*.ts`, constants in `data/energy-45nm.json`).
// Here: MobileNet-V2 from the zoo on a 16x16 and a 64x64 weight-stationary array.

// %%
import { defaultAccelerator, energyRows, getNetwork, layerRows, networkCost, table } from "lab";
const mobilenet = getNetwork("mobilenet_v2");
const runs = [defaultAccelerator(16, 16), defaultAccelerator(64, 64)].map((acc) => ({
  array: `${acc.rows}x${acc.cols}`,
  cost: networkCost(mobilenet, acc),
}));
table(runs.map(({ array, cost: { total } }) => ({
  array,
  cycles: total.cycles,
  stallCycles: total.stallCycles,
  scaleSimTotalCycles: total.scaleSimTotalCycles,
  mappingEfficiency: total.mappingEfficiency,
  peUtilization: total.peUtilization,
  latencyMs: total.latencySeconds * 1e3,
  energyUJ: total.energyPJ.total / 1e6,
})));

// %%
const perLayer = runs.flatMap(({ array, cost }) => layerRows(cost).map((r) => ({ array, ...r })));
show(plot({
  height: 260,
  y: { type: "log", label: "cycles" },
  x: { label: "MAC layer index" },
  color: { legend: true },
  marks: [Plot.dot(perLayer, { x: "index", y: "cycles", stroke: "array", title: "layer" })],
}));

// %%
show(plot({
  height: 220,
  y: { label: "PE utilization", domain: [0, 1] },
  x: { label: "MAC layer index" },
  color: { legend: true },
  marks: [Plot.lineY(perLayer, { x: "index", y: "peUtilization", stroke: "array" })],
}));

// %%
const energy = runs.flatMap(({ array, cost }) =>
  energyRows(cost.total.energyPJ).map((r) => ({
    array,
    component: r.component,
    uJ: r.energyPJ / 1e6,
  }))
);
show(plot({
  marginLeft: 60,
  height: 160,
  x: { label: "energy (uJ)" },
  color: { legend: true },
  marks: [Plot.barX(energy, { y: "array", x: "uJ", fill: "component" })],
}));

// %% [markdown]
// ## Zoo
// `getNetwork(name)` builds any of the zoo's models (`listModels()`; `deno task zoo` lists them):
// 113 CNNs, whose torchvision members match torchvision's published parameters and MACs
// (`data/torchvision-models.csv`), plus transformers as GEMM jobs and recommendation MLPs.
// One row per family:

// %%
import { familySummary, layerMacsRows } from "lab";
table(familySummary());

// %% [markdown]
// MACs per layer of MobileNet v2: the 1x1 expansions and projections carry the work, the
// depthwise 3x3 convs little of it.

// %%
show(plot({
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
}));
