/**
 * More semantic-segmentation CNNs, each at its paper's (or the Vitis AI zoo's) input size:
 * - erfnet: ERFNet (Romera et al. 2017, Table 1) at 512 x 1024 for Cityscapes (19 classes), the
 *   Vitis AI row tf2_erfnet_cityscapes_512_1024_54G. Every conv has a bias (the authors' code).
 *   Its 3x3 stride-2 transposed convs are recorded as a 3x3 conv at the input resolution and a 2x
 *   upsample (same weights and MACs, as ENet's in vision_tasks.ts); the final 2x2 stride-2 one as
 *   a 1x1 conv to 4 x classes and a depth-to-space (its 19 biases are not counted).
 * - segnet: SegNet (Badrinarayanan et al. 2017) at CamVid's 360 x 480, 11 classes: the 13 VGG-16
 *   convs with batch norm, a mirrored decoder whose max-unpooling is a bookkeeping upsample to
 *   the encoder's size, and a 3x3 classifier. Pools round up (Caffe), so 45 -> 23 -> 12.
 * - pspnet_resnet101: PSPNet (Zhao et al. 2017) on dilated ResNet-101 (output stride 8) at the
 *   Cityscapes crop 713 x 713, 19 classes: pyramid pooling over 1, 2, 3, 6 bins (1x1 conv to 512
 *   each, bilinear back), 3x3 conv to 512, classifier. The stem is torchvision's 7x7 one, not the
 *   authors' three 3x3 convs (see tests/workload/segmenters_test.ts). The auxiliary head on stage
 *   3 is training-only and appended only with `auxHeads`.
 * - fcn8s_vgg16: FCN-8s (Long et al. 2015) as the authors' voc-fcn8s net at 500 x 500, 21 classes:
 *   VGG-16 with conv1_1 padded by 100, fc6/fc7 as 7x7 and 1x1 convs, skip scores from pool4 and
 *   pool3 cropped and added. The two learned 4x4 stride-2 deconvs are a 1x1 conv to 16 x 21
 *   channels, a depth-to-space and a resize to the deconv's (n - 1) * 2 + 4 output (scatter form:
 *   same weights and MACs); the final 16x16 stride-8 deconv is fixed bilinear interpolation in the
 *   authors' net, so it is a resize (no weights, no MACs, as torchvision's final upsample).
 * - espnet: ESPNet (Mehta et al. 2018) with p = 2, q = 8 at Cityscapes' 512 x 1024, 20 classes
 *   (the authors' Cityscapes setting; q = 8 is the deepest of the three released models, p = 2 with
 *   q = 3, 5, 8, and the one the paper's size matches, see tests/workload/segmenters_test.ts): ESP modules (1x1 or strided 3x3 reduce to n = out / 5,
 *   five 3x3 convs dilated 1-16, hierarchical sums, concat), input-image average-pool
 *   projections, and the light decoder whose 2x2 stride-2 transposed convs are 1x1 convs to 4 x
 *   classes and a depth-to-space (exact: no biases). PReLU slopes are not counted (as in ENet).
 * - linknet: LinkNet (Chaurasia & Culurciello 2017) at the paper's 360 x 640, 19 classes: a
 *   ResNet-18 encoder (first stage unstrided, as torchvision's), decoder blocks (1x1 to m/4, 3x3
 *   full conv, 1x1 to n, batch norm, no biases) added to the encoder taps, and the final 3x3 full
 *   conv, 3x3 conv and 2x2 full conv. Stride-2 full convs are a conv at the input resolution and a
 *   2x upsample (scatter form, as ERFNet's); where 2 x the decoder size exceeds the encoder tap
 *   (360 / 16 = 22.5 rounds up) the extra row is cropped (a view, no layer).
 * - deeplab_largefov: DeepLab-LargeFOV (Chen et al. 2015) at 513 x 513, 21 classes: VGG-16 with
 *   3x3 pools (stride 1 after pool3), conv5 dilated 2, fc6 a 3x3 conv dilated 12 to 1024, fc7 1x1
 *   to 1024, fc8 to the classes, bilinear back to the input (no MACs).
 * - fast_scnn: Fast-SCNN (Poudel et al. 2019, Table 1) at Cityscapes' 1024 x 2048, 19 classes:
 *   learning to downsample (3x3 conv, two depthwise-separable convs, all stride 2), MobileNetV2
 *   bottlenecks (expansion 6; 64, 96, 128 channels x 3), pyramid pooling (1, 2, 3, 6 bins; 1x1 to
 *   32 each, 1x1 fuse to 128; adaptive pooling as ceil-mode pools of ceil(size / bins)), feature
 *   fusion (4x upsample, 3x3 depthwise dilated 4, 1x1; plus a 1x1 on the 1/8 features) and a
 *   classifier of two depthwise-separable convs and a 1x1 conv. Batch norm after every conv
 *   except the last (bias).
 */
