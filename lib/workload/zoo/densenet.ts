/**
 * DenseNet-121/161/169/201 as torchvision builds them: pre-activation layers (batch norm, ReLU,
 * conv), a 1x1 bottleneck of 4 x growth channels, transitions that halve channels and pool 2x2.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

interface DenseSpec {
  growth: number;
  blocks: number[];
  initC: number;
}

function denseLayer(x: Cursor, n: string, growth: number): void {
  // norm1 -> conv1 (its output is normalised by norm2) -> conv2; the result joins the input.
  const y = x.branch().norm(`${n}.norm1`).conv(`${n}.conv1`, 4 * growth, 1);
  y.conv(`${n}.conv2`, growth, 3, { bn: false });
  x.concat(`${n}.concat`, [x.branch(), y]);
}

function densenet(s: DenseSpec) {
  return (x: Cursor) => {
    x.conv("conv0", s.initC, 7, { stride: 2, pad: 3 }).pool("pool0", "max", 3, {
      stride: 2,
      pad: 1,
    });
    s.blocks.forEach((n, b) => {
      for (let i = 0; i < n; i++) denseLayer(x, `denseblock${b + 1}.layer${i + 1}`, s.growth);
      if (b < s.blocks.length - 1) {
        const t = `transition${b + 1}`;
        x.norm(`${t}.norm`).conv(`${t}.conv`, Math.floor(x.c / 2), 1, { bn: false });
        x.pool(`${t}.pool`, "avg", 2);
      }
    });
    x.norm("norm5").gap("avgpool").dense("classifier", 1000);
  };
}

const SPECS: Record<string, DenseSpec> = {
  densenet121: { growth: 32, blocks: [6, 12, 24, 16], initC: 64 },
  densenet161: { growth: 48, blocks: [6, 12, 36, 24], initC: 96 },
  densenet169: { growth: 32, blocks: [6, 12, 32, 32], initC: 64 },
  densenet201: { growth: 32, blocks: [6, 12, 48, 32], initC: 64 },
};

/** DenseNet-121/161/169/201. */
export function densenetEntries(): ZooEntry[] {
  return Object.entries(SPECS).map(([n, s]) =>
    cnn(n, "densenet", "classification", [224, 224], densenet(s))
  );
}
