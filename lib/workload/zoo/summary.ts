/** One summary row per zoo model (the `deno task zoo` listing and the quickstart table). */
import { layerMacs, macLayers, networkMacs, networkParams } from "../gemm.ts";
import type { Network } from "../layer.ts";
import { getNetwork, listModels } from "./mod.ts";
import type { ModelInfo } from "./types.ts";

/** What the zoo listing shows for one model; `layers` counts MAC layers (conv, dense, gemm). A type
 * alias, not an interface, so rows pass as `Record<string, unknown>` to `table()`. */
export type ZooRow = {
  name: string;
  family: string;
  task: ModelInfo["task"];
  input: { h: number; w: number; c: number };
  layers: number;
  /** Trainable parameters (weights, biases, norm scales), in elements. */
  params: number;
  /** Multiply-accumulates of one inference at batch 1. */
  macs: number;
};

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

/** One row per zoo family: its task, model count, and the range of parameters and MACs. */
export type FamilyRow = {
  family: string;
  task: ModelInfo["task"];
  models: number;
  /** Smallest and largest model, in millions of parameters (3 significant digits). */
  paramsM: string;
  /** Smallest and largest model, in GMACs at batch 1. */
  gmacs: string;
};

const range = (xs: number[]) => {
  const fmt = (v: number) => String(Number(v.toPrecision(3)));
  const [lo, hi] = [fmt(Math.min(...xs)), fmt(Math.max(...xs))];
  return lo === hi ? lo : `${lo}-${hi}`;
};

/** The zoo by family (the quickstart's zoo table). */
export function familySummary(): FamilyRow[] {
  const rows = zooSummary();
  return zooFamilies().map((family) => {
    const of = rows.filter((r) => r.family === family);
    return {
      family,
      task: of[0].task,
      models: of.length,
      paramsM: range(of.map((r) => r.params / 1e6)),
      gmacs: range(of.map((r) => r.macs / 1e9)),
    };
  });
}

/** Per MAC layer of `net`: position, name, kind (depthwise and grouped convs told apart), MACs. */
export function layerMacsRows(
  net: Network,
): { index: number; layer: string; kind: string; macs: number }[] {
  return macLayers(net).map((l, index) => ({
    index,
    layer: l.name,
    kind: l.kind !== "conv2d"
      ? l.kind
      : l.groups === 1
      ? "conv"
      : l.groups === l.inputC
      ? "depthwise conv"
      : "grouped conv",
    macs: layerMacs(l),
  }));
}
