/**
 * More pose-estimation CNNs (the Simple Baselines are in vision_tasks.ts):
 * - hourglass_8stack: Stacked Hourglass (Newell et al. 2016) with 8 stacks of depth-4 hourglasses
 *   of 256 channels, one residual module per step, at MPII's 256 x 256 (16 joints), as the Vitis
 *   AI row cf_hourglass_mpii_256_256_10.2G names. Residual modules are pre-activation bottlenecks
 *   (BN, 1x1 to 128, BN, 3x3, BN, 1x1 to 256; convs with biases) with a 1x1 projection where the
 *   width changes. Between stacks the features and the heatmaps are mapped back to 256 channels
 *   by 1x1 convs and added. Upsampling is nearest-neighbour (no MACs).
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

/** The 8-stack hourglass at 256 x 256 for MPII's 16 joints. */
export function poseEntries(): ZooEntry[] {
  return [cnn("hourglass_8stack", "hourglass", "pose", [256, 256], stackedHourglass(8, 16))];
}
