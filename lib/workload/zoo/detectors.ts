/**
 * CSP-style one-stage detectors (80 COCO classes), as their convolutional graphs; box decoding
 * and non-maximum suppression run on the host and have no layers. Activations (SiLU, LeakyReLU)
 * carry no weights or MACs and are not recorded, as for the other YOLOs of the zoo. Every input
 * side must divide by the coarsest stride (32, or 64 for the P6 models).
 * - yolov5{n,s,m,l,x}: Ultralytics YOLOv5 v6.0+ P5 models at 640 x 640 (6x6/2 stem conv, C3
 *   blocks, SPPF, PANet neck, 3 levels x 3 anchors x 85 outputs); the P6 models yolov5{n,...,x}6
 *   add a stride-64 level (768 channels before 1024) and a fourth detection level, at their
 *   1280 x 1280 evaluation size. Width multiple scales channels up to a multiple of 8, depth
 *   multiple scales C3 repeats (round, at least 1).
 * - yolox_{nano,tiny,s,m,l,x}: Megvii's YOLOX (Ge et al. 2021, arXiv:2107.08430): CSPDarknet with
 *   a Focus stem (2x space-to-depth, then a 3x3 conv) and SPP (5/9/13 max pools), PAFPN neck,
 *   decoupled anchor-free head (1x1 stem, two 3x3 convs per class and box branch, 80 + 4 + 1
 *   outputs). Nano uses depthwise-separable 3x3 convs everywhere but the stem and the 1x1s.
 *   yolox_darknet53 puts the same head on YOLOv3's Darknet-53 (an SPP block closing the last
 *   stage) and YOLOv3's two-level FPN.
 * - yolov8{n,s,m,l,x}: Ultralytics YOLOv8 at 640 x 640: 3x3/2 stem, C2f blocks, SPPF, PANet
 *   without lateral 1x1s, anchor-free decoupled head (two 3x3s per branch to 4 x 16 box bins and
 *   80 scores); channels are capped at 1024/1024/768/512/512 before the width multiple. The DFL
 *   decoding (a fixed 1x1 conv over the box bins) is post-processing and has no layer.
 */
import type { Cursor } from "./builder.ts";
import { darknet53 } from "./detection.ts";
import { darknetDetectorEntries, requireStride } from "./detectors_darknet.ts";
import { ssdDetectorEntries } from "./detectors_ssd.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** One CSP stack (Ultralytics C3, YOLOX CSPLayer): two 1x1 halves, `reps` bottlenecks on one. */
function csp(
  x: Cursor,
  n: string,
  out: number,
  reps: number,
  shortcut: boolean,
  conv3: (x: Cursor, n: string, c: number, stride: number) => Cursor,
): Cursor {
  const hid = Math.floor(out / 2);
  const bypass = x.branch().conv(`${n}.cv2`, hid, 1);
  x.conv(`${n}.cv1`, hid, 1);
  for (let i = 0; i < reps; i++) {
    const short = x.branch();
    conv3(x.conv(`${n}.m${i}.cv1`, hid, 1), `${n}.m${i}.cv2`, hid, 1);
    if (shortcut) x.add(`${n}.m${i}.add`, short);
  }
  return x.concat(`${n}.cat`, [x.branch(), bypass]).conv(`${n}.cv3`, out, 1);
}

/** A plain 3x3 conv (batch norm) at `stride`. */
const plain3 = (x: Cursor, n: string, c: number, stride: number) => x.conv(n, c, 3, { stride });

/** A depthwise 3x3 then a 1x1 conv, each with batch norm (YOLOX's DWConv). */
const separable3 = (x: Cursor, n: string, c: number, stride: number) =>
  x.conv(`${n}.dw`, x.c, 3, { stride, groups: "dw" }).conv(`${n}.pw`, c, 1);

/** Max pools of windows `ks` (stride 1, same size) concatenated with their input, between 1x1s. */
function spp(x: Cursor, n: string, out: number, ks: number[], chained: boolean): void {
  x.conv(`${n}.cv1`, x.c / 2, 1);
  const parts = [x.branch()];
  for (const [i, k] of ks.entries()) {
    // SPPF chains three 5x5 pools (equal to 5/9/13 windows); SPP pools the input in parallel.
    const src = chained ? parts[parts.length - 1] : parts[0];
    parts.push(src.branch().pool(`${n}.pool${i}`, "max", k, { stride: 1, pad: (k - 1) / 2 }));
  }
  x.concat(`${n}.cat`, parts).conv(`${n}.cv2`, out, 1);
}

