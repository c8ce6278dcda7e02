/**
 * RegNetX and RegNetY (Radosavovic et al. 2020) as torchvision builds them: stage widths and
 * depths come from the quantized linear rule w_j = w0 + wa * j, snapped to w0 * wm^k and to
 * multiples of 8; every block is a bottleneck (ratio 1) with grouped 3x3 conv of fixed group
 * width; RegNetY adds squeeze-excitation with 1/4 of the block's input width.
 */
import { type Cursor, makeDivisible } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

interface RegNetSpec {
  depth: number;
  w0: number;
  wa: number;
  wm: number;
  groupWidth: number;
  se: boolean;
}

/** Round half to even, as torch.round does. */
function roundEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Per-stage [width, depth, group width] from the RegNet design-space parameters. */
export function regnetStages(s: RegNetSpec): [number, number, number][] {
  const widths: number[] = [];
  for (let j = 0; j < s.depth; j++) {
    const k = roundEven(Math.log((s.w0 + s.wa * j) / s.w0) / Math.log(s.wm));
    widths.push(roundEven((s.w0 * Math.pow(s.wm, k)) / 8) * 8);
  }
  const stages: [number, number, number][] = [];
  for (const w of widths) {
    const last = stages[stages.length - 1];
    if (last && last[0] === w) last[1]++;
    else stages.push([w, 1, 0]);
  }
  // Make widths compatible with the group width (bottleneck ratio 1).
  return stages.map(([w, d]) => {
    const g = Math.min(s.groupWidth, w);
    return [makeDivisible(w, g), d, g];
  });
}

function block(x: Cursor, n: string, w: number, stride: number, g: number, se: boolean): void {
  const shortcut = x.branch();
  const inC = x.c;
  if (inC !== w || stride !== 1) shortcut.conv(`${n}.proj`, w, 1, { stride });
  x.conv(`${n}.a`, w, 1).conv(`${n}.b`, w, 3, { stride, groups: w / g });
  if (se) x.se(`${n}.se`, Math.round(0.25 * inC));
  x.conv(`${n}.c`, w, 1).add(`${n}.add`, shortcut);
}

function regnet(s: RegNetSpec) {
  return (x: Cursor) => {
    x.conv("stem", 32, 3, { stride: 2 });
    regnetStages(s).forEach(([w, d, g], si) => {
      for (let i = 0; i < d; i++) {
        block(x, `trunk.block${si + 1}.${i}`, w, i === 0 ? 2 : 1, g, s.se);
      }
    });
    x.gap("avgpool").dense("fc", 1000);
  };
}

/** torchvision's RegNet configurations: [depth, w0, wa, wm, group width]. */
const CONFIGS: Record<string, [number, number, number, number, number]> = {
  regnet_y_400mf: [16, 48, 27.89, 2.09, 8],
  regnet_y_800mf: [14, 56, 38.84, 2.4, 16],
  regnet_y_1_6gf: [27, 48, 20.71, 2.65, 24],
  regnet_y_3_2gf: [21, 80, 42.63, 2.66, 24],
  regnet_y_8gf: [17, 192, 76.82, 2.19, 56],
  regnet_y_16gf: [18, 200, 106.23, 2.48, 112],
  regnet_y_32gf: [20, 232, 115.89, 2.53, 232],
  regnet_y_128gf: [27, 456, 160.83, 2.52, 264],
  regnet_x_400mf: [22, 24, 24.48, 2.54, 16],
  regnet_x_800mf: [16, 56, 35.73, 2.28, 16],
  regnet_x_1_6gf: [18, 80, 34.01, 2.25, 24],
  regnet_x_3_2gf: [25, 88, 26.31, 2.25, 48],
  regnet_x_8gf: [23, 80, 49.56, 2.88, 120],
  regnet_x_16gf: [22, 216, 55.59, 2.1, 128],
  regnet_x_32gf: [23, 320, 69.86, 2.0, 168],
};

/** RegNetY 400MF..128GF and RegNetX 400MF..32GF. */
export function regnetEntries(): ZooEntry[] {
  return Object.entries(CONFIGS).map(([name, [depth, w0, wa, wm, groupWidth]]) => {
    const se = name.startsWith("regnet_y");
    const spec = { depth, w0, wa, wm, groupWidth, se };
    return cnn(name, se ? "regnet_y" : "regnet_x", "classification", [224, 224], regnet(spec));
  });
}
