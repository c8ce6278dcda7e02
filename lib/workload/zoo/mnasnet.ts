/**
 * MnasNet-A1 without squeeze-excitation ("B1"), as torchvision builds it, at depth multipliers
 * 0.5, 0.75, 1.0, 1.3 (channels rounded to multiples of 8, never below 90%).
 */
import { type Cursor, makeDivisible } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

/** Stacks as [out-depth index, kernel, stride, expansion, repeats]. */
const STACKS: [number, number, number, number, number][] = [
  [2, 3, 2, 3, 3],
  [3, 5, 2, 3, 3],
  [4, 5, 2, 6, 3],
  [5, 3, 1, 6, 2],
  [6, 5, 2, 6, 4],
  [7, 3, 1, 6, 1],
];
const BASE_DEPTHS = [32, 16, 24, 40, 80, 96, 192, 320];

function mnasnet(alpha: number) {
  const d = BASE_DEPTHS.map((c) => makeDivisible(c * alpha, 8));
  return (x: Cursor) => {
    x.conv("layers.0", d[0], 3, { stride: 2 }).conv("layers.3", d[0], 3, { groups: "dw" });
    x.conv("layers.6", d[1], 1);
    STACKS.forEach(([o, k, s, e, r], si) => {
      for (let i = 0; i < r; i++) {
        const n = `stack${si}.${i}`;
        const inC = x.c;
        const shortcut = x.branch();
        const stride = i === 0 ? s : 1;
        x.conv(`${n}.expand`, inC * e, 1).conv(`${n}.dw`, inC * e, k, { stride, groups: "dw" });
        x.conv(`${n}.project`, d[o], 1);
        if (stride === 1 && inC === d[o]) x.add(`${n}.add`, shortcut);
      }
    });
    x.conv("layers.14", 1280, 1).gap("avgpool").dense("classifier", 1000);
  };
}

/** MnasNet 0.5 / 0.75 / 1.0 / 1.3. */
export function mnasnetEntries(): ZooEntry[] {
  return ([["0_5", 0.5], ["0_75", 0.75], ["1_0", 1.0], ["1_3", 1.3]] as const).map(([n, a]) =>
    cnn(`mnasnet${n}`, "mnasnet", "classification", [224, 224], mnasnet(a))
  );
}
