import assert from "node:assert/strict";
import { parseCnnThroughputOptions } from "../../lib/experiments/cnn-throughput/setup.ts";
import { ValidationError } from "../../lib/validate.ts";
import { cnnNames } from "../../lib/workload/zoo/mod.ts";

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
  // The schema's documented defaults: every zoo CNN, B1024/B2304/B4096, 1..8 threads, 1..3 cores.
  assert.deepEqual(o.models, cnnNames());
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
