/**
 * Roofline engine: a pool of p PEs (one MAC per PE per cycle at `clockHz`) behind a DRAM channel
 * of bw bytes per second. A batch of B images passes a layer in
 *   T = max( B * M / (p * f * eta) , (W + B * A) / bw )
 * with M MACs and A spilled activation bytes per image and W weight bytes fetched once per batch
 * (so batching raises an FC layer's MACs per weight byte B-fold). A layer that needs a resource the
 * engine lacks (0 PEs, 0 bandwidth) takes forever (Infinity), never NaN.
 *
 * Efficiency eta. FC (dense, weighted GEMM) layers use the fixed `fcEfficiency`. Conv layers use
 * the fixed `convEfficiency`, or, with `convEfficiencySource: "systolic"`, the systolic model of
 * this module's sibling cost.ts: p PEs form an S x floor(p / S) array (S = `convArrayRows` rows,
 * the array growing in columns; S = p when p < S), or with `convArrayGrowth: "rows"` the
 * transposed floor(p / S) x S array, in `convArrayDataflow`, and eta = MACs / (computeCycles x p),
 * so that the compute term equals that array's SCALE-Sim compute cycles for the layer at batch B
 * exactly (PEs beyond the last full column or row idle).
 *
 * Exact against: the systolic model's compute cycles (SCALE-Sim v2) for conv layers in systolic
 * mode; otherwise nothing external (the study summary's analytical model). Assumes: compute and
 * DRAM traffic overlap perfectly within a layer (the max), activations that fit
 * `activationBufferBytes` (input + output of one image) never leave the chip, weights stream once
 * per batch, no SRAM counts and no energy (those fields of `CoreLayerCost` are 0).
 */
import type { Layer } from "../workload/layer.ts";
import { convOutHW, layerMacs, layerParams } from "../workload/gemm.ts";
import { type Accelerator, type Dataflow, defaultAccelerator } from "./accelerator.ts";
import { layerCost } from "./cost.ts";
import { zeroEnergy } from "./cost-types.ts";
import { type CoreLayerCost, type CostModel, zeroLayerCost } from "./model.ts";

/** Which side of the conv array grows with the PE count (the other has `convArrayRows` PEs). */
export type ConvArrayGrowth = "cols" | "rows";

/** Where conv layers take their efficiency from: a fixed number or the systolic model. */
export type ConvEfficiencySource = "fixed" | "systolic";

/** What the roofline needs to know about the engine's hardware (units in the names). */
export interface RooflineHardware {
  /** PE clock, Hz. */
  clockHz: number;
  /** Bytes per weight or activation word. */
  wordBytes: number;
  /** On-chip activation buffer, bytes; a layer whose input + output of one image exceed it spills. */
  activationBufferBytes: number;
  /** Fixed fraction of peak a conv layer achieves, (0, 1] (used when the source is "fixed"). */
  convEfficiency: number;
  /** Fixed fraction of peak an FC layer achieves, (0, 1]. */
  fcEfficiency: number;
  /** "systolic": conv efficiency from the systolic model of the engine's array (default "fixed"). */
  convEfficiencySource?: ConvEfficiencySource;
  /** Fixed side S of the conv array: p PEs form S x floor(p / S) (systolic source only). */
  convArrayRows?: number;
  /** "cols" (default): the array has S rows and grows in columns; "rows": S columns, grows in rows. */
  convArrayGrowth?: ConvArrayGrowth;
  /** Dataflow of the conv array (systolic source only; default "ws"). */
  convArrayDataflow?: Dataflow;
}

/** A conv layer whose efficiency comes from the systolic model, with its cache per (PEs, batch). */
export interface SystolicEfficiency {
  layer: Layer;
  rows: number;
  growth: ConvArrayGrowth;
  dataflow: Dataflow;
  cache: Map<number, number>;
}

/** One MAC layer as the roofline sees it. */
export interface LayerDemand {
  name: string;
  /** MACs of one image. */
  macsPerImage: number;
  /** Weight (+ bias) bytes, fetched once per batch. */
  weightBytes: number;
  /** DRAM bytes of activations per image: input + output when they spill, else 0. */
  activationBytesPerImage: number;
  /** Fixed fraction of peak the layer achieves on its PEs, (0, 1] (when `systolic` is absent). */
  efficiency: number;
  /** When present, the efficiency on p PEs at batch B comes from the systolic model instead. */
  systolic?: SystolicEfficiency;
}

const BASE_ACCELERATOR: Accelerator = defaultAccelerator(1, 1);

/**
 * The array `pes` PEs form with a fixed side of `side` PEs: side x floor(pes / side) when it grows
 * in columns (pes x 1 below one column), the transpose when it grows in rows.
 */
export function convArrayShape(
  pes: number,
  side: number,
  growth: ConvArrayGrowth = "cols",
): { rows: number; cols: number } {
  const fixed = Math.min(pes, side), grown = pes < side ? 1 : Math.floor(pes / side);
  return growth === "cols" ? { rows: fixed, cols: grown } : { rows: grown, cols: fixed };
}

/**
 * Efficiency of conv `layer` at batch `batch` on `pes` PEs arranged as convArrayShape(pes, side,
 * growth): MACs / (systolic computeCycles x pes), in (0, 1]. Throws a ValidationError on a bad
 * layer shape.
 */
export function systolicEfficiency(
  layer: Layer,
  pes: number,
  batch: number,
  side: number,
  dataflow: Dataflow,
  growth: ConvArrayGrowth = "cols",
): number {
  const shape = convArrayShape(pes, side, growth);
  const acc = { ...BASE_ACCELERATOR, ...shape, dataflow };
  const c = layerCost({ ...layer, batch }, acc);
  return c.macs / (c.computeCycles * pes);
}

