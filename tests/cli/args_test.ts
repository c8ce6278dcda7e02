import assert from "node:assert/strict";
import { parseFlags, UsageError } from "../../lib/cli/args.ts";

const options = {
  bw: { type: "string", short: "b" },
  json: { type: "boolean", short: "j" },
} as const;

function usageError(args: string[]): string {
  try {
    parseFlags(args, options);
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    return e.message;
  }
  assert.fail(`no UsageError for ${args.join(" ")}`);
}

Deno.test("parseFlags: a negative value after a space says how to write it, on one line", () => {
  assert.equal(usageError(["--bw", "-3"]), `--bw: value "-3" looks like a flag; write --bw=-3`);
  assert.equal(usageError(["-b", "-0.5"]), `--bw: value "-0.5" looks like a flag; write --bw=-0.5`);
  assert.equal(usageError(["-jb", "-3"]), `--bw: value "-3" looks like a flag; write --bw=-3`);
  // The written form parses (the value is then the command's to check).
  assert.equal(parseFlags(["--bw=-3"], options).values.bw, "-3");
});

Deno.test("parseFlags: a flag where a value belongs is a missing value", () => {
  const msg = usageError(["--bw", "--json"]);
  assert.match(msg, /^--bw: missing value before "--json"/);
  assert.equal(msg.split("\n").length, 1);
});

Deno.test("parseFlags: other parse errors keep parseArgs' first line", () => {
  assert.match(usageError(["--nope"]), /Unknown option '--nope'/);
  assert.match(usageError(["--bw"]), /--bw/);
});
