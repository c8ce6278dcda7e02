/**
 * Command-line entry point: `deno run lib/cli.ts <command> [flags]` (the deno.json tasks call it).
 * Bad arguments print one line and exit with code 2; bad input files exit with code 1.
 */
import { type Command, UsageError } from "./cli/args.ts";
import { estimate } from "./cli/estimate.ts";
import { map } from "./cli/map.ts";
import { reproduce } from "./cli/reproduce.ts";
import { simulate } from "./cli/simulate.ts";
import { zoo } from "./cli/zoo.ts";
import { ValidationError } from "./validate.ts";

/** The subcommands by name. */
export const commands: Record<string, Command> = { reproduce, simulate, zoo, map, estimate };

function topUsage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `usage: lib/cli.ts <command> [--help]\ncommands:\n${lines.join("\n")}`;
}

/** Run the CLI on `args`; returns the process exit code (0 ok, 1 bad input data, 2 bad usage). */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h") {
    console.log(topUsage());
    return name === undefined ? 2 : 0;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`unknown command "${name}" (known: ${Object.keys(commands).join(", ")})`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${name}: ${e.message}`);
      return 2;
    }
    if (e instanceof ValidationError || e instanceof Deno.errors.NotFound) {
      console.error(`${name}: ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
