/**
 * Cross-field checks that zod's per-field schema cannot express, and the validated entry points
 * `parseLayer` / `parseNetwork` that every user-facing loader goes through.
 */
import { parseWith, ValidationError } from "../validate.ts";
import { flowIssues } from "./flow.ts";
import { convOutHW, poolOutHW } from "./gemm.ts";
import { type Layer, LayerSchema, type Network, NetworkSchema } from "./layer.ts";

/** Problems with one parsed layer, each as "layer NAME: field value ..."; empty when valid. */
export function layerIssues(l: Layer): string[] {
  const out: string[] = [];
  const tag = `layer ${l.name}`;
  if (l.kind === "conv2d") {
    const spanH = l.dilationH * (l.kernelH - 1) + 1;
    const spanW = l.dilationW * (l.kernelW - 1) + 1;
    const padH = l.inputH + 2 * l.padH;
    const padW = l.inputW + 2 * l.padW;
    if (spanH > padH) out.push(`${tag}: kernelH ${l.kernelH} > padded inputH ${padH}`);
    if (spanW > padW) out.push(`${tag}: kernelW ${l.kernelW} > padded inputW ${padW}`);
    if (l.inputC % l.groups !== 0) {
      out.push(`${tag}: inputC ${l.inputC} not divisible by groups ${l.groups}`);
    }
    if (l.outputC % l.groups !== 0) {
      out.push(`${tag}: outputC ${l.outputC} not divisible by groups ${l.groups}`);
    }
    if (out.length === 0) {
      const [oh, ow] = convOutHW(l);
      if (oh < 1 || ow < 1) out.push(`${tag}: output ${oh}x${ow} is empty`);
    }
  } else if (l.kind === "pool") {
    const padH = l.inputH + 2 * l.padH;
    const padW = l.inputW + 2 * l.padW;
    if (l.kernelH > padH) out.push(`${tag}: kernelH ${l.kernelH} > padded inputH ${padH}`);
    if (l.kernelW > padW) out.push(`${tag}: kernelW ${l.kernelW} > padded inputW ${padW}`);
    if (out.length === 0) {
      const [oh, ow] = poolOutHW(l);
      if (oh < 1 || ow < 1) out.push(`${tag}: output ${oh}x${ow} is empty`);
    }
  }
  return out;
}

/** Parse and check one layer; throws ValidationError naming the field and value. */
export function parseLayer(input: unknown): Layer {
  const l = parseWith(LayerSchema, input, "layer");
  const issues = layerIssues(l);
  if (issues.length) throw new ValidationError("layer", issues);
  return l;
}

/** Options of `parseNetwork`. */
export interface ParseNetworkOptions {
  /**
   * Also check that shapes chain from layer to layer (`flowIssues`); default false, because
   * SCALE-Sim topologies leave out pooling and so never chain. The zoo checks every model.
   */
  checkFlow?: boolean;
}

/** Parse and check a whole network; every issue of every layer is reported at once. */
export function parseNetwork(input: unknown, opts: ParseNetworkOptions = {}): Network {
  const net = parseWith(NetworkSchema, input, "network");
  const issues = net.layers.flatMap(layerIssues);
  if (opts.checkFlow && issues.length === 0) issues.push(...flowIssues(net));
  const seen = new Set<string>();
  for (const l of net.layers) {
    if (seen.has(l.name)) issues.push(`layer ${l.name}: duplicate name`);
    seen.add(l.name);
  }
  if (issues.length) throw new ValidationError(`network ${net.name}`, issues);
  return net;
}
