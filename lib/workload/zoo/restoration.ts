/**
 * Image-restoration CNNs (super-resolution and denoising): the Vitis AI zoo's "other" task
 * (tf_rcan_DIV2K_360_640, pt_SESR-S_DIV2K_360_640, pt_DRUNet_Kvasir). All are built for one frame
 * of 360 x 640 pixels upscaled x2 to 720 x 1280, the setting of the Vitis AI SR rows and of the
 * "720p output" Mult-Adds column of the CARN paper (Ahn et al. 2018, Table 2), so that column can
 * be the published operation check. Parameter counts do not depend on the size.
 * - Pre-upsampling nets (SRCNN, VDSR) run on the bicubic x2 upscale, 720 x 1280, luminance only.
 * - Post-upsampling nets run at 360 x 640 and upscale at the end. A sub-pixel (pixel-shuffle)
 *   upscale is a conv to 4x the channels followed by a depth-to-space bookkeeping layer (no MACs;
 *   the builder has no pixel-shuffle layer, and a reshape moves no weights).
 * - FSRCNN's 9 x 9 stride-2 transposed conv is recorded in scatter form: a 1x1 conv from the 56
 *   input channels to 81 outputs per input pixel (same weights, one MAC per weight per input
 *   pixel) and an overlap-add upsample (no MACs).
 * - DnCNN denoises a 360 x 640 grey frame (DnCNN-S, 17 layers).
 * Activations (ReLU, PReLU, LeakyReLU) are not layers, as elsewhere in the zoo; PReLU slopes are
 * not counted (as in ENet, vision_tasks.ts). The fixed mean-shift of EDSR/RCAN is not a layer.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** Low-resolution frame of the Vitis AI super-resolution rows (pixels). */
export const LR: [number, number] = [360, 640];
/** Upscaling factor of the zoo's super-resolution entries. */
export const SCALE = 2;

const b = { bias: true } as const;

/** SRCNN (Dong et al. 2016): f1-f2-f3 kernels, 64 and 32 filters, on the upscaled Y channel. */
function srcnn(f2: number) {
  return (x: Cursor) => {
    x.conv("conv1", 64, 9, b).conv("conv2", 32, f2, b).conv("conv3", 1, 5, b);
  };
}

/** FSRCNN(d, s, m) (Dong et al. 2016): 5x5 feature, 1x1 shrink, m 3x3 maps, expand, 9x9 deconv. */
export function fsrcnn(scale: number, d = 56, s = 12, m = 4) {
  return (x: Cursor) => {
    x.conv("feature", d, 5, b).conv("shrink", s, 1, b);
    for (let i = 0; i < m; i++) x.conv(`map${i}`, s, 3, b);
    x.conv("expand", d, 1, b);
    // No bias on the 81 scatter outputs: the deconv's one output bias is not counted.
    x.conv("deconv", 81, 1, { bn: false }).eltwise("deconv.overlap_add", "upsample", 1, scale);
  };
}

/** VDSR (Kim et al. 2016): 20 3x3 layers of 64 channels on the upscaled Y channel, global skip. */
function vdsr(x: Cursor): void {
  const input = x.branch();
  x.conv("conv0", 64, 3, b);
  for (let i = 1; i < 19; i++) x.conv(`conv${i}`, 64, 3, b);
  x.conv("conv19", 1, 3, b).add("residual", input);
}

/** DnCNN-S (Zhang et al. 2017): conv+ReLU, 15 x conv+BN+ReLU, conv; predicts the noise. */
function dncnn(x: Cursor): void {
  const input = x.branch();
  x.conv("conv0", 64, 3, b);
  for (let i = 1; i <= 15; i++) x.conv(`conv${i}`, 64, 3);
  x.conv("conv16", 1, 3, { bn: false }).add("residual", input);
}

/** Sub-pixel upsampler of EDSR/RCAN: per factor 2, a 3x3 conv to 4x channels and a shuffle. */
function upsampler(x: Cursor, scale: number, n = "upsample"): void {
  const pow2 = Number.isInteger(Math.log2(scale)) && scale >= 2;
  if (scale !== 3 && !pow2) {
    throw new RangeError(`upsampler: scale ${scale} is not 3 or a power of 2`);
  }
  const steps = scale === 3 ? [3] : Array.from({ length: Math.log2(scale) }, () => 2);
  const c = x.c;
  steps.forEach((f, i) => {
    x.conv(`${n}.${i}`, f * f * c, 3, b).eltwise(`${n}.${i}.shuffle`, "upsample", c, f);
  });
}

/** EDSR (Lim et al. 2017): head, `blocks` residual blocks (no BN) of `feats`, body conv, tail. */
export function edsr(scale: number, feats: number, blocks: number) {
  return (x: Cursor) => {
    x.conv("head", feats, 3, b);
    const head = x.branch();
    for (let i = 0; i < blocks; i++) {
      const skip = x.branch();
      x.conv(`body.${i}.conv1`, feats, 3, b).conv(`body.${i}.conv2`, feats, 3, b);
      x.add(`body.${i}.add`, skip);
    }
    x.conv("body.end", feats, 3, b).add("body.add", head);
    upsampler(x, scale);
    x.conv("tail", 3, 3, b);
  };
}

