import assert from "node:assert/strict";
import { parseCsv } from "../../lib/throughput/csv.ts";
import { parsePerfCsv } from "../../lib/throughput/perf-csv.ts";
import { ValidationError } from "../../lib/validate.ts";

const HEAD = "name,board,dpu_arch,dpu_cores,dpu_mhz,gops_per_image,fps_1thread,input_hw";

/** The message of the ValidationError `f` throws. */
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ValidationError, `expected ValidationError, got ${e}`);
    return e.message;
  }
  throw new Error("no error thrown");
}

Deno.test("csv: quoted fields keep commas, quotes and newlines; CRLF and blank lines", () => {
  const t = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n');
  assert.deepEqual(t.header, ["a", "b"]);
  assert.deepEqual(t.records.map((r) => r.cells), [["x, y", 'say "hi"'], ["two\nlines", "z"]]);
  assert.deepEqual(t.records.map((r) => [r.row, r.line]), [[1, 2], [2, 4]]);
});

Deno.test("csv: structural errors name the row and the line", () => {
  assert.match(
    errorOf(() => parseCsv('a,b\n1,2\n"open,3\n')),
    /line 3: a quoted field is never closed/,
  );
  assert.match(errorOf(() => parseCsv("a,b\n1,2\n3\n")), /row 2 \(line 3\): 1 cells, header has 2/);
  assert.match(errorOf(() => parseCsv("a,a\n")), /column "a" appears twice/);
  assert.match(errorOf(() => parseCsv("")), /empty/);
});

Deno.test("perf csv: a good row parses with its units", () => {
  const [r] = parsePerfCsv(
    `${HEAD}\ncf_resnet50_imagenet_224_224_7.7G,KV260,B4096F,1,300,7.7,80.3,224x224x3\n`,
  );
  assert.equal(r.dpu.arch, "B4096");
  assert.equal(r.inputPixels, 224 * 224);
  assert.equal(r.task, "classification");
  assert.equal(r.fps1Thread, 80.3);
  assert.equal(r.fpsMultithread, undefined);
});

Deno.test("perf csv: malformed cells are reported with row, line, column and value", () => {
  const text = [
    HEAD,
    "a,KV260,B4096,1,300,7.7,abc,224x224",
    "b,KV260,B999,0,300,7.7,10,224x224",
    "c,KV260,B4096,1,300,-2,10,huge",
    "d,KV260,B4096,1,300,,,224x224",
  ].join("\n");
  const m = errorOf(() => parsePerfCsv(text, "f.csv"));
  assert.match(m, /^invalid f\.csv: /);
  assert.match(m, /row 1 \(line 2\), column fps_1thread: .* \(got "abc"\)/);
  assert.match(m, /row 2 \(line 3\), column dpu_arch: not a DPUCZDX8G size .* \(got "B999"\)/);
  assert.match(m, /row 2 \(line 3\), column dpu_cores: .* \(got "0"\)/);
  assert.match(m, /row 3 \(line 4\), column gops_per_image: .* \(got "-2"\)/);
  assert.match(m, /row 3 \(line 4\), column input_hw: .* \(got "huge"\)/);
  assert.match(m, /row 4 \(line 5\), columns fps_1thread and gops_per_image: both empty/);
});

Deno.test("perf csv: a zero or negative input dimension is an error, not 'no size'", () => {
  const text = [
    HEAD,
    "a,KV260,B4096,1,300,7.7,10,0x0",
    "b,KV260,B4096,1,300,7.7,10,224x0x3",
    "c,KV260,B4096,1,300,7.7,10,-224x224",
    "d,KV260,B4096,1,300,7.7,10,224x224",
  ].join("\n");
  const m = errorOf(() => parsePerfCsv(text, "f.csv"));
  assert.match(m, /row 1 \(line 2\), column input_hw: .*positive \(got "0x0"\)/);
  assert.match(m, /row 2 \(line 3\), column input_hw: .*positive \(got "224x0x3"\)/);
  assert.match(m, /row 3 \(line 4\), column input_hw: .*positive \(got "-224x224"\)/);
  assert.doesNotMatch(m, /row 4/);
});

Deno.test("perf csv: a missing required column is named", () => {
  const m = errorOf(() => parsePerfCsv("name,board,dpu_arch,dpu_mhz\nx,y,B4096,300\n"));
  assert.match(m, /missing column "dpu_cores"/);
});
