/**
 * AlexNet, VGG and SqueezeNet as torchvision defines them.
 * AlexNet is torchvision's single-tower variant (64/192/384/256/256 filters, from "One weird
 * trick"), not the two-GPU original with 96/256/384/384/256. VGG's *_bn variants have the same
 * MACs. Convs carry biases in all three families.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

function alexnet(x: Cursor): void {
  x.conv("conv1", 64, 11, { stride: 4, pad: 2, bias: true }).pool("pool1", "max", 3, { stride: 2 });
  x.conv("conv2", 192, 5, { bias: true }).pool("pool2", "max", 3, { stride: 2 });
  x.conv("conv3", 384, 3, { bias: true }).conv("conv4", 256, 3, { bias: true });
  x.conv("conv5", 256, 3, { bias: true }).pool("pool5", "max", 3, { stride: 2 });
  x.dense("fc6", 4096).dense("fc7", 4096).dense("fc8", 1000);
}

/** Convs per stage of VGG configurations A (11), B (13), D (16), E (19); a pool ends each stage. */
const VGG_STAGES: Record<string, number[]> = {
  vgg11: [1, 1, 2, 2, 2],
  vgg13: [2, 2, 2, 2, 2],
  vgg16: [2, 2, 3, 3, 3],
  vgg19: [2, 2, 4, 4, 4],
};
const VGG_WIDTHS = [64, 128, 256, 512, 512];

/** VGG with `bn`: the *_bn variants put a batch norm after every conv (same MACs). */
function vgg(stages: number[], bn: boolean) {
  return (x: Cursor) => {
    stages.forEach((n, s) => {
      for (let i = 0; i < n; i++) {
        x.conv(`conv${s + 1}_${i + 1}`, VGG_WIDTHS[s], 3, { bias: true, bn });
      }
      x.pool(`pool${s + 1}`, "max", 2);
    });
    x.dense("fc6", 4096).dense("fc7", 4096).dense("fc8", 1000);
  };
}

/** SqueezeNet fire module: 1x1 squeeze, then parallel 1x1 and 3x3 expands, concatenated. */
function fire(x: Cursor, name: string, squeeze: number, expand: number): void {
  x.conv(`${name}.squeeze`, squeeze, 1, { bias: true });
  const a = x.branch().conv(`${name}.expand1x1`, expand, 1, { bias: true });
  const b = x.branch().conv(`${name}.expand3x3`, expand, 3, { bias: true });
  x.concat(`${name}.concat`, [a, b]);
}

/** Fire modules as [squeeze, expand]; "M" is a 3x3/2 ceil-mode max pool. */
function squeezenet(stem: [number, number], plan: ([number, number] | "M")[]) {
  return (x: Cursor) => {
    x.conv("conv1", stem[0], stem[1], { stride: 2, pad: 0, bias: true });
    let f = 2, p = 1;
    for (const step of plan) {
      if (step === "M") x.pool(`pool${p++}`, "max", 3, { stride: 2, ceil: true });
      else fire(x, `fire${f++}`, step[0], step[1]);
    }
    // The classifier is a 1x1 conv to the 1000 classes followed by global average pooling.
    x.conv("conv10", 1000, 1, { bias: true }).gap("avgpool");
  };
}

/** AlexNet, VGG-11/13/16/19, SqueezeNet 1.0/1.1. */
export function classicEntries(): ZooEntry[] {
  const c = "classification" as const;
  return [
    cnn("alexnet", "alexnet", c, [224, 224], alexnet),
    ...Object.entries(VGG_STAGES).map(([n, s]) => cnn(n, "vgg", c, [224, 224], vgg(s, false))),
    ...Object.entries(VGG_STAGES).map(([n, s]) =>
      cnn(`${n}_bn`, "vgg", c, [224, 224], vgg(s, true))
    ),
    cnn(
      "squeezenet1_0",
      "squeezenet",
      c,
      [224, 224],
      squeezenet([96, 7], [
        "M",
        [16, 64],
        [16, 64],
        [32, 128],
        "M",
        [32, 128],
        [48, 192],
        [48, 192],
        [64, 256],
        "M",
        [64, 256],
      ]),
    ),
    cnn(
      "squeezenet1_1",
      "squeezenet",
      c,
      [224, 224],
      squeezenet([64, 3], [
        "M",
        [16, 64],
        [16, 64],
        "M",
        [32, 128],
        [32, 128],
        "M",
        [48, 192],
        [48, 192],
        [64, 256],
        [64, 256],
      ]),
    ),
  ];
}