/** RCAN (Zhang et al. 2018): 10 residual groups of 20 RCABs (channel attention, reduction 16). */
export function rcan(scale: number, groups = 10, blocks = 20, feats = 64) {
  return (x: Cursor) => {
    x.conv("head", feats, 3, b);
    const head = x.branch();
    for (let g = 0; g < groups; g++) {
      const gSkip = x.branch();
      for (let i = 0; i < blocks; i++) {
        const n = `body.${g}.${i}`;
        const skip = x.branch();
        x.conv(`${n}.conv1`, feats, 3, b).conv(`${n}.conv2`, feats, 3, b).se(`${n}.ca`, feats / 16);
        x.add(`${n}.add`, skip);
      }
      x.conv(`body.${g}.end`, feats, 3, b).add(`body.${g}.add`, gSkip);
    }
    x.conv("body.end", feats, 3, b).add("body.add", head);
    upsampler(x, scale);
    x.conv("tail", 3, 3, b);
  };
}

/** CARN residual block: two 3x3 convs, added to the input. */
function carnResidual(x: Cursor, n: string): void {
  const skip = x.branch();
  x.conv(`${n}.conv1`, 64, 3, b).conv(`${n}.conv2`, 64, 3, b).add(`${n}.add`, skip);
}

/** CARN cascading: after each unit, concat everything so far and fuse with a 1x1 conv to 64. */
function cascade(x: Cursor, n: string, unit: (x: Cursor, n: string) => void): void {
  const parts = [x.branch()];
  for (let i = 1; i <= 3; i++) {
    unit(x, `${n}.b${i}`);
    parts.push(x.branch());
    x.concat(`${n}.c${i}`, parts).conv(`${n}.o${i}`, 64, 1, b);
  }
}

/**
 * CARN (Ahn et al. 2018): entry conv, three cascading blocks (each three residual blocks, locally
 * cascaded) globally cascaded, one upsampler for `scale`, exit conv. The authors' model holds
 * x2, x3 and x4 upsamplers at once (multi-scale training); an inference at one scale runs one.
 */
export function carn(scale: number) {
  return (x: Cursor) => {
    x.conv("entry", 64, 3, b);
    cascade(x, "global", (y, n) => cascade(y, n, carnResidual));
    upsampler(x, scale);
    x.conv("exit", 3, 3, b);
  };
}

/** IMDB: four 3x3 steps keeping 16 channels each, concat, contrast-aware attention, 1x1, add. */
function imdb(x: Cursor, n: string): void {
  const skip = x.branch();
  const kept: Cursor[] = [];
  for (let i = 1; i <= 3; i++) {
    x.conv(`${n}.c${i}`, 64, 3, b);
    kept.push(x.take(16));
    // The other 48 channels go on: a channel slice, recorded as a no-MAC bookkeeping layer (as
    // ENet's channel padding) so the next conv's input shape exists.
    x.eltwise(`${n}.split${i}`, "concat", 48);
  }
  x.conv(`${n}.c4`, 16, 3, b);
  kept.push(x.branch());
  x.concat(`${n}.cat`, kept);
  // CCA: pooled contrast (std + mean, no MACs), 1x1 to 4, 1x1 to 64, channel-wise scale.
  x.se(`${n}.cca`, 4).conv(`${n}.c5`, 64, 1, b).add(`${n}.add`, skip);
}

/** IMDN (Hui et al. 2019): 3x3 feature conv, 6 IMDBs, 1x1 fuse of their concat, 3x3, shuffle. */
export function imdn(scale: number) {
  return (x: Cursor) => {
    x.conv("fea_conv", 64, 3, b);
    const fea = x.branch();
    const outs: Cursor[] = [];
    for (let i = 0; i < 6; i++) {
      imdb(x, `imdb${i}`);
      outs.push(x.branch());
    }
    x.concat("cat", outs).conv("c", 64, 1, b).conv("lr_conv", 64, 3, b).add("add", fea);
    x.conv("upsample", 3 * scale * scale, 3, b).eltwise("upsample.shuffle", "upsample", 3, scale);
  };
}

/** Super-resolution and denoising CNNs (task "other"), at the sizes of the module comment. */
export function restorationEntries(): ZooEntry[] {
  const o = "other" as const;
  const hr: [number, number, number] = [LR[0] * SCALE, LR[1] * SCALE, 1];
  const rgb: [number, number, number] = [...LR, 3];
  return [
    cnn("srcnn_915", "srcnn", o, hr, srcnn(1)),
    cnn("srcnn_955", "srcnn", o, hr, srcnn(5)),
    cnn("fsrcnn_x2", "fsrcnn", o, [...LR, 1], fsrcnn(SCALE)),
    cnn("vdsr", "vdsr", o, hr, vdsr),
    cnn("dncnn", "dncnn", o, [...LR, 1], dncnn),
    cnn("edsr_baseline_x2", "edsr", o, rgb, edsr(SCALE, 64, 16)),
    cnn("edsr_x2", "edsr", o, rgb, edsr(SCALE, 256, 32)),
    cnn("rcan_x2", "rcan", o, rgb, rcan(SCALE)),
    cnn("carn_x2", "carn", o, rgb, carn(SCALE)),
    cnn("imdn_x2", "imdn", o, rgb, imdn(SCALE)),
  ];
}
