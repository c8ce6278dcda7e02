/**
 * MobileNet v3 small and large as torchvision builds them: inverted residuals with optional
 * squeeze-and-excitation (squeeze width = makeDivisible(expanded / 4)), a 1x1 head conv to
 * 6 x the last block width, and a two-layer classifier.
 */
import { type Cursor, makeDivisible } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** [kernel, expanded, out, squeeze-excite, stride] per block (activation does not change cost). */
export type Bneck = [number, number, number, boolean, number];

const LARGE: Bneck[] = [
  [3, 16, 16, false, 1],
  [3, 64, 24, false, 2],
  [3, 72, 24, false, 1],
  [5, 72, 40, true, 2],
  [5, 120, 40, true, 1],
  [5, 120, 40, true, 1],
  [3, 240, 80, false, 2],
  [3, 200, 80, false, 1],
  [3, 184, 80, false, 1],
  [3, 184, 80, false, 1],
  [3, 480, 112, true, 1],
  [3, 672, 112, true, 1],
  [5, 672, 160, true, 2],
  [5, 960, 160, true, 1],
  [5, 960, 160, true, 1],
];

const SMALL: Bneck[] = [
  [3, 16, 16, true, 2],
  [3, 72, 24, false, 2],
  [3, 88, 24, false, 1],
  [5, 96, 40, true, 2],
  [5, 240, 40, true, 1],
  [5, 240, 40, true, 1],
  [5, 120, 48, true, 1],
  [5, 144, 48, true, 1],
  [5, 288, 96, true, 2],
  [5, 576, 96, true, 1],
  [5, 576, 96, true, 1],
];

/**
 * MobileNet v3 feature extractor from a block table; returns a branch after each `features.i`.
 * `dilated` runs the last stage (from its stride-2 block on) at stride 1 with dilation 2, as
 * torchvision's segmentation backbones do.
 */
export function mobilenetV3Body(x: Cursor, blocks: Bneck[], dilated = false): Cursor[] {
  const taps = [x.conv("features.0", 16, 3, { stride: 2 }).branch()];
  const lastStage = blocks.findLastIndex((b) => b[4] === 2);
  blocks.forEach(([k, exp, out, se, s], i) => {
    const n = `features.${i + 1}`;
    const inC = x.c;
    const shortcut = x.branch();
    const dil = dilated && i >= lastStage ? 2 : 1;
    const stride = dil > 1 ? 1 : s;
    if (exp !== inC) x.conv(`${n}.expand`, exp, 1);
    x.conv(`${n}.dw`, exp, k, { stride, groups: "dw", dilation: dil });
    if (se) x.se(`${n}.se`, makeDivisible(exp / 4));
    x.conv(`${n}.project`, out, 1);
    if (stride === 1 && inC === out) x.add(`${n}.add`, shortcut);
    taps.push(x.branch());
  });
  taps.push(x.conv(`features.${blocks.length + 1}`, 6 * x.c, 1).branch());
  return taps;
}

function mobilenetV3(blocks: Bneck[], lastC: number) {
  return (x: Cursor) => {
    mobilenetV3Body(x, blocks);
    x.gap("avgpool").dense("classifier.0", lastC).dense("classifier.3", 1000);
  };
}

/** Block tables ([kernel, expanded, out, SE, stride] per block), for heads built on MobileNet v3. */
export const MOBILENET_V3 = { large: LARGE, small: SMALL };

/** MobileNet v3 large and small. */
export function mobilenetV3Entries(): ZooEntry[] {
  return [
    cnn(
      "mobilenet_v3_large",
      "mobilenet_v3",
      "classification",
      [224, 224],
      mobilenetV3(LARGE, 1280),
    ),
    cnn(
      "mobilenet_v3_small",
      "mobilenet_v3",
      "classification",
      [224, 224],
      mobilenetV3(SMALL, 1024),
    ),
  ];
}
