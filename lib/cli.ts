/**
 * Command-line entry point: `deno run lib/cli.ts <command> [flags]` (the deno.json tasks call it).
 * Bad arguments print one line and exit with code 2; bad input files exit with code 1.
 * Each subcommand's module is imported only when that subcommand runs, so `simulate` does not
 * pay for the studies, plotting or the estimator (whole-process time: bench/startup.bench.ts).
 */
import { type Command, UsageError } from "./cli/args.ts";
import { ValidationError } from "./validate.ts";

/** A subcommand as the entry point knows it before loading it. */
export interface CommandEntry {
  /** One-line description for the top-level help (equal to the loaded Command's summary). */
  summary: string;
  /** Import the subcommand's module. */
  load(): Promise<Command>;
}

/** The subcommands by name. */
export const commands: Record<string, CommandEntry> = {
  reproduce: {
    summary: "run the studies and write data/results/*.json and figures/",
    load: async () => (await import("./cli/reproduce.ts")).reproduce,
  },
  simulate: {
    summary: "cost of a network on one systolic array (cycles exact to SCALE-Sim, traffic, energy)",
    load: async () => (await import("./cli/simulate.ts")).simulate,
  },
  zoo: {
    summary: "list the network zoo; export a network as a SCALE-Sim topology CSV",
    load: async () => (await import("./cli/zoo.ts")).zoo,
  },
  map: {
    summary: "map a job group (M3E CSV or a zoo task) onto cores with MAGMA or a baseline",
    load: async () => (await import("./cli/map.ts")).map,
  },
  estimate: {
    summary: "predict multithreaded DPU throughput for the rows of a performance CSV",
    load: async () => (await import("./cli/estimate.ts")).estimate,
  },
};

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
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    console.error(`unknown command "${name}" (known: ${Object.keys(commands).join(", ")})`);
    return 2;
  }
  try {
    const cmd = await entry.load();
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
