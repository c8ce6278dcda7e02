/**
 * ONNX import: the bytes of an .onnx file -> a validated `Network` of the layer IR.
 *
 * Only tensor shapes are read, so files whose weights are external or stripped import too. Shapes
 * start from the graph inputs (`input` overrides them, and fills symbolic dims; a symbolic batch
 * alone defaults to 1), then flow through the library's own shape inference (onnx/infer*.ts).
 * `value_info` is used only for outputs the library cannot infer itself (ops it does not know,
 * data-dependent sizes), because an `input` override makes the exported sizes stale.
 * Errors are ValidationErrors naming the file and byte offset (decoding), the graph input, or the
 * node, its op type and its inputs (shape inference); they never crash or hang on bad bytes.
 */
import { ValidationError } from "../validate.ts";
import type { Network, Task } from "./layer.ts";
import { parseNetwork } from "./shapes.ts";
import { ELEMENTWISE, type InferFn } from "./onnx/infer.ts";
import { COMPUTE } from "./onnx/infer_nn.ts";
import { hwc, type LowerCtx, lowerNode, UNCOSTABLE } from "./onnx/lower.ts";
import {
  decodeModel,
  type GraphProto,
  int64,
  type NodeProto,
  tensorDims,
  tensorValues,
  valueInfoDims,
} from "./onnx/proto.ts";
import { fmtShape, InferError, type Tensor, VALUE_LIMIT } from "./onnx/tensor.ts";

/** Options of `readOnnx` / `importOnnx`. */
export interface OnnxOptions {
  /** Shape of the first graph input, e.g. "1x3x224x224" or [1, 3, 224, 224] (N, C, H, W). */
  input?: string | readonly number[];
  /** Network name (default: the graph's name, else "onnx"). */
  name?: string;
  /** File name shown in error messages (default "model.onnx"). */
  file?: string;
  /** Task recorded on the network (default "other": ONNX does not say). */
  task?: Task;
}

/** Everything `readOnnx` learns about a model. */
export interface OnnxImport {
  network: Network;
  /** Ops whose compute the IR cannot express (left out of the cost): label -> node count. */
  uncostable: Record<string, number>;
  /** Human-readable warnings (uncostable ops, defaulted dims, value_info fall-backs). */
  warnings: string[];
  /** Inferred static shape of every tensor, by name. */
  shapes: Map<string, number[]>;
  /** Node count by op type. */
  ops: Record<string, number>;
}

const INFER: Record<string, InferFn> = { ...ELEMENTWISE, ...COMPUTE };

/** Parse an input shape such as "1x3x224x224"; throws ValidationError naming the value. */
export function parseInputShape(spec: string | readonly number[]): number[] {
  const dims = typeof spec === "string" ? spec.trim().split(/[x,\s]+/i).map(Number) : [...spec];
  if (dims.length === 0 || dims.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new ValidationError("ONNX input", [`input: "${spec}" is not a shape like 1x3x224x224`]);
  }
  return dims;
}

function graphInputs(
  g: GraphProto,
  opts: OnnxOptions,
  tensors: Map<string, Tensor>,
  warnings: string[],
): Network["input"] {
  const fail = (m: string) => new ValidationError(`ONNX file ${opts.file ?? "model.onnx"}`, [m]);
  const inputs = (g.input ?? []).filter((v) => !tensors.has(v.name ?? ""));
  if (inputs.length === 0) throw fail("graph.input: the graph has no inputs");
  const override = opts.input === undefined ? undefined : parseInputShape(opts.input);
  let first: number[] | undefined;
  inputs.forEach((v, k) => {
    const dims = valueInfoDims(v);
    if (!dims) throw fail(`graph.input ${v.name}: no tensor shape`);
    let shape: number[];
    if (k === 0 && override) {
      if (override.length !== dims.length) {
        const given = `input ${fmtShape(override)} has rank ${override.length}`;
        throw fail(`${given}; ${v.name} has rank ${dims.length} (${dims.join("x")})`);
      }
      shape = override;
    } else {
      shape = dims.map((d, i) => {
        if (typeof d === "number" && d > 0) return d;
        if (i === 0) {
          warnings.push(`input ${v.name}: symbolic batch "${d}" taken as 1`);
          return 1;
        }
        const example = dims.map((x, j) => (typeof x === "number" && x > 0 ? x : j ? 224 : 1));
        throw fail(
          `graph.input ${v.name}: dim ${i} is symbolic ("${d}") in ${dims.join("x")}; ` +
            `give the input shape (--input), e.g. ${example.join("x")}`,
        );
      });
    }
    tensors.set(v.name ?? "", {
      shape,
      elemType: v.type?.tensorType?.elemType ?? 1,
      isConst: false,
    });
    first ??= shape;
  });
  const { h, w, c } = hwc(first!);
  return { h, w, c };
}

