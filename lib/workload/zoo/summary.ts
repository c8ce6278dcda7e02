/** One summary row per zoo model (the `deno task zoo` listing and the quickstart table). */
import { macLayers, networkMacs, networkParams } from "../gemm.ts";
import { getNetwork, listModels } from "./mod.ts";
import type { ModelInfo } from "./types.ts";

/** What the zoo listing shows for one model; `layers` counts MAC layers (conv, dense, gemm). */
export interface ZooRow {
  name: string;
  family: string;
  task: ModelInfo["task"];
  input: { h: number; w: number; c: number };
  layers: number;
  /** Trainable parameters (weights, biases, norm scales), in elements. */
  params: number;
  /** Multiply-accumulates of one inference at batch 1. */
  macs: number;
}

/** Summary rows for every zoo model, or for one family (`family`), in catalogue order. */
export function zooSummary(family?: string): ZooRow[] {
  return listModels().filter((m) => family === undefined || m.family === family).map((m) => {
    const net = getNetwork(m.name);
    return {
      name: m.name,
      family: m.family,
      task: m.task,
      input: net.input,
      layers: macLayers(net).length,
      params: networkParams(net),
      macs: networkMacs(net),
    };
  });
}

/** The distinct families of the zoo, in catalogue order. */
export function zooFamilies(): string[] {
  return [...new Set(listModels().map((m) => m.family))];
}
