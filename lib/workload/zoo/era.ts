/**
 * ImageNet networks of 2012-2014 that accelerator papers of 2015-2018 benchmark, as their own
 * papers (or the authors' released model) define them. Local response normalisation and dropout
 * carry no weights or MACs and are left out.
 * - alexnet_grouped: Krizhevsky, Sutskever, Hinton, "ImageNet Classification with Deep
 *   Convolutional Neural Networks", NIPS 2012, Sec. 3.5: the two-GPU original, conv2/4/5 split
 *   into two groups (5x5x48, 3x3x192, 3x3x192 kernels), 96/256/384/384/256 filters, on the
 *   227 x 227 crop that makes conv1's 11x11/4 output 55 x 55 (as Caffe's bvlc_alexnet).
 * - zfnet: Zeiler & Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014
 *   (arXiv 1311.2901), Fig. 3: 7x7/2 conv1, 5x5/2 conv2, dense (ungrouped) conv3-5. The map
 *   sizes of Fig. 3 (110, 55, 26, 13, 13, 6) need pad 1 on conv1 and ceil-mode pools 1-2.
 * - overfeat_fast / overfeat_accurate: Sermanet et al., "OverFeat: Integrated Recognition,
 *   Localization and Detection using Convolutional Networks", ICLR 2014 (arXiv 1312.6229),
 *   Tables 1 and 3, at their training crops (231 and 221); layers 6-8 are the dense classifier.
 * - nin: Lin, Chen, Yan, "Network In Network", ICLR 2014 (arXiv 1312.4400); the paper has no
 *   ImageNet table, so the layers are the authors' ImageNet model released in the Caffe Model Zoo
 *   (4 mlpconv blocks: 11x11/4, 5x5, 3x3, 3x3 convs each followed by two 1x1 convs; the last
 *   1x1 conv gives the 1000 classes and a global average pool replaces the FC head), with
 *   Caffe's ceil-mode pooling on a 224 x 224 crop.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

const b = { bias: true } as const;

function fcHead(x: Cursor, widths: number[]): void {
  widths.forEach((w, i) => x.dense(`fc${i + 6}`, w));
}

function alexnetGrouped(x: Cursor): void {
  x.conv("conv1", 96, 11, { stride: 4, pad: 0, ...b }).pool("pool1", "max", 3, { stride: 2 });
  x.conv("conv2", 256, 5, { pad: 2, groups: 2, ...b }).pool("pool2", "max", 3, { stride: 2 });
  x.conv("conv3", 384, 3, b).conv("conv4", 384, 3, { groups: 2, ...b });
  x.conv("conv5", 256, 3, { groups: 2, ...b }).pool("pool5", "max", 3, { stride: 2 });
  fcHead(x, [4096, 4096, 1000]);
}

function zfnet(x: Cursor): void {
  x.conv("conv1", 96, 7, { stride: 2, pad: 1, ...b });
  x.pool("pool1", "max", 3, { stride: 2, ceil: true });
  x.conv("conv2", 256, 5, { stride: 2, pad: 0, ...b });
  x.pool("pool2", "max", 3, { stride: 2, ceil: true });
  x.conv("conv3", 384, 3, b).conv("conv4", 384, 3, b).conv("conv5", 256, 3, b);
  x.pool("pool5", "max", 3, { stride: 2 });
  fcHead(x, [4096, 4096, 1000]);
}

function overfeatFast(x: Cursor): void {
  x.conv("conv1", 96, 11, { stride: 4, pad: 0, ...b }).pool("pool1", "max", 2);
  x.conv("conv2", 256, 5, { pad: 0, ...b }).pool("pool2", "max", 2);
  x.conv("conv3", 512, 3, b).conv("conv4", 1024, 3, b).conv("conv5", 1024, 3, b);
  x.pool("pool5", "max", 2);
  fcHead(x, [3072, 4096, 1000]);
}

function overfeatAccurate(x: Cursor): void {
  x.conv("conv1", 96, 7, { stride: 2, pad: 0, ...b }).pool("pool1", "max", 3);
  x.conv("conv2", 256, 7, { pad: 0, ...b }).pool("pool2", "max", 2);
  x.conv("conv3", 512, 3, b).conv("conv4", 512, 3, b);
  x.conv("conv5", 1024, 3, b).conv("conv6", 1024, 3, b).pool("pool6", "max", 3);
  x.dense("fc7", 4096).dense("fc8", 4096).dense("fc9", 1000);
}

/** One mlpconv block: a k x k conv and two 1x1 convs ("cccp" layers in the released model). */
function mlpconv(x: Cursor, i: number, outC: number, k: number, last: number, stride = 1): void {
  x.conv(`conv${i}`, outC, k, { stride, pad: stride > 1 ? 0 : (k - 1) / 2, ...b });
  x.conv(`cccp${2 * i - 1}`, outC, 1, b).conv(`cccp${2 * i}`, last, 1, b);
}

function nin(x: Cursor): void {
  mlpconv(x, 1, 96, 11, 96, 4);
  x.pool("pool1", "max", 3, { stride: 2, ceil: true });
  mlpconv(x, 2, 256, 5, 256);
  x.pool("pool2", "max", 3, { stride: 2, ceil: true });
  mlpconv(x, 3, 384, 3, 384);
  x.pool("pool3", "max", 3, { stride: 2, ceil: true });
  mlpconv(x, 4, 1024, 3, 1000);
  x.gap("pool4");
}

/** Two-tower AlexNet, ZFNet, OverFeat fast and accurate, NiN (ImageNet). */
export function eraEntries(): ZooEntry[] {
  const c = "classification" as const;
  return [
    cnn("alexnet_grouped", "alexnet", c, [227, 227], alexnetGrouped),
    cnn("zfnet", "zfnet", c, [224, 224], zfnet),
    cnn("overfeat_fast", "overfeat", c, [231, 231], overfeatFast),
    cnn("overfeat_accurate", "overfeat", c, [221, 221], overfeatAccurate),
    cnn("nin", "nin", c, [224, 224], nin),
  ];
}
