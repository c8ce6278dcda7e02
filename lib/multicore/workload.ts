/**
 * A sweep workload: the networks' MAC layers lowered once to GEMM shapes, with identical shapes
 * shared (ResNet's repeated blocks, the zoo's common layers), so a sweep costs each distinct shape
 * once per configuration. Plain data, so it can be posted to a Web Worker as is.
 */
import { type GemmShape, ifmapWordsPerGroup } from "../arch/mod.ts";
import { gemmView, macLayers } from "../workload/gemm.ts";
import type { Network } from "../workload/layer.ts";

/** One network as indices into the workload's shape list (one per MAC layer, in order). */
export interface WorkloadNetwork {
  name: string;
  shapeIndex: number[];
}

/** Distinct GEMM shapes and the networks that use them. */
export interface SweepWorkload {
  shapes: GemmShape[];
  networks: WorkloadNetwork[];
}

function shapeKey(g: GemmShape): string {
  return `${g.m},${g.k},${g.n},${g.groups},${g.ifmapWords ?? -1}`;
}

/** Lower `networks` to a workload (names must be distinct). */
export function prepareWorkload(networks: readonly Network[]): SweepWorkload {
  const shapes: GemmShape[] = [];
  const index = new Map<string, number>();
  const seen = new Set<string>();
  const out: WorkloadNetwork[] = [];
  for (const net of networks) {
    if (seen.has(net.name)) throw new Error(`workload: network "${net.name}" listed twice`);
    seen.add(net.name);
    const shapeIndex: number[] = [];
    for (const layer of macLayers(net)) {
      const g: GemmShape = { ...gemmView(layer)!, ifmapWords: ifmapWordsPerGroup(layer) };
      const key = shapeKey(g);
      let i = index.get(key);
      if (i === undefined) {
        i = shapes.length;
        index.set(key, i);
        shapes.push(g);
      }
      shapeIndex.push(i);
    }
    if (shapeIndex.length === 0) {
      throw new Error(`workload: network "${net.name}" has no MAC layers (nothing to cost)`);
    }
    out.push({ name: net.name, shapeIndex });
  }
  return { shapes, networks: out };
}
