/**
 * Public entry point of the multi-DNN accelerator lab (re-exports, and loaders for the heavy parts).
 * Notebooks import it as `lab` (mapped in deno.json).
 * Importing it loads no plotting library and no study: charts are drawn with `plot` / `Plot` from
 * `lab/plot/mod.ts` (Observable Plot + linkedom), PNGs come from resvg when `save` runs, and the
 * study list is `await loadStudies()`. `table`, `display` and `chartToSvg` need none of them; `show`
 * (SVG plus a PNG copy) comes from `lab/plot/mod.ts` with `plot`.
 */
export * from "./validate.ts";
export * from "./workload/layer.ts";
export * from "./workload/gemm.ts";
export * from "./workload/shapes.ts";
export * from "./workload/mod.ts";
export * from "./arch/mod.ts";
export type { Chart } from "./plot/dom.ts";
export { chartToSvg } from "./plot/svg.ts";
export { display, table } from "./plot/display.ts";
export type { Displayable } from "./plot/display.ts";
export type { PngOptions } from "./plot/save.ts";
export * from "./experiments/results.ts";
export type * from "./experiments/study.ts";
import type { Study } from "./experiments/study.ts";
export * from "./random.ts";
export * as mapping from "./mapping/mod.ts";
export * as multicore from "./multicore/mod.ts";
export * as elastic from "./elastic/mod.ts";
export * as throughput from "./throughput/mod.ts";
export * as tenancy from "./tenancy/mod.ts";

/** Save a chart as SVG (and PNG); see lib/plot/save.ts. Loads resvg on first use. */
export async function save(
  ...args: Parameters<typeof import("./plot/save.ts").save>
): ReturnType<typeof import("./plot/save.ts").save> {
  return (await import("./plot/save.ts")).save(...args);
}

/** The registered studies, in `deno task reproduce` order (loads every study module). */
export async function loadStudies(): Promise<Study[]> {
  return (await import("./experiments/registry.ts")).studies;
}

export { importOnnx, type OnnxImport, type OnnxOptions, readOnnx } from "./workload/import_onnx.ts";
