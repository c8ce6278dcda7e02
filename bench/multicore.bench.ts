/**
 * Study B hot paths: the design-space sweep (default grid, 648 configurations) over the study's
 * networks and over the whole zoo, in-process and on Web Workers; core-type enumeration; layer
 * distribution. Run: deno bench -A bench/multicore.bench.ts
 */
import { defaultHeterogeneousSetup } from "../lib/experiments/heterogeneous/setup.ts";
import {
  chooseCoreTypesExact,
  chooseCoreTypesGreedy,
  coreAccelerator,
  defaultSweepGrid,
  distributeNetwork,
  expandSpace,
  prepareWorkload,
  sweep,
  sweepSync,
} from "../lib/multicore/mod.ts";
import { makeRng } from "../lib/random.ts";
import { getNetwork, listModels } from "../lib/workload/mod.ts";

const configs = expandSpace(defaultSweepGrid);
const study = prepareWorkload(defaultHeterogeneousSetup.networks.map((n) => getNetwork(n)));
const zoo = prepareWorkload(listModels().map((m) => getNetwork(m.name)));

Deno.bench("sweep 648 configs x 16 study networks, in-process", { group: "study" }, () => {
  sweepSync(study, configs);
});

Deno.bench("sweep 648 configs x 16 study networks, 2 workers", { group: "study" }, async () => {
  await sweep(study, configs, { workers: 2 });
});

Deno.bench(`sweep 648 configs x whole zoo (${zoo.networks.length} networks), in-process`, {
  group: "zoo",
  n: 3,
  warmup: 1,
}, () => {
  sweepSync(zoo, configs);
});

Deno.bench(`sweep 648 configs x whole zoo (${zoo.networks.length} networks), 2 workers`, {
  group: "zoo",
  n: 3,
  warmup: 1,
}, async () => {
  await sweep(zoo, configs, { workers: 2 });
});

const rng = makeRng(7);
const cost16 = Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 1 + rng.next()));
const cost648 = Array.from({ length: 16 }, () => Array.from({ length: 648 }, () => 1 + rng.next()));

Deno.bench("core types: exact, 16 networks x 16 cores, k = 4 (1820 subsets)", () => {
  chooseCoreTypesExact(cost16, 4);
});

Deno.bench("core types: greedy, 16 networks x 648 cores, k = 4", () => {
  chooseCoreTypesGreedy(cost648, 4);
});

const ref = coreAccelerator(defaultHeterogeneousSetup.referenceCore);
const resnet = getNetwork("resnet50");
const cores = Array.from({ length: 16 }, (_, i) => i + 1);

Deno.bench("layer distribution: ResNet-50 on 1..16 cores (all strategies)", () => {
  distributeNetwork(resnet, ref, cores);
});
