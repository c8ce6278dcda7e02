/** `map`: placeholder until issue #6 lands. */
import { type Command, parseFlags } from "./args.ts";

export const map: Command = {
  summary: "(not yet available: issue #6)",
  usage:
    "usage: deno task map --jobs f.csv --setting S1..S6 --bw N --optimizer NAME --samples N --seed N [--json]  (not yet available: lands with issue #6)",
  run(args) {
    const { values } = parseFlags(args, {});
    if (values.help) return console.log(this.usage), 0;
    console.error(this.usage);
    return 2;
  },
};