/** Efficiency of a demand on `pes` PEs at batch `batch` (cached for systolic layers). */
export function efficiencyOn(l: LayerDemand, pes: number, batch: number): number {
  const s = l.systolic;
  if (!s || pes < 1) return l.efficiency;
  const key = pes * 65536 + batch;
  let e = s.cache.get(key);
  if (e === undefined) {
    e = systolicEfficiency(s.layer, pes, batch, s.rows, s.dataflow, s.growth);
    s.cache.set(key, e);
  }
  return e;
}

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
  const compute = macs === 0 ? 0 : macs / (pes * clockHz * efficiencyOn(l, pes, batch));
  const traffic = bytes === 0 ? 0 : bytes / bandwidthBytesPerSecond;
  return compute > traffic ? compute : traffic;
}

/** Per stage, per clock and (pes, batch): each layer's compute seconds, then its DRAM bytes. */
const stageCache = new WeakMap<readonly LayerDemand[], Map<number, Map<number, Float64Array>>>();

/**
 * Compute seconds and bytes of every layer of a stage on `pes` PEs at batch `batch`, computed once
 * with layerSeconds' own expressions (so the sums below are bit for bit layerSeconds' sums).
 */
function stageTerms(
  stage: readonly LayerDemand[],
  pes: number,
  batch: number,
  clockHz: number,
): Float64Array {
  let byClock = stageCache.get(stage);
  if (!byClock) stageCache.set(stage, byClock = new Map());
  let byKey = byClock.get(clockHz);
  if (!byKey) byClock.set(clockHz, byKey = new Map());
  const key = pes * 65536 + batch;
  let t = byKey.get(key);
  if (!t) {
    const n = stage.length;
    t = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const l = stage[i];
      const macs = batch * l.macsPerImage;
      t[i] = macs === 0 ? 0 : macs / (pes * clockHz * efficiencyOn(l, pes, batch));
      t[n + i] = l.weightBytes + batch * l.activationBytesPerImage;
    }
    byKey.set(key, t);
  }
  return t;
}

/**
 * Seconds for one batch to pass every layer of a stage, one layer after another (the sum of
 * layerSeconds; the elastic searches call this millions of times, so the per-layer compute times
 * are cached per (PEs, batch) and only the traffic term depends on the bandwidth).
 */
export function stageSeconds(
  stage: readonly LayerDemand[],
  pes: number,
  bandwidthBytesPerSecond: number,
  batch: number,
  clockHz: number,
): number {
  const n = stage.length;
  if (n === 0) return 0;
  const t = stageTerms(stage, pes, batch, clockHz);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const compute = t[i], bytes = t[n + i];
    const traffic = bytes === 0 ? 0 : bytes / bandwidthBytesPerSecond;
    s += compute > traffic ? compute : traffic;
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

/** Whether a layer is FC work for the roofline: a dense layer or a weight-bearing GEMM. */
export function isFcLayer(l: Layer): boolean {
  return l.kind === "dense" || (l.kind === "gemm" && l.weights);
}

/** Roofline demand of one MAC layer on `hw` (per image; weights per pass). */
export function layerDemand(l: Layer, hw: RooflineHardware): LayerDemand {
  const [inWords, outWords] = activationWords(l);
  const activationBytes = (inWords + outWords) * hw.wordBytes;
  const fc = isFcLayer(l);
  const d: LayerDemand = {
    name: l.name,
    macsPerImage: layerMacs(l) / l.batch,
    weightBytes: layerParams(l) * hw.wordBytes,
    activationBytesPerImage: activationBytes > hw.activationBufferBytes ? activationBytes : 0,
    efficiency: fc ? hw.fcEfficiency : hw.convEfficiency,
  };
  if (!fc && l.kind === "conv2d" && hw.convEfficiencySource === "systolic") {
    d.systolic = {
      layer: { ...l, batch: 1 },
      rows: hw.convArrayRows ?? 16,
      growth: hw.convArrayGrowth ?? "cols",
      dataflow: hw.convArrayDataflow ?? "ws",
      cache: new Map(),
    };
  }
  return d;
}

/** A roofline engine: the hardware plus the PEs and bandwidth it holds. */
export interface RooflineEngine extends RooflineHardware {
  /** PEs of the engine. */
  pes: number;
  /** DRAM bandwidth the engine holds, bytes per second. */
  bandwidthBytesPerSecond: number;
}

/** Cost of `layer` (at its own batch) on a roofline engine, in cycles of `clockHz`. */
export function rooflineLayerCost(layer: Layer, e: RooflineEngine): CoreLayerCost {
  const macs = layerMacs(layer);
  if (macs === 0) return zeroLayerCost();
  const d = layerDemand({ ...layer, batch: 1 }, e);
  const b = layer.batch;
  const computeCycles = macs / (e.pes * efficiencyOn(d, e.pes, b));
  const cycles = layerSeconds(d, e.pes, e.bandwidthBytesPerSecond, b, e.clockHz) * e.clockHz;
  return {
    macs,
    computeCycles,
    stallCycles: Math.max(0, cycles - computeCycles),
    cycles,
    dramBytes: stageBytes([d], b),
    sramAccesses: 0,
    energyPJ: zeroEnergy(),
  };
}

/** The roofline engine behind the common per-layer interface (model.ts). */
export const rooflineModel: CostModel<RooflineEngine> = {
  id: "roofline",
  basis: "max(compute, DRAM traffic) per layer; conv compute = SCALE-Sim systolic compute cycles " +
    "of the engine's array when convEfficiencySource is 'systolic', else a fixed efficiency; " +
    "no SRAM counts or energy",
  layer: rooflineLayerCost,
};
