/** The zoo catalogue, its error messages, batch / sequence-length scaling, and published totals. */
import assert from "node:assert/strict";
import {
  cnnNames,
  getNetwork,
  layerMacs,
  listModels,
  networkMacs,
  networkParams,
} from "../../lib/mod.ts";

Deno.test("zoo: at least 104 CNNs plus language and recommendation models, unique names", () => {
  const all = listModels();
  assert.ok(cnnNames().length >= 104, `${cnnNames().length} CNNs`);
  assert.equal(new Set(all.map((m) => m.name)).size, all.length);
  for (const d of ["language", "recommendation"]) {
    assert.ok(all.some((m) => m.domain === d), d);
  }
  const required = [
    "alexnet",
    "vgg11",
    "vgg13",
    "vgg16",
    "vgg19",
    "resnet18",
    "resnet34",
    "resnet50",
    "resnet101",
    "resnet152",
    "resnext50_32x4d",
    "resnext101_32x8d",
    "wide_resnet50_2",
    "wide_resnet101_2",
    "googlenet",
    "inception_v3",
    "densenet121",
    "densenet161",
    "densenet169",
    "densenet201",
    "squeezenet1_0",
    "squeezenet1_1",
    "mobilenet_v2",
    "mobilenet_v3_small",
    "mobilenet_v3_large",
    "shufflenet_v2_x0_5",
    "shufflenet_v2_x1_0",
    "shufflenet_v2_x1_5",
    "shufflenet_v2_x2_0",
    "mnasnet0_5",
    "mnasnet0_75",
    "mnasnet1_0",
    "mnasnet1_3",
    "efficientnet_b0",
    "efficientnet_b7",
    "regnet_x_400mf",
    "regnet_y_400mf",
    "mobilenet_v1_1.0_224",
    "mobilenet_v1_0.5_160",
    "yolov3_tiny",
    "yolov3",
    "ssd_mobilenet_v1",
    "unet",
    "fcn_resnet50",
    "bert_base",
    "bert_large",
    "gpt2",
    "gpt2_medium",
    "gpt2_large",
    "dlrm",
    "ncf",
    "wide_and_deep",
  ];
  const names = new Set(all.map((m) => m.name));
  for (const n of required) assert.ok(names.has(n), n);
});

Deno.test("zoo: every model builds a validated network matching its catalogue entry", () => {
  for (const m of listModels()) {
    const net = getNetwork(m.name);
    assert.equal(net.name, m.name);
    assert.equal(net.family, m.family);
    assert.deepEqual(net.input, m.input, m.name);
    assert.ok(networkMacs(net) > 0 && networkParams(net) > 0, m.name);
    const first = net.layers[0];
    if (first.kind === "conv2d") {
      assert.deepEqual([first.inputH, first.inputW, first.inputC], [
        m.input.h,
        m.input.w,
        m.input.c,
      ]);
    }
  }
});

Deno.test("zoo: an unknown name throws naming it and suggesting close names", () => {
  assert.throws(() => getNetwork("resnet5"), /unknown model "resnet5".*resnet50/);
  assert.throws(() => getNetwork("mobilenetv2"), /mobilenet_v2/);
  assert.throws(() => getNetwork("resnet50", { batch: 0 }), /batch must be a positive integer/);
});

Deno.test("zoo: batch multiplies MACs (every GEMM's M grows by the batch), not parameters", () => {
  const one = getNetwork("resnet18");
  const four = getNetwork("resnet18", { batch: 4 });
  assert.equal(networkMacs(four), 4 * networkMacs(one));
  assert.equal(networkParams(four), networkParams(one));
});

Deno.test("zoo: BERT-base MACs follow the closed form at any sequence length", () => {
  // Per layer: Q, K, V, output projections S*4*H^2; FFN S*2*4H*H; QK^T and AV 2*S^2*H.
  // Plus the pooler H^2 on one token. H = 768, 12 layers (Devlin et al. 2019).
  const H = 768;
  for (const S of [128, 384]) {
    const want = 12 * (S * 4 * H * H + S * 8 * H * H + 2 * S * S * H) + H * H;
    assert.equal(networkMacs(getNetwork("bert_base", { seqLen: S })), want, `S=${S}`);
    assert.equal(getNetwork("bert_base", { seqLen: S }).input.h, S);
  }
});

