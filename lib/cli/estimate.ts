/** `estimate`: placeholder until issue #8 lands. */
import { type Command, parseFlags } from "./args.ts";

export const estimate: Command = {
  summary: "(not yet available: issue #8)",
  usage:
    "usage: deno task estimate --csv f.csv [--threads N] [--json]  (not yet available: lands with issue #8)",
  run(args) {
    const { values } = parseFlags(args, {});
    if (values.help) return console.log(this.usage), 0;
    console.error(this.usage);
    return 2;
  },
};
