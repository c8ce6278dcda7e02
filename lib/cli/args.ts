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
    const message = (e as Error).message;
    throw new UsageError(ambiguousValue(message, args, options) ?? message.split("\n")[0]);
  }
}

/**
 * parseArgs refuses a value that starts with "-" after a space (`--bw -3`) as "ambiguous"; say
 * which value it was and how to write it. Returns undefined for every other error.
 */
function ambiguousValue(message: string, args: string[], options: Options): string | undefined {
  const flag = /^Option '(-[^']+)' argument is ambiguous/.exec(message)?.[1];
  if (flag === undefined) return undefined;
  const short = flag.startsWith("--") ? undefined : flag.slice(1);
  const long = short === undefined
    ? flag.slice(2)
    : Object.keys(options).find((name) => options[name].short === short) ?? short;
  const given = (a: string) =>
    a === flag || (short !== undefined && /^-[^-]/.test(a) && a.endsWith(short));
  const i = args.findIndex((a, j) => given(a) && args[j + 1]?.startsWith("-"));
  if (i < 0) return undefined;
  const value = args[i + 1];
  return /^-\.?\d/.test(value)
    ? `--${long}: value "${value}" looks like a flag; write --${long}=${value}`
    : `--${long}: missing value before "${value}" (a value starting with "-": write --${long}=...)`;
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