Deno.test("zoo: transformer params plus embedding tables equal the published model sizes", () => {
  // Embedding tables are lookups and not zoo layers; add them by hand:
  // BERT: vocab 30522, 512 positions, 2 token types, embedding layer norm (2H).
  // GPT-2: vocab 50257, 1024 positions. Published totals: Hugging Face model cards /
  // num_parameters() of bert-base-uncased 109,482,240, bert-large-uncased 335,141,888,
  // gpt2 124,439,808, gpt2-medium 354,823,168, gpt2-large 774,030,080, gpt2-xl 1,557,611,200.
  const bertEmb = (h: number) => (30522 + 512 + 2) * h + 2 * h;
  const gptEmb = (h: number) => (50257 + 1024) * h;
  const cases: [string, number, number][] = [
    ["bert_base", bertEmb(768), 109482240],
    ["bert_large", bertEmb(1024), 335141888],
    ["gpt2", gptEmb(768), 124439808],
    ["gpt2_medium", gptEmb(1024), 354823168],
    ["gpt2_large", gptEmb(1280), 774030080],
    ["gpt2_xl", gptEmb(1600), 1557611200],
  ];
  for (const [name, emb, published] of cases) {
    assert.equal(networkParams(getNetwork(name)) + emb, published, name);
  }
});

Deno.test("zoo: MobileNet v1 matches the paper's mult-adds and parameters", () => {
  // Howard et al. 2017, Table 6 (width multiplier) and Table 7 (resolution), in millions.
  const cases: [string, number, number][] = [
    ["mobilenet_v1_1.0_224", 569, 4.2],
    ["mobilenet_v1_0.75_224", 325, 2.6],
    ["mobilenet_v1_0.5_224", 149, 1.3],
    ["mobilenet_v1_0.25_224", 41, 0.5],
    ["mobilenet_v1_1.0_192", 418, 4.2],
    ["mobilenet_v1_1.0_160", 290, 4.2],
    ["mobilenet_v1_1.0_128", 186, 4.2],
  ];
  for (const [name, macsM, paramsM] of cases) {
    const net = getNetwork(name);
    const m = networkMacs(net) / 1e6;
    assert.ok(Math.abs(m - macsM) <= Math.max(0.01 * macsM, 0.5), `${name} MACs ${m}`);
    const p = networkParams(net) / 1e6;
    assert.ok(Math.abs(p - paramsM) <= 0.05, `${name} params ${p}`); // published to 0.1 M
  }
});

Deno.test("zoo: YOLOv3 and YOLOv3-tiny match Darknet's published FLOPs (2 per MAC)", () => {
  // Redmon & Farhadi 2018, YOLO web page table: YOLOv3-416 65.86 Bn FLOPs, YOLOv3-tiny 5.56 Bn.
  for (const [name, bflops] of [["yolov3", 65.86], ["yolov3_tiny", 5.56]] as const) {
    const g = (2 * networkMacs(getNetwork(name))) / 1e9;
    assert.ok(Math.abs(g - bflops) <= 0.01 * bflops, `${name}: ${g}`);
  }
});

Deno.test("zoo: DLRM dense MACs are the MLPerf MLP sizes plus the 27x27 dot interaction", () => {
  // Bottom 13-512-256-128, top 479-1024-1024-512-256-1, interaction 27 x 128 x 27.
  const mlp = (w: number[]) => w.slice(1).reduce((s, n, i) => s + w[i] * n, 0);
  const want = mlp([13, 512, 256, 128]) + mlp([479, 1024, 1024, 512, 256, 1]) + 27 * 128 * 27;
  const net = getNetwork("dlrm");
  assert.equal(networkMacs(net), want);
  assert.equal(net.layers.filter((l) => layerMacs(l) > 0).length, 9);
});