import type { Cursor } from "./builder.ts";
import { resnetBackbone } from "./resnet.ts";
import { cnn, type ZooEntry } from "./types.ts";

const b = { bias: true } as const;

/** ERFNet downsampler: 3x3 stride-2 conv to out - in channels, concat the 2x2 max pool, BN. */
function erfDown(x: Cursor, n: string, out: number): void {
  const pool = x.branch().pool(`${n}.pool`, "max", 2);
  x.conv(`${n}.conv`, out - x.c, 3, { stride: 2, bias: true });
  x.concat(`${n}.concat`, [x.branch(), pool]).norm(`${n}.bn`);
}

/** ERFNet non-bottleneck-1D: (3x1, 1x3, BN) then dilated (3x1, 1x3, BN), added to the input. */
function nonBt1d(x: Cursor, n: string, d: number): void {
  const skip = x.branch();
  x.conv(`${n}.conv3x1_1`, x.c, [3, 1], b).conv(`${n}.conv1x3_1`, x.c, [1, 3], b).norm(`${n}.bn1`);
  x.conv(`${n}.conv3x1_2`, x.c, [3, 1], { bias: true, dilation: d, pad: [d, 0] });
  x.conv(`${n}.conv1x3_2`, x.c, [1, 3], { bias: true, dilation: d, pad: [0, d] });
  x.norm(`${n}.bn2`).add(`${n}.add`, skip);
}

function erfnet(classes: number) {
  return (x: Cursor) => {
    erfDown(x, "enc.initial", 16);
    erfDown(x, "enc.down1", 64);
    for (let i = 0; i < 5; i++) nonBt1d(x, `enc.l1.${i}`, 1);
    erfDown(x, "enc.down2", 128);
    [2, 4, 8, 16, 2, 4, 8, 16].forEach((d, i) => nonBt1d(x, `enc.l2.${i}`, d));
    for (const [i, c] of [[1, 64], [2, 16]]) {
      x.conv(`dec.up${i}`, c, 3, { bias: true }).upsample(`dec.up${i}.upsample`, 2);
      x.norm(`dec.up${i}.bn`);
      nonBt1d(x, `dec.l${i}.0`, 1);
      nonBt1d(x, `dec.l${i}.1`, 1);
    }
    x.conv("dec.output", 4 * classes, 1, { bn: false }).eltwise(
      "dec.output.d2s",
      "upsample",
      classes,
      2,
    );
  };
}

/** VGG-16 stages: conv widths per stage. */
const VGG16 = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]];

function segnet(classes: number) {
  return (x: Cursor) => {
    const sizes: [number, number][] = [];
    VGG16.forEach((widths, s) => {
      widths.forEach((c, i) => x.conv(`enc${s + 1}.${i + 1}`, c, 3, { bias: true, bn: true }));
      sizes.push([x.h, x.w]);
      x.pool(`pool${s + 1}`, "max", 2, { ceil: true });
    });
    // Decoder: stage s mirrors encoder stage s; its last conv narrows to the next stage's width.
    for (let s = 4; s >= 0; s--) {
      x.resize(`unpool${s + 1}`, ...sizes[s]);
      const widths = VGG16[s];
      widths.forEach((c, i) => {
        const last = i === widths.length - 1;
        const name = `dec${s + 1}.${widths.length - i}`;
        // The first stage's last conv is the classifier (bias, no batch norm).
        if (last && s === 0) x.conv(name, classes, 3, b);
        else x.conv(name, last ? VGG16[s - 1][0] : c, 3, { bias: true, bn: true });
      });
    }
  };
}