/** YOLOv5 v6.0+ at depth multiple `gd` and width multiple `gw`; `p6` adds the stride-64 level. */
function yolov5(gd: number, gw: number, p6: boolean) {
  const ch = (c: number) => Math.ceil((c * gw) / 8) * 8;
  const nd = (n: number) => Math.max(Math.round(n * gd), 1);
  return (x: Cursor) => {
    requireStride(x, p6 ? 64 : 32);
    x.conv("b0", ch(64), 6, { stride: 2, pad: 2 });
    const taps: Cursor[] = [];
    const widths = p6 ? [128, 256, 512, 768, 1024] : [128, 256, 512, 1024];
    widths.forEach((c, i) => {
      const reps = nd(i === 1 ? 6 : i === 2 ? 9 : 3);
      x.conv(`b${2 * i + 1}`, ch(c), 3, { stride: 2 });
      taps.push(csp(x, `b${2 * i + 2}`, ch(c), reps, true, plain3).branch());
    });
    spp(x, "sppf", ch(1024), [5, 5, 5], true);
    // Top-down: 1x1 lateral, upsample, concat with the backbone tap, C3 without shortcuts.
    const down = widths.slice(1, -1).reverse();
    const laterals: Cursor[] = [];
    down.forEach((c, i) => {
      laterals.push(x.conv(`td${i}.lat`, ch(c), 1).branch());
      x.upsample(`td${i}.up`, 2).concat(`td${i}.cat`, [x.branch(), taps[taps.length - 2 - i]]);
      csp(x, `td${i}.c3`, ch(c), nd(3), false, plain3);
    });
    const outs = [x.branch()];
    // Bottom-up: 3x3/2 conv, concat with the lateral of the same level, C3 to the level's width.
    for (let j = laterals.length - 1; j >= 0; j--) {
      const n = `bu${laterals.length - 1 - j}`;
      x.conv(`${n}.down`, x.c, 3, { stride: 2 }).concat(`${n}.cat`, [x.branch(), laterals[j]]);
      outs.push(csp(x, `${n}.c3`, ch(j === 0 ? 1024 : down[j - 1]), nd(3), false, plain3).branch());
    }
    outs.forEach((o, i) => o.conv(`detect${i}`, 3 * 85, 1, { bias: true }));
  };
}

/** Ultralytics C2f: a 1x1 to 2 x hidden, `reps` bottlenecks (two 3x3s) chained on the second half,
 * every intermediate concatenated, a 1x1 to `out`. The half is a no-MAC slice layer. */
function c2f(x: Cursor, n: string, out: number, reps: number, shortcut: boolean): Cursor {
  const hid = out / 2;
  x.conv(`${n}.cv1`, 2 * hid, 1);
  const parts = [x.branch()];
  const y = x.branch().eltwise(`${n}.split`, "concat", hid);
  for (let i = 0; i < reps; i++) {
    const short = y.branch();
    y.conv(`${n}.m${i}.cv1`, hid, 3).conv(`${n}.m${i}.cv2`, hid, 3);
    if (shortcut) y.add(`${n}.m${i}.add`, short);
    parts.push(y.branch());
  }
  return x.concat(`${n}.cat`, parts).conv(`${n}.cv2`, out, 1);
}

