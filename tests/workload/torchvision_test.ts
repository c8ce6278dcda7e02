/**
 * Zoo totals against torchvision's published per-weight figures (data/torchvision-models.csv:
 * "num_params" and "GFLOPS", which torchvision counts as multiply-accumulates of convs and
 * linear layers, squeeze-excitation 1x1 convs included, pooling and element-wise ops excluded).
 * Both must agree within 1%. A GFLOPS figure is only known to its rounding: torchvision stores
 * "_ops" with 3 decimals and its documentation shows 2 (e.g. mnasnet0_75: 0.215 -> "0.21"), so a
 * 2-decimal figure is known to +-(0.005 + 0.0005) G. The MAC tolerance is the larger of 1% and
 * that rounding bound; it only matters for models under 0.55 GMACs.
 */
import assert from "node:assert/strict";
import { getNetwork, networkMacs, networkParams } from "../../lib/mod.ts";

interface Ref {
  model: string;
  weights: string;
  numParams: number;
  gflops: number;
  /** Rounding bound of the published figure (see above), in GMACs. */
  roundingG: number;
  evalSize: number;
  paramsAdjust: number;
}

function loadRefs(): Ref[] {
  const text = Deno.readTextFileSync(new URL("../../data/torchvision-models.csv", import.meta.url));
  const [header, ...rows] = text.trim().split("\n");
  const cols = header.split(",");
  const at = (r: string[], c: string) => r[cols.indexOf(c)];
  return rows.map((line) => {
    const r = line.split(",");
    const g = at(r, "gflops");
    const decimals = g.includes(".") ? g.split(".")[1].length : 0;
    return {
      model: at(r, "model"),
      weights: at(r, "weights"),
      numParams: Number(at(r, "num_params")),
      gflops: Number(g),
      roundingG: 0.5 * 10 ** -decimals + (decimals < 3 ? 0.0005 : 0),
      evalSize: Number(at(r, "eval_size")),
      paramsAdjust: Number(at(r, "params_adjust")),
    };
  });
}

const refs = loadRefs();

Deno.test("torchvision reference file covers at least 30 zoo models", () => {
  assert.ok(refs.length >= 30, `${refs.length} models`);
  for (const r of refs) assert.ok(Number.isFinite(r.numParams) && r.gflops > 0, r.model);
});

Deno.test("zoo default input is the evaluation size of the model's first row", () => {
  const seen = new Set<string>();
  for (const r of refs) {
    if (seen.has(r.model)) continue;
    seen.add(r.model);
    assert.equal(getNetwork(r.model).input.h, r.evalSize, r.model);
  }
});

for (const r of refs) {
  Deno.test(`torchvision ${r.weights}: params and MACs within 1% at ${r.evalSize} px`, () => {
    // Each weight is evaluated at its own crop size (regnet_y_128gf: 224 for SWAG_LINEAR, 384
    // for SWAG_E2E), so the zoo builds the network at that size.
    const net = getNetwork(r.model, { inputSize: r.evalSize });
    assert.equal(net.input.h, r.evalSize);
    const wantParams = r.numParams + r.paramsAdjust;
    const params = networkParams(net);
    assert.ok(
      Math.abs(params - wantParams) <= 0.01 * wantParams,
      `params ${params} vs published ${wantParams}`,
    );
    const gmacs = networkMacs(net) / 1e9;
    const tol = Math.max(0.01 * r.gflops, r.roundingG);
    assert.ok(
      Math.abs(gmacs - r.gflops) <= tol,
      `GMACs ${gmacs.toFixed(4)} vs published ${r.gflops}`,
    );
  });
}

Deno.test("auxiliary heads: inception_v3 with AuxLogits has torchvision's published parameter count", () => {
  // Inception_V3_Weights.IMAGENET1K_V1 num_params 27161264 counts the training-only AuxLogits.
  const withAux = getNetwork("inception_v3", { auxHeads: true });
  assert.equal(networkParams(withAux), 27161264);
  // The aux head runs on Mixed_6e's 17x17 map: pool to 5x5, 1x1 conv (768*128 MACs per pixel
  // on 25 pixels), 5x5 conv to 1x1 (128*25*768), fc 768 -> 1000.
  const extra = networkMacs(withAux) - networkMacs(getNetwork("inception_v3"));
  assert.equal(extra, 25 * 768 * 128 + 128 * 25 * 768 + 768 * 1000);
});

Deno.test("auxiliary heads: googlenet's aux1/aux2 add the parameters of torchvision's InceptionAux", () => {
  // Hand count from torchvision's InceptionAux(in, 1000): 1x1 conv in->128 + BN (256), fc
  // 2048->1024 with bias, fc 1024->1000 with bias; aux1 sees 512 channels (4a), aux2 528 (4d).
  const head = (inC: number) => inC * 128 + 256 + 2048 * 1024 + 1024 + 1024 * 1000 + 1000;
  const base = networkParams(getNetwork("googlenet"));
  assert.equal(base, 6624904); // GoogLeNet_Weights.IMAGENET1K_V1 num_params (aux removed)
  assert.equal(
    networkParams(getNetwork("googlenet", { auxHeads: true })),
    base + head(512) + head(528),
  );
});

Deno.test("getNetwork inputSize: CNNs only, positive integer", () => {
  assert.throws(() => getNetwork("bert_base", { inputSize: 224 }), /CNNs only; bert_base/);
  assert.throws(
    () => getNetwork("resnet18", { inputSize: 0 }),
    /inputSize must be a positive integer, got 0/,
  );
  assert.equal(getNetwork("resnet18", { inputSize: 160 }).input.w, 160);
});
