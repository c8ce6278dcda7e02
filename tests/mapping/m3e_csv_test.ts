/** M3E job CSVs: the repository's own groups round-trip, GEMM slots, errors name row and column. */
import assert from "node:assert/strict";
import { jobMacs, parseJobs, parseM3eCsv, toM3eCsv } from "../../lib/mapping/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import { m3eJobsText } from "./helpers.ts";

const FILES = ["vision", "language", "recommendation", "mix"].map((t) => `${t}-insts0.csv`);

for (const f of FILES) {
  Deno.test({
    name: `M3E group ${f} parses to 100 jobs and writes back byte for byte`,
  }, () => {
    const text = m3eJobsText(f);
    const jobs = parseM3eCsv(text, f);
    assert.equal(jobs.length, 100);
    assert.equal(toM3eCsv(jobs), text.endsWith("\n") ? text : text + "\n");
  });
}

Deno.test("a GEMM row stores M, N, K in the K, C, Y slots", () => {
  // First row of M3E's language insts0: M = 20, N = 128, K = 128.
  const [j] = parseM3eCsv("1,1,20,128,128,1,1,1,3\n");
  assert.deepEqual([j.type, j.K, j.C, j.Y], ["GEMM", 128, 128, 20]);
  assert.equal(jobMacs(j), 20 * 128 * 128);
});

Deno.test("a header row is accepted and DSCONV keeps K = 1", () => {
  const jobs = parseM3eCsv("threadId,layerId,K,C,Y,X,R,S,T\n2,3,1,144,56,56,3,3,2\n");
  assert.deepEqual(jobs[0], {
    type: "DSCONV",
    K: 1,
    C: 144,
    Y: 56,
    X: 56,
    R: 3,
    S: 3,
    threadId: 2,
    layerId: 3,
  });
  // Depthwise MACs: C x Yo x Xo x R x S = 144 x 54 x 54 x 9.
  assert.equal(jobMacs(jobs[0]), 144 * 54 * 54 * 9);
});

Deno.test("bad cells are all reported with row and column", () => {
  const bad =
    "1,1,64,64,14,14,3,3,1\n1,1,-4,64,14,14,3,3,1\n1,1,64,x,14,14,3,3,7\n1,1,64\n1,1,8,8,2,2,3,3,1\n";
  try {
    parseM3eCsv(bad, "bad.csv");
    assert.fail("expected a ValidationError");
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    const msg = e.message;
    assert.match(msg, /bad\.csv/);
    assert.match(msg, /row 2, column K: expected an integer >= 1 \(got "-4"\)/);
    assert.match(msg, /row 3, column C: .*got "x"/);
    assert.match(msg, /row 3, column T: expected 0 FC, 1 CONV, 2 DSCONV or 3 GEMM \(got 7\)/);
    assert.match(msg, /row 4: expected 9 columns, got 3/);
    assert.match(msg, /row 5: filter R 3 > input rows Y 2/);
  }
});

Deno.test("an empty file and a malformed FC row are rejected", () => {
  assert.throws(() => parseM3eCsv("\n\n"), /no job rows/);
  assert.throws(() => parseM3eCsv("1,1,10,10,5,1,1,1,0\n"), /row 1: FC needs Y = 1 \(got 5\)/);
});

Deno.test("parseJobs names the bad field of a job object", () => {
  assert.throws(
    () => parseJobs([{ type: "CONV", K: 0, C: 3, Y: 8, X: 8, R: 3, S: 3 }]),
    /\[0\]\.K/,
  );
  assert.throws(
    () => parseJobs([{ type: "DSCONV", K: 4, C: 3, Y: 8, X: 8, R: 3, S: 3 }]),
    /job 0: DSCONV needs K = 1 \(got 4\)/,
  );
});