function pspnet(classes: number, size: number) {
  return (x: Cursor, o: { auxHeads?: boolean }) => {
    const stage3 = resnetBackbone(x, "resnet101", true);
    const parts = [x.branch()];
    for (const bins of [1, 2, 3, 6]) {
      const k = x.h / bins;
      const p = x.branch().pool(`ppm.${bins}.pool`, "avg", k);
      p.conv(`ppm.${bins}.conv`, 512, 1).resize(`ppm.${bins}.upsample`, x.h, x.w);
      parts.push(p);
    }
    x.concat("ppm.concat", parts).conv("final.conv", 512, 3).conv("final.cls", classes, 1, b);
    x.resize("upsample", size, size);
    if (o.auxHeads) {
      stage3.conv("aux.conv", 256, 3).conv("aux.cls", classes, 1, b);
      stage3.resize("aux.upsample", size, size);
    }
  };
}

/** A learned 4x4 stride-2 deconv in scatter form (see the module comment). */
function deconv4(x: Cursor, n: string): void {
  const [h, w, c] = [x.h, x.w, x.c];
  x.conv(n, 16 * c, 1, { bn: false }).eltwise(`${n}.d2s`, "upsample", c, 2);
  x.resize(`${n}.overlap`, (h - 1) * 2 + 4, (w - 1) * 2 + 4);
}

function fcn8s(classes: number) {
  return (x: Cursor) => {
    const taps: Cursor[] = [];
    VGG16.forEach((widths, s) => {
      widths.forEach((c, i) => {
        const pad = s === 0 && i === 0 ? 100 : 1;
        x.conv(`conv${s + 1}_${i + 1}`, c, 3, { bias: true, pad });
      });
      x.pool(`pool${s + 1}`, "max", 2, { ceil: true });
      taps.push(x.branch());
    });
    x.conv("fc6", 4096, 7, { bias: true, pad: 0 }).conv("fc7", 4096, 1, b);
    x.conv("score_fr", classes, 1, b);
    deconv4(x, "upscore2");
    const pool4 = taps[3].conv("score_pool4", classes, 1, b);
    // Crops at the offsets of the authors' net (5 and 9): only the size matters here.
    x.add("fuse_pool4", pool4.crop(x.h, x.w));
    deconv4(x, "upscore_pool4");
    const pool3 = taps[2].conv("score_pool3", classes, 1, b);
    x.add("fuse_pool3", pool3.crop(x.h, x.w));
    // Fixed bilinear 8x (16x16 stride-8 deconv); the crop back to 500 x 500 is a view.
    x.resize("upscore8", (x.h - 1) * 8 + 16, (x.w - 1) * 8 + 16);
  };
}

type EspMode = "down" | "residual" | "plain";

/** ESP module: reduce to n = out / 5 (3x3 stride 2 when "down"), dilated 3x3s, HFF sums, BN. */
function esp(x: Cursor, n: string, out: number, mode: EspMode): void {
  const skip = x.branch();
  const k = Math.floor(out / 5), k1 = out - 4 * k;
  if (mode === "down") x.conv(`${n}.c1`, k, 3, { stride: 2, bn: false });
  else x.conv(`${n}.c1`, k, 1, { bn: false });
  const parts = [x.branch().conv(`${n}.d1`, k1, 3, { bn: false })];
  let sum: Cursor | undefined;
  for (const d of [2, 4, 8, 16]) {
    const y = x.branch().conv(`${n}.d${d}`, k, 3, { dilation: d, bn: false });
    if (sum) y.add(`${n}.hff${d}`, sum);
    parts.push(y);
    sum = y;
  }
  x.concat(`${n}.concat`, parts);
  if (mode === "residual") x.add(`${n}.add`, skip);
  x.norm(`${n}.bn`);
}

