/** The `map` command end to end: JSON output consistent with the library, exit codes. */
import assert from "node:assert/strict";
import { getSetting, makeProblem, makespanBounds, parseM3eCsv } from "../../lib/mapping/mod.ts";
import { M3E_JOBS } from "./helpers.ts";
import { runCli } from "../cli_run.ts";

const CSV = new URL("language-insts0.csv", M3E_JOBS).pathname;

const map = (...args: string[]) => runCli("map", ...args);

Deno.test({
  name: `map --json: a schedule that covers every job once, above the lower bound`,
}, async () => {
  const r = await map(
    "--jobs",
    CSV,
    "--setting",
    "S2",
    "--bw",
    "4",
    "--optimizer",
    "magma",
    "--samples",
    "500",
    "--seed",
    "3",
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.samples, 500);
  assert.equal(out.cores.length, 4);
  const jobs = out.cores.flatMap((c: { jobs: number[] }) => c.jobs).sort((a: number, b: number) =>
    a - b
  );
  assert.deepEqual(jobs, Array.from({ length: 100 }, (_, i) => i));
  const p = makeProblem(parseM3eCsv(Deno.readTextFileSync(CSV)), getSetting("S2").cores, 4);
  assert.equal(out.lowerBoundCycles, makespanBounds(p).lowerBoundCycles);
  assert.ok(out.makespanCycles >= out.lowerBoundCycles);
  assert.equal(
    out.makespanCycles,
    Math.max(...out.cores.map((c: { finishCycles: number }) => c.finishCycles)),
  );
  // Throughput is jobs per million cycles.
  assert.ok(Math.abs(out.throughputJobsPerMCycle - 100e6 / out.makespanCycles) < 1e-6);
});

Deno.test("map: bad inputs give exit 1 (data) or 2 (usage) with one line naming the problem", async () => {
  const bad = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(bad, "1,1,20,128,128,1,1,1,9\n");
  // A valid two-job file of our own, so these checks do not depend on the M3E groups.
  const good = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(good, "1,1,20,128,128,1,1,1,3\n1,2,64,64,14,14,3,3,1\n");
  const cases: [string[], number, RegExp][] = [
    [["--jobs", bad], 1, /row 1, column T/],
    [["--jobs", "/no/such.csv"], 1, /No such file/],
    [["--jobs", good, "--optimizer", "nope"], 2, /unknown optimizer "nope"/],
    [["--jobs", good, "--setting", "S9"], 2, /unknown setting "S9"/],
    [["--jobs", good, "--bw", "0"], 2, /--bw must be a positive number/],
    [["--jobs", good, "--samples", "0"], 2, /--samples must be at least 1 \(got 0\)/],
    [["--jobs", good, "--task", "vision"], 2, /exactly one of --jobs FILE or --task/],
  ];
  for (const [args, code, msg] of cases) {
    const r = await map(...args);
    assert.equal(r.code, code, args.join(" "));
    assert.match(r.stderr, msg);
    assert.equal(r.stderr.trim().split("\n").length, 1, args.join(" "));
  }
  await Deno.remove(bad);
  await Deno.remove(good);
});
