/**
 * Pose nets of lib/workload/zoo/pose.ts against published counts: the stacked hourglass against
 * the HRNet paper's Table 1 (Sun et al. 2019, COCO val, 256 x 192) and the Vitis AI zoo row
 * cf_hourglass_mpii_256_256_10.2G (both pinned known misses, see each test); OpenPose against
 * the Vitis AI row cf_openpose_aichallenger_368_368_0.3_189.7G.
 */
import assert from "node:assert/strict";
import { getNetwork, listModels, networkMacs, networkParams } from "../../lib/mod.ts";

Deno.test("pose: hourglass_8stack (256 x 256) and openpose_body (368 x 368) are registered", () => {
  for (const [name, size] of [["hourglass_8stack", 256], ["openpose_body", 368]] as const) {
    const m = listModels().find((m) => m.name === name);
    assert.ok(m, name);
    assert.deepEqual([m.task, m.input.h, m.input.w, m.domain], ["pose", size, size, "cnn"]);
  }
});

Deno.test("hourglass_8stack: 25.1M parameters (HRNet Table 1) is a pinned 1.3 % miss", () => {
  // HRNet Table 1 lists "8-stage Hourglass, 256 x 192, 25.1M params" without saying which
  // implementation. Ours follows the original Torch design (stem residuals 64-128, 128-128,
  // 128-256; 16 joints) and has 25 434 112 with biases and batch norm; hand count per stack:
  // 14 residual modules of 214 528 (pre-activation bottleneck 256-128-128-256 with biases and 3
  // batch norms), fc 65 792 + 512 BN, score 256*16 + 16, and between stacks fc_ 65 792 and
  // score_ 16*256 + 256. The authors' count is not reproduced: known miss within 2 %.
  const p = networkParams(getNetwork("hourglass_8stack"));
  const stack = 14 * 214_528 + 65_792 + 512 + (256 * 16 + 16);
  const between = 65_792 + (16 * 256 + 256);
  // Stem: 7x7 conv (bias, BN); residuals 64-128 (inner 64, projection), 128-128 (inner 64),
  // 128-256 (inner 128, projection), each term conv weights + biases or 2 x BN channels.
  const res1 = 128 + 4_160 + 128 + 36_928 + 128 + 8_320 + 8_320;
  const res2 = 256 + 8_256 + 128 + 36_928 + 128 + 8_320;
  const res3 = 256 + 16_512 + 256 + 147_584 + 256 + 33_024 + 33_024;
  const stem = 9_408 + 64 + 128 + res1 + res2 + res3;
  assert.equal(p, 8 * stack + 7 * between + stem);
  assert.ok(p > 25.15e6 && Math.abs(p / 25.1e6 - 1) <= 0.02, `${p}`);
});

Deno.test("hourglass_8stack: the Vitis AI 10.2G hourglass is a smaller variant (pinned)", () => {
  // cf_hourglass_mpii_256_256_10.2G: 10.2 G operations at 256 x 256. Ours, the paper's 8 stacks
  // of 256 channels, is 54.9 G (2 per MAC); the zoo's stack count and width are not published,
  // so this is a known miss, not a calibration target.
  const gops = (2 * networkMacs(getNetwork("hourglass_8stack"))) / 1e9;
  assert.ok(gops > 5 * 10.2 && gops < 6 * 10.2, `${gops}`);
});

Deno.test("openpose_body: the Vitis AI row cf_openpose_aichallenger_368_368_0.3_189.7G", () => {
  // The row is a pruned model: "0.3" is the pruning ratio, and in the zoo's own names it removes
  // that share of the operations (pt_resnet50_imagenet_224_224_0.3_5.8G vs ..._8.2G: 0.707;
  // tf_vgg16_imagenet_224_224_0.43_17.67G vs ..._30.96G: 0.571). So the unpruned net is about
  // 189.7 / 0.7 = 271 G operations. Ours (COCO heads, 38 + 19 outputs) is 271.9 G at 368 x 368;
  // AI Challenger's 14 keypoints would give the stage inputs 16 channels fewer (hand count:
  // 2 branches x 5 stages x 49 x 16 x 128 MACs per pixel x 46 x 46 = 2.1 G MACs, 1.5 % less).
  // Tolerance 3 %: the pruning ratio is nominal.
  const gops = (2 * networkMacs(getNetwork("openpose_body"))) / 1e9;
  assert.ok(Math.abs((gops * 0.7) / 189.7 - 1) <= 0.03, `${gops}`);
  const aic = gops - (2 * (2 * 5 * 49 * 16 * 128 * 46 * 46)) / 1e9;
  assert.ok(Math.abs((aic * 0.7) / 189.7 - 1) <= 0.03, `${aic}`);
  // No published parameter count was found for the original model; ours is 52.3 M (VGG-19 to
  // conv4_2 and six two-branch stages, biases included).
  assert.equal(networkParams(getNetwork("openpose_body")), 52_311_446);
});