/** YOLOv8 at depth `gd`, width `gw`, channels capped at `maxC` before scaling. */
function yolov8(gd: number, gw: number, maxC: number) {
  const ch = (c: number) => Math.ceil((Math.min(c, maxC) * gw) / 8) * 8;
  const nd = (n: number) => Math.max(Math.round(n * gd), 1);
  return (x: Cursor) => {
    requireStride(x, 32);
    x.conv("b0", ch(64), 3, { stride: 2 });
    const taps: Cursor[] = [];
    [128, 256, 512, 1024].forEach((c, i) => {
      x.conv(`b${2 * i + 1}`, ch(c), 3, { stride: 2 });
      taps.push(c2f(x, `b${2 * i + 2}`, ch(c), nd(i === 1 || i === 2 ? 6 : 3), true).branch());
    });
    spp(x, "sppf", ch(1024), [5, 5, 5], true);
    const p5 = x.branch();
    x.upsample("td0.up", 2).concat("td0.cat", [x.branch(), taps[2]]);
    const p4 = c2f(x, "td0.c2f", ch(512), nd(3), false).branch();
    x.upsample("td1.up", 2).concat("td1.cat", [x.branch(), taps[1]]);
    const outs = [c2f(x, "td1.c2f", ch(256), nd(3), false).branch()];
    x.conv("bu0.down", ch(256), 3, { stride: 2 }).concat("bu0.cat", [x.branch(), p4]);
    outs.push(c2f(x, "bu0.c2f", ch(512), nd(3), false).branch());
    x.conv("bu1.down", ch(512), 3, { stride: 2 }).concat("bu1.cat", [x.branch(), p5]);
    outs.push(c2f(x, "bu1.c2f", ch(1024), nd(3), false).branch());
    // Decoupled head: box branch to 4 x 16 distribution bins, class branch to 80 scores.
    const boxC = Math.max(16, outs[0].c / 4, 64), clsC = Math.max(outs[0].c, 80);
    outs.forEach((o, i) => {
      const box = o.branch(), cls = o.branch();
      box.conv(`det${i}.box0`, boxC, 3).conv(`det${i}.box1`, boxC, 3);
      box.conv(`det${i}.box`, 64, 1, { bias: true });
      cls.conv(`det${i}.cls0`, clsC, 3).conv(`det${i}.cls1`, clsC, 3);
      cls.conv(`det${i}.cls`, 80, 1, { bias: true });
    });
  };
}

/** Focus: a 2x space-to-depth, i.e. four strided slices concatenated, recorded as a concat whose
 * output is half the size with 4x the channels (no MACs; a DPU does it by addressing). */
function spaceToDepth(x: Cursor, name: string): void {
  const [h, w] = [Math.floor(x.h / 2), Math.floor(x.w / 2)];
  x.layers.push({
    kind: "eltwise",
    name,
    op: "concat",
    inputH: x.h,
    inputW: x.w,
    inputC: x.c,
    outputC: 4 * x.c,
    scale: 1,
    outputH: h,
    outputW: w,
    batch: x.batch,
  });
  [x.h, x.w, x.c] = [h, w, 4 * x.c];
}

/** YOLOX at depth `depth`, width `width`; `dw` makes its 3x3 convs depthwise-separable (nano). */
function yolox(depth: number, width: number, dw: boolean) {
  const conv3 = dw ? separable3 : plain3;
  const base = Math.floor(64 * width);
  const bd = Math.max(Math.round(depth * 3), 1);
  const nNeck = Math.round(3 * depth);
  const w = (c: number) => Math.floor(c * width);
  return (x: Cursor) => {
    requireStride(x, 32);
    spaceToDepth(x, "focus");
    x.conv("stem", base, 3);
    const taps: Cursor[] = [];
    [2, 4, 8, 16].forEach((m, i) => {
      conv3(x, `dark${i + 2}.down`, base * m, 2);
      if (m === 16) spp(x, "dark5.spp", base * m, [5, 9, 13], false);
      const reps = m === 4 || m === 8 ? 3 * bd : bd;
      csp(x, `dark${i + 2}.csp`, base * m, reps, m !== 16, conv3);
      taps.push(x.branch());
    });
    x.conv("lateral0", w(512), 1);
    const fpn0 = x.branch();
    x.upsample("up0", 2).concat("cat_p4", [x.branch(), taps[2]]);
    csp(x, "c3_p4", w(512), nNeck, false, conv3).conv("reduce1", w(256), 1);
    const fpn1 = x.branch();
    x.upsample("up1", 2).concat("cat_p3", [x.branch(), taps[1]]);
    const outs = [csp(x, "c3_p3", w(256), nNeck, false, conv3).branch()];
    conv3(x, "bu2", w(256), 2).concat("cat_n3", [x.branch(), fpn1]);
    outs.push(csp(x, "c3_n3", w(512), nNeck, false, conv3).branch());
    conv3(x, "bu1", w(512), 2).concat("cat_n4", [x.branch(), fpn0]);
    outs.push(csp(x, "c3_n4", w(1024), nNeck, false, conv3).branch());
    yoloxHead(outs, w(256), conv3);
  };
}

