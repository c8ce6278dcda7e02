/**
 * Cost-model speed (issue 9 targets): >= 1,000,000 layer evaluations per second on one core, and a
 * whole zoo on one configuration well under a second. Each "layers" bench runs a batch of 1,000
 * evaluations, so 1M/s means <= 1 ms per iteration.
 */
import { defaultAccelerator, gemmCost, layerCost, networkCost } from "../lib/arch/mod.ts";
import { type GemmView, gemmView } from "../lib/workload/gemm.ts";
import type { Layer } from "../lib/workload/layer.ts";
import { getNetwork, listModels } from "../lib/workload/zoo/mod.ts";

const acc = defaultAccelerator(32, 32);
const resnet = getNetwork("resnet50");
const macLayers: Layer[] = resnet.layers.filter((l) => gemmView(l) !== null);
const gemms: GemmView[] = macLayers.map((l) => gemmView(l)!);
const zoo = listModels().map((m) => getNetwork(m.name));
let sink = 0;

Deno.bench("gemmCost x1000 (ResNet-50 GEMMs, 32x32 ws)", { group: "layer", baseline: true }, () => {
  for (let i = 0; i < 1000; i++) sink += gemmCost(gemms[i % gemms.length], acc).cycles;
});

Deno.bench("layerCost x1000 (ResNet-50 layers, incl. lowering)", { group: "layer" }, () => {
  for (let i = 0; i < 1000; i++) sink += layerCost(macLayers[i % macLayers.length], acc).cycles;
});

Deno.bench(`networkCost over the whole zoo (${zoo.length} models)`, { group: "zoo" }, () => {
  for (const net of zoo) sink += networkCost(net, acc).total.cycles;
});

globalThis.addEventListener("unload", () => {
  if (sink < 0) console.log(sink);
});
