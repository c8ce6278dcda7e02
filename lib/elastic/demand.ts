/**
 * Study D's stage rule: which MAC layers of a network run on the conv engine and which on the FC
 * engine. The per-layer roofline quantities (MACs, weight and activation bytes, efficiency) come
 * from lib/arch/roofline.ts.
 *
 * The FC stage is the trailing run of weight-bearing dense/GEMM layers (the classifier head); every
 * other MAC layer, including a dense layer that precedes a conv, stays in the conv stage so that
 * the two-stage pipeline respects layer order. Pool, eltwise and norm layers carry no MACs; they
 * are taken as fused into their neighbours (batch-norm folded into the conv weights).
 */
import { isFcLayer, type LayerDemand, layerDemand } from "../arch/roofline.ts";
import { layerMacs } from "../workload/gemm.ts";
import type { Network } from "../workload/layer.ts";
import type { ElasticHardware } from "./hardware.ts";

export type { LayerDemand } from "../arch/roofline.ts";

/** A network as two stages of layer demands. */
export interface NetworkDemand {
  name: string;
  conv: LayerDemand[];
  fc: LayerDemand[];
}

/** Split a network's MAC layers into the conv stage and the trailing FC stage. */
export function networkDemand(net: Network, hw: ElasticHardware): NetworkDemand {
  // The conv engine's array has one column per re-partition group of peStep PEs.
  const rhw = { ...hw, convArrayRows: hw.peStep };
  const mac = net.layers.filter((l) => layerMacs(l) > 0);
  let head = mac.length;
  while (head > 0 && isFcLayer(mac[head - 1])) head--;
  return {
    name: net.name,
    conv: mac.slice(0, head).map((l) => layerDemand(l, rhw)),
    fc: mac.slice(head).map((l) => layerDemand(l, rhw)),
  };
}

/** Totals of one stage: MACs per image, weight bytes per pass, spilled activation bytes per image. */
export function stageTotals(
  stage: readonly LayerDemand[],
): { macsPerImage: number; weightBytes: number; activationBytesPerImage: number } {
  let macsPerImage = 0, weightBytes = 0, activationBytesPerImage = 0;
  for (const l of stage) {
    macsPerImage += l.macsPerImage;
    weightBytes += l.weightBytes;
    activationBytesPerImage += l.activationBytesPerImage;
  }
  return { macsPerImage, weightBytes, activationBytesPerImage };
}
