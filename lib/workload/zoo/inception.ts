/**
 * Inception v3 as torchvision builds it (299 x 299 input, batch-normed convs without bias).
 * The auxiliary classifier runs only in training, so it is not part of the inference network
 * unless `auxHeads` asks for it; torchvision's published parameter count includes it (see
 * data/torchvision-models.csv).
 */
import type { Cursor } from "./builder.ts";
import { type BuildOpts, cnn, type ZooEntry } from "./types.ts";

type Branch = (b: Cursor) => Cursor;

/** Run each branch from the current map and concatenate the results. */
function mix(x: Cursor, name: string, branches: Branch[]): void {
  const outs = branches.map((f) => f(x.branch()));
  x.concat(`${name}.concat`, outs);
}

const avgProj = (n: string, c: number): Branch => (b) =>
  b.pool(`${n}.branch_pool.pool`, "avg", 3, { stride: 1, pad: 1 }).conv(`${n}.branch_pool`, c, 1);

function mixedA(x: Cursor, n: string, poolC: number): void {
  mix(x, n, [
    (b) => b.conv(`${n}.branch1x1`, 64, 1),
    (b) => b.conv(`${n}.branch5x5_1`, 48, 1).conv(`${n}.branch5x5_2`, 64, 5),
    (b) =>
      b.conv(`${n}.branch3x3dbl_1`, 64, 1).conv(`${n}.branch3x3dbl_2`, 96, 3)
        .conv(`${n}.branch3x3dbl_3`, 96, 3),
    avgProj(n, poolC),
  ]);
}

function mixedB(x: Cursor, n: string): void {
  mix(x, n, [
    (b) => b.conv(`${n}.branch3x3`, 384, 3, { stride: 2, pad: 0 }),
    (b) =>
      b.conv(`${n}.branch3x3dbl_1`, 64, 1).conv(`${n}.branch3x3dbl_2`, 96, 3)
        .conv(`${n}.branch3x3dbl_3`, 96, 3, { stride: 2, pad: 0 }),
    (b) => b.pool(`${n}.branch_pool`, "max", 3, { stride: 2 }),
  ]);
}

function mixedC(x: Cursor, n: string, c7: number): void {
  mix(x, n, [
    (b) => b.conv(`${n}.branch1x1`, 192, 1),
    (b) =>
      b.conv(`${n}.branch7x7_1`, c7, 1).conv(`${n}.branch7x7_2`, c7, [1, 7])
        .conv(`${n}.branch7x7_3`, 192, [7, 1]),
    (b) =>
      b.conv(`${n}.branch7x7dbl_1`, c7, 1).conv(`${n}.branch7x7dbl_2`, c7, [7, 1])
        .conv(`${n}.branch7x7dbl_3`, c7, [1, 7]).conv(`${n}.branch7x7dbl_4`, c7, [7, 1])
        .conv(`${n}.branch7x7dbl_5`, 192, [1, 7]),
    avgProj(n, 192),
  ]);
}

function mixedD(x: Cursor, n: string): void {
  mix(x, n, [
    (b) =>
      b.conv(`${n}.branch3x3_1`, 192, 1).conv(`${n}.branch3x3_2`, 320, 3, { stride: 2, pad: 0 }),
    (b) =>
      b.conv(`${n}.branch7x7x3_1`, 192, 1).conv(`${n}.branch7x7x3_2`, 192, [1, 7])
        .conv(`${n}.branch7x7x3_3`, 192, [7, 1])
        .conv(`${n}.branch7x7x3_4`, 192, 3, { stride: 2, pad: 0 }),
    (b) => b.pool(`${n}.branch_pool`, "max", 3, { stride: 2 }),
  ]);
}

/** 1x3 and 3x1 convs side by side on the same input, concatenated. */
function split13(b: Cursor, n: string): Cursor {
  const l = b.branch().conv(`${n}a`, 384, [1, 3]);
  const r = b.branch().conv(`${n}b`, 384, [3, 1]);
  return b.concat(`${n}.concat`, [l, r]);
}

function mixedE(x: Cursor, n: string): void {
  mix(x, n, [
    (b) => b.conv(`${n}.branch1x1`, 320, 1),
    (b) => split13(b.conv(`${n}.branch3x3_1`, 384, 1), `${n}.branch3x3_2`),
    (b) =>
      split13(
        b.conv(`${n}.branch3x3dbl_1`, 448, 1).conv(`${n}.branch3x3dbl_2`, 384, 3),
        `${n}.branch3x3dbl_3`,
      ),
    avgProj(n, 192),
  ]);
}

/** torchvision's InceptionAux on Mixed_6e: 5x5/3 avg pool, 1x1 conv 128, 5x5 conv 768, fc. */
function auxLogits(x: Cursor): void {
  x.branch().pool("AuxLogits.pool", "avg", 5, { stride: 3 }).conv("AuxLogits.conv0", 128, 1)
    .conv("AuxLogits.conv1", 768, 5, { pad: 0 }).gap("AuxLogits.avgpool").dense(
      "AuxLogits.fc",
      1000,
    );
}

function inceptionV3(x: Cursor, o: BuildOpts): void {
  x.conv("Conv2d_1a_3x3", 32, 3, { stride: 2, pad: 0 }).conv("Conv2d_2a_3x3", 32, 3, { pad: 0 });
  x.conv("Conv2d_2b_3x3", 64, 3).pool("maxpool1", "max", 3, { stride: 2 });
  x.conv("Conv2d_3b_1x1", 80, 1).conv("Conv2d_4a_3x3", 192, 3, { pad: 0 });
  x.pool("maxpool2", "max", 3, { stride: 2 });
  mixedA(x, "Mixed_5b", 32);
  mixedA(x, "Mixed_5c", 64);
  mixedA(x, "Mixed_5d", 64);
  mixedB(x, "Mixed_6a");
  [128, 160, 160, 192].forEach((c7, i) => mixedC(x, `Mixed_6${"bcde"[i]}`, c7));
  if (o.auxHeads) auxLogits(x);
  mixedD(x, "Mixed_7a");
  mixedE(x, "Mixed_7b");
  mixedE(x, "Mixed_7c");
  x.gap("avgpool").dense("fc", 1000);
}

/** Inception v3. */
export function inceptionEntries(): ZooEntry[] {
  return [cnn("inception_v3", "inception", "classification", [299, 299], inceptionV3)];
}