/** A 2x2 stride-2 transposed conv without bias: 1x1 conv to 4 x channels and depth-to-space. */
function deconv2(x: Cursor, n: string, c: number): void {
  x.conv(n, 4 * c, 1, { bn: false }).eltwise(`${n}.d2s`, "upsample", c, 2);
}

/** ESPNet with p ESP modules at 1/4 and q at 1/8 (see the module comment). */
export function espnet(classes: number, p: number, q: number) {
  return (x: Cursor) => {
    const img = x.branch();
    const avg = (y: Cursor, n: string) => y.pool(n, "avg", 3, { stride: 2, pad: 1 });
    x.conv("level1", 16, 3, { stride: 2 });
    const inp1 = avg(img.branch(), "sample1");
    x.concat("cat0", [x.branch(), inp1]).norm("b1");
    const out0 = x.branch();
    esp(x, "level2_0", 64, "down");
    const out10 = x.branch();
    for (let i = 0; i < p; i++) esp(x, `level2.${i}`, 64, "residual");
    const inp2 = avg(avg(img.branch(), "sample2.0"), "sample2.1");
    x.concat("cat1", [x.branch(), out10, inp2]).norm("b2");
    const out1 = x.branch();
    esp(x, "level3_0", 128, "down");
    const out20 = x.branch();
    for (let i = 0; i < q; i++) esp(x, `level3.${i}`, 128, "residual");
    x.concat("cat2", [out20, x.branch()]).norm("b3");
    // Decoder: classes at 1/8, up to 1/4 and fused with the projected 1/4 features, up to 1/2
    // and fused with the first-level features, up to full size.
    x.conv("classifier", classes, 1, { bn: false }).norm("br");
    deconv2(x, "up_l3", classes);
    const l3 = out1.conv("level3_C", classes, 1, { bn: false });
    x.concat("cat3", [l3, x.branch()]).norm("combine.br");
    esp(x, "combine", classes, "plain");
    deconv2(x, "up_l2", classes);
    x.norm("up_l2.bn").concat("cat4", [x.branch(), out0]).conv("conv", classes, 3);
    deconv2(x, "up_out", classes);
  };
}

/** torchvision BasicBlock: two 3x3 convs with BN, projected shortcut when the shape changes. */
function basicBlock(x: Cursor, n: string, out: number, stride: number): void {
  const skip = x.branch();
  if (stride !== 1 || x.c !== out) skip.conv(`${n}.downsample`, out, 1, { stride });
  x.conv(`${n}.conv1`, out, 3, { stride }).conv(`${n}.conv2`, out, 3).add(`${n}.add`, skip);
}

/** LinkNet decoder block m -> n: 1x1 to m/4, 3x3 full conv (stride 1 or 2), 1x1 to n. */
function linkDecoder(x: Cursor, n: string, out: number, stride: number): void {
  const inner = x.c / 4;
  x.conv(`${n}.conv1`, inner, 1).conv(`${n}.full`, inner, 3, { bn: stride === 1 });
  if (stride === 2) x.upsample(`${n}.full.upsample`, 2).norm(`${n}.full.bn`);
  x.conv(`${n}.conv2`, out, 1);
}

function linknet(classes: number) {
  return (x: Cursor) => {
    x.conv("conv1", 64, 7, { stride: 2, pad: 3 }).pool("maxpool", "max", 3, { stride: 2, pad: 1 });
    const taps: Cursor[] = [];
    [64, 128, 256, 512].forEach((c, i) => {
      basicBlock(x, `layer${i + 1}.0`, c, i === 0 ? 1 : 2);
      basicBlock(x, `layer${i + 1}.1`, c, 1);
      taps.push(x.branch());
    });
    let y = x;
    for (let i = 3; i >= 1; i--) {
      linkDecoder(y, `decoder${i + 1}`, taps[i - 1].c, 2);
      y = y.crop(taps[i - 1].h, taps[i - 1].w).add(`decoder${i + 1}.add`, taps[i - 1]);
    }
    linkDecoder(y, "decoder1", 64, 1);
    y.conv("final.full1", 32, 3, { bn: false }).upsample("final.full1.upsample", 2);
    y.norm("final.full1.bn").conv("final.conv", 32, 3);
    y.conv("final.full2", 4 * classes, 1, { bn: false }).eltwise(
      "final.full2.d2s",
      "upsample",
      classes,
      2,
    );
  };
}

