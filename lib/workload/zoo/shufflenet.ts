/**
 * ShuffleNet v2 x0.5/x1.0/x1.5/x2.0 as torchvision builds them. A stride-1 unit splits the
 * channels in half (one half passes through); a stride-2 unit runs two branches on the full
 * input. The channel shuffle is a permutation without MACs and is recorded with the concat.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

function unit(x: Cursor, n: string, outC: number, stride: number): void {
  const half = outC / 2;
  let left: Cursor;
  let right: Cursor;
  if (stride > 1) {
    left = x.branch().conv(`${n}.branch1.dw`, x.c, 3, { stride, groups: "dw" });
    left.conv(`${n}.branch1.pw`, half, 1);
    right = x.branch();
  } else {
    left = x.take(half);
    right = x.take(half);
  }
  right.conv(`${n}.branch2.pw1`, half, 1).conv(`${n}.branch2.dw`, half, 3, {
    stride,
    groups: "dw",
  });
  right.conv(`${n}.branch2.pw2`, half, 1);
  x.concat(`${n}.concat_shuffle`, [left, right]);
}

function shufflenet(widths: [number, number, number, number]) {
  return (x: Cursor) => {
    x.conv("conv1", 24, 3, { stride: 2 }).pool("maxpool", "max", 3, { stride: 2, pad: 1 });
    [4, 8, 4].forEach((n, s) => {
      for (let i = 0; i < n; i++) unit(x, `stage${s + 2}.${i}`, widths[s], i === 0 ? 2 : 1);
    });
    x.conv("conv5", widths[3], 1).gap("avgpool").dense("fc", 1000);
  };
}

const WIDTHS: Record<string, [number, number, number, number]> = {
  "x0_5": [48, 96, 192, 1024],
  "x1_0": [116, 232, 464, 1024],
  "x1_5": [176, 352, 704, 1024],
  "x2_0": [244, 488, 976, 2048],
};

/** ShuffleNet v2 at four widths. */
export function shufflenetEntries(): ZooEntry[] {
  return Object.entries(WIDTHS).map(([w, s]) =>
    cnn(`shufflenet_v2_${w}`, "shufflenet_v2", "classification", [224, 224], shufflenet(s))
  );
}
