/** Shared argument handling for the CLI: strict parseArgs, one-line usage errors with exit code 2. */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A bad command line; the CLI prints the message on one line and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs in strict mode, with `--help`/`-h` added; unknown flags raise UsageError naming the flag. */
export function parseFlags<O extends Options>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals,
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
}

/** Parse a positive integer flag value; throws UsageError naming the flag and the value. */
export function intFlag(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  }
  return n;
}

/** One subcommand of the CLI. */
export interface Command {
  /** One-line description for the top-level help. */
  summary: string;
  /** Usage text printed by --help. */
  usage: string;
  /** Run with the arguments after the subcommand name; returns the exit code. */
  run(args: string[]): Promise<number> | number;
}
