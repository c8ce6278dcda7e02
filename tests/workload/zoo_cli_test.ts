/** `deno task zoo`: the --json fields, family filter, topology export and usage errors. */
import assert from "node:assert/strict";
import { cnnNames, getNetwork, networkMacs, readTopology } from "../../lib/mod.ts";
import { runCli } from "../cli_run.ts";

const zoo = (...args: string[]) => runCli("zoo", ...args);

Deno.test("zoo --json: exactly name, family, task, input, layers, params, macs; integers", async () => {
  const r = await zoo("--json");
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
  const cnns = new Set(cnnNames());
  assert.ok(rows.filter((x) => cnns.has(x.name as string)).length >= 104);
  for (const t of ["language", "recommendation"]) assert.ok(rows.some((x) => x.task === t), t);
  for (const row of rows) {
    assert.deepEqual(
      Object.keys(row).sort(),
      ["family", "input", "layers", "macs", "name", "params", "task"],
    );
    assert.ok(Number.isInteger(row.params) && Number.isInteger(row.macs), String(row.name));
    assert.deepEqual(Object.keys(row.input as object).sort(), ["c", "h", "w"]);
  }
  // Cross-check one row with the library (resnet50: 25,557,032 params as torchvision publishes).
  const r50 = rows.find((x) => x.name === "resnet50")!;
  assert.equal(r50.params, 25557032);
  assert.equal(r50.macs, networkMacs(getNetwork("resnet50")));
});

Deno.test("zoo --family filters; an unknown family is a usage error naming it", async () => {
  const r = await zoo("--json", "--family", "densenet");
  const names = (JSON.parse(r.stdout) as { name: string }[]).map((x) => x.name);
  assert.deepEqual(names, ["densenet121", "densenet161", "densenet169", "densenet201"]);
  const bad = await zoo("--family", "nosuch");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown family "nosuch"/);
});

Deno.test("zoo --export-topology prints a CSV that reads back to the same MACs", async () => {
  const r = await zoo("--export-topology", "squeezenet1_1");
  assert.equal(r.code, 0, r.stderr);
  const net = readTopology(r.stdout, "squeezenet1_1");
  const ref = getNetwork("squeezenet1_1");
  assert.equal(networkMacs(net), networkMacs(ref));
  // SqueezeNet 1.1 (torchvision): conv1, 8 fire modules x 3 convs, conv10 = 26 layer rows + header.
  assert.equal(r.stdout.trim().split("\n").length, 1 + 26);
  assert.equal(net.layers.length, 26);
  const bad = await zoo("--export-topology", "resnet5");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown model "resnet5".*resnet50/);
  const fmt = await zoo("--export-topology", "alexnet", "--format", "xml");
  assert.equal(fmt.code, 2);
  assert.match(fmt.stderr, /--format must be "conv" or "gemm", got "xml"/);
});
