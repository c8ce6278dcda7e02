import assert from "node:assert/strict";
import { runCli } from "../cli_run.ts";

const cli = (...args: string[]) => runCli(...args);

Deno.test("cli: unknown subcommand exits 2 and names it", async () => {
  const r = await cli("frobnicate");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command "frobnicate"/);
  assert.equal(r.stderr.trim().split("\n").length, 1, "one-line message");
});

Deno.test("cli: unknown flag exits 2 with a one-line message naming the flag", async () => {
  for (const cmd of ["reproduce", "zoo", "simulate", "map", "estimate"]) {
    const r = await cli(cmd, "--no-such-flag");
    assert.equal(r.code, 2, cmd);
    assert.match(r.stderr, /--no-such-flag/, cmd);
    assert.equal(r.stderr.trim().split("\n").length, 1, `${cmd}: one line`);
  }
});

Deno.test("cli: --help on every subcommand prints usage and exits 0", async () => {
  for (const cmd of ["reproduce", "zoo", "simulate", "map", "estimate"]) {
    const r = await cli(cmd, "--help");
    assert.equal(r.code, 0, cmd);
    assert.match(r.stdout, /usage:/, cmd);
  }
});

Deno.test("cli: reproduce rejects an unknown study id with exit 2", async () => {
  const r = await cli("reproduce", "no-such-study");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown study "no-such-study"/);
});

Deno.test("cli: the top-level summaries equal each subcommand's own summary", async () => {
  const { commands } = await import("../../lib/cli.ts");
  for (const [name, entry] of Object.entries(commands)) {
    assert.equal(entry.summary, (await entry.load()).summary, name);
  }
});
