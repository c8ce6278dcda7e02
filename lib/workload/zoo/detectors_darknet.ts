/**
 * Darknet detectors (80 COCO classes unless said otherwise), from their cfg files
 * (pjreddie/darknet and AlexeyAB/darknet), at the sizes whose operation counts the authors
 * publish. Batch-normed convs have no bias; detection convs are 1x1 with bias. Activations
 * (leaky, Mish) are not recorded.
 * - yolov2: yolov2.cfg (Darknet-19, 64-channel passthrough, 5 anchors x 85) at 608 x 608.
 * - yolov2_tiny, yolov2_tiny_voc: yolov2-tiny.cfg and yolov2-tiny-voc.cfg at 416 x 416 (six 3x3
 *   convs with 2x2 pools, the last pool at stride 1, which pads right and bottom only: recorded
 *   as a 3x3/1 pool with pad 1, same size; the VOC one has a 1024-wide second head conv).
 * - yolov3_tiny_prn: yolov3-tiny-prn.cfg at 416 x 416: shortcuts instead of yolov3-tiny's
 *   concat; where a shortcut comes from a wider map (256 into 128 channels) only its first
 *   channels are added, recorded as a no-MAC one-input concat to 128 channels, then an add.
 * - yolov3_openimages: yolov3-openimages.cfg at 608 x 608: YOLOv3 for 601 classes (1818 outputs).
 * - yolov3_spp: yolov3-spp.cfg at 608 x 608: YOLOv3 with an SPP block (5/9/13 max pools,
 *   concatenated with their input) after the third conv of the stride-32 head.
 * - yolov4: yolov4.cfg at 416 x 416: CSPDarknet53 (each stage: 3x3/2 conv, two 1x1 halves,
 *   residual blocks on one, 1x1 transition, concat, 1x1), SPP, PANet, three YOLO heads.
 * - yolov4_csp, yolov4x_mish: yolov4-csp.cfg and yolov4x-mish.cfg (Scaled-YOLOv4) at 640 x 640:
 *   CSPDarknet53 with a plain first stage, CSP-SPP and CSP blocks in the PANet neck (1x1 bypass
 *   beside 1x1/3x3 pairs); x-mish is 1.25x wider (80-channel base), has 3/10/10/5 residual
 *   blocks instead of 2/8/8/4 and three pairs per neck block instead of two.
 * - yolov4_tiny: yolov4-tiny.cfg at 416 x 416; its `route groups=2 group_id=1` keeps the second
 *   half of the channels, recorded as a no-MAC one-input concat to half the channels.
 */
import { ValidationError } from "../../validate.ts";
import type { Cursor } from "./builder.ts";
import { darknet53, yoloHead, yolov3Net } from "./detection.ts";
import { cnn, type ZooEntry } from "./types.ts";
import { yolov2 } from "./vision_tasks.ts";

const OUT = 3 * 85;

/** Throw unless the input map divides by `stride` (the detector's coarsest level), in pixels. */
export function requireStride(x: Cursor, stride: number): void {
  if (x.h % stride || x.w % stride) {
    throw new ValidationError("inputSize", [
      `${x.h}x${x.w}: height and width must be multiples of ${stride} (the coarsest stride)`,
    ]);
  }
}

/** A detector body that first checks the input against its coarsest `stride`. */
const strided = (stride: number, body: (x: Cursor) => void) => (x: Cursor) => {
  requireStride(x, stride);
  body(x);
};

/** yolov2-tiny(-voc).cfg: six 3x3 convs with pools, a 1024 3x3, a `c7` 3x3, `out` outputs. */
function yolov2Tiny(c7: number, out: number) {
  return (x: Cursor) => {
    [16, 32, 64, 128, 256, 512].forEach((c, i) => {
      x.conv(`conv${i}`, c, 3);
      if (i < 5) x.pool(`pool${i}`, "max", 2);
      else x.pool(`pool${i}`, "max", 3, { stride: 1, pad: 1 });
    });
    x.conv("conv6", 1024, 3).conv("conv7", c7, 3).conv("region", out, 1, { bias: true });
  };
}