/** Nodes in an order where every node follows the producers of its inputs (Kahn's algorithm). */
function topoOrder(nodes: NodeProto[], known: Set<string>, file: string): NodeProto[] {
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => {
    for (const o of n.output ?? []) {
      if (!o) continue;
      if (producer.has(o) || known.has(o)) {
        throw new ValidationError(`ONNX file ${file}`, [
          `node ${label(n, i)}: output "${o}" is already defined`,
        ]);
      }
      producer.set(o, i);
    }
  });
  const waiting = nodes.map(() => 0);
  const users: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    for (const x of n.input ?? []) {
      if (!x || known.has(x)) continue;
      const p = producer.get(x);
      if (p === undefined) {
        throw new ValidationError(`ONNX file ${file}`, [
          `node ${label(n, i)}: input "${x}" is not produced by any node, initializer or ` +
          "graph input",
        ]);
      }
      waiting[i]++;
      users[p].push(i);
    }
  });
  const ready = nodes.map((_, i) => i).filter((i) => waiting[i] === 0);
  const order: NodeProto[] = [];
  for (let q = 0; q < ready.length; q++) {
    order.push(nodes[ready[q]]);
    for (const u of users[ready[q]]) if (--waiting[u] === 0) ready.push(u);
  }
  if (order.length < nodes.length) {
    const stuck = nodes.map((n, i) => [n, i] as const).filter(([, i]) => waiting[i] > 0);
    throw new ValidationError(`ONNX file ${file}`, [
      `the graph has a cycle: ${stuck.length} nodes wait on it or on each other, e.g. ${
        stuck.slice(0, 4).map(([n, i]) => label(n, i)).join(", ")
      }`,
    ]);
  }
  return order;
}

function label(n: NodeProto, i: number): string {
  return `"${n.name || `#${i}`}" (${n.opType || "no op type"})`;
}

function describeInputs(n: NodeProto, tensors: Map<string, Tensor>): string {
  const one = (x: string) => {
    if (!x) return "(absent)";
    const t = tensors.get(x);
    return `${x}: ${t ? fmtShape(t.shape) : "?"}`;
  };
  return (n.input ?? []).map(one).join(", ");
}

