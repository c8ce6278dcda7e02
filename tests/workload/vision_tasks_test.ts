import assert from "node:assert/strict";
import { getNetwork, listModels, networkMacs, networkParams } from "../../lib/mod.ts";

const gops = (name: string) => (2 * networkMacs(getNetwork(name))) / 1e9;
const paramsM = (name: string) => networkParams(getNetwork(name)) / 1e6;

Deno.test("vision tasks: registered with their task, at the Vitis AI zoo input size", () => {
  const info = new Map(listModels().map((m) => [m.name, m]));
  const want: [string, string, number, number][] = [
    ["enet", "segmentation", 512, 1024],
    ["yolov2_voc", "detection", 448, 448],
    ["yolov3_voc", "detection", 416, 416],
    ["yolov3_bdd", "detection", 288, 512],
    ["simple_baseline_resnet50", "pose", 256, 192],
    ["simple_baseline_resnet101", "pose", 256, 192],
    ["simple_baseline_resnet152", "pose", 256, 192],
  ];
  for (const [name, task, h, w] of want) {
    const m = info.get(name);
    assert.ok(m, name);
    assert.deepEqual([m.task, m.input.h, m.input.w, m.domain], [task, h, w, "cnn"], name);
  }
});

Deno.test("ENet: 0.37 M parameters (Paszke et al. 2016, Table 3) and the zoo's 8.6 GOPs", () => {
  // Published to two digits: 0.37 M. Operations: Vitis AI zoo name pt_ENet_cityscapes_512_1024_8.6G;
  // our bottleneck widths (a quarter of the wider side) land within 5 %.
  assert.ok(Math.abs(paramsM("enet") - 0.37) <= 0.005, `${paramsM("enet")}`);
  assert.ok(Math.abs(gops("enet") / 8.6 - 1) <= 0.05, `${gops("enet")}`);
});

Deno.test("YOLOv2 / YOLOv3 variants match the zoo's published operation counts", () => {
  // Vitis AI zoo names: dk_yolov2_voc_448_448_34G, dk_yolov3_voc_416_416_65.42G,
  // dk_yolov3_bdd_288_512_53.7G (operations, 2 per MAC).
  assert.ok(Math.abs(gops("yolov2_voc") / 34 - 1) <= 0.01, `${gops("yolov2_voc")}`);
  assert.ok(Math.abs(gops("yolov3_voc") / 65.42 - 1) <= 0.01, `${gops("yolov3_voc")}`);
  // BDD: 10 classes assumed (3 x 15 outputs); the zoo's count is 3.7 % lower (variant not public).
  assert.ok(Math.abs(gops("yolov3_bdd") / 53.7 - 1) <= 0.05, `${gops("yolov3_bdd")}`);
  // Fewer output channels than COCO's 255: fewer MACs in the three detection convs only.
  assert.ok(gops("yolov3_voc") < gops("yolov3"));
});

Deno.test("Simple Baselines pose nets match the published parameter counts", () => {
  // Sun et al. 2019 (HRNet), Table 1: SimpleBaseline ResNet-50/101/152 at 256 x 192:
  // 34.0 M, 53.0 M, 68.6 M parameters.
  for (const [d, p] of [[50, 34.0], [101, 53.0], [152, 68.6]] as const) {
    const ours = paramsM(`simple_baseline_resnet${d}`);
    assert.ok(Math.abs(ours - p) <= 0.05, `resnet${d}: ${ours}`);
  }
});