/** YOLOX's decoupled head per map: 1x1 stem to `hid`, two 3x3s per branch, 80 + 4 + 1 outputs. */
function yoloxHead(outs: Cursor[], hid: number, conv3: typeof plain3): void {
  outs.forEach((o, i) => {
    o.conv(`head${i}.stem`, hid, 1);
    const cls = o.branch(), reg = o.branch();
    conv3(conv3(cls, `head${i}.cls0`, hid, 1), `head${i}.cls1`, hid, 1);
    conv3(conv3(reg, `head${i}.reg0`, hid, 1), `head${i}.reg1`, hid, 1);
    cls.conv(`head${i}.cls_pred`, 80, 1, { bias: true });
    reg.branch().conv(`head${i}.reg_pred`, 4, 1, { bias: true });
    reg.conv(`head${i}.obj_pred`, 1, 1, { bias: true });
  });
}

/** YOLOX-Darknet53: YOLOv3's backbone with an SPP block closing dark5, a YOLOv3 FPN, YOLOX head. */
function yoloxDarknet53(x: Cursor): void {
  requireStride(x, 32);
  const taps = darknet53(x);
  x.conv("dark5.spp.pre0", 512, 1).conv("dark5.spp.pre1", 1024, 3);
  spp(x, "dark5.spp", 512, [5, 9, 13], false);
  x.conv("dark5.spp.post0", 1024, 3).conv("dark5.spp.post1", 512, 1);
  const outs = [x.branch()];
  for (const [i, c] of [[0, 256], [1, 128]]) {
    x.conv(`fpn${i}.cbl`, c, 1).upsample(`fpn${i}.up`, 2);
    x.concat(`fpn${i}.cat`, [x.branch(), taps[3 - i]]);
    for (let j = 0; j < 5; j++) x.conv(`fpn${i}.conv${j}`, j % 2 ? 2 * c : c, j % 2 ? 3 : 1);
    outs.unshift(x.branch());
  }
  yoloxHead(outs, 256, plain3);
}

/** YOLOv5 P5/P6, YOLOX, YOLOv8, and the detectors of detectors_darknet.ts and detectors_ssd.ts. */
export function detectorEntries(): ZooEntry[] {
  const d = "detection" as const;
  const sizes: [string, number, number][] = [
    ["n", 0.33, 0.25],
    ["s", 0.33, 0.5],
    ["m", 0.67, 0.75],
    ["l", 1, 1],
    ["x", 1.33, 1.25],
  ];
  const yolo5 = sizes.flatMap(([s, gd, gw]) => [
    cnn(`yolov5${s}`, "yolov5", d, [640, 640], yolov5(gd, gw, false)),
    cnn(`yolov5${s}6`, "yolov5", d, [1280, 1280], yolov5(gd, gw, true)),
  ]);
  const x: [string, number, number, boolean, number][] = [
    ["nano", 0.33, 0.25, true, 416],
    ["tiny", 0.33, 0.375, false, 416],
    ["s", 0.33, 0.5, false, 640],
    ["m", 0.67, 0.75, false, 640],
    ["l", 1, 1, false, 640],
    ["x", 1.33, 1.25, false, 640],
  ];
  const yx = x.map(([s, dep, wid, dw, px]) =>
    cnn(`yolox_${s}`, "yolox", d, [px, px], yolox(dep, wid, dw))
  );
  yx.push(cnn("yolox_darknet53", "yolox", d, [640, 640], yoloxDarknet53));
  const v8: [string, number, number, number][] = [
    ["n", 0.33, 0.25, 1024],
    ["s", 0.33, 0.5, 1024],
    ["m", 0.67, 0.75, 768],
    ["l", 1, 1, 512],
    ["x", 1, 1.25, 512],
  ];
  const yolo8 = v8.map(([s, gd, gw, maxC]) =>
    cnn(`yolov8${s}`, "yolov8", d, [640, 640], yolov8(gd, gw, maxC))
  );
  return [...yolo5, ...yx, ...yolo8, ...darknetDetectorEntries(), ...ssdDetectorEntries()];
}
