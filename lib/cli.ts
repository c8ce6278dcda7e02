/**
 * Command-line entry point: `deno run lib/cli.ts <command> [flags]` (the deno.json tasks call it).
 * Bad arguments print one line and exit with code 2; bad input files exit with code 1.
 */
import { type Command, UsageError } from "./cli/args.ts";
import { ValidationError } from "./validate.ts";

/**
 * The subcommands by name, each loaded on first use: a command pays only for its own modules
 * (e.g. `map` does not load the studies, plotting or mathjs).
 */
export const commands: Record<string, () => Promise<Command>> = {
  reproduce: async () => (await import("./cli/reproduce.ts")).reproduce,
  simulate: async () => (await import("./cli/simulate.ts")).simulate,
  zoo: async () => (await import("./cli/zoo.ts")).zoo,
  map: async () => (await import("./cli/map.ts")).map,
  estimate: async () => (await import("./cli/estimate.ts")).estimate,
};

async function topUsage(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(commands).map(async ([n, load]) =>
      `  ${n.padEnd(10)} ${(await load()).summary}`
    ),
  );
  return `usage: lib/cli.ts <command> [--help]\ncommands:\n${lines.join("\n")}`;
}

/** Run the CLI on `args`; returns the process exit code (0 ok, 1 bad input data, 2 bad usage). */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h") {
    console.log(await topUsage());
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    console.error(`unknown command "${name}" (known: ${Object.keys(commands).join(", ")})`);
    return 2;
  }
  const cmd = await load();
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