/** yolov3-tiny-prn.cfg: yolov3-tiny's trunk with partial residual (PRN) shortcuts. */
function yolov3TinyPrn(x: Cursor): void {
  let tap26: Cursor = x;
  [16, 32, 64, 128, 256, 512].forEach((c, i) => {
    x.conv(`conv${i}`, c, 3);
    if (c === 256) tap26 = x.branch();
    if (i < 5) x.pool(`pool${i}`, "max", 2);
  });
  const tap13 = x.branch();
  x.pool("pool5", "max", 3, { stride: 1, pad: 1 }).conv("conv6", 512, 3).add("add6", tap13);
  const t1 = x.conv("conv7", 256, 1).branch();
  const t2 = x.conv("conv8", 256, 3).branch();
  x.add("add8", t1).conv("yolo13", OUT, 1, { bias: true });
  // Partial residuals: a shortcut from a wider map adds its first channels (a no-MAC slice).
  const part26 = (n: string) => tap26.branch().eltwise(n, "concat", 128);
  t2.conv("conv9", 128, 1).upsample("up", 2).add("add9", part26("slice9"));
  const up = t2.branch();
  t2.conv("conv10", 128, 3).add("add10", up).add("add11", part26("slice11"));
  t2.conv("yolo26", OUT, 1, { bias: true });
}

/** Darknet SPP: 5/9/13 stride-1 max pools of the input, concatenated with it (4x channels). */
function darknetSpp(x: Cursor, n: string): Cursor {
  const pools = [5, 9, 13].map((k) =>
    x.branch().pool(`${n}.pool${k}`, "max", k, { stride: 1, pad: (k - 1) / 2 })
  );
  return x.concat(`${n}.cat`, [...pools.reverse(), x.branch()]);
}

function yolov3Spp(x: Cursor): void {
  const taps = darknet53(x);
  // The stride-32 head: 1x1, 3x3, 1x1, SPP, then the usual 1x1, 3x3, 1x1 and the output pair.
  x.conv("head13.pre0", 512, 1).conv("head13.pre1", 1024, 3).conv("head13.pre2", 512, 1);
  darknetSpp(x, "head13.spp");
  x.conv("head13.conv0", 512, 1).conv("head13.conv1", 1024, 3).conv("head13.conv2", 512, 1);
  const lateral13 = x.branch();
  x.conv("head13.conv3", 1024, 3).conv("head13.yolo", OUT, 1, { bias: true });
  let lateral = lateral13;
  [[256, 3], [128, 2]].forEach(([c, tap], i) => {
    lateral.conv(`route${i}.conv`, c, 1).upsample(`route${i}.upsample`, 2);
    lateral.concat(`route${i}.concat`, [lateral.branch(), taps[tap]]);
    lateral = yoloHead(lateral, `head${i ? 52 : 26}`, c, OUT);
  });
}

/** One CSPDarknet53 stage of `blocks` residual blocks at `c` output channels (stage 1: c = 64). */
function cspStage(x: Cursor, n: string, c: number, blocks: number, first: boolean): void {
  const half = first ? c : c / 2;
  x.conv(`${n}.down`, c, 3, { stride: 2 });
  const part = x.branch().conv(`${n}.part`, half, 1);
  x.conv(`${n}.main`, half, 1);
  for (let i = 0; i < blocks; i++) {
    const short = x.branch();
    x.conv(`${n}.${i}.conv1`, first ? c / 2 : half, 1).conv(`${n}.${i}.conv2`, half, 3);
    x.add(`${n}.${i}.add`, short);
  }
  x.conv(`${n}.trans`, half, 1).concat(`${n}.cat`, [x.branch(), part]).conv(`${n}.out`, c, 1);
}

/** Five alternating 1x1 (c) and 3x3 (2c) convs, starting and ending with a 1x1. */
function fiveConvs(x: Cursor, n: string, c: number): Cursor {
  for (let i = 0; i < 5; i++) x.conv(`${n}.conv${i}`, i % 2 ? 2 * c : c, i % 2 ? 3 : 1);
  return x;
}

