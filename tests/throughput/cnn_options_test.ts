import assert from "node:assert/strict";
import {
  parseCnnThroughputOptions,
  studySet,
  vitisClassifierShare,
} from "../../lib/experiments/cnn-throughput/setup.ts";
import { ValidationError } from "../../lib/validate.ts";
import { cnnNames, listModels } from "../../lib/workload/zoo/mod.ts";

/** Assert `f` throws a ValidationError whose message matches every pattern. */
function throwsNaming(f: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ValidationError, `expected ValidationError, got ${e}`);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

Deno.test("cnn-throughput options: defaults are the documented ones", () => {
  const o = parseCnnThroughputOptions();
  // The schema's documented defaults: the study set, B1024/B2304/B4096, 1..8 threads, 1..3 cores.
  assert.deepEqual(o.models, studySet());
  assert.deepEqual(o.sizes, ["B1024", "B2304", "B4096"]);
  assert.equal(o.maxThreads, 8);
  assert.equal(o.maxCores, 3);
  assert.equal(o.mhz, 300);
});

Deno.test("cnn-throughput options: each bad field is named with its value", () => {
  throwsNaming(() => parseCnnThroughputOptions({ maxThreads: 0 }), /maxThreads: .*\(got 0\)/);
  throwsNaming(
    () => parseCnnThroughputOptions({ sizes: ["B999"] }),
    /sizes\[0\]: not a DPU size .*\(got "B999"\)/,
  );
  // Both problems of one input are listed together.
  throwsNaming(
    () => parseCnnThroughputOptions({ maxThreads: 0, sizes: ["B999"] }),
    /maxThreads/,
    /sizes\[0\]/,
  );
});

Deno.test("cnn-throughput options: unknown model names are ValidationErrors naming field and name", () => {
  throwsNaming(
    () => parseCnnThroughputOptions({ models: ["resnet50", "resnet5O"] }),
    /^invalid cnn-throughput options: /,
    /models\[1\]: not a zoo CNN \(got "resnet5O"\)/,
  );
  throwsNaming(
    () => parseCnnThroughputOptions({ representative: ["nonet"] }),
    /representative\[0\]: not a zoo CNN \(got "nonet"\)/,
  );
});

Deno.test("study set: all non-classifiers, classifiers at the Vitis AI share, spread over families", () => {
  // 111 of the 225 distinct model names of data/vitis-ai-modelzoo-perf.csv are classifiers
  // (counted by task when this test was written).
  assert.equal(vitisClassifierShare(), 111 / 225);
  const info = new Map(listModels().map((m) => [m.name, m]));
  const set = studySet();
  assert.equal(new Set(set).size, set.length, "no duplicates");
  const isClassifier = (n: string) => info.get(n)!.task === "classification";
  // Every zoo CNN that is not a classifier is in the set.
  for (const n of cnnNames().filter((n) => !isClassifier(n))) assert.ok(set.includes(n), n);
  // The classifier share is the Vitis AI share up to rounding one model.
  const c = set.filter(isClassifier).length;
  assert.ok(Math.abs(c / set.length - 111 / 225) <= 1 / set.length, `${c} of ${set.length}`);
  // Round robin over families: two families' counts differ by at most one unless the smaller
  // family has no member left.
  const per = new Map<string, number>();
  const size = new Map<string, number>();
  for (const n of cnnNames().filter(isClassifier)) {
    const f = info.get(n)!.family;
    size.set(f, (size.get(f) ?? 0) + 1);
    if (set.includes(n)) per.set(f, (per.get(f) ?? 0) + 1);
  }
  const counts = [...size.keys()].map((f) => [per.get(f) ?? 0, size.get(f)!]);
  const most = Math.max(...counts.map(([k]) => k));
  for (const [k, total] of counts) assert.ok(k >= most - 1 || k === total, `${k} of ${total}`);
});
