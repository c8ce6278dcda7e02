/**
 * ONNX import speed (issue: a 100-layer model imports in under 100 ms in-process). ResNet-50 as
 * PyTorch's TorchScript exporter writes it: the committed fixture with its weights stripped,
 * and the same graph with every weight's bytes restored (100 MB in memory), which the decoder must
 * skip over rather than copy.
 */
import { readOnnx } from "../lib/workload/onnx.ts";
import { int64, onnx } from "../lib/workload/onnx/proto.ts";

const stripped = Deno.readFileSync("tests/fixtures/onnx/resnet50.onnx");

/** The fixture with zero-filled raw_data of the right size in every stripped float initializer. */
function withWeights(bytes: Uint8Array): Uint8Array {
  const m = onnx.ModelProto.decode(bytes);
  for (const t of m.graph?.initializer ?? []) {
    const n = (t.dims ?? []).reduce<number>((a, d) => a * int64(d as number), 1);
    if (t.dataType === 1 && !(t.rawData?.length)) t.rawData = new Uint8Array(4 * n);
  }
  return onnx.ModelProto.encode(m).finish();
}
const full = withWeights(stripped);
let sink = 0;

const kB = (stripped.length / 1e3).toFixed(0);
Deno.bench(
  `readOnnx resnet50, weights stripped (${kB} kB)`,
  { group: "onnx", baseline: true },
  () => {
    sink += readOnnx(stripped, { input: "1x3x224x224" }).network.layers.length;
  },
);

Deno.bench(`readOnnx resnet50 with weights (${(full.length / 1e6).toFixed(0)} MB)`, {
  group: "onnx",
}, () => {
  sink += readOnnx(full, { input: "1x3x224x224" }).network.layers.length;
});

globalThis.addEventListener("unload", () => sink || console.log(sink));
