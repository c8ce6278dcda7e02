/**
 * GoogLeNet (Inception v1) as torchvision builds it: batch-normed convs without bias, ceil-mode
 * max pools, and no auxiliary heads (they only run in training; `auxHeads` adds torchvision's
 * aux1/aux2 after inception4a/4d). Like torchvision, the "5x5"
 * branch uses a 3x3 conv (a known quirk of its ported weights).
 */
import type { Cursor } from "./builder.ts";
import { type BuildOpts, cnn, type ZooEntry } from "./types.ts";

/** [1x1, 3x3 reduce, 3x3, 5x5 reduce, 5x5, pool projection] filters of one inception module. */
type Mix = [number, number, number, number, number, number];

function inception(x: Cursor, name: string, m: Mix): void {
  const b1 = x.branch().conv(`${name}.branch1`, m[0], 1);
  const b2 = x.branch().conv(`${name}.branch2.0`, m[1], 1).conv(`${name}.branch2.1`, m[2], 3);
  const b3 = x.branch().conv(`${name}.branch3.0`, m[3], 1).conv(`${name}.branch3.1`, m[4], 3);
  const b4 = x.branch().pool(`${name}.branch4.pool`, "max", 3, { stride: 1, pad: 1, ceil: true });
  b4.conv(`${name}.branch4.1`, m[5], 1);
  x.concat(`${name}.concat`, [b1, b2, b3, b4]);
}

const MIXES: Record<string, Mix> = {
  "3a": [64, 96, 128, 16, 32, 32],
  "3b": [128, 128, 192, 32, 96, 64],
  "4a": [192, 96, 208, 16, 48, 64],
  "4b": [160, 112, 224, 24, 64, 64],
  "4c": [128, 128, 256, 24, 64, 64],
  "4d": [112, 144, 288, 32, 64, 64],
  "4e": [256, 160, 320, 32, 128, 128],
  "5a": [256, 160, 320, 32, 128, 128],
  "5b": [384, 192, 384, 48, 128, 128],
};

/** torchvision's InceptionAux: pool to 4x4, 1x1 conv 128, fc 2048 -> 1024, fc 1024 -> 1000. */
function aux(x: Cursor, n: string): void {
  // 14x14 -> 4x4: torchvision's adaptive pool; a 5x5/3 window (the paper's) gives the same size.
  x.branch().pool(`${n}.pool`, "avg", 5, { stride: 3 }).conv(`${n}.conv`, 128, 1)
    .dense(`${n}.fc1`, 1024).dense(`${n}.fc2`, 1000);
}

function googlenet(x: Cursor, o: BuildOpts): void {
  x.conv("conv1", 64, 7, { stride: 2, pad: 3 }).pool("maxpool1", "max", 3, {
    stride: 2,
    ceil: true,
  });
  x.conv("conv2", 64, 1).conv("conv3", 192, 3).pool("maxpool2", "max", 3, {
    stride: 2,
    ceil: true,
  });
  for (const [id, m] of Object.entries(MIXES)) {
    if (id === "4a") x.pool("maxpool3", "max", 3, { stride: 2, ceil: true });
    if (id === "5a") x.pool("maxpool4", "max", 2, { stride: 2, ceil: true });
    inception(x, `inception${id}`, m);
    if (o.auxHeads && id === "4a") aux(x, "aux1");
    if (o.auxHeads && id === "4d") aux(x, "aux2");
  }
  x.gap("avgpool").dense("fc", 1000);
}

/** GoogLeNet. */
export function googlenetEntries(): ZooEntry[] {
  return [cnn("googlenet", "googlenet", "classification", [224, 224], googlenet)];
}
