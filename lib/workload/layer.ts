/**
 * Layer IR: the plain-data description of one DNN layer that every cost model reads.
 *
 * Each layer carries its own input shape (as SCALE-Sim topologies do), so a layer can be costed
 * without walking the graph; the zoo's builder (zoo/builder.ts) infers the shapes through a network
 * and `parseNetwork` (shapes.ts) checks every layer.
 * Units: sizes in elements (pixels, channels), never bytes.
 */
import { z } from "zod";

const dim = z.number().int().positive();
const nonNeg = z.number().int().nonnegative();

/** 2-D convolution; depthwise is `groups = inputC = outputC`. */
export const Conv2dSchema = z.object({
  kind: z.literal("conv2d"),
  name: z.string().min(1),
  inputH: dim,
  inputW: dim,
  inputC: dim,
  outputC: dim,
  kernelH: dim,
  kernelW: dim,
  strideH: dim.default(1),
  strideW: dim.default(1),
  padH: nonNeg.default(0),
  padW: nonNeg.default(0),
  dilationH: dim.default(1),
  dilationW: dim.default(1),
  groups: dim.default(1),
  bias: z.boolean().default(false),
  batch: dim.default(1),
});

/** Fully connected layer: `tokens` rows of `inputFeatures` each (tokens = 1 for a CNN head). */
export const DenseSchema = z.object({
  kind: z.literal("dense"),
  name: z.string().min(1),
  inputFeatures: dim,
  outputFeatures: dim,
  tokens: dim.default(1),
  bias: z.boolean().default(true),
  batch: dim.default(1),
});

/**
 * Matrix multiply C[m x n] = A[m x k] * B[k x n] with no stored weights (e.g. attention QK^T);
 * `weights: true` marks a projection whose B is a parameter tensor.
 */
export const GemmSchema = z.object({
  kind: z.literal("gemm"),
  name: z.string().min(1),
  m: dim,
  n: dim,
  k: dim,
  weights: z.boolean().default(false),
  batch: dim.default(1),
});

/** Max or average pooling (no MACs for cost models). `global` pools the whole map to 1x1. */
export const PoolSchema = z.object({
  kind: z.literal("pool"),
  name: z.string().min(1),
  op: z.enum(["max", "avg"]),
  inputH: dim,
  inputW: dim,
  inputC: dim,
  kernelH: dim,
  kernelW: dim,
  strideH: dim,
  strideW: dim,
  padH: nonNeg.default(0),
  padW: nonNeg.default(0),
  ceilMode: z.boolean().default(false),
  batch: dim.default(1),
});

/**
 * Element-wise add/mul, concat, activation, upsample, batch norm: shape bookkeeping, no MACs.
 * `norm` is an inference-time batch norm: its scale and shift (2 per channel) count as parameters,
 * as PyTorch counts them; running statistics are buffers, not parameters.
 */
export const EltwiseSchema = z.object({
  kind: z.literal("eltwise"),
  name: z.string().min(1),
  op: z.enum(["add", "mul", "concat", "activation", "upsample", "flatten", "norm"]),
  inputH: dim,
  inputW: dim,
  inputC: dim,
  /** Output channels (concat sums its inputs; otherwise equal to inputC). */
  outputC: dim,
  /** Output size factor for upsample (2 doubles H and W); 1 otherwise. */
  scale: dim.default(1),
  /** Explicit output height and width of a resize by a non-integer factor (overrides `scale`). */
  outputH: dim.optional(),
  outputW: dim.optional(),
  batch: dim.default(1),
});

export const LayerSchema = z.discriminatedUnion("kind", [
  Conv2dSchema,
  DenseSchema,
  GemmSchema,
  PoolSchema,
  EltwiseSchema,
]);

export type Conv2d = z.infer<typeof Conv2dSchema>;
export type Dense = z.infer<typeof DenseSchema>;
export type Gemm = z.infer<typeof GemmSchema>;
export type Pool = z.infer<typeof PoolSchema>;
export type Eltwise = z.infer<typeof EltwiseSchema>;
export type Layer = z.infer<typeof LayerSchema>;
/** Input form of a layer: fields with defaults may be omitted. */
export type LayerInput = z.input<typeof LayerSchema>;

export const TaskSchema = z.enum([
  "classification",
  "detection",
  "segmentation",
  "pose",
  "language",
  "recommendation",
  "other",
]);
export type Task = z.infer<typeof TaskSchema>;

export const NetworkSchema = z.object({
  name: z.string().min(1),
  family: z.string().min(1),
  task: TaskSchema,
  /** Input tensor of one sample: height, width, channels (language models: h = sequence length). */
  input: z.object({ h: dim, w: dim, c: dim }),
  layers: z.array(LayerSchema).min(1),
});
export type Network = z.infer<typeof NetworkSchema>;
export type NetworkInput = z.input<typeof NetworkSchema>;
