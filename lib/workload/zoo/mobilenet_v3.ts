/**
 * MobileNet v3 small and large as torchvision builds them: inverted residuals with optional
 * squeeze-and-excitation (squeeze width = makeDivisible(expanded / 4)), a 1x1 head conv to
 * 6 x the last block width, and a two-layer classifier.
 */
import { type Cursor, makeDivisible } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** [kernel, expanded, out, squeeze-excite, stride] per block (activation does not change cost). */
type Bneck = [number, number, number, boolean, number];

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

/** MobileNet v3 body from a block table; the classifier's hidden width is `lastC`. */
export function mobilenetV3Body(x: Cursor, blocks: Bneck[], prefix = "features"): void {
  x.conv(`${prefix}.0`, 16, 3, { stride: 2 });
  blocks.forEach(([k, exp, out, se, stride], i) => {
    const n = `${prefix}.${i + 1}`;
    const inC = x.c;
    const shortcut = x.branch();
    if (exp !== inC) x.conv(`${n}.expand`, exp, 1);
    x.conv(`${n}.dw`, exp, k, { stride, groups: "dw" });
    if (se) x.se(`${n}.se`, makeDivisible(exp / 4));
    x.conv(`${n}.project`, out, 1);
    if (stride === 1 && inC === out) x.add(`${n}.add`, shortcut);
  });
  x.conv(`${prefix}.${blocks.length + 1}`, 6 * x.c, 1);
}

function mobilenetV3(blocks: Bneck[], lastC: number) {
  return (x: Cursor) => {
    mobilenetV3Body(x, blocks);
    x.gap("avgpool").dense("classifier.0", lastC).dense("classifier.3", 1000);
  };
}

/** Block tables, for detection and segmentation heads built on MobileNet v3. */
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