function yolov4(x: Cursor): void {
  x.conv("conv0", 32, 3);
  const taps: Cursor[] = [];
  [1, 2, 8, 8, 4].forEach((blocks, s) => {
    cspStage(x, `stage${s + 1}`, 64 << s, blocks, s === 0);
    taps.push(x.branch());
  });
  x.conv("neck.pre0", 512, 1).conv("neck.pre1", 1024, 3).conv("neck.pre2", 512, 1);
  darknetSpp(x, "neck.spp");
  x.conv("neck.post0", 512, 1).conv("neck.post1", 1024, 3).conv("neck.post2", 512, 1);
  const n5 = x.branch();
  // Top-down: 1x1 and upsample the coarser map, 1x1 the backbone tap, concat, five convs.
  const n4 = x.conv("td4.up_conv", 256, 1).upsample("td4.up", 2);
  n4.concat("td4.cat", [taps[3].branch().conv("td4.lateral", 256, 1), n4.branch()]);
  fiveConvs(n4, "td4", 256);
  const n3 = n4.branch().conv("td3.up_conv", 128, 1).upsample("td3.up", 2);
  n3.concat("td3.cat", [taps[2].branch().conv("td3.lateral", 128, 1), n3.branch()]);
  fiveConvs(n3, "td3", 128);
  // Bottom-up: each level's output pair, then a 3x3/2 conv concatenated with the next level.
  n3.branch().conv("head52.conv", 256, 3).conv("head52.yolo", OUT, 1, { bias: true });
  const p4 = n3.conv("bu4.down", 256, 3, { stride: 2 }).concat("bu4.cat", [n3.branch(), n4]);
  fiveConvs(p4, "bu4", 256);
  p4.branch().conv("head26.conv", 512, 3).conv("head26.yolo", OUT, 1, { bias: true });
  const p5 = p4.conv("bu5.down", 512, 3, { stride: 2 }).concat("bu5.cat", [p4.branch(), n5]);
  fiveConvs(p5, "bu5", 512);
  p5.conv("head13.conv", 1024, 3).conv("head13.yolo", OUT, 1, { bias: true });
}

/** A CSP block of the Scaled-YOLOv4 neck: a 1x1, then a 1x1 bypass beside `pairs` 1x1/3x3 pairs,
 * concatenated, and a closing 1x1 (all at `c` channels). */
function cspNeck(x: Cursor, n: string, c: number, pairs: number): Cursor {
  x.conv(`${n}.c0`, c, 1);
  const part = x.branch().conv(`${n}.part`, c, 1);
  for (let i = 0; i < 2 * pairs; i++) x.conv(`${n}.m${i}`, c, i % 2 ? 3 : 1);
  return x.concat(`${n}.csp_cat`, [x.branch(), part]).conv(`${n}.out`, c, 1);
}

/**
 * Scaled-YOLOv4 (yolov4-csp.cfg, yolov4x-mish.cfg): stage widths `base` x 1, 2, 4, 8, 16; a plain
 * residual first stage, CSP stages of `blocks` residual blocks; CSP-SPP with `sppPairs` 1x1/3x3
 * pairs after the pools; neck CSP blocks of `pairs` pairs.
 */
function scaledYolov4(base: number, blocks: number[], pairs: number, sppPairs: number) {
  return (x: Cursor) => {
    x.conv("conv0", 32, 3).conv("stage1.down", base, 3, { stride: 2 });
    const short = x.branch();
    x.conv("stage1.0.conv1", base / 2, 1).conv("stage1.0.conv2", base, 3).add(
      "stage1.0.add",
      short,
    );
    const taps: Cursor[] = [];
    blocks.forEach((n, s) => {
      cspStage(x, `stage${s + 2}`, (2 * base) << s, n, false);
      taps.push(x.branch());
    });
    // CSP-SPP: a 1x1 bypass beside 1x1, 3x3, 1x1, SPP and the 1x1/3x3 pairs, concatenated.
    const c5 = 8 * base;
    const part = x.branch().conv("spp.part", c5, 1);
    x.conv("spp.pre0", c5, 1).conv("spp.pre1", c5, 3).conv("spp.pre2", c5, 1);
    darknetSpp(x, "spp");
    for (let i = 0; i < 2 * sppPairs; i++) x.conv(`spp.post${i}`, c5, i % 2 ? 3 : 1);
    x.concat("spp.csp_cat", [x.branch(), part]).conv("spp.out", c5, 1);
    const n5 = x.branch();
    const td = (n: string, c: number, tap: Cursor) => {
      x.conv(`${n}.up_conv`, c, 1).upsample(`${n}.up`, 2);
      x.concat(`${n}.cat`, [tap.branch().conv(`${n}.lateral`, c, 1), x.branch()]);
      return cspNeck(x, n, c, pairs).branch();
    };
    const n4 = td("td4", 4 * base, taps[2]);
    td("td3", 2 * base, taps[1]);
    x.branch().conv("head52.conv", 4 * base, 3).conv("head52.yolo", OUT, 1, { bias: true });
    x.conv("bu4.down", 4 * base, 3, { stride: 2 }).concat("bu4.cat", [x.branch(), n4]);
    const p4 = cspNeck(x, "bu4", 4 * base, pairs).branch();
    p4.conv("head26.conv", 8 * base, 3).conv("head26.yolo", OUT, 1, { bias: true });
    x.conv("bu5.down", 8 * base, 3, { stride: 2 }).concat("bu5.cat", [x.branch(), n5]);
    cspNeck(x, "bu5", 8 * base, pairs).conv("head13.conv", 16 * base, 3);
    x.conv("head13.yolo", OUT, 1, { bias: true });
  };
}

