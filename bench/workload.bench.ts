/**
 * Workload library speed: building (and validating) zoo networks, and the SCALE-Sim topology
 * round trip. Studies build each network once per run, so milliseconds per network are enough.
 */
import { readTopology, writeTopology } from "../lib/workload/topology.ts";
import { getNetwork, listModels } from "../lib/workload/zoo/mod.ts";

const names = listModels().map((m) => m.name);
const resnet = getNetwork("resnet50");
const csv = writeTopology(resnet);
let sink = 0;

Deno.bench("getNetwork resnet50 (build + zod validation)", { group: "zoo", baseline: true }, () => {
  sink += getNetwork("resnet50").layers.length;
});

Deno.bench("getNetwork efficientnet_v2_l (753 layers)", { group: "zoo" }, () => {
  sink += getNetwork("efficientnet_v2_l").layers.length;
});

Deno.bench("getNetwork for the whole zoo", { group: "zoo" }, () => {
  for (const n of names) sink += getNetwork(n).layers.length;
});

Deno.bench("writeTopology resnet50", { group: "topology", baseline: true }, () => {
  sink += writeTopology(resnet).length;
});

Deno.bench("readTopology resnet50", { group: "topology" }, () => {
  sink += readTopology(csv, "resnet50").layers.length;
});

globalThis.addEventListener("unload", () => {
  if (sink < 0) console.log(sink);
});
