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

function block(
  x: Cursor,
  name: string,
  planes: number,
  stride: number,
  dil: number,
  s: ResNetSpec,
) {
  const outC = s.bottleneck ? planes * 4 : planes;
  const shortcut = x.branch();
  if (stride !== 1 || x.c !== outC) {
    shortcut.conv(`${name}.downsample`, outC, 1, { stride });
  }
  if (s.bottleneck) {
    const width = Math.floor(planes * (s.widthPerGroup / 64)) * s.groups;
    x.conv(`${name}.conv1`, width, 1);
    x.conv(`${name}.conv2`, width, 3, { stride, groups: s.groups, dilation: dil });
    x.conv(`${name}.conv3`, outC, 1);
  } else {
    x.conv(`${name}.conv1`, planes, 3, { stride }).conv(`${name}.conv2`, planes, 3);
  }
  x.add(`${name}.add`, shortcut);
}

/**
 * Stem and the four stages of ResNet `name`; returns a branch at the output of stage 3.
 * `dilated` replaces the strides of stages 3 and 4 by dilation 2 and 4 (output stride 8), as
 * torchvision's segmentation backbones do: a stage's first block keeps the previous dilation.
 */
export function resnetBackbone(x: Cursor, name: string, dilated = false): Cursor {
  const s = SPECS[name];
  x.conv("conv1", 64, 7, { stride: 2, pad: 3 }).pool("maxpool", "max", 3, { stride: 2, pad: 1 });
  let dil = 1;
  let stage3 = x;
  s.blocks.forEach((n, stage) => {
    const planes = 64 << stage;
    const dilate = dilated && stage >= 2;
    const prevDil = dil;
    if (dilate) dil *= 2;
    for (let i = 0; i < n; i++) {
      const stride = i === 0 && stage > 0 && !dilate ? 2 : 1;
      block(x, `layer${stage + 1}.${i}`, planes, stride, i === 0 ? prevDil : dil, s);
    }
    if (stage === 2) stage3 = x.branch();
  });
  return stage3;
}

function resnet(name: string) {
  return (x: Cursor) => {
    resnetBackbone(x, name);
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
  return Object.keys(SPECS).map((n) =>
    cnn(n, familyOf(n), "classification", [224, 224], resnet(n))
  );
}
