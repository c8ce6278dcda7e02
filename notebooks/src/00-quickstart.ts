// %% [markdown]
// # Quickstart
// From import to a plot in a few cells. Run it with `deno task notebooks 00-quickstart`, or open
// `notebooks/00-quickstart.ipynb` in JupyterLab / VS Code with the Deno kernel (`deno jupyter --install`).

// %%
import { gemmView, layerMacs, parseNetwork, Plot, plot, show } from "lab";

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
