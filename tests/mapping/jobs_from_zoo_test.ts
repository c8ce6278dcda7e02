/** Layer IR to jobs (MACs preserved, per workload/gemm.ts) and seeded zoo job groups. */
import assert from "node:assert/strict";
import { jobMacs, layerToJob, networkJobs, sampleJobGroup, TASKS } from "../../lib/mapping/mod.ts";
import { layerMacs } from "../../lib/workload/gemm.ts";
import { parseLayer } from "../../lib/workload/shapes.ts";
import { getNetwork } from "../../lib/workload/zoo/mod.ts";

Deno.test("a strided, padded conv keeps its output size and MACs in M3E's stride-1 form", () => {
  // ResNet stem: 224x224x3 -> 64 filters 7x7, stride 2, pad 3 -> 112x112 output.
  const l = parseLayer({
    kind: "conv2d",
    name: "conv1",
    inputH: 224,
    inputW: 224,
    inputC: 3,
    outputC: 64,
    kernelH: 7,
    kernelW: 7,
    strideH: 2,
    strideW: 2,
    padH: 3,
    padW: 3,
  });
  const j = layerToJob(l)!;
  assert.deepEqual([j.type, j.K, j.C, j.Y, j.X, j.R, j.S], ["CONV", 64, 3, 118, 118, 7, 7]);
  assert.equal(jobMacs(j), 112 * 112 * 64 * 3 * 49);
});

Deno.test("depthwise -> DSCONV (K = 1), grouped -> CONV with C per group, dense rows -> GEMM", () => {
  const dw = parseLayer({
    kind: "conv2d",
    name: "dw",
    inputH: 56,
    inputW: 56,
    inputC: 144,
    outputC: 144,
    kernelH: 3,
    kernelW: 3,
    padH: 1,
    padW: 1,
    groups: 144,
  });
  assert.deepEqual(layerToJob(dw), {
    type: "DSCONV",
    K: 1,
    C: 144,
    Y: 58,
    X: 58,
    R: 3,
    S: 3,
    threadId: 0,
    layerId: 0,
  });
  const grouped = parseLayer({
    kind: "conv2d",
    name: "g",
    inputH: 14,
    inputW: 14,
    inputC: 256,
    outputC: 256,
    kernelH: 3,
    kernelW: 3,
    padH: 1,
    padW: 1,
    groups: 32,
  });
  const g = layerToJob(grouped)!;
  assert.deepEqual([g.type, g.K, g.C], ["CONV", 256, 8]);
  const dense = parseLayer({
    kind: "dense",
    name: "q",
    inputFeatures: 768,
    outputFeatures: 2304,
    tokens: 20,
  });
  const q = layerToJob(dense)!;
  assert.deepEqual([q.type, q.K, q.C, q.Y], ["GEMM", 2304, 768, 20]);
  const head = parseLayer({ kind: "dense", name: "fc", inputFeatures: 2048, outputFeatures: 1000 });
  assert.equal(layerToJob(head)!.type, "FC");
  const pool = parseLayer({
    kind: "pool",
    name: "p",
    op: "max",
    inputH: 8,
    inputW: 8,
    inputC: 4,
    kernelH: 2,
    kernelW: 2,
    strideH: 2,
    strideW: 2,
  });
  assert.equal(layerToJob(pool), null);
});

Deno.test("every zoo layer used by the task groups keeps its MAC count as a job", () => {
  for (
    const name of [
      "mobilenet_v2",
      "resnext50_32x4d",
      "googlenet",
      "bert_base",
      "dlrm",
      "wide_and_deep",
    ]
  ) {
    const net = getNetwork(name, { seqLen: 20 });
    const jobs = networkJobs(net);
    const macLayers = net.layers.filter((l) => layerMacs(l) > 0);
    assert.equal(jobs.length, macLayers.length, name);
    jobs.forEach((j, i) =>
      assert.equal(jobMacs(j), layerMacs(macLayers[i]), `${name} ${j.source}`)
    );
  }
});

Deno.test("task groups: 100 jobs, deterministic per seed, task-appropriate job types", () => {
  for (const task of TASKS) {
    const a = sampleJobGroup(task, { seed: 5 });
    assert.equal(a.length, 100);
    assert.deepEqual(a, sampleJobGroup(task, { seed: 5 }));
    assert.notDeepEqual(a, sampleJobGroup(task, { seed: 6 }));
    const types = new Set(a.map((j) => j.type));
    if (task === "vision") assert.ok([...types].every((t) => t === "CONV" || t === "DSCONV"));
    if (task === "language" || task === "recommendation") {
      assert.ok([...types].every((t) => t === "GEMM" || t === "FC"), task);
    }
    if (task === "mix") assert.ok(types.has("CONV") && types.has("GEMM") && types.has("FC"));
  }
  assert.throws(() => sampleJobGroup("vision", { jobs: 0 }), /jobs must be a positive integer/);
});