/** One yolov4-tiny CSP block at `c` channels; returns the branch after its 1x1 (the route tap). */
function tinyCsp(x: Cursor, n: string, c: number): Cursor {
  x.conv(`${n}.conv0`, c, 3);
  const whole = x.branch();
  x.eltwise(`${n}.half`, "concat", c / 2).conv(`${n}.conv1`, c / 2, 3);
  const first = x.branch();
  x.conv(`${n}.conv2`, c / 2, 3).concat(`${n}.cat1`, [x.branch(), first]).conv(`${n}.conv3`, c, 1);
  const tap = x.branch();
  x.concat(`${n}.cat2`, [whole, x.branch()]).pool(`${n}.pool`, "max", 2);
  return tap;
}

function yolov4Tiny(x: Cursor): void {
  x.conv("conv0", 32, 3, { stride: 2 }).conv("conv1", 64, 3, { stride: 2 });
  tinyCsp(x, "csp0", 64);
  tinyCsp(x, "csp1", 128);
  const tap26 = tinyCsp(x, "csp2", 256);
  x.conv("conv2", 512, 3).conv("head13.conv0", 256, 1);
  const lateral = x.branch();
  x.conv("head13.conv1", 512, 3).conv("head13.yolo", OUT, 1, { bias: true });
  lateral.conv("route.conv", 128, 1).upsample("route.up", 2);
  lateral.concat("route.cat", [lateral.branch(), tap26]).conv("head26.conv", 256, 3);
  lateral.conv("head26.yolo", OUT, 1, { bias: true });
}

/** The Darknet detectors of the module comment, at their cfg sizes. */
export function darknetDetectorEntries(): ZooEntry[] {
  const d = "detection" as const;
  return [
    cnn("yolov2", "yolo", d, [608, 608], strided(32, yolov2(5 * 85))),
    cnn("yolov2_tiny", "yolo", d, [416, 416], strided(32, yolov2Tiny(512, 5 * 85))),
    cnn("yolov2_tiny_voc", "yolo", d, [416, 416], strided(32, yolov2Tiny(1024, 5 * 25))),
    cnn("yolov3_tiny_prn", "yolo", d, [416, 416], strided(32, yolov3TinyPrn)),
    cnn("yolov3_openimages", "yolo", d, [608, 608], strided(32, yolov3Net(3 * (601 + 5)))),
    cnn("yolov3_spp", "yolo", d, [608, 608], strided(32, yolov3Spp)),
    cnn("yolov4", "yolo", d, [416, 416], strided(32, yolov4)),
    cnn("yolov4_tiny", "yolo", d, [416, 416], strided(32, yolov4Tiny)),
    cnn("yolov4_csp", "yolo", d, [640, 640], strided(32, scaledYolov4(64, [2, 8, 8, 4], 2, 1))),
    cnn("yolov4x_mish", "yolo", d, [640, 640], strided(32, scaledYolov4(80, [3, 10, 10, 5], 3, 2))),
  ];
}
