/** `zoo`: placeholder until issue #3 lands. */
import type { Command } from "./args.ts";

export const zoo: Command = {
  summary: "(not yet available: issue #3)",
  usage:
    "usage: deno task zoo [--json] [--family F] [--export-topology NAME]  (not yet available: lands with issue #3)",
  run() {
    console.error(this.usage);
    return 2;
  },
};
