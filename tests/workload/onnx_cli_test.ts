/** `deno task zoo --onnx` and `deno task simulate --onnx`: fields, costs, and error exits. */
import assert from "node:assert/strict";
import { defaultAccelerator, getNetwork, networkCost } from "../../lib/mod.ts";
import { runCli } from "../cli_run.ts";

const cli = (...args: string[]) => runCli(...args);

const R18 = "tests/fixtures/onnx/resnet18.onnx";
const DET = "tests/fixtures/onnx/ch_PP-OCRv4_det_infer.onnx";

Deno.test("zoo --onnx --json: the zoo's fields, family onnx, numbers equal to the zoo's resnet18", async () => {
  const r = await cli("zoo", "--onnx", R18, "--json");
  assert.equal(r.code, 0, r.stderr);
  const [row] = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(row).sort(), [
    "family",
    "input",
    "layers",
    "macs",
    "name",
    "params",
    "task",
  ]);
  // torchvision's ResNet-18: 11,689,512 parameters, 1.814 GMACs, 21 MAC layers (20 conv + fc).
  assert.deepEqual(row, {
    name: "resnet18",
    family: "onnx",
    task: "other",
    input: { h: 224, w: 224, c: 3 },
    layers: 21,
    params: 11689512,
    macs: 1814073344,
  });
  assert.match(r.stderr, /symbolic batch "batch" taken as 1/);
});

Deno.test("simulate --onnx costs the import like the zoo network it equals", async () => {
  const r = await cli("simulate", "--onnx", R18, "--array", "32x32", "--json");
  assert.equal(r.code, 0, r.stderr);
  const got = JSON.parse(r.stdout).total;
  const want = networkCost(getNetwork("resnet18"), defaultAccelerator(32, 32)).total;
  assert.equal(got.macs, want.macs);
  assert.equal(got.scaleSimTotalCycles, want.scaleSimTotalCycles);
});

Deno.test("--onnx errors: symbolic H/W without --input exits 1 naming it; --input alone exits 2", async () => {
  const sym = await cli("zoo", "--onnx", DET);
  assert.equal(sym.code, 1);
  assert.match(sym.stderr, /dim 2 is symbolic \("p2o\.DynamicDimension\.1"\).*--input/);
  const ok = await cli("zoo", "--onnx", DET, "--input", "1x3x640x640", "--json");
  assert.equal(ok.code, 0, ok.stderr);
  const alone = await cli("simulate", "--input", "1x3x224x224", "--array", "8x8");
  assert.equal(alone.code, 2);
  assert.match(alone.stderr, /exactly one of --topology/);
});