/** Read an .onnx file's bytes into a Network plus what the import learned (warnings, shapes). */
export function readOnnx(bytes: Uint8Array, opts: OnnxOptions = {}): OnnxImport {
  const file = opts.file ?? "model.onnx";
  const model = decodeModel(bytes, file);
  const g = model.graph!;
  const opset =
    int64((model.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx")?.version) ||
    13;
  const tensors = new Map<string, Tensor>();
  for (const t of g.initializer ?? []) {
    tensors.set(t.name ?? "", {
      shape: tensorDims(t),
      elemType: t.dataType ?? 1,
      isConst: true,
      value: tensorValues(t, VALUE_LIMIT),
    });
  }
  for (const s of g.sparseInitializer ?? []) {
    if (s.values?.name) {
      tensors.set(s.values.name, {
        shape: (s.dims ?? []).map((d) => int64(d as number)),
        elemType: s.values.dataType ?? 1,
        isConst: true,
      });
    }
  }
  const warnings: string[] = [];
  const input = graphInputs(g, opts, tensors, warnings);
  const exported = new Map<string, (number | string)[]>();
  for (const v of [...(g.valueInfo ?? []), ...(g.output ?? [])]) {
    const d = valueInfoDims(v);
    if (d && v.name) exported.set(v.name, d);
  }
  const nodes = g.node ?? [];
  const order = topoOrder(nodes, new Set(tensors.keys()), file);
  const ctx: LowerCtx = {
    layers: [],
    producer: new Map(),
    uncostable: new Map(),
    names: new Set(),
  };
  const ops: Record<string, number> = {};
  order.forEach((node, index) => {
    const op = node.opType ?? "";
    ops[op] = (ops[op] ?? 0) + 1;
    const ins = (node.input ?? []).map((x) => (x ? tensors.get(x) : undefined));
    const outs = inferNode(node, ins, opset, exported, file, tensors, warnings, ctx);
    (node.output ?? []).forEach((o, k) => o && outs[k] && tensors.set(o, outs[k]));
    try {
      lowerNode(node, ins, outs, index, ctx);
    } catch (e) {
      throw nodeError(file, node, index, tensors, e);
    }
  });
  const uncostable = Object.fromEntries(
    [...ctx.uncostable].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  );
  if (ctx.uncostable.size) {
    warnings.unshift(
      `ops the library cannot cost (left out of the cost): ${
        Object.entries(uncostable).map(([k, v]) => `${k} x${v}`).join(", ")
      }`,
    );
  }
  if (ctx.layers.length === 0) {
    throw new ValidationError(`ONNX file ${file}`, [
      "the graph has no conv, matmul, pooling or element-wise layer to cost",
    ]);
  }
  const network = parseNetwork({
    name: opts.name ?? (g.name || "onnx"),
    family: "onnx",
    task: opts.task ?? "other",
    input,
    layers: ctx.layers,
  });
  const shapes = new Map([...tensors].map(([k, t]) => [k, t.shape]));
  return { network, uncostable, warnings, shapes, ops };
}

function inferNode(
  node: NodeProto,
  ins: (Tensor | undefined)[],
  opset: number,
  exported: Map<string, (number | string)[]>,
  file: string,
  tensors: Map<string, Tensor>,
  warnings: string[],
  ctx: LowerCtx,
): Tensor[] {
  const op = node.opType ?? "";
  const fn = !node.domain || node.domain === "ai.onnx" ? INFER[op] : undefined;
  let reason = fn
    ? ""
    : `op ${node.domain ? `${node.domain}.` : ""}${op} is unknown to the importer`;
  if (fn) {
    try {
      return fn(node, ins, opset);
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
      if (!(e instanceof InferError)) reason = `internal error: ${reason}`;
    }
  }
  // Fall back to the exporter's shapes when every output has a static one.
  const outs = (node.output ?? []).map((o) => exported.get(o));
  if (outs.length > 0 && outs.every((d) => d && d.every((x) => typeof x === "number" && x >= 0))) {
    if (!fn && !UNCOSTABLE.has(op)) ctx.uncostable.set(op, (ctx.uncostable.get(op) ?? 0) + 1);
    else if (fn) {
      warnings.push(`node "${node.name}" (${op}): shape taken from value_info (${reason})`);
    }
    const isConst = ins.every((t) => !t || t.isConst);
    return outs.map((d) => ({ shape: d as number[], elemType: 1, isConst }));
  }
  throw nodeError(
    file,
    node,
    -1,
    tensors,
    new InferError(`cannot infer its output shape: ${reason}`),
  );
}

function nodeError(
  file: string,
  node: NodeProto,
  index: number,
  tensors: Map<string, Tensor>,
  e: unknown,
) {
  const msg = e instanceof Error ? e.message : String(e);
  const where = index >= 0 ? label(node, index) : `"${node.name || "(unnamed)"}" (${node.opType})`;
  return new ValidationError(`ONNX file ${file}`, [
    `node ${where} with inputs [${describeInputs(node, tensors)}]: ${msg}`,
  ]);
}

/** Import an ONNX model as a Network; warnings (uncostable ops) go to `onWarning` (default console.warn). */
export function importOnnx(
  bytes: Uint8Array,
  opts: OnnxOptions & { onWarning?: (message: string) => void } = {},
): Network {
  const r = readOnnx(bytes, opts);
  const warn = opts.onWarning ?? ((m: string) => console.warn(`warning: ${m}`));
  for (const w of r.warnings) warn(w);
  return r.network;
}
