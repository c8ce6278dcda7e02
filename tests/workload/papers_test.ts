/**
 * Zoo totals against the numbers each family's own paper publishes (torchvision's tables are in
 * torchvision_test.ts). Papers round to 2-3 significant figures; where nothing else is said the
 * tolerance is that rounding (half a unit of the last printed digit). Where a paper's counting is
 * not defined (e.g. whether batch-norm scales or the classifier count) the test says so and states
 * its tolerance. MACs = multiply-accumulates ("FLOPs" and "mult-adds" in these papers).
 * RegNet is held to the authors' pycls model zoo (the paper's baselines), Inception v3 to its
 * abstract. Families not here: AlexNet (torchvision builds the 2014 one-weird-trick variant,
 * arXiv:1404.5997, which prints no parameter or operation count we could read); DenseNet (the
 * paper gives ImageNet sizes only as a plot, the authors' README only errors); MnasNet (ours is
 * torchvision's B1, without squeeze-excitation; the authors' tensorflow/tpu README gives counts
 * only for A1, with it). MobileNet v1, YOLO, BERT/GPT-2 and DLRM are checked in zoo_test.ts.
 */
import assert from "node:assert/strict";
import { getNetwork, networkMacs, networkParams } from "../../lib/mod.ts";

/** |ours - published| <= tol, with both in the message. */
function near(ours: number, published: number, tol: number, what: string) {
  assert.ok(Math.abs(ours - published) <= tol, `${what}: ours ${ours}, published ${published}`);
}

Deno.test("VGG (Simonyan & Zisserman 2015, Table 2): parameters in millions, A/B/D/E", () => {
  const table: [string, number][] = [["vgg11", 133], ["vgg13", 133], ["vgg16", 138], [
    "vgg19",
    144,
  ]];
  for (const [m, mil] of table) near(networkParams(getNetwork(m)) / 1e6, mil, 0.5, m);
});

Deno.test("ResNet (He et al. 2016, Table 1): FLOPs 1.8/3.6/3.8/7.6/11.3 x 10^9 within 2%", () => {
  // torchvision's 50/101/152 are "v1.5": the stride-2 of each stage's first block sits on the 3x3
  // conv, so that block's 1x1 reduce runs at the input resolution. The paper's v1 strides the 1x1,
  // which saves, per stage 2-4 (hand count): 256*128*(56^2-28^2) = 512*256*(28^2-14^2)
  // = 1024*512*(14^2-7^2) = 77 070 336 MACs.
  const v15 = 3 * 77_070_336;
  const table: [string, number, number][] = [
    ["resnet18", 1.8e9, 0],
    ["resnet34", 3.6e9, 0],
    ["resnet50", 3.8e9, v15],
    ["resnet101", 7.6e9, v15],
    ["resnet152", 11.3e9, v15],
  ];
  // Two significant figures and no statement of what is counted (fc, shortcuts): 2%.
  for (const [m, flops, extra] of table) {
    const v1 = networkMacs(getNetwork(m)) - extra;
    near(v1, flops, 0.02 * flops, m);
  }
});

Deno.test("SqueezeNet (Iandola et al. 2016, Table 1): 1 248 424 parameters", () => {
  assert.equal(networkParams(getNetwork("squeezenet1_0")), 1_248_424);
});

Deno.test("MobileNetV2 (Sandler et al. 2018, Table 4): 300M mult-adds, 3.4M parameters", () => {
  const net = getNetwork("mobilenet_v2");
  near(networkMacs(net) / 1e6, 300, 3, "MACs (1%)");
  // Ours counts batch-norm scales and shifts (torchvision's 3 504 872); the paper's 3.4M does not
  // say. Without the 52 BN layers (2 per channel, 34 112) it is 3.47M, 2.1% above: tolerance 3%.
  let bn = 0;
  for (const l of net.layers) if (l.kind === "eltwise" && l.op === "norm") bn += 2 * l.inputC;
  near((networkParams(net) - bn) / 1e6, 3.4, 0.03 * 3.4, "params without batch norm");
});

Deno.test("MobileNetV3 (Howard et al. 2019, Table 3): Large 217M MAdds 5.4M params, Small 56M 2.5M", () => {
  const large = getNetwork("mobilenet_v3_large"), small = getNetwork("mobilenet_v3_small");
  near(networkMacs(large) / 1e6, 217, 0.5, "large MAdds");
  near(networkMacs(small) / 1e6, 56, 1, "small MAdds (56.5: the rounding edge, 1M)");
  near(networkParams(small) / 1e6, 2.5, 0.05, "small params");
  // 5.48M with batch norm (torchvision's count), 5.46M without (46 BN layers, 24 400): the
  // paper's 5.4M is not met to its rounding either way; tolerance 2%.
  near(networkParams(large) / 1e6, 5.4, 0.02 * 5.4, "large params");
});

Deno.test("ShuffleNet V2 (Ma et al. 2018; Megvii's ShuffleNet-Series table): params and FLOPs", () => {
  const table: [string, number, number][] = [
    ["shufflenet_v2_x0_5", 1.4, 41],
    ["shufflenet_v2_x1_0", 2.3, 146],
    ["shufflenet_v2_x1_5", 3.5, 299],
    ["shufflenet_v2_x2_0", 7.4, 591],
  ];
  for (const [m, params, mflops] of table) {
    const net = getNetwork(m);
    near(networkParams(net) / 1e6, params, 0.05, `${m} params`);
    // Ours is 0.7-1.3% below every published width while it equals torchvision's _ops to its 3
    // decimals (0.040, 0.145, 0.296, 0.583 G): the paper counts something torchvision does not
    // (it does not say what). Tolerance 1.5%.
    near(networkMacs(net) / 1e6, mflops, 0.015 * mflops, `${m} MFLOPs`);
  }
});

