/** `simulate`: placeholder until issue #9 lands. */
import { type Command, parseFlags } from "./args.ts";

export const simulate: Command = {
  summary: "(not yet available: issue #9)",
  usage:
    "usage: deno task simulate --topology f.csv --array RxC --dataflow ws|os|is [--config f.cfg] [--json] [--format scalesim]  (not yet available: lands with issue #9)",
  run(args) {
    const { values } = parseFlags(args, {});
    if (values.help) return console.log(this.usage), 0;
    console.error(this.usage);
    return 2;
  },
};
