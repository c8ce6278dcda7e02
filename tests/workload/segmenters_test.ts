/**
 * ERFNet, SegNet, PSPNet and FCN-8s (lib/workload/zoo/segmenters.ts) against published parameter
 * and operation counts. Vitis AI zoo names end in operations at the stated input size (2 per
 * MAC); papers count parameters in millions to the printed digits.
 */
import assert from "node:assert/strict";
import { getNetwork, listModels, networkMacs, networkParams } from "../../lib/mod.ts";
import type { Network } from "../../lib/workload/layer.ts";
import { entries } from "../../lib/workload/zoo/registry.ts";
import { espnet } from "../../lib/workload/zoo/segmenters.ts";
import { cnn } from "../../lib/workload/zoo/types.ts";

const paramsM = (name: string) => networkParams(getNetwork(name)) / 1e6;

Deno.test("segmenters: registered as segmentation at their stated input sizes", () => {
  const info = new Map(listModels().map((m) => [m.name, m]));
  const want: [string, number, number][] = [
    ["erfnet", 512, 1024],
    ["segnet", 360, 480],
    ["pspnet_resnet101", 713, 713],
    ["fcn8s_vgg16", 500, 500],
    ["espnet", 512, 1024],
    ["linknet", 360, 640],
    ["deeplab_largefov", 513, 513],
    ["fast_scnn", 1024, 2048],
  ];
  for (const [name, h, w] of want) {
    const m = info.get(name);
    assert.ok(m, name);
    assert.deepEqual([m.task, m.input.h, m.input.w, m.domain], ["segmentation", h, w, "cnn"]);
  }
});

Deno.test("ERFNet: Vitis AI tf2_erfnet_cityscapes_512_1024_54G and 2.07M parameters", () => {
  // Operations: 54 G at 512 x 1024 (2 per MAC). Ours is 53.2 G, 1.5 % low and outside the
  // rounding of "54" by 0.3 G; the Vitis model's per-layer count is not published, so the
  // difference is pinned, not explained: tolerance 2 %.
  const gops = (2 * networkMacs(getNetwork("erfnet"))) / 1e9;
  assert.ok(Math.abs(gops / 54 - 1) <= 0.02, `${gops}`);
  assert.ok(gops < 54, "known miss: below the published count");
  // Parameters: pytorch-auto-drive's ERFNet profiling table gives 2.07 M (class count not
  // stated). Ours, 2 064 172 (19 classes; hand count 12C^2 + 8C per non-bottleneck-1D block),
  // is 0.3 % below its rounding: a pinned known miss within 0.5 %.
  const p = paramsM("erfnet");
  assert.ok(Math.abs(p / 2.07 - 1) <= 0.005 && p < 2.065, `${p}`);
});

Deno.test("SegNet (Badrinarayanan et al. 2017): 29.5M parameters", () => {
  // VGG-16 encoder and mirrored decoder with batch norm: 29 449 355 with CamVid's 11-class
  // classifier (each class adds 577). The paper's 29.5M does not say which dataset's
  // classifier it counts; at 11 classes ours is 0.002 M below its rounding edge (29.45): within
  // 0.5 %.
  const p = paramsM("segnet");
  assert.equal(networkParams(getNetwork("segnet")), 29_449_355);
  assert.ok(Math.abs(p / 29.5 - 1) <= 0.005, `${p}`);
});

Deno.test("PSPNet ResNet-101: 65.7M parameters (ESPNet paper, Mehta et al. 2018, Sec. 1)", () => {
  // "PSPNet [1] has 65.7 million parameters" (no auxiliary head at inference). Ours uses
  // torchvision's 7x7 stem; the PSPNet ResNet's stem is three 3x3 convs (3-64-64-128, BN), which
  // also widens layer1's input to 128. Hand count of that difference: stem 112 320 + 512 BN vs
  // 9 408 + 128 BN (+103 296), layer1.0 conv1 128x64 vs 64x64 (+4 096), downsample 128x256 vs
  // 64x256 (+16 384): +123 776. With it ours rounds to 65.7M; without it, 65.58M (known miss
  // explained by the stem).
  const ours = networkParams(getNetwork("pspnet_resnet101"));
  const deepStem = ours + 103_296 + 4_096 + 16_384;
  assert.ok(deepStem >= 65.65e6 && deepStem < 65.75e6, `${deepStem}`);
  assert.ok(ours < 65.65e6, "known miss without the deep stem");
  // The training-only auxiliary head is appended only when asked for.
  const withAux = entries().get("pspnet_resnet101")!.build({
    batch: 1,
    seqLen: 128,
    auxHeads: true,
  });
  assert.ok(withAux.some((l) => l.name === "aux.cls"));
  assert.ok(!getNetwork("pspnet_resnet101").layers.some((l) => l.name.startsWith("aux")));
});

