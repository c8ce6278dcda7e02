/**
 * ResNet, ResNeXt and Wide ResNet as torchvision builds them: ResNet v1.5, i.e. a bottleneck
 * block puts its stride on the 3x3 conv (the paper's v1 puts it on the first 1x1), and a 1x1
 * projection shortcut appears wherever the stride or channel count changes.
 */
import type { Cursor } from "./builder.ts";
import { cnn, type ZooEntry } from "./types.ts";

interface ResNetSpec {
  bottleneck: boolean;
  blocks: [number, number, number, number];
  /** 3x3 conv groups (ResNeXt cardinality). */
  groups: number;
  /** Channels per group of the 3x3 conv at the first stage (64 = plain ResNet). */
  widthPerGroup: number;
}

function block(x: Cursor, name: string, planes: number, stride: number, s: ResNetSpec): void {
  const outC = s.bottleneck ? planes * 4 : planes;
  const shortcut = x.branch();
  if (stride !== 1 || x.c !== outC) {
    shortcut.conv(`${name}.downsample`, outC, 1, { stride });
  }
  if (s.bottleneck) {
    const width = Math.floor(planes * (s.widthPerGroup / 64)) * s.groups;
    x.conv(`${name}.conv1`, width, 1);
    x.conv(`${name}.conv2`, width, 3, { stride, groups: s.groups });
    x.conv(`${name}.conv3`, outC, 1);
  } else {
    x.conv(`${name}.conv1`, planes, 3, { stride }).conv(`${name}.conv2`, planes, 3);
  }
  x.add(`${name}.add`, shortcut);
}

function resnet(s: ResNetSpec) {
  return (x: Cursor) => {
    x.conv("conv1", 64, 7, { stride: 2, pad: 3 }).pool("maxpool", "max", 3, { stride: 2, pad: 1 });
    s.blocks.forEach((n, stage) => {
      const planes = 64 << stage;
      for (let i = 0; i < n; i++) {
        block(x, `layer${stage + 1}.${i}`, planes, i === 0 && stage > 0 ? 2 : 1, s);
      }
    });
    x.gap("avgpool").dense("fc", 1000);
  };
}

const SPECS: Record<string, ResNetSpec> = {
  resnet18: { bottleneck: false, blocks: [2, 2, 2, 2], groups: 1, widthPerGroup: 64 },
  resnet34: { bottleneck: false, blocks: [3, 4, 6, 3], groups: 1, widthPerGroup: 64 },
  resnet50: { bottleneck: true, blocks: [3, 4, 6, 3], groups: 1, widthPerGroup: 64 },
  resnet101: { bottleneck: true, blocks: [3, 4, 23, 3], groups: 1, widthPerGroup: 64 },
  resnet152: { bottleneck: true, blocks: [3, 8, 36, 3], groups: 1, widthPerGroup: 64 },
  resnext50_32x4d: { bottleneck: true, blocks: [3, 4, 6, 3], groups: 32, widthPerGroup: 4 },
  resnext101_32x8d: { bottleneck: true, blocks: [3, 4, 23, 3], groups: 32, widthPerGroup: 8 },
  resnext101_64x4d: { bottleneck: true, blocks: [3, 4, 23, 3], groups: 64, widthPerGroup: 4 },
  wide_resnet50_2: { bottleneck: true, blocks: [3, 4, 6, 3], groups: 1, widthPerGroup: 128 },
  wide_resnet101_2: { bottleneck: true, blocks: [3, 4, 23, 3], groups: 1, widthPerGroup: 128 },
};

const familyOf = (n: string) =>
  n.startsWith("resnext") ? "resnext" : n.startsWith("wide") ? "wide_resnet" : "resnet";

/** ResNet-18/34/50/101/152, ResNeXt-50/101, Wide ResNet-50/101. */
export function resnetEntries(): ZooEntry[] {
  return Object.entries(SPECS).map(([n, s]) =>
    cnn(n, familyOf(n), "classification", [224, 224], resnet(s))
  );
}
