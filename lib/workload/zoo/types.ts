/** Zoo entry types: what a model is (info) and how to build its layers. */
import type { Layer, Task } from "../layer.ts";
import { type Cursor, start } from "./builder.ts";

/** Which kind of workload a model is. */
export type Domain = "cnn" | "language" | "recommendation";

/** Catalogue facts about one zoo model. */
export interface ModelInfo {
  name: string;
  family: string;
  task: Task;
  /** Input of one sample: height, width, channels (language: h = sequence length, c = hidden size). */
  input: { h: number; w: number; c: number };
  domain: Domain;
}

/** Options every builder receives (already defaulted). */
export interface BuildOpts {
  /** Samples per inference (default 1). */
  batch: number;
  /** Tokens per sequence for language models (default 128); ignored by CNNs and MLPs. */
  seqLen: number;
  /** CNN input size in pixels [h, w] (default: the entry's own, its weights' evaluation size). */
  inputSize?: [number, number];
  /** Append the training-only auxiliary classifiers a model defines (default false). */
  auxHeads?: boolean;
}

/** A model of the zoo: its facts plus a function producing its layers. */
export interface ZooEntry extends ModelInfo {
  build(o: BuildOpts): Layer[];
}

/** A CNN entry whose layers `body` appends to a cursor placed at the input image. */
export function cnn(
  name: string,
  family: string,
  task: Task,
  input: [h: number, w: number, c?: number],
  body: (x: Cursor, o: BuildOpts) => void,
): ZooEntry {
  const [h, w, c = 3] = input;
  return {
    name,
    family,
    task,
    input: { h, w, c },
    domain: "cnn",
    build(o) {
      const [bh, bw] = o.inputSize ?? [h, w];
      const x = start(bh, bw, c, o.batch);
      body(x, o);
      return x.layers;
    },
  };
}