Deno.test("FCN-8s (Long et al. 2015, Table 1): FCN-VGG16 134M parameters", () => {
  // Table 1 gives 134M for FCN-VGG16 (the 32s net). FCN-8s adds the pool4 and pool3 score convs
  // (512*21 + 21, 256*21 + 21) and two learned 4x4 deconvs (16*21*21 each) = 30 282 (hand count);
  // the final 8x deconv is fixed bilinear, not a parameter. Both round to 134M.
  const ours = networkParams(getNetwork("fcn8s_vgg16"));
  const fcn32 = ours - (512 * 21 + 21) - (256 * 21 + 21) - 2 * 16 * 21 * 21;
  for (const p of [ours, fcn32]) assert.ok(p >= 133.5e6 && p < 134.5e6, `${p}`);
});

Deno.test("ESPNet (Mehta et al. 2018): 0.364M parameters at p = 2, q = 8", () => {
  // The paper gives 0.364M for ESPNet. Hand count per ESP module at 1/8 (128 channels, n = 25,
  // n1 = 28): 1x1 128*25 + 3x3 25*28*9 + 4 x 3x3 25*25*9 + BN 256 = 32 256. Ours at q = 8 is
  // 363 243 without the PReLU slopes (not counted in the zoo; the authors' modules have 1 866 of
  // them at q = 8, which would make 365 109): within 0.5 % either way.
  const p = networkParams(getNetwork("espnet"));
  assert.ok(Math.abs(p / 0.364e6 - 1) <= 0.005, `${p}`);
  // The released p = 2, q = 3 model is 5 modules of 32 256 smaller (0.20M): the count pins q.
  const e = cnn("espnet_q3", "espnet", "segmentation", [512, 1024], espnet(20, 2, 3));
  const q3: Network = { ...e, layers: e.build({ batch: 1, seqLen: 128 }) };
  assert.equal(p - networkParams(q3), 5 * 32_256);
});

Deno.test("LinkNet (Chaurasia & Culurciello 2017, abstract): 11.5M parameters, 21.2 GFLOPs at 640x360", () => {
  // Parameters: ResNet-18 without its classifier (11 176 512) + decoder blocks 246 784, 61 952,
  // 15 616, 4 544 + final layers 30 208 (hand count, BN included, no biases) = 11 535 616.
  const p = networkParams(getNetwork("linknet"));
  assert.equal(p, 11_176_512 + 246_784 + 61_952 + 15_616 + 4_544 + 30_208);
  assert.ok(p >= 11.45e6 && p < 11.55e6, `${p}`);
  // Operations: ours is 19.5 G (2 per MAC), 8 % below 21.2. The paper does not say how it counts
  // its full (transposed) convs or a FLOP; charging its five stride-2 full convs per output pixel
  // instead (x4, hand count 431.1 M MACs in scatter form) would add 2.6 G. Pinned known miss:
  // within 10 %, below.
  const gops = (2 * networkMacs(getNetwork("linknet"))) / 1e9;
  assert.ok(gops < 21.2 && Math.abs(gops / 21.2 - 1) <= 0.1, `${gops}`);
});

Deno.test("DeepLab-LargeFOV (Chen et al. 2015): 20.5M parameters instead of 134.3M", () => {
  // "significantly fewer parameters (20.5M instead of 134.3M)": VGG-16 convs 14 714 688, fc6
  // 3x3x512x1024 + 1024, fc7 1024x1024 + 1024, fc8 1024x21 + 21 (hand count) = 20 505 429.
  const p = networkParams(getNetwork("deeplab_largefov"));
  assert.equal(p, 14_714_688 + (9 * 512 * 1024 + 1024) + (1024 * 1024 + 1024) + (1024 * 21 + 21));
  assert.ok(p >= 20.45e6 && p < 20.55e6, `${p}`);
});

Deno.test("Fast-SCNN (Poudel et al. 2019): 1.11M parameters is a pinned +2.5 % miss", () => {
  // Hand count from the paper's Table 1 (BN included): learning to downsample 928 + 1 984 +
  // 3 728; bottlenecks 3 x 54 272 (64), 66 624 + 2 x 118 272 (96), 136 768 + 2 x 206 848 (128);
  // pyramid pooling 4 x 4 160 + 33 024; fusion 1 408 + 16 640 + 8 448; classifier 2 x 18 048 +
  // 2 451 = 1 137 795. The paper's 1.11M is 2.5 % lower; its pooling and fusion widths are not
  // given to the channel, so the difference is pinned, not tuned away (within 3 %, above).
  const p = networkParams(getNetwork("fast_scnn"));
  const ltd = 928 + 1_984 + 3_728;
  const gfe = 3 * 54_272 + 66_624 + 2 * 118_272 + 136_768 + 2 * 206_848;
  const head = 4 * 4_160 + 33_024 + 1_408 + 16_640 + 8_448 + 2 * 18_048 + 2_451;
  assert.equal(p, ltd + gfe + head);
  assert.ok(p > 1.115e6 && Math.abs(p / 1.11e6 - 1) <= 0.03, `${p}`);
});
