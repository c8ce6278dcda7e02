/**
 * Network builder: a cursor that tracks the current feature map (H, W, C) and appends layers with
 * explicit input shapes, so family definitions read like the papers' tables instead of layer lists.
 * Branches share the layer list; `concat` and `add` join them and check that shapes agree.
 */
import { ValidationError } from "../../validate.ts";
import { convOutHW, poolOutHW } from "../gemm.ts";
import type { Conv2d, Eltwise, Layer, Pool } from "../layer.ts";
import { layerIssues } from "../shapes.ts";

/** A size given once for both axes, or as [height, width]. */
export type Pair = number | readonly [number, number];

/** Options of `Cursor.conv`. */
export interface ConvOpts {
  /** Stride in pixels (default 1). */
  stride?: Pair;
  /** Zero padding per side in pixels (default: "same" for stride 1, i.e. dilation*(k-1)/2). */
  pad?: Pair;
  /** Convolution groups; `"dw"` means depthwise (groups = input channels). Default 1. */
  groups?: number | "dw";
  /** Whether the conv has a bias vector (default false: followed by batch norm). */
  bias?: boolean;
  /** Dilation in pixels (default 1). */
  dilation?: number;
  /** Whether a batch norm follows (default: when there is no bias, as in torchvision). */
  bn?: boolean;
}

/** Options of `Cursor.pool`. */
export interface PoolOpts {
  /** Stride in pixels (default: the kernel size). */
  stride?: Pair;
  /** Zero padding per side in pixels (default 0). */
  pad?: Pair;
  /** Round the output size up (PyTorch ceil_mode). Default false. */
  ceil?: boolean;
}

const hw = (p: Pair): [number, number] => (typeof p === "number" ? [p, p] : [p[0], p[1]]);

/** Cursor over a feature map of `h` x `w` pixels and `c` channels, appending to a shared layer list. */
export class Cursor {
  constructor(
    readonly layers: Layer[],
    public h: number,
    public w: number,
    public c: number,
    readonly batch = 1,
  ) {}

  /** A cursor at the same feature map that appends to the same layer list (a branch). */
  branch(): Cursor {
    return new Cursor(this.layers, this.h, this.w, this.c, this.batch);
  }

  private push(l: Layer): void {
    const issues = layerIssues(l);
    if (issues.length) throw new ValidationError(`layer ${l.name}`, issues);
    this.layers.push(l);
  }

  /** Append a 2-D convolution with `outC` filters of size `k` and move to its output. */
  conv(name: string, outC: number, k: Pair, o: ConvOpts = {}): this {
    const [kh, kw] = hw(k);
    const d = o.dilation ?? 1;
    const [sh, sw] = hw(o.stride ?? 1);
    const [ph, pw] = hw(o.pad ?? [Math.floor((d * (kh - 1)) / 2), Math.floor((d * (kw - 1)) / 2)]);
    const groups = o.groups === "dw" ? this.c : o.groups ?? 1;
    const l: Conv2d = {
      kind: "conv2d",
      name,
      inputH: this.h,
      inputW: this.w,
      inputC: this.c,
      outputC: outC,
      kernelH: kh,
      kernelW: kw,
      strideH: sh,
      strideW: sw,
      padH: ph,
      padW: pw,
      dilationH: d,
      dilationW: d,
      groups,
      bias: o.bias ?? false,
      batch: this.batch,
    };
    this.push(l);
    [this.h, this.w] = convOutHW(l);
    this.c = outC;
    return (o.bn ?? !l.bias) ? this.norm(`${name}.bn`) : this;
  }

  /** A branch that sees only `channels` of the current channels (a channel split; no layer). */
  take(channels: number): Cursor {
    return new Cursor(this.layers, this.h, this.w, channels, this.batch);
  }

  /** Squeeze-and-excitation: global pool, two 1x1 convs with bias, channel-wise scale. */
  se(name: string, squeezeC: number): this {
    const s = this.branch().gap(`${name}.pool`);
    s.conv(`${name}.fc1`, squeezeC, 1, { bias: true }).conv(`${name}.fc2`, this.c, 1, {
      bias: true,
    });
    return this.eltwise(`${name}.scale`, "mul");
  }

  /** Batch norm over the current channels (2 parameters per channel, no MACs). */
  norm(name: string): this {
    return this.eltwise(name, "norm");
  }

