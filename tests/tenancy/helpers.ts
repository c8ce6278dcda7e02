/** Tiny networks and arrays for the tenancy tests, small enough to follow by hand. */
import { type Accelerator, defaultAccelerator } from "../../lib/arch/accelerator.ts";
import type { Network } from "../../lib/workload/layer.ts";
import { parseNetwork } from "../../lib/workload/shapes.ts";

/** An 8 x 8 WS array with a DRAM port so wide that stalls are one cycle per layer. */
export function tinyArray(over: Record<string, unknown> = {}): Accelerator {
  return defaultAccelerator(8, 8, { dramBandwidthBytesPerCycle: 1e9, ...over });
}

/** A network of dense layers (M = 1): `shapes` are [K inputs, N outputs] per layer. */
export function denseNet(name: string, shapes: [number, number][]): Network {
  return parseNetwork({
    name,
    family: "test",
    task: "classification",
    input: { h: 1, w: 1, c: shapes[0][0] },
    layers: shapes.map(([k, n], i) => ({
      kind: "dense",
      name: `fc${i + 1}`,
      inputFeatures: k,
      outputFeatures: n,
    })),
  });
}

/** A small conv net whose layers use few columns (good for sharing an array). */
export function convNet(name: string, channels: number[]): Network {
  let c = 3;
  const layers = channels.map((out, i) => {
    const l = {
      kind: "conv2d" as const,
      name: `conv${i + 1}`,
      inputH: 16,
      inputW: 16,
      inputC: c,
      outputC: out,
      kernelH: 3,
      kernelW: 3,
      padH: 1,
      padW: 1,
    };
    c = out;
    return l;
  });
  return parseNetwork({
    name,
    family: "test",
    task: "classification",
    input: { h: 16, w: 16, c: 3 },
    layers,
  });
}
