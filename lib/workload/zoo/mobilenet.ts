/**
 * MobileNet v1 (TF-slim: width multiplier x input resolution; not in torchvision) and
 * MobileNet v2 (torchvision). Depthwise convs are `groups = channels`.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** MobileNet v1 depthwise-separable blocks as [pointwise filters, stride]. */
const V1_BLOCKS: [number, number][] = [
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

function mobilenetV2(x: Cursor): void {
  x.conv("features.0", 32, 3, { stride: 2 });
  let i = 1;
  for (const [t, c, n, s] of V2_SETTINGS) {
    for (let r = 0; r < n; r++, i++) {
      const name = `features.${i}`;
      const inC = x.c;
      const shortcut = x.branch();
      const stride = r === 0 ? s : 1;
      if (t !== 1) x.conv(`${name}.expand`, inC * t, 1);
      x.conv(`${name}.dw`, x.c, 3, { stride, groups: "dw" }).conv(`${name}.project`, c, 1);
      if (stride === 1 && inC === c) x.add(`${name}.add`, shortcut);
    }
  }
  x.conv(`features.${i}`, 1280, 1).gap("avgpool").dense("classifier", 1000);
}

const V1_WIDTHS = [1.0, 0.75, 0.5, 0.25];
const V1_RESOLUTIONS = [224, 192, 160, 128];

/** MobileNet v1 (4 widths x 4 resolutions) and MobileNet v2. */
export function mobilenetEntries(): ZooEntry[] {
  const v1 = V1_WIDTHS.flatMap((w) =>
    V1_RESOLUTIONS.map((r) =>
      cnn(
        `mobilenet_v1_${w.toFixed(w === 1 || w === 0.5 ? 1 : 2)}_${r}`,
        "mobilenet_v1",
        "classification",
        [r, r],
        mobilenetV1(w),
      )
    )
  );
  return [...v1, cnn("mobilenet_v2", "mobilenet_v2", "classification", [224, 224], mobilenetV2)];
}
