/**
 * The network zoo: `getNetwork(name)` builds a validated `Network`; `listModels()` is the catalogue.
 * Every CNN that torchvision ships follows torchvision's definition (see data/torchvision-*.csv).
 */
import type { Network } from "../layer.ts";
import { parseNetwork } from "../shapes.ts";
import { entries } from "./registry.ts";
import type { ModelInfo } from "./types.ts";

export type { Domain as ModelDomain, ModelInfo } from "./types.ts";

/** Options of `getNetwork`. */
export interface NetworkOpts {
  /** Samples per inference, applied to every layer (default 1). */
  batch?: number;
  /** Sequence length in tokens for language models (default 128; ignored by other models). */
  seqLen?: number;
  /**
   * Square input side in pixels for a CNN (default: the size its weights are evaluated at, e.g.
   * 384 for regnet_y_128gf's SWAG_E2E weights instead of the zoo's 224); other models reject it.
   */
  inputSize?: number;
  /** Include training-only auxiliary classifiers (inception_v3, googlenet); default false. */
  auxHeads?: boolean;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Up to `n` zoo names closest to `name` (substring matches first, then by edit distance). */
export function closeModelNames(name: string, n = 5): string[] {
  const q = name.toLowerCase();
  const score = (m: string) => (m.includes(q) || q.includes(m) ? 0 : 1) * 1000 + editDistance(q, m);
  return [...entries().keys()].sort((a, b) => score(a) - score(b) || a.localeCompare(b)).slice(
    0,
    n,
  );
}

function positiveInt(what: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new RangeError(`${what} must be a positive integer, got ${v}`);
  }
  return v;
}

/** Build the zoo model `name` as a validated Network; unknown names throw and suggest close ones. */
export function getNetwork(name: string, opts: NetworkOpts = {}): Network {
  const e = entries().get(name);
  if (!e) {
    throw new Error(`unknown model "${name}"; did you mean: ${closeModelNames(name).join(", ")}?`);
  }
  const batch = positiveInt("batch", opts.batch, 1);
  const seqLen = positiveInt("seqLen", opts.seqLen, 128);
  if (opts.inputSize !== undefined && e.domain !== "cnn") {
    throw new RangeError(`inputSize applies to CNNs only; ${name} is a ${e.domain} model`);
  }
  const side = opts.inputSize === undefined
    ? undefined
    : positiveInt("inputSize", opts.inputSize, 0);
  const inputSize: [number, number] | undefined = side === undefined ? undefined : [side, side];
  const layers = e.build({ batch, seqLen, inputSize, auxHeads: opts.auxHeads ?? false });
  const input = e.domain === "language"
    ? { ...e.input, h: seqLen }
    : side === undefined
    ? e.input
    : { ...e.input, h: side, w: side };
  return parseNetwork({ name: e.name, family: e.family, task: e.task, input, layers }, {
    checkFlow: true,
  });
}

/** Catalogue of every zoo model, in a stable order. */
export function listModels(): ModelInfo[] {
  return [...entries().values()].map(({ name, family, task, input, domain }) => ({
    name,
    family,
    task,
    input: { ...input },
    domain,
  }));
}

/** Names of the zoo's CNNs, in catalogue order. */
export function cnnNames(): string[] {
  return listModels().filter((m) => m.domain === "cnn").map((m) => m.name);
}
export { familySummary, layerMacsRows, zooFamilies, zooSummary } from "./summary.ts";
export type { FamilyRow, ZooRow } from "./summary.ts";
