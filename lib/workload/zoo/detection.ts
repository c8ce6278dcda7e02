/**
 * Object detectors an edge accelerator runs, as their convolutional graphs (anchor decoding and
 * non-maximum suppression are post-processing on the host and have no layers here).
 * - yolov3 / yolov3_tiny: Darknet configs at 416 x 416, 80 COCO classes (3 x 85 = 255 outputs
 *   per cell); batch-normed convs without bias except the detection convs.
 * - ssd300_vgg16: torchvision's SSD300 (91 classes; conv4_3 L2-norm scale recorded as a mul).
 * - ssd_mobilenet_v1: TF Object Detection API SSD on MobileNet v1 at 300 x 300, 1x1 box
 *   predictors, anchors 3/6/6/6/6/6, 91 classes.
 * - ssdlite_mobilenet_v2: SSDLite of the MobileNetV2 paper (Sandler et al. 2018, Sec. 6.2):
 *   depthwise-separable extra layers and predictors.
 */
import type { Cursor } from "./builder.ts";
import { mobilenetV2Body, V1_BLOCKS } from "./mobilenet.ts";
import { cnn, type ZooEntry } from "./types.ts";

const YOLO_OUT = 255;

function yolov3Tiny(x: Cursor): void {
  let route26: Cursor = x;
  [16, 32, 64, 128, 256, 512].forEach((c, i) => {
    x.conv(`conv${i}`, c, 3);
    if (c === 256) route26 = x.branch();
    // Darknet's last 2x2/1 pool pads right and bottom only to keep 13 x 13; the IR's padding is
    // symmetric, so it is recorded as a 3x3/1 pool with pad 1 (same output size, no MACs).
    if (i < 5) x.pool(`pool${i}`, "max", 2);
    else x.pool(`pool${i}`, "max", 3, { stride: 1, pad: 1 });
  });
  x.conv("conv6", 1024, 3).conv("conv7", 256, 1);
  const lateral = x.branch();
  x.conv("conv8", 512, 3).conv("yolo13", YOLO_OUT, 1, { bias: true });
  lateral.conv("conv9", 128, 1).upsample("upsample", 2);
  lateral.concat("route", [lateral.branch(), route26]);
  lateral.conv("conv10", 256, 3).conv("yolo26", YOLO_OUT, 1, { bias: true });
}

/** Darknet-53 residual stages [blocks]; each stage starts with a stride-2 3x3 conv. */
export function darknet53(x: Cursor): Cursor[] {
  const taps: Cursor[] = [];
  x.conv("conv0", 32, 3);
  [1, 2, 8, 8, 4].forEach((n, s) => {
    const c = 64 << s;
    x.conv(`stage${s + 1}.down`, c, 3, { stride: 2 });
    for (let i = 0; i < n; i++) {
      const short = x.branch();
      x.conv(`stage${s + 1}.${i}.conv1`, c / 2, 1).conv(`stage${s + 1}.${i}.conv2`, c, 3);
      x.add(`stage${s + 1}.${i}.add`, short);
    }
    taps.push(x.branch());
  });
  return taps;
}

/** Five alternating 1x1/3x3 convs, then a 3x3 and the detection conv; returns the 5th's branch. */
export function yoloHead(x: Cursor, n: string, c: number, out: number): Cursor {
  for (let i = 0; i < 5; i++) x.conv(`${n}.conv${i}`, i % 2 ? 2 * c : c, i % 2 ? 3 : 1);
  const lateral = x.branch();
  x.conv(`${n}.conv5`, 2 * c, 3).conv(`${n}.yolo`, out, 1, { bias: true });
  return lateral;
}

/** YOLOv3 with `out` detection channels per cell (3 anchors x (classes + 5); COCO: 255). */
export function yolov3Net(out: number): (x: Cursor) => void {
  return (x) => {
    const taps = darknet53(x);
    let lateral = yoloHead(x, "head13", 512, out);
    [[256, 3], [128, 2]].forEach(([c, tap], i) => {
      lateral.conv(`route${i}.conv`, c, 1).upsample(`route${i}.upsample`, 2);
      lateral.concat(`route${i}.concat`, [lateral.branch(), taps[tap]]);
      lateral = yoloHead(lateral, `head${i ? 52 : 26}`, c, out);
    });
  };
}

