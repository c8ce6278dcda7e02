/**
 * Semantic segmentation CNNs. torchvision's FCN / DeepLabV3 / LR-ASPP (21 VOC classes, evaluated
 * at 520 x 520) keep their auxiliary FCN head: torchvision runs it at inference too, and its
 * published figures include it. Bilinear upsampling to the input size has no MACs and is
 * recorded as an upsample layer. U-Net is the original (Ronneberger et al. 2015): unpadded 3x3
 * convs with bias, 572 x 572 grey input, 2 classes; its 2x2 stride-2 transposed convs are
 * recorded as a 1x1 conv to 4x the channels followed by a depth-to-space upsample (same MACs).
 */
import type { Cursor } from "./builder.ts";
import { MOBILENET_V3, mobilenetV3Body } from "./mobilenet_v3.ts";
import { resnetBackbone } from "./resnet.ts";
import { cnn, type ZooEntry } from "./types.ts";

const CLASSES = 21;
/** torchvision evaluates its segmentation weights at 520 x 520. */
const SIZE = 520;

/** torchvision FCNHead: 3x3 conv to inputC/4 (batch norm), 1x1 conv to the classes. */
function fcnHead(x: Cursor, n: string): Cursor {
  return x.conv(`${n}.0`, x.c / 4, 3).conv(`${n}.4`, CLASSES, 1, { bias: true });
}

/** DeepLabV3 head: ASPP (1x1, three dilated 3x3, image pooling), projection, 3x3, classes. */
function deeplabHead(x: Cursor, n: string): Cursor {
  const parts = [x.branch().conv(`${n}.aspp.0`, 256, 1)];
  [12, 24, 36].forEach((d, i) =>
    parts.push(x.branch().conv(`${n}.aspp.${i + 1}`, 256, 3, { dilation: d }))
  );
  const pooled = x.branch().gap(`${n}.aspp.4.pool`).conv(`${n}.aspp.4`, 256, 1);
  parts.push(pooled.upsample(`${n}.aspp.4.upsample`, x.h));
  x.concat(`${n}.aspp.concat`, parts).conv(`${n}.aspp.project`, 256, 1);
  return x.conv(`${n}.1`, 256, 3).conv(`${n}.4`, CLASSES, 1, { bias: true });
}

function resnetSeg(backbone: string, head: "fcn" | "deeplab") {
  return (x: Cursor) => {
    const aux = resnetBackbone(x, backbone, true);
    if (head === "fcn") fcnHead(x, "classifier");
    else deeplabHead(x, "classifier");
    fcnHead(aux, "aux_classifier");
    x.resize("upsample", SIZE, SIZE);
    aux.resize("aux_upsample", SIZE, SIZE);
  };
}

function mobilenetSeg(head: "deeplab" | "lraspp") {
  return (x: Cursor) => {
    const taps = mobilenetV3Body(x, MOBILENET_V3.large, true);
    const low = taps[4];
    if (head === "deeplab") {
      deeplabHead(x, "classifier");
      fcnHead(low, "aux_classifier");
      x.resize("upsample", SIZE, SIZE);
      low.resize("aux_upsample", SIZE, SIZE);
      return;
    }
    // LR-ASPP: a 1x1 conv (batch norm) gated by a pooled 1x1 conv, resized to the low map.
    x.branch().gap("classifier.scale.pool").conv("classifier.scale", 128, 1, { bn: false });
    x.conv("classifier.cbr", 128, 1).eltwise("classifier.gate", "mul");
    x.resize("classifier.resize", low.h, low.w).conv("classifier.high_classifier", CLASSES, 1, {
      bias: true,
    });
    low.conv("classifier.low_classifier", CLASSES, 1, { bias: true });
    x.add("classifier.add", low).resize("upsample", SIZE, SIZE);
  };
}

function unet(x: Cursor): void {
  const skips: Cursor[] = [];
  [64, 128, 256, 512, 1024].forEach((c, i) => {
    if (i > 0) x.pool(`down${i}.pool`, "max", 2);
    x.conv(`down${i}.conv1`, c, 3, { pad: 0, bias: true }).conv(`down${i}.conv2`, c, 3, {
      pad: 0,
      bias: true,
    });
    skips.push(x.branch());
  });
  [512, 256, 128, 64].forEach((c, i) => {
    const n = `up${i + 1}`;
    x.conv(`${n}.upconv`, 4 * c, 1, { bias: true }).eltwise(
      `${n}.depth_to_space`,
      "upsample",
      c,
      2,
    );
    const skip = skips[3 - i];
    const crop = skip.crop(x.h, x.w);
    x.concat(`${n}.concat`, [crop, x.branch()]);
    x.conv(`${n}.conv1`, c, 3, { pad: 0, bias: true }).conv(`${n}.conv2`, c, 3, {
      pad: 0,
      bias: true,
    });
  });
  x.conv("out", 2, 1, { bias: true });
}

/** FCN / DeepLabV3 on dilated ResNet-50/101, DeepLabV3 and LR-ASPP on MobileNet v3, U-Net. */
export function segmentationEntries(): ZooEntry[] {
  const s = "segmentation" as const;
  const r: [number, number] = [SIZE, SIZE];
  return [
    cnn("fcn_resnet50", "fcn", s, r, resnetSeg("resnet50", "fcn")),
    cnn("fcn_resnet101", "fcn", s, r, resnetSeg("resnet101", "fcn")),
    cnn("deeplabv3_resnet50", "deeplabv3", s, r, resnetSeg("resnet50", "deeplab")),
    cnn("deeplabv3_resnet101", "deeplabv3", s, r, resnetSeg("resnet101", "deeplab")),
    cnn("deeplabv3_mobilenet_v3_large", "deeplabv3", s, r, mobilenetSeg("deeplab")),
    cnn("lraspp_mobilenet_v3_large", "lraspp", s, r, mobilenetSeg("lraspp")),
    cnn("unet", "unet", s, [572, 572, 1], unet),
  ];
}