  /** Append a max or average pooling layer with window `k` and move to its output. */
  pool(name: string, op: "max" | "avg", k: Pair, o: PoolOpts = {}): this {
    const [kh, kw] = hw(k);
    const [sh, sw] = hw(o.stride ?? k);
    const [ph, pw] = hw(o.pad ?? 0);
    const l: Pool = {
      kind: "pool",
      name,
      op,
      inputH: this.h,
      inputW: this.w,
      inputC: this.c,
      kernelH: kh,
      kernelW: kw,
      strideH: sh,
      strideW: sw,
      padH: ph,
      padW: pw,
      ceilMode: o.ceil ?? false,
      batch: this.batch,
    };
    this.push(l);
    [this.h, this.w] = poolOutHW(l);
    return this;
  }

  /** Global average pooling to 1 x 1. */
  gap(name: string): this {
    return this.pool(name, "avg", [this.h, this.w], { stride: 1 });
  }

  /** Fully connected layer on the flattened feature map (`tokens` rows share the weights). */
  dense(name: string, outFeatures: number, bias = true, tokens = 1): this {
    this.push({
      kind: "dense",
      name,
      inputFeatures: this.h * this.w * this.c,
      outputFeatures: outFeatures,
      tokens,
      bias,
      batch: this.batch,
    });
    [this.h, this.w, this.c] = [1, 1, outFeatures];
    return this;
  }

  /** A no-MAC shape-keeping or shape-changing bookkeeping layer. */
  eltwise(name: string, op: Eltwise["op"], outC = this.c, scale = 1): this {
    this.push({
      kind: "eltwise",
      name,
      op,
      inputH: this.h,
      inputW: this.w,
      inputC: this.c,
      outputC: outC,
      scale,
      batch: this.batch,
    });
    this.h *= scale;
    this.w *= scale;
    this.c = outC;
    return this;
  }

  /** Resize (bilinear interpolation) to `h` x `w` pixels; no MACs. */
  resize(name: string, h: number, w: number): this {
    this.push({
      kind: "eltwise",
      name,
      op: "upsample",
      inputH: this.h,
      inputW: this.w,
      inputC: this.c,
      outputC: this.c,
      scale: 1,
      outputH: h,
      outputW: w,
      batch: this.batch,
    });
    [this.h, this.w] = [h, w];
    return this;
  }

  /** A branch that sees the central `h` x `w` pixels of the current map (a crop; no layer). */
  crop(h: number, w: number): Cursor {
    if (h > this.h || w > this.w) {
      throw new ValidationError("crop", [`crop ${h}x${w} larger than the map ${this.h}x${this.w}`]);
    }
    return new Cursor(this.layers, h, w, this.c, this.batch);
  }

  /** Nearest-neighbour upsampling by an integer factor. */
  upsample(name: string, factor: number): this {
    return this.eltwise(name, "upsample", this.c, factor);
  }

  /** Element-wise add of `other` into this cursor; shapes (including channels) must agree. */
  add(name: string, other: Cursor): this {
    this.checkSame(name, [this, other], true);
    return this.eltwise(name, "add");
  }

  /** Channel concat of `parts` (in order); this cursor moves to the result. */
  concat(name: string, parts: Cursor[]): this {
    this.checkSame(name, parts, false);
    const c = parts.reduce((s, p) => s + p.c, 0);
    [this.h, this.w, this.c] = [parts[0].h, parts[0].w, parts[0].c];
    return this.eltwise(name, "concat", c);
  }

  private checkSame(name: string, parts: Cursor[], sameC: boolean): void {
    const [a] = parts;
    const issues: string[] = [];
    parts.forEach((p, i) => {
      if (p.h !== a.h) issues.push(`layer ${name}: input ${i} inputH ${p.h} != ${a.h}`);
      if (p.w !== a.w) issues.push(`layer ${name}: input ${i} inputW ${p.w} != ${a.w}`);
      if (sameC && p.c !== a.c) issues.push(`layer ${name}: input ${i} inputC ${p.c} != ${a.c}`);
    });
    if (issues.length) throw new ValidationError(`layer ${name}`, issues);
  }
}

/** Start a network at an input of `h` x `w` x `c` (batch items per layer: `batch`). */
export function start(h: number, w: number, c: number, batch = 1): Cursor {
  return new Cursor([], h, w, c, batch);
}

/** Round `v` to a multiple of `divisor`, not going below 90% of `v` (MobileNet/EfficientNet rule). */
export function makeDivisible(v: number, divisor = 8, min = divisor): number {
  const r = Math.max(min, Math.floor((v + divisor / 2) / divisor) * divisor);
  return r < 0.9 * v ? r + divisor : r;
}
