/**
 * More pose-estimation CNNs (the Simple Baselines are in vision_tasks.ts):
 * - hourglass_8stack: Stacked Hourglass (Newell et al. 2016) with 8 stacks of depth-4 hourglasses
 *   of 256 channels, one residual module per step, at MPII's 256 x 256 (16 joints), as the Vitis
 *   AI row cf_hourglass_mpii_256_256_10.2G names. Residual modules are pre-activation bottlenecks
 *   (BN, 1x1 to 128, BN, 3x3, BN, 1x1 to 256; convs with biases) with a 1x1 projection where the
 *   width changes. Between stacks the features and the heatmaps are mapped back to 256 channels
 *   by 1x1 convs and added. Upsampling is nearest-neighbour (no MACs).
 * - openpose_body: OpenPose (Cao et al. 2017) at 368 x 368: the first ten VGG-19 convs (to
 *   conv4_2, three 2x2 pools), two 3x3 convs to 256 and 128, then six stages of two branches
 *   (part affinity fields, 38 channels; part confidence maps, 19, COCO): stage 1 three 3x3 convs
 *   of 128, a 1x1 to 512 and a 1x1 to the outputs; stages 2-6 take the features and both
 *   previous outputs (185 channels) through five 7x7 convs of 128, a 1x1 to 128 and a 1x1 to the
 *   outputs. Every conv has a bias (Caffe); no batch norm.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

const b = { bias: true } as const;

/** Pre-activation bottleneck residual module to `out` channels (inner width out / 2). */
function residual(x: Cursor, n: string, out: number): void {
  const skip = x.branch();
  if (x.c !== out) skip.conv(`${n}.skip`, out, 1, b);
  x.norm(`${n}.bn1`).conv(`${n}.conv1`, out / 2, 1, b).norm(`${n}.bn2`);
  x.conv(`${n}.conv2`, out / 2, 3, b).norm(`${n}.bn3`).conv(`${n}.conv3`, out, 1, b);
  x.add(`${n}.add`, skip);
}

/** One hourglass level: an upper residual branch and pool, residual, inner level, residual, upsample. */
function hourglass(x: Cursor, n: string, depth: number): void {
  const up = x.branch();
  residual(up, `${n}.up1`, 256);
  x.pool(`${n}.pool`, "max", 2);
  residual(x, `${n}.low1`, 256);
  if (depth > 1) hourglass(x, `${n}.inner`, depth - 1);
  else residual(x, `${n}.low2`, 256);
  residual(x, `${n}.low3`, 256);
  x.upsample(`${n}.upsample`, 2).add(`${n}.add`, up);
}

function stackedHourglass(stacks: number, joints: number) {
  return (x: Cursor) => {
    x.conv("conv1", 64, 7, { stride: 2, pad: 3, bias: true, bn: true });
    residual(x, "res1", 128);
    x.pool("pool", "max", 2);
    residual(x, "res2", 128);
    residual(x, "res3", 256);
    for (let s = 0; s < stacks; s++) {
      const input = x.branch();
      hourglass(x, `hg${s}`, 4);
      residual(x, `hg${s}.res`, 256);
      x.conv(`hg${s}.fc`, 256, 1, { bias: true, bn: true });
      const score = x.branch().conv(`hg${s}.score`, joints, 1, b);
      if (s === stacks - 1) break;
      x.conv(`hg${s}.fc_`, 256, 1, b);
      score.conv(`hg${s}.score_`, 256, 1, b);
      x.add(`hg${s}.add_score`, score).add(`hg${s}.add_input`, input);
    }
  };
}

function openpose(pafs: number, maps: number) {
  return (x: Cursor) => {
    [[64, 64], [128, 128], [256, 256, 256, 256], [512, 512]].forEach((widths, s) => {
      if (s > 0) x.pool(`pool${s}`, "max", 2);
      widths.forEach((c, i) => x.conv(`conv${s + 1}_${i + 1}`, c, 3, b));
    });
    x.conv("conv4_3_CPM", 256, 3, b).conv("conv4_4_CPM", 128, 3, b);
    const features = x.branch();
    let outs: Cursor[] = [];
    for (let t = 1; t <= 6; t++) {
      const input = t === 1 ? features : x.concat(`stage${t}.concat`, [...outs, features]);
      outs = ([["L1", pafs], ["L2", maps]] as const).map(([br, out]) => {
        const y = input.branch();
        const n = `stage${t}.${br}`;
        const [k, convs, mid] = t === 1 ? [3, 3, 512] : [7, 5, 128];
        for (let i = 1; i <= convs; i++) y.conv(`${n}.conv${i}`, 128, k, b);
        return y.conv(`${n}.conv${convs + 1}`, mid, 1, b).conv(`${n}.conv${convs + 2}`, out, 1, b);
      });
    }
  };
}

/** The 8-stack hourglass (MPII, 256 x 256) and OpenPose (COCO heads, 368 x 368). */
export function poseEntries(): ZooEntry[] {
  return [
    cnn("hourglass_8stack", "hourglass", "pose", [256, 256], stackedHourglass(8, 16)),
    cnn("openpose_body", "openpose", "pose", [368, 368], openpose(38, 19)),
  ];
}