Deno.test("EfficientNet (Tan & Le 2019, Table 2) at the paper's resolutions", () => {
  // [model, paper resolution, params (M), FLOPs (B)]; B2 is 260 px in the paper, 288 in
  // torchvision's weights, so it is built at 260 here.
  const table: [string, number, number, string][] = [
    ["efficientnet_b0", 224, 5.3, "0.39"],
    ["efficientnet_b1", 240, 7.8, "0.70"],
    ["efficientnet_b2", 260, 9.2, "1.0"],
    ["efficientnet_b3", 300, 12, "1.8"],
    ["efficientnet_b4", 380, 19, "4.2"],
    ["efficientnet_b5", 456, 30, "9.9"],
    ["efficientnet_b6", 528, 43, "19"],
    ["efficientnet_b7", 600, 66, "37"],
  ];
  const flopsMisses: string[] = [];
  for (const [m, px, params, bflops] of table) {
    const net = getNetwork(m, { inputSize: px });
    const digits = Number.isInteger(params) ? 0.5 : 0.05;
    // Params to the paper's rounding or 1% (B2: 9.11M with batch norm vs 9.2M).
    near(networkParams(net) / 1e6, params, Math.max(digits, 0.01 * params), `${m} params`);
    const g = networkMacs(net) / 1e9;
    const half = 0.5 * 10 ** -(bflops.split(".")[1]?.length ?? 0);
    if (Math.abs(g - Number(bflops)) > half) flopsMisses.push(`${m} ${g.toFixed(3)} vs ${bflops}`);
  }
  // Ours equals torchvision's _ops for every B (torchvision_test.ts); the paper's FLOPs for B1,
  // B4, B5 and B7 are not met to their rounding (-1.9%, +4.6%, +3.7%, +2.0%): the paper does
  // not say what its count includes. The list is pinned so a change in either direction shows.
  assert.deepEqual(flopsMisses.map((s) => s.split(" ")[0]), [
    "efficientnet_b1",
    "efficientnet_b4",
    "efficientnet_b5",
    "efficientnet_b7",
  ]);
});

Deno.test("RegNet (Radosavovic et al. 2020; the authors' pycls MODEL_ZOO.md): flops and params", () => {
  // [model, flops (B), params (M)] from facebookresearch/pycls MODEL_ZOO.md, the baselines of the
  // paper, printed to one decimal; the zoo has torchvision's 14 of pycls's 24 models.
  const table: [string, number, number][] = [
    ["regnet_x_400mf", 0.4, 5.2],
    ["regnet_x_800mf", 0.8, 7.3],
    ["regnet_x_1_6gf", 1.6, 9.2],
    ["regnet_x_3_2gf", 3.2, 15.3],
    ["regnet_x_8gf", 8.0, 39.6],
    ["regnet_x_16gf", 15.9, 54.3],
    ["regnet_x_32gf", 31.7, 107.8],
    ["regnet_y_400mf", 0.4, 4.3],
    ["regnet_y_800mf", 0.8, 6.3],
    ["regnet_y_1_6gf", 1.6, 11.2],
    ["regnet_y_3_2gf", 3.2, 19.4],
    ["regnet_y_8gf", 8.0, 39.2],
    ["regnet_y_16gf", 15.9, 83.6],
    ["regnet_y_32gf", 32.3, 145.0],
  ];
  // Half a unit of the printed decimal. Our MACs meet the "flops" column, so it counts
  // multiply-adds; params meet it with batch-norm scales and shifts counted (without them
  // regnet_x_32gf is 107.65M, outside 107.8's rounding).
  const misses: string[] = [];
  for (const [m, bflops, mparams] of table) {
    const net = getNetwork(m);
    const g = networkMacs(net) / 1e9, p = networkParams(net) / 1e6;
    if (Math.abs(g - bflops) > 0.05) misses.push(`${m} flops ${g.toFixed(3)} vs ${bflops}`);
    if (Math.abs(p - mparams) > 0.05) misses.push(`${m} params ${p.toFixed(3)} vs ${mparams}`);
  }
  // Four misses, all where torchvision's published counts (ours is within 1% of
  // them, see torchvision_test.ts) differ from pycls's for the same depth/w0/wa/wm/group settings:
  // X-400MF 5.50M vs 5.2M, Y-800MF 6.43M vs 6.3M, Y-8GF 8.47 vs 8.0 GF and 39.38M vs 39.2M.
  // Neither source says why; pinned so a change in either direction shows.
  assert.deepEqual(misses.map((s) => s.split(" ").slice(0, 2).join(" ")), [
    "regnet_x_400mf params",
    "regnet_y_800mf params",
    "regnet_y_8gf flops",
    "regnet_y_8gf params",
  ]);
});

Deno.test("Inception v3 (Szegedy et al. 2016, abstract): 5 billion multiply-adds, < 25M parameters", () => {
  // The abstract's single-frame network at 299x299 "with a computational cost of 5 billion
  // multiply-adds per inference and with using less than 25 million parameters". Ours is the
  // inference network (no auxiliary head; with it, torchvision's 27.2M, see torchvision_test.ts).
  const net = getNetwork("inception_v3");
  assert.ok(networkParams(net) < 25e6, `params ${networkParams(net)} not below 25M`);
  // One significant figure: 4.5-5.5 G. Ours is 5.71 G (torchvision's 5.71 GFLOPS), 14% above
  // "5 billion"; the paper does not break its count down. Pinned as a known miss.
  const g = networkMacs(net) / 1e9;
  assert.ok(g > 5.5 && g < 6, `MACs ${g} G: the known miss against 5 billion changed`);
});
