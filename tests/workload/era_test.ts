/**
 * The era networks (lib/workload/zoo/era.ts) against their papers. Expected totals are hand
 * counts from the kernel sizes each paper publishes (weights + one bias per filter or neuron),
 * worked out in the comments, and the papers' own rounded totals where they state one.
 */
import assert from "node:assert/strict";
import { getNetwork, networkMacs, networkParams } from "../../lib/mod.ts";
import type { Conv2d } from "../../lib/workload/layer.ts";

const convs = (name: string) =>
  getNetwork(name).layers.filter((l): l is Conv2d => l.kind === "conv2d");

Deno.test("era alexnet_grouped: Krizhevsky et al. Sec. 3.5 kernels, '60 million parameters'", () => {
  const net = getNetwork("alexnet_grouped");
  // conv1 96x(11x11x3)+96 = 34,944; conv2 256x(5x5x48)+256 = 307,456;
  // conv3 384x(3x3x256)+384 = 885,120; conv4 384x(3x3x192)+384 = 663,936;
  // conv5 256x(3x3x192)+256 = 442,624; fc6 9216x4096+4096 = 37,752,832;
  // fc7 4096x4096+4096 = 16,781,312; fc8 4096x1000+1000 = 4,097,000. Sum 60,965,224.
  assert.equal(networkParams(net), 60_965_224);
  // The paper rounds to "60 million parameters".
  assert.equal(Math.floor(networkParams(net) / 1e6), 60);
  // Groups: conv2, conv4 and conv5 are split across the two GPUs, conv3 sees both.
  assert.deepEqual(convs("alexnet_grouped").map((l) => l.groups), [1, 2, 1, 2, 2]);
  // Conv MACs: 55^2x96x363 + 27^2x256x1200 + 13^2x384x2304 + 13^2x384x1728 + 13^2x256x1728
  // = 105,415,200 + 223,948,800 + 149,520,384 + 112,140,288 + 74,760,192 = 665,784,864
  // (the "0.666 GMAC" of the study summary's hand calculation); FC MACs 58,621,952.
  assert.equal(networkMacs(net), 665_784_864 + 58_621_952);
});

Deno.test("era zfnet: Zeiler & Fergus Fig. 3 map sizes and hand-counted totals", () => {
  // Fig. 3: conv1 on 224, conv2 on 55, conv3-5 on 13; 6x6x256 enter fc6.
  assert.deepEqual(convs("zfnet").map((l) => l.inputH), [224, 55, 13, 13, 13]);
  // conv1 96x147+96 = 14,208; conv2 256x2400+256 = 614,656; conv3 384x2304+384 = 885,120;
  // conv4 384x3456+384 = 1,327,488; conv5 256x3456+256 = 884,992; FC as AlexNet 58,631,144.
  assert.equal(networkParams(getNetwork("zfnet")), 62_357_608);
  // MACs: 110^2x96x147 + 26^2x256x2400 + 13^2x(384x2304 + 384x3456 + 256x3456) + 58,621,952.
  const conv = 12100 * 96 * 147 + 676 * 256 * 2400 + 169 * (384 * 2304 + 384 * 3456 + 256 * 3456);
  assert.equal(networkMacs(getNetwork("zfnet")), conv + 58_621_952);
});

Deno.test("era overfeat: Sermanet et al. Tables 1 and 3 (fast ~145 M, accurate ~144 M params)", () => {
  // Fast (231 crop): maps 56 -> 28, 24 -> 12, 12, 12, 12 -> 6; fc6 on 6x6x1024.
  assert.deepEqual(convs("overfeat_fast").map((l) => l.inputH), [231, 28, 12, 12, 12]);
  // Weights 96x363 + 256x2400 + 512x2304 + 1024x4608 + 1024x9216 + 36864x3072 + 3072x4096
  // + 4096x1000 = 145,909,792, biases 96+256+512+1024+1024+3072+4096+1000 = 11,080.
  const fast = networkParams(getNetwork("overfeat_fast"));
  assert.equal(fast, 145_909_792 + 11_080);
  // Accurate (221 crop): maps 108 -> 36, 30 -> 15, 15, 15, 15, 15 -> 5; fc7 on 5x5x1024.
  assert.deepEqual(convs("overfeat_accurate").map((l) => l.inputH), [221, 36, 15, 15, 15, 15]);
  // Weights 96x147 + 256x4704 + 512x2304 + 512x4608 + 1024x4608 + 1024x9216 + 25600x4096
  // + 4096x4096 + 4096x1000 = 144,643,872, biases 96+256+512+512+1024+1024+4096+4096+1000.
  const acc = networkParams(getNetwork("overfeat_accurate"));
  assert.equal(acc, 144_643_872 + 12_616);
  // The paper's rounded totals (about 145 M and 144 M), within 1 %.
  assert.ok(Math.abs(fast / 145e6 - 1) < 0.01, `${fast}`);
  assert.ok(Math.abs(acc / 144e6 - 1) < 0.01, `${acc}`);
  // Accurate does about twice the MACs of fast (2.80 G vs 5.36 G by hand).
  assert.equal(networkMacs(getNetwork("overfeat_fast")), 2_801_403_904);
  assert.equal(networkMacs(getNetwork("overfeat_accurate")), 5_355_446_784);
});

Deno.test("era nin: four mlpconv blocks, no FC layer, hand-counted 7.6 M parameters", () => {
  const net = getNetwork("nin");
  assert.ok(!net.layers.some((l) => l.kind === "dense"), "global average pooling replaces FC");
  // conv1 34,944 + 2 x (96x96+96) + conv2 614,656 + 2 x (256x256+256) + conv3 885,120
  // + 2 x (384x384+384) + conv4 1024x3456+1024 + cccp7 1024x1024+1024 + cccp8 1000x1024+1000.
  assert.equal(networkParams(net), 7_595_176);
  // Caffe's ceil-mode pools: 54 -> 27 -> 13 -> 6.
  assert.deepEqual([...new Set(convs("nin").map((l) => l.inputH))], [224, 54, 27, 13, 6]);
});
