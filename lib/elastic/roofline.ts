/**
 * Roofline time of a layer on an engine of `pes` PEs with `bandwidthBytesPerSecond` of DRAM:
 *   T = max( B * M / (p * f * eta) , (W + B * A) / bw )
 * with B images per batch, M MACs and A spilled activation bytes per image, W weight bytes fetched
 * once per batch (so batching raises an FC layer's MACs per weight byte B-fold). A layer that
 * needs a resource its engine lacks (0 PEs, 0 bandwidth) takes forever (Infinity), never NaN.
 */
import type { LayerDemand } from "./demand.ts";

/** Seconds for one batch of `batch` images to pass layer `l` (roofline of compute vs traffic). */
export function layerSeconds(
  l: LayerDemand,
  pes: number,
  bandwidthBytesPerSecond: number,
  batch: number,
  clockHz: number,
): number {
  const macs = batch * l.macsPerImage;
  const bytes = l.weightBytes + batch * l.activationBytesPerImage;
  const compute = macs === 0 ? 0 : macs / (pes * clockHz * l.efficiency);
  const traffic = bytes === 0 ? 0 : bytes / bandwidthBytesPerSecond;
  return compute > traffic ? compute : traffic;
}

/** Seconds for one batch to pass every layer of a stage, one layer after another. */
export function stageSeconds(
  stage: readonly LayerDemand[],
  pes: number,
  bandwidthBytesPerSecond: number,
  batch: number,
  clockHz: number,
): number {
  let s = 0;
  for (let i = 0; i < stage.length; i++) {
    s += layerSeconds(stage[i], pes, bandwidthBytesPerSecond, batch, clockHz);
  }
  return s;
}

/** DRAM bytes one batch moves through a stage (weights once, spilled activations per image). */
export function stageBytes(stage: readonly LayerDemand[], batch: number): number {
  let b = 0;
  for (const l of stage) b += l.weightBytes + batch * l.activationBytesPerImage;
  return b;
}

/** MACs of one batch in a stage. */
export function stageMacs(stage: readonly LayerDemand[], batch: number): number {
  let m = 0;
  for (const l of stage) m += batch * l.macsPerImage;
  return m;
}
