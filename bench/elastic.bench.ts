/** Study D hot paths: the exact per-model split search and the co-scheduling search. */
import { coSchedule } from "../lib/elastic/cosched.ts";
import { networkDemand } from "../lib/elastic/demand.ts";
import { defaultElasticHardware as hw } from "../lib/elastic/hardware.ts";
import { bestSplit } from "../lib/elastic/search.ts";
import { getNetwork } from "../lib/workload/zoo/mod.ts";

const alexnet = networkDemand(getNetwork("alexnet"), hw);
const vgg16 = networkDemand(getNetwork("vgg16"), hw);
const resnet152 = networkDemand(getNetwork("resnet152"), hw);

Deno.bench("bestSplit alexnet (31 PE steps x bandwidth bisection)", { group: "split" }, () => {
  bestSplit(alexnet, hw, 1);
});
Deno.bench("bestSplit vgg16", { group: "split" }, () => {
  bestSplit(vgg16, hw, 1);
});
Deno.bench("bestSplit resnet152 (156 MAC layers)", { group: "split" }, () => {
  bestSplit(resnet152, hw, 1);
});
Deno.bench("coSchedule alexnet+vgg16 (32 x 32 grid)", { group: "cosched" }, () => {
  coSchedule([{ demand: alexnet, images: 64 }, { demand: vgg16, images: 64 }], hw, 1);
});
Deno.bench("coSchedule alexnet+vgg16+resnet152 (16 x 16 grid)", { group: "cosched", n: 3 }, () => {
  coSchedule(
    [
      { demand: alexnet, images: 64 },
      { demand: vgg16, images: 64 },
      { demand: resnet152, images: 64 },
    ],
    hw,
    1,
    { peUnits: 16, bandwidthUnits: 16 },
  );
});
