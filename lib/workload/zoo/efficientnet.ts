/**
 * EfficientNet B0-B7 and EfficientNetV2 S/M/L as torchvision builds them, each at the input size
 * its torchvision weights are evaluated at (B0 224 ... B7 600; V2 S 384, M/L 480).
 * MBConv: optional 1x1 expansion, depthwise conv, squeeze-excitation with
 * max(1, inputC / 4) channels, 1x1 projection. FusedMBConv (V2) replaces expansion + depthwise
 * by one full k x k conv and has no squeeze-excitation.
 */
import { type Cursor, makeDivisible } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** [fused, expansion, kernel, stride, input channels, output channels, repeats]. */
type Stage = [boolean, number, number, number, number, number, number];

const B0: Stage[] = [
  [false, 1, 3, 1, 32, 16, 1],
  [false, 6, 3, 2, 16, 24, 2],
  [false, 6, 5, 2, 24, 40, 2],
  [false, 6, 3, 2, 40, 80, 3],
  [false, 6, 5, 1, 80, 112, 3],
  [false, 6, 5, 2, 112, 192, 4],
  [false, 6, 3, 1, 192, 320, 1],
];

const V2: Record<string, Stage[]> = {
  s: [
    [true, 1, 3, 1, 24, 24, 2],
    [true, 4, 3, 2, 24, 48, 4],
    [true, 4, 3, 2, 48, 64, 4],
    [false, 4, 3, 2, 64, 128, 6],
    [false, 6, 3, 1, 128, 160, 9],
    [false, 6, 3, 2, 160, 256, 15],
  ],
  m: [
    [true, 1, 3, 1, 24, 24, 3],
    [true, 4, 3, 2, 24, 48, 5],
    [true, 4, 3, 2, 48, 80, 5],
    [false, 4, 3, 2, 80, 160, 7],
    [false, 6, 3, 1, 160, 176, 14],
    [false, 6, 3, 2, 176, 304, 18],
    [false, 6, 3, 1, 304, 512, 5],
  ],
  l: [
    [true, 1, 3, 1, 32, 32, 4],
    [true, 4, 3, 2, 32, 64, 7],
    [true, 4, 3, 2, 64, 96, 7],
    [false, 4, 3, 2, 96, 192, 10],
    [false, 6, 3, 1, 192, 224, 19],
    [false, 6, 3, 2, 224, 384, 25],
    [false, 6, 3, 1, 384, 640, 7],
  ],
};

function mbconv(
  x: Cursor,
  n: string,
  fused: boolean,
  e: number,
  k: number,
  s: number,
  out: number,
) {
  const inC = x.c;
  const shortcut = x.branch();
  const exp = makeDivisible(inC * e);
  if (fused) {
    x.conv(exp !== inC ? `${n}.fused` : `${n}.conv`, exp !== inC ? exp : out, k, { stride: s });
    if (exp !== inC) x.conv(`${n}.project`, out, 1);
  } else {
    if (exp !== inC) x.conv(`${n}.expand`, exp, 1);
    x.conv(`${n}.dw`, exp, k, { stride: s, groups: "dw" }).se(
      `${n}.se`,
      Math.max(1, Math.floor(inC / 4)),
    );
    x.conv(`${n}.project`, out, 1);
  }
  if (s === 1 && inC === out) x.add(`${n}.add`, shortcut);
}

function efficientnet(stages: Stage[], width: number, depth: number, headC: number) {
  const ch = (c: number) => makeDivisible(c * width);
  return (x: Cursor) => {
    x.conv("features.0", ch(stages[0][4]), 3, { stride: 2 });
    stages.forEach(([fused, e, k, s, _in, out, r], si) => {
      const reps = Math.ceil(r * depth);
      for (let i = 0; i < reps; i++) {
        mbconv(x, `features.${si + 1}.${i}`, fused, e, k, i === 0 ? s : 1, ch(out));
      }
    });
    x.conv(`features.${stages.length + 1}`, headC || 4 * x.c, 1).gap("avgpool");
    x.dense("classifier", 1000);
  };
}

/** [width multiplier, depth multiplier, input resolution] of B0..B7 (torchvision). */
const B: [number, number, number][] = [
  [1.0, 1.0, 224],
  [1.0, 1.1, 240],
  [1.1, 1.2, 288],
  [1.2, 1.4, 300],
  [1.4, 1.8, 380],
  [1.6, 2.2, 456],
  [1.8, 2.6, 528],
  [2.0, 3.1, 600],
];

/** EfficientNet B0..B7 and EfficientNetV2 S/M/L. */
export function efficientnetEntries(): ZooEntry[] {
  const v1 = B.map(([w, d, r], i) =>
    cnn(`efficientnet_b${i}`, "efficientnet", "classification", [r, r], efficientnet(B0, w, d, 0))
  );
  const v2 = (["s", "m", "l"] as const).map((v) =>
    cnn(
      `efficientnet_v2_${v}`,
      "efficientnet_v2",
      "classification",
      v === "s" ? [384, 384] : [480, 480],
      efficientnet(V2[v], 1, 1, 1280),
    )
  );
  return [...v1, ...v2];
}
