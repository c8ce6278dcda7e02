/**
 * Shape flow through a network: every conv, pool and eltwise layer must read a tensor that the
 * network input or an earlier layer produced (same height, width and channels), and every dense
 * layer a feature count that some earlier tensor has (its channels, or all of it flattened).
 *
 * Layers carry their own input shapes, so a network can be costed without this check; it catches
 * hand-written networks whose declared shapes do not chain. SCALE-Sim topologies leave out pooling
 * and element-wise layers, so they do not chain and are not checked (`parseNetwork` runs this only
 * when asked). Channel splits (ShuffleNet) and GEMMs between activations are not checked.
 */
import { convOutHW, poolOutHW } from "./gemm.ts";
import type { Layer, Network } from "./layer.ts";

const key = (h: number, w: number, c: number) => `${h}x${w}x${c}`;

/** Input and output tensor of a layer as [h, w, c], or null for dense/gemm layers. */
function tensors(
  l: Layer,
): { input: [number, number, number]; output: [number, number, number] } | null {
  switch (l.kind) {
    case "conv2d": {
      const [oh, ow] = convOutHW(l);
      return { input: [l.inputH, l.inputW, l.inputC], output: [oh, ow, l.outputC] };
    }
    case "pool": {
      const [oh, ow] = poolOutHW(l);
      return { input: [l.inputH, l.inputW, l.inputC], output: [oh, ow, l.inputC] };
    }
    case "eltwise": {
      const oh = l.outputH ?? l.inputH * l.scale;
      const ow = l.outputW ?? l.inputW * l.scale;
      return { input: [l.inputH, l.inputW, l.inputC], output: [oh, ow, l.outputC] };
    }
    default:
      return null;
  }
}

/** Layers whose input no earlier tensor provides, as "layer NAME: input HxWxC ..." messages. */
export function flowIssues(net: Network): string[] {
  const shapes = new Set([key(net.input.h, net.input.w, net.input.c)]);
  const features = new Set([net.input.c, net.input.h * net.input.w * net.input.c]);
  const issues: string[] = [];
  for (const l of net.layers) {
    if (l.kind === "dense") {
      if (!features.has(l.inputFeatures)) {
        issues.push(
          `layer ${l.name}: inputFeatures ${l.inputFeatures} matches no earlier tensor's channels or size`,
        );
      }
      features.add(l.outputFeatures);
      shapes.add(key(1, 1, l.outputFeatures));
      continue;
    }
    const t = tensors(l);
    if (!t) continue;
    const [h, w, c] = t.input;
    // An eltwise concat reads several tensors; only its spatial size must exist already.
    const known = l.kind === "eltwise" && l.op === "concat"
      ? [...shapes].some((s) => s.startsWith(`${h}x${w}x`))
      : shapes.has(key(h, w, c));
    if (!known) {
      issues.push(
        `layer ${l.name}: input ${h}x${w}x${c} (inputH x inputW x inputC) matches no earlier output`,
      );
    }
    shapes.add(key(...t.output));
    features.add(t.output[2]).add(t.output[0] * t.output[1] * t.output[2]);
  }
  return issues;
}
