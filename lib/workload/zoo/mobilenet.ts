/**
 * MobileNet v1 (TF-slim: width multiplier x input resolution; not in torchvision) and
 * MobileNet v2 (torchvision). Depthwise convs are `groups = channels`.
 */
import { type Cursor, makeDivisible } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** MobileNet v1 depthwise-separable blocks as [pointwise filters, stride]. */
export const V1_BLOCKS: readonly (readonly [number, number])[] = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

function mobilenetV1(width: number) {
  // TF-slim scales depth as max(int(d * multiplier), 8).
  const d = (c: number) => Math.max(Math.floor(c * width), 8);
  return (x: Cursor) => {
    x.conv("conv0", d(32), 3, { stride: 2, pad: 1 });
    V1_BLOCKS.forEach(([c, s], i) => {
      x.conv(`block${i + 1}.dw`, x.c, 3, { stride: s, pad: 1, groups: "dw" });
      x.conv(`block${i + 1}.pw`, d(c), 1);
    });
    // TF-slim's logits are a 1x1 conv with bias on the pooled map, i.e. a dense layer.
    x.gap("avgpool").dense("fc", 1000);
  };
}

/** MobileNet v2 inverted residual settings [expansion t, channels c, repeats n, stride s]. */
const V2_SETTINGS: [number, number, number, number][] = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
];

/**
 * MobileNet v2 feature extractor at width multiplier `width` (channels rounded to multiples of 8;
 * the 1280-wide head conv is only ever widened). Returns, per block index i, a branch after the
 * block's expansion conv (the SSDLite head taps block 14's, "layer_15/expansion_output").
 */
export function mobilenetV2Body(x: Cursor, width = 1): Map<number, Cursor> {
  const taps = new Map<number, Cursor>();
  x.conv("features.0", makeDivisible(32 * width), 3, { stride: 2 });
  let i = 1;
  for (const [t, c, n, s] of V2_SETTINGS) {
    for (let r = 0; r < n; r++, i++) {
      const name = `features.${i}`;
      const inC = x.c;
      const outC = makeDivisible(c * width);
      const shortcut = x.branch();
      const stride = r === 0 ? s : 1;
      if (t !== 1) taps.set(i, x.conv(`${name}.expand`, inC * t, 1).branch());
      x.conv(`${name}.dw`, x.c, 3, { stride, groups: "dw" }).conv(`${name}.project`, outC, 1);
      if (stride === 1 && inC === outC) x.add(`${name}.add`, shortcut);
    }
  }
  x.conv(`features.${i}`, makeDivisible(1280 * Math.max(1, width)), 1);
  return taps;
}

function mobilenetV2(width: number) {
  return (x: Cursor) => {
    mobilenetV2Body(x, width);
    x.gap("avgpool").dense("classifier", 1000);
  };
}

const V1_WIDTHS = [1.0, 0.75, 0.5, 0.25];
const V1_RESOLUTIONS = [224, 192, 160, 128];

/** TF-slim's published MobileNet v2 checkpoints as [width, resolutions] (1.0 at 224 is `mobilenet_v2`). */
const V2_VARIANTS: [number, number[]][] = [
  [1.4, [224]],
  [1.3, [224]],
  [1.0, [192, 160, 128, 96]],
  [0.75, [224, 192, 160, 128, 96]],
  [0.5, [224, 192, 160, 128, 96]],
  [0.35, [224, 192, 160, 128, 96]],
];

const widthTag = (w: number) => (Number.isInteger(w * 10) ? w.toFixed(1) : w.toFixed(2));

/** MobileNet v1 (4 widths x 4 resolutions), MobileNet v2 (torchvision) and its TF-slim variants. */
export function mobilenetEntries(): ZooEntry[] {
  const c = "classification" as const;
  const v1 = V1_WIDTHS.flatMap((w) =>
    V1_RESOLUTIONS.map((r) =>
      cnn(`mobilenet_v1_${widthTag(w)}_${r}`, "mobilenet_v1", c, [r, r], mobilenetV1(w))
    )
  );
  const v2 = V2_VARIANTS.flatMap(([w, rs]) =>
    rs.map((r) =>
      cnn(`mobilenet_v2_${widthTag(w)}_${r}`, "mobilenet_v2", c, [r, r], mobilenetV2(w))
    )
  );
  return [...v1, cnn("mobilenet_v2", "mobilenet_v2", c, [224, 224], mobilenetV2(1)), ...v2];
}