const yolov3 = yolov3Net(YOLO_OUT);

/** Class and box predictors of one SSD feature map (`k` x `k` convs with bias). */
function ssdPredict(x: Cursor, n: string, anchors: number, classes: number, k: number): void {
  x.branch().conv(`${n}.cls`, anchors * classes, k, { bias: true });
  x.branch().conv(`${n}.box`, anchors * 4, k, { bias: true });
}

function ssd300Vgg16(x: Cursor): void {
  const maps: Cursor[] = [];
  [2, 2, 3, 3, 3].forEach((n, s) => {
    if (s > 0) x.pool(`pool${s}`, "max", 2, { ceil: true });
    for (let i = 0; i < n; i++) {
      x.conv(`conv${s + 1}_${i + 1}`, [64, 128, 256, 512, 512][s], 3, { bias: true });
    }
    if (s === 3) maps.push(x.branch().eltwise("conv4_3.l2norm", "mul"));
  });
  x.pool("pool5", "max", 3, { stride: 1, pad: 1 });
  x.conv("conv6", 1024, 3, { dilation: 6, bias: true }).conv("conv7", 1024, 1, { bias: true });
  maps.push(x.branch());
  [[256, 512, 2, 1], [128, 256, 2, 1], [128, 256, 1, 0], [128, 256, 1, 0]].forEach(
    ([m, c, s, p], i) => {
      x.conv(`extra${i + 8}.conv1`, m, 1, { bias: true });
      maps.push(x.conv(`extra${i + 8}.conv2`, c, 3, { stride: s, pad: p, bias: true }).branch());
    },
  );
  [4, 6, 6, 6, 4, 4].forEach((a, i) => ssdPredict(maps[i], `head${i}`, a, 91, 3));
}

function ssdMobilenetV1(x: Cursor): void {
  const maps: Cursor[] = [];
  x.conv("conv0", 32, 3, { stride: 2 });
  V1_BLOCKS.forEach(([c, s], i) => {
    x.conv(`block${i + 1}.dw`, x.c, 3, { stride: s, groups: "dw" }).conv(`block${i + 1}.pw`, c, 1);
    if (i === 10 || i === 12) maps.push(x.branch());
  });
  [512, 256, 256, 128].forEach((c, i) => {
    x.conv(`extra${i}.conv1`, c / 2, 1);
    maps.push(x.conv(`extra${i}.conv2`, c, 3, { stride: 2 }).branch());
  });
  [3, 6, 6, 6, 6, 6].forEach((a, i) => ssdPredict(maps[i], `head${i}`, a, 91, 1));
}

/** Depthwise 3x3 (batch norm) then a 1x1 conv: the separable conv of SSDLite. */
function separable(x: Cursor, n: string, outC: number, stride: number, bias: boolean): Cursor {
  return x.conv(`${n}.dw`, x.c, 3, { stride, groups: "dw" }).conv(`${n}.pw`, outC, 1, { bias });
}

function ssdliteMobilenetV2(x: Cursor): void {
  const taps = mobilenetV2Body(x, 1);
  const maps = [taps.get(14)!, x.branch()];
  [512, 256, 256, 128].forEach((c, i) => {
    x.conv(`extra${i}.conv1`, c / 2, 1);
    maps.push(separable(x, `extra${i}.conv2`, c, 2, false).branch());
  });
  [3, 6, 6, 6, 6, 6].forEach((a, i) => {
    separable(maps[i].branch(), `head${i}.cls`, a * 91, 1, true);
    separable(maps[i].branch(), `head${i}.box`, a * 4, 1, true);
  });
}

/** YOLOv3 and YOLOv3-tiny, SSD300-VGG16, SSD-MobileNet v1, SSDLite-MobileNet v2. */
export function detectionEntries(): ZooEntry[] {
  const d = "detection" as const;
  return [
    cnn("yolov3_tiny", "yolo", d, [416, 416], yolov3Tiny),
    cnn("yolov3", "yolo", d, [416, 416], yolov3),
    cnn("ssd300_vgg16", "ssd", d, [300, 300], ssd300Vgg16),
    cnn("ssd_mobilenet_v1", "ssd", d, [300, 300], ssdMobilenetV1),
    cnn("ssdlite_mobilenet_v2", "ssd", d, [300, 300], ssdliteMobilenetV2),
  ];
}
