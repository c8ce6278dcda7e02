/**
 * Fuzzing the ONNX importer (fast-check, fixed seeds): truncated files and flipped bytes of a real
 * PyTorch export give a Network or a ValidationError naming the file, never another exception,
 * and never take long (no hang).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { ValidationError } from "../../lib/mod.ts";
import { readOnnx } from "../../lib/workload/onnx.ts";

const FILE = "tests/fixtures/onnx/resnet18.onnx";
const bytes = Deno.readFileSync(FILE);

/** Import `b`; returns "ok" or the ValidationError; rethrows anything else; checks the time. */
function attempt(b: Uint8Array, input?: string): "ok" | ValidationError {
  const t0 = performance.now();
  try {
    readOnnx(b, { file: "fuzz.onnx", input });
    return "ok";
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    assert.match(e.message, /fuzz\.onnx|network|layer/);
    return e;
  } finally {
    // A real import of this file takes a few ms; 2 s means something loops.
    assert.ok(performance.now() - t0 < 2000, "import took over 2 s");
  }
}

Deno.test("fuzz: every strict prefix that cuts the graph is an error naming a byte offset", () => {
  // The graph field ends a few bytes before the file does (only opset_import follows it).
  fc.assert(
    fc.property(fc.integer({ min: 0, max: bytes.length - 20 }), (n) => {
      const r = attempt(bytes.subarray(0, n));
      assert.ok(r !== "ok", `prefix of ${n} bytes imported`);
      assert.match(r.message, /byte offset|ModelProto\.graph|wire type/);
    }),
    { seed: 19, numRuns: 300 },
  );
});

Deno.test("fuzz: a flipped byte gives a Network or a ValidationError, never a crash", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: bytes.length - 1 }),
      fc.integer({ min: 1, max: 255 }),
      (at, mask) => {
        const b = bytes.slice();
        b[at] ^= mask;
        attempt(b);
      },
    ),
    { seed: 1919, numRuns: 400 },
  );
});

Deno.test("fuzz: random bytes and spliced files are errors, not crashes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 4096 }), (b) => void attempt(b)),
    { seed: 7, numRuns: 300 },
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: bytes.length }),
      fc.integer({ min: 0, max: bytes.length }),
      (a, z) => {
        const [lo, hi] = a < z ? [a, z] : [z, a];
        // Drop a slice out of the middle: lengths no longer match what follows.
        const b = new Uint8Array([...bytes.subarray(0, lo), ...bytes.subarray(hi)]);
        attempt(b);
      },
    ),
    { seed: 77, numRuns: 200 },
  );
});

Deno.test("fuzz: flipped bytes in a Paddle2ONNX file with Shape/Slice/Reshape arithmetic", () => {
  const rec = Deno.readFileSync("tests/fixtures/onnx/ch_PP-OCRv4_rec_infer.onnx");
  assert.equal(attempt(rec, "1x3x48x320"), "ok");
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: rec.length - 1 }),
      fc.integer({ min: 1, max: 255 }),
      (at, mask) => {
        const b = rec.slice();
        b[at] ^= mask;
        attempt(b, "1x3x48x320");
      },
    ),
    { seed: 2024, numRuns: 300 },
  );
});
