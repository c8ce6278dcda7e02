/** `zoo`: placeholder until issue #3 lands. */
import { type Command, parseFlags } from "./args.ts";

export const zoo: Command = {
  summary: "(not yet available: issue #3)",
  usage:
    "usage: deno task zoo [--json] [--family F] [--export-topology NAME]  (not yet available: lands with issue #3)",
  run(args) {
    const { values } = parseFlags(args, {});
    if (values.help) return console.log(this.usage), 0;
    console.error(this.usage);
    return 2;
  },
};
