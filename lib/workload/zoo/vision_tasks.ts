/**
 * Vision networks beyond classification that the Vitis AI model zoo runs on the DPU, at the
 * zoo's input sizes (its operation counts are the published check, see tests/workload):
 * - enet: ENet (Paszke et al. 2016, arXiv:1606.02147, Table 1) at 512 x 1024 for Cityscapes (19
 *   classes). Bottlenecks reduce to a quarter of the wider side; transposed convs are recorded at
 *   their input resolution followed by an upsample (same MACs and weights); the max-unpool of the
 *   upsampling bottlenecks and the zero channel padding of the downsampling ones are bookkeeping
 *   layers. PReLU is an activation (its one weight per channel is not counted).
 * - yolov2_voc: Darknet's yolov2-voc.cfg (Darknet-19, passthrough via a 64-channel 1x1 conv and a
 *   2x space-to-depth reorg, 5 anchors x 25 outputs) at the zoo's 448 x 448.
 * - yolov3_voc, yolov3_bdd: YOLOv3 with 3 x (20 + 5) and 3 x (10 + 5) outputs per cell (VOC,
 *   BDD100K) at 416 x 416 and 288 x 512.
 * - simple_baseline_resnet{50,101,152}: pose estimation (Xiao et al. 2018, "Simple Baselines for
 *   Human Pose Estimation and Tracking"): ResNet, three 4x4 stride-2 transposed convs of 256
 *   channels (batch norm, ReLU), a 1x1 conv to 17 COCO keypoints, at 256 x 192. A 4x4 stride-2
 *   transposed conv is recorded as a 1x1 conv to 16 x 256 channels and a depth-to-space (same MACs
 *   and weights, as U-Net's up-convs in segmentation.ts).
 */
import type { Cursor } from "./builder.ts";
import { yolov3Net } from "./detection.ts";
import { resnetBackbone } from "./resnet.ts";
import { cnn, type ZooEntry } from "./types.ts";

type EnetKind = "regular" | "down" | "up" | "asym";

const prelu = (x: Cursor, n: string) => x.eltwise(`${n}.prelu`, "activation");

/** One ENet bottleneck: projection, main conv, expansion, added to the (pooled/unpooled) input. */
function enetBottleneck(x: Cursor, n: string, out: number, kind: EnetKind, dilation = 1): void {
  const internal = Math.max(x.c, out) / 4;
  const main = x.branch();
  if (kind === "down") {
    main.pool(`${n}.main.pool`, "max", 2).eltwise(`${n}.main.pad`, "concat", out);
    x.conv(`${n}.proj`, internal, 2, { stride: 2, pad: 0 });
  } else {
    if (kind === "up") main.conv(`${n}.main.conv`, out, 1).upsample(`${n}.main.unpool`, 2);
    x.conv(`${n}.proj`, internal, 1);
  }
  prelu(x, `${n}.proj`);
  if (kind === "asym") {
    prelu(x.conv(`${n}.conv5x1`, internal, [5, 1], { pad: [2, 0] }), `${n}.conv5x1`);
    x.conv(`${n}.conv1x5`, internal, [1, 5], { pad: [0, 2] });
  } else if (kind === "up") {
    x.conv(`${n}.tconv`, internal, 3).upsample(`${n}.tconv.upsample`, 2);
  } else {
    x.conv(`${n}.conv`, internal, 3, { dilation });
  }
  prelu(x, `${n}.conv`);
  x.conv(`${n}.expand`, out, 1).add(`${n}.add`, main);
  prelu(x, `${n}.out`);
}

/** Stages 2 and 3 of ENet (Table 1): regular, dilated 2, asymmetric 5, dilated 4, 8, 16. */
const ENET_STAGE: [EnetKind, number][] = [
  ["regular", 1],
  ["regular", 2],
  ["asym", 1],
  ["regular", 4],
  ["regular", 1],
  ["regular", 8],
  ["asym", 1],
  ["regular", 16],
];

