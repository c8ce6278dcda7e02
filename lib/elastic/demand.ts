/**
 * What a network asks of the elastic accelerator: per MAC layer, the MACs and activation traffic of
 * one image and the weight bytes of one pass, split into a conv stage and an FC stage.
 *
 * Stage rule: the FC stage is the trailing run of weight-bearing dense/GEMM layers (the classifier
 * head); every other MAC layer, including a dense layer that precedes a conv, stays in the conv
 * stage so that the two-stage pipeline respects layer order. Pool, eltwise and norm layers carry no
 * MACs; they are taken as fused into their neighbours (batch-norm folded into the conv weights).
 */
import { convOutHW, layerMacs, layerParams } from "../workload/gemm.ts";
import type { Layer, Network } from "../workload/layer.ts";
import type { ElasticHardware } from "./hardware.ts";

/** One MAC layer as the roofline sees it. */
export interface LayerDemand {
  name: string;
  /** MACs of one image. */
  macsPerImage: number;
  /** Weight (+ bias) bytes, fetched once per batch. */
  weightBytes: number;
  /** DRAM bytes of activations per image: input + output when they spill, else 0. */
  activationBytesPerImage: number;
  /** Fraction of peak the layer achieves on its PEs, (0, 1]. */
  efficiency: number;
}

/** A network as two stages of layer demands. */
export interface NetworkDemand {
  name: string;
  conv: LayerDemand[];
  fc: LayerDemand[];
}

/** Activation words of one image: [input, output]. */
export function activationWords(l: Layer): [number, number] {
  switch (l.kind) {
    case "conv2d": {
      const [oh, ow] = convOutHW(l);
      return [l.inputH * l.inputW * l.inputC, oh * ow * l.outputC];
    }
    case "dense":
      return [l.tokens * l.inputFeatures, l.tokens * l.outputFeatures];
    case "gemm":
      return [l.m * l.k + (l.weights ? 0 : l.k * l.n), l.m * l.n];
    default:
      return [0, 0];
  }
}

function isFcLayer(l: Layer): boolean {
  return l.kind === "dense" || (l.kind === "gemm" && l.weights);
}

/** Roofline demand of one MAC layer on `hw` (per image; weights per pass). */
export function layerDemand(l: Layer, hw: ElasticHardware): LayerDemand {
  const [inWords, outWords] = activationWords(l);
  const activationBytes = (inWords + outWords) * hw.wordBytes;
  return {
    name: l.name,
    macsPerImage: layerMacs(l) / l.batch,
    weightBytes: layerParams(l) * hw.wordBytes,
    activationBytesPerImage: activationBytes > hw.activationBufferBytes ? activationBytes : 0,
    efficiency: isFcLayer(l) ? hw.fcEfficiency : hw.convEfficiency,
  };
}

/** Split a network's MAC layers into the conv stage and the trailing FC stage. */
export function networkDemand(net: Network, hw: ElasticHardware): NetworkDemand {
  const mac = net.layers.filter((l) => layerMacs(l) > 0);
  let head = mac.length;
  while (head > 0 && isFcLayer(mac[head - 1])) head--;
  return {
    name: net.name,
    conv: mac.slice(0, head).map((l) => layerDemand(l, hw)),
    fc: mac.slice(head).map((l) => layerDemand(l, hw)),
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