function deeplabLargeFov(classes: number, size: number) {
  return (x: Cursor) => {
    VGG16.forEach((widths, s) => {
      const dilation = s === 4 ? 2 : 1;
      widths.forEach((c, i) => x.conv(`conv${s + 1}_${i + 1}`, c, 3, { bias: true, dilation }));
      x.pool(`pool${s + 1}`, "max", 3, { stride: s < 3 ? 2 : 1, pad: 1 });
    });
    x.conv("fc6", 1024, 3, { bias: true, dilation: 12 }).conv("fc7", 1024, 1, b);
    x.conv("fc8", classes, 1, b).resize("upsample", size, size);
  };
}

/** Depthwise 3x3 (BN) and pointwise 1x1 (BN) convs. */
function dsConv(x: Cursor, n: string, out: number, stride = 1): void {
  x.conv(`${n}.dw`, x.c, 3, { stride, groups: "dw" }).conv(`${n}.pw`, out, 1);
}

/** MobileNetV2 inverted residual with expansion t; identity add when the shape is kept. */
function invertedResidual(x: Cursor, n: string, out: number, stride: number, t = 6): void {
  const skip = x.branch();
  const inC = x.c;
  x.conv(`${n}.expand`, t * inC, 1).conv(`${n}.dw`, t * inC, 3, { stride, groups: "dw" });
  x.conv(`${n}.project`, out, 1);
  if (stride === 1 && inC === out) x.add(`${n}.add`, skip);
}

function fastScnn(classes: number) {
  return (x: Cursor) => {
    const [h, w] = [x.h, x.w];
    x.conv("ltd.conv", 32, 3, { stride: 2 });
    dsConv(x, "ltd.ds1", 48, 2);
    dsConv(x, "ltd.ds2", 64, 2);
    const higher = x.branch();
    for (const [c, stride, i] of [[64, 2, 0], [96, 2, 1], [128, 1, 2]]) {
      for (let j = 0; j < 3; j++) invertedResidual(x, `gfe.${i}.${j}`, c, j === 0 ? stride : 1);
    }
    const parts = [x.branch()];
    for (const bins of [1, 2, 3, 6]) {
      const [kh, kw] = [Math.ceil(x.h / bins), Math.ceil(x.w / bins)];
      const p = x.branch().pool(`ppm.${bins}.pool`, "avg", [kh, kw], { ceil: true });
      p.conv(`ppm.${bins}.conv`, 32, 1).resize(`ppm.${bins}.upsample`, x.h, x.w);
      parts.push(p);
    }
    x.concat("ppm.concat", parts).conv("ppm.out", 128, 1);
    x.resize("ffm.upsample", higher.h, higher.w);
    x.conv("ffm.dw", 128, 3, { groups: "dw", dilation: 4 }).conv("ffm.lower", 128, 1);
    higher.conv("ffm.higher", 128, 1);
    x.add("ffm.add", higher);
    dsConv(x, "cls.ds1", 128);
    dsConv(x, "cls.ds2", 128);
    x.conv("cls.conv", classes, 1, b).resize("upsample", h, w);
  };
}

/** The segmenters of the module comment, in its order. */
export function segmenterEntries(): ZooEntry[] {
  const s = "segmentation" as const;
  return [
    cnn("erfnet", "erfnet", s, [512, 1024], erfnet(19)),
    cnn("segnet", "segnet", s, [360, 480], segnet(11)),
    cnn("pspnet_resnet101", "pspnet", s, [713, 713], pspnet(19, 713)),
    cnn("fcn8s_vgg16", "fcn", s, [500, 500], fcn8s(21)),
    cnn("espnet", "espnet", s, [512, 1024], espnet(20, 2, 8)),
    cnn("linknet", "linknet", s, [360, 640], linknet(19)),
    cnn("deeplab_largefov", "deeplab", s, [513, 513], deeplabLargeFov(21, 513)),
    cnn("fast_scnn", "fast_scnn", s, [1024, 2048], fastScnn(19)),
  ];
}
