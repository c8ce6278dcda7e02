/**
 * Tiny hand-made networks for the elastic tests, written in the layer IR, plus hardware and
 * demand helpers whose numbers are easy to check by hand.
 */
import type { LayerDemand, NetworkDemand } from "../../lib/elastic/demand.ts";
import { type ElasticHardware, parseElasticHardware } from "../../lib/elastic/hardware.ts";
import type { Network } from "../../lib/workload/layer.ts";
import { parseNetwork } from "../../lib/workload/shapes.ts";

/** 512 PEs in steps of 16, 100 MHz, 6.4 GB/s, 16-bit, ideal mapping, 2 MiB buffer, free reconfiguration. */
export function testHardware(over: Partial<ElasticHardware> = {}): ElasticHardware {
  return parseElasticHardware({
    clockHz: 1e8,
    peCount: 512,
    peStep: 16,
    dramBandwidthBytesPerSecond: 6.4e9,
    wordBytes: 2,
    convEfficiency: 1,
    fcEfficiency: 1,
    activationBufferBytes: 2 * 1024 * 1024,
    reconfigurationCycles: 0,
    ...over,
  });
}

/** Bandwidth so large that every traffic term is negligible (1e30 bytes/s). */
export const UNLIMITED_BANDWIDTH = 1e30;

/**
 * A conv+FC net: conv 3x3 (pad 1) on an h x h x c input to k channels, then `fcs` dense layers of
 * width `fcWidth` ending in `classes` outputs (fcs = 0: no FC stage).
 */
export function tinyNet(
  o: { h?: number; c?: number; k?: number; fcs?: number; fcWidth?: number; classes?: number } = {},
): Network {
  const { h = 8, c = 4, k = 8, fcs = 2, fcWidth = 16, classes = 10 } = o;
  const layers: unknown[] = [
    {
      kind: "conv2d",
      name: "conv",
      inputH: h,
      inputW: h,
      inputC: c,
      outputC: k,
      kernelH: 3,
      kernelW: 3,
      padH: 1,
      padW: 1,
    },
  ];
  let features = h * h * k;
  for (let i = 0; i < fcs; i++) {
    const out = i === fcs - 1 ? classes : fcWidth;
    layers.push({ kind: "dense", name: `fc${i}`, inputFeatures: features, outputFeatures: out });
    features = out;
  }
  return parseNetwork({
    name: `tiny-${h}-${c}-${k}-${fcs}`,
    family: "test",
    task: "classification",
    input: { h, w: h, c },
    layers,
  });
}

/** One roofline layer with the given MACs per image and weight bytes (no activation traffic). */
export function demandLayer(name: string, macsPerImage: number, weightBytes: number): LayerDemand {
  return { name, macsPerImage, weightBytes, activationBytesPerImage: 0, efficiency: 1 };
}

/** A two-stage demand: one conv layer and one FC layer (either may be omitted with 0 MACs). */
export function twoStage(
  name: string,
  conv: { macs: number; weightBytes?: number },
  fc: { macs: number; weightBytes?: number },
): NetworkDemand {
  return {
    name,
    conv: conv.macs > 0 ? [demandLayer(`${name}.conv`, conv.macs, conv.weightBytes ?? 0)] : [],
    fc: fc.macs > 0 ? [demandLayer(`${name}.fc`, fc.macs, fc.weightBytes ?? 0)] : [],
  };
}