function enet(classes: number) {
  return (x: Cursor) => {
    const pool = x.branch().pool("initial.pool", "max", 2);
    x.conv("initial.conv", 13, 3, { stride: 2, bn: false });
    x.concat("initial.concat", [x.branch(), pool]).norm("initial.bn");
    prelu(x, "initial");
    enetBottleneck(x, "b1.0", 64, "down");
    for (let i = 1; i <= 4; i++) enetBottleneck(x, `b1.${i}`, 64, "regular");
    enetBottleneck(x, "b2.0", 128, "down");
    for (const s of [2, 3]) {
      ENET_STAGE.forEach(([k, d], i) => enetBottleneck(x, `b${s}.${i + 1}`, 128, k, d));
    }
    enetBottleneck(x, "b4.0", 64, "up");
    enetBottleneck(x, "b4.1", 64, "regular");
    enetBottleneck(x, "b4.2", 64, "regular");
    enetBottleneck(x, "b5.0", 16, "up");
    enetBottleneck(x, "b5.1", 16, "regular");
    // Full conv: a 2x2 stride-2 transposed conv, as a 1x1 conv to 4 x classes and depth-to-space.
    x.conv("fullconv", 4 * classes, 1, { bn: false }).eltwise(
      "fullconv.d2s",
      "upsample",
      classes,
      2,
    );
  };
}

/** Darknet-19 layers of yolov2-voc.cfg up to the passthrough ("M" is a 2x2 max pool). */
const DARKNET19: (readonly [number, number] | "M")[] = [
  [32, 3],
  "M",
  [64, 3],
  "M",
  [128, 3],
  [64, 1],
  [128, 3],
  "M",
  [256, 3],
  [128, 1],
  [256, 3],
  "M",
  [512, 3],
  [256, 1],
  [512, 3],
  [256, 1],
  [512, 3],
];

/** YOLOv2 (Darknet-19, 64-channel passthrough) with `out` detection channels per cell. */
export function yolov2(out: number) {
  return (x: Cursor) => {
    DARKNET19.forEach((l, i) => {
      if (l === "M") x.pool(`pool${i}`, "max", 2);
      else x.conv(`conv${i}`, l[0], l[1]);
    });
    const pass = x.branch();
    x.pool("pool_last", "max", 2);
    [[1024, 3], [512, 1], [1024, 3], [512, 1], [1024, 3], [1024, 3], [1024, 3]].forEach(
      ([c, k], i) => x.conv(`conv5_${i}`, c, k),
    );
    pass.conv("passthrough", 64, 1);
    // Reorg: 2x2 space-to-depth, a view of the same bytes (no layer).
    const reorg = pass.branch();
    [reorg.h, reorg.w, reorg.c] = [pass.h / 2, pass.w / 2, pass.c * 4];
    x.concat("route", [reorg, x.branch()]).conv("conv_final", 1024, 3);
    x.conv("detection", out, 1, { bias: true });
  };
}

function simpleBaseline(depth: number) {
  return (x: Cursor) => {
    resnetBackbone(x, `resnet${depth}`);
    for (let i = 0; i < 3; i++) {
      x.conv(`deconv${i}`, 16 * 256, 1, { bn: false }).eltwise(
        `deconv${i}.d2s`,
        "upsample",
        256,
        2,
      );
      x.norm(`deconv${i}.bn`);
    }
    x.conv("final", 17, 1, { bias: true });
  };
}

/** Segmentation, detection and pose networks of the Vitis AI model zoo (see the module comment). */
export function visionTaskEntries(): ZooEntry[] {
  return [
    cnn("enet", "enet", "segmentation", [512, 1024], enet(19)),
    cnn("yolov2_voc", "yolo", "detection", [448, 448], yolov2(5 * 25)),
    cnn("yolov3_voc", "yolo", "detection", [416, 416], yolov3Net(3 * 25)),
    cnn("yolov3_bdd", "yolo", "detection", [288, 512], yolov3Net(3 * 15)),
    ...[50, 101, 152].map((d) =>
      cnn(`simple_baseline_resnet${d}`, "simple_baseline", "pose", [256, 192], simpleBaseline(d))
    ),
  ];
}
