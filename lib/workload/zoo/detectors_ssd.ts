/**
 * SSD detectors on mobile backbones (91 COCO classes including background), as their
 * convolutional graphs (anchor decoding and non-maximum suppression have no layers):
 * - ssd_mobilenet_v2: the TF Object Detection API's ssd_mobilenet_v2_coco at 300 x 300:
 *   MobileNet v2 taps layer_15/expansion_output (576 channels, stride 16) and layer_19 (the
 *   1280-channel 1x1, stride 32), four extra stages (1x1 to half, then a depthwise-separable
 *   3x3/2 to 512/256/256/128: `use_depthwise: true`), 3x3 box predictors with bias
 *   (`kernel_size: 3`), 3 anchors on the first map and 6 on the others
 *   (research/object_detection/samples/configs/ssd_mobilenet_v2_coco.config).
 * - ssdlite320_mobilenet_v3_large: torchvision's SSDlite at 320 x 320: MobileNet v3 large with
 *   the reduced tail (last stage 80 channels, expansions 480, head conv 480), tapping the
 *   expansion output of the last stride-2 block (672 channels) and the head conv; four extra
 *   blocks (1x1 to half, depthwise 3x3/2, 1x1, each batch-normed); every predictor is a
 *   batch-normed depthwise 3x3 then a 1x1 with bias, 6 anchors per location.
 */
import type { Cursor } from "./builder.ts";
import type { Conv2d } from "../layer.ts";
import { mobilenetV2Body } from "./mobilenet.ts";
import { type Bneck, MOBILENET_V3, mobilenetV3Body } from "./mobilenet_v3.ts";
import { cnn, type ZooEntry } from "./types.ts";

const CLASSES = 91;

function ssdMobilenetV2(x: Cursor): void {
  const taps = mobilenetV2Body(x, 1);
  const maps = [taps.get(14)!, x.branch()];
  [512, 256, 256, 128].forEach((c, i) => {
    x.conv(`extra${i}.conv1`, c / 2, 1).conv(`extra${i}.dw`, c / 2, 3, { stride: 2, groups: "dw" });
    maps.push(x.conv(`extra${i}.conv2`, c, 1).branch());
  });
  [3, 6, 6, 6, 6, 6].forEach((a, i) => {
    maps[i].branch().conv(`head${i}.cls`, a * CLASSES, 3, { bias: true });
    maps[i].branch().conv(`head${i}.box`, a * 4, 3, { bias: true });
  });
}

/** MobileNet v3 large with torchvision's reduced tail: the last stage at half width. */
const LARGE_REDUCED: Bneck[] = MOBILENET_V3.large.map(([k, exp, out, se, s], i, all) =>
  i < all.length - 3
    ? [k, exp, out, se, s]
    : [k, i === all.length - 3 ? exp : exp / 2, out / 2, se, s]
);

function ssdlite320MobilenetV3Large(x: Cursor): void {
  mobilenetV3Body(x, LARGE_REDUCED);
  // The first map is the expansion output of the last stride-2 block (features.13).
  const c4Block = LARGE_REDUCED.findLastIndex((b) => b[4] === 2) + 1;
  const expand = x.layers.find((l) => l.name === `features.${c4Block}.expand`) as Conv2d;
  const c4 = x.branch();
  [c4.h, c4.w, c4.c] = [expand.inputH, expand.inputW, expand.outputC];
  const maps = [c4, x.branch()];
  [512, 256, 256, 128].forEach((c, i) => {
    x.conv(`extra${i}.conv1`, c / 2, 1).conv(`extra${i}.dw`, c / 2, 3, { stride: 2, groups: "dw" });
    maps.push(x.conv(`extra${i}.conv2`, c, 1).branch());
  });
  maps.forEach((m, i) => {
    for (const [what, out] of [["cls", 6 * CLASSES], ["box", 6 * 4]] as const) {
      const p = m.branch().conv(`head${i}.${what}.dw`, m.c, 3, { groups: "dw" });
      p.conv(`head${i}.${what}`, out, 1, { bias: true });
    }
  });
}

/** SSD MobileNet v2 (TF, 300) and SSDlite320 MobileNet v3 large (torchvision). */
export function ssdDetectorEntries(): ZooEntry[] {
  const d = "detection" as const;
  return [
    cnn("ssd_mobilenet_v2", "ssd", d, [300, 300], ssdMobilenetV2),
    cnn("ssdlite320_mobilenet_v3_large", "ssd", d, [320, 320], ssdlite320MobilenetV3Large),
  ];
}
