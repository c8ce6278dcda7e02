/** `reproduce [study...]`: run registered studies, write results and figures, print the headline table. */
import { selectStudies, studies } from "../experiments/registry.ts";
import { runStudies, summaryTable } from "../experiments/run.ts";
import { type Command, parseFlags, UsageError } from "./args.ts";

export const reproduce: Command = {
  summary: "run the studies and write data/results/*.json and figures/",
  usage: `usage: deno task reproduce [--quick] [--list] [study...]
  study      ids to run (default: all registered)
  --quick    smaller problem sizes (smoke test): writes data/results/quick/ and figures/quick/
  --list     list the registered studies and exit`,
  async run(args) {
    const { values, positionals } = parseFlags(args, {
      quick: { type: "boolean" },
      list: { type: "boolean" },
    }, true);
    if (values.help) return console.log(this.usage), 0;
    if (values.list) {
      for (const s of studies) console.log(`${s.id.padEnd(16)} ${s.title}`);
      return 0;
    }
    let list;
    try {
      list = selectStudies(positionals);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (list.length === 0) {
      console.log("no studies registered yet");
      return 0;
    }
    // A quick run is a smoke test: keep it away from the committed results and figures.
    const quick = values.quick ?? false;
    const results = await runStudies(list, {
      quick,
      resultsDir: quick ? "data/results/quick" : undefined,
      figuresDir: quick ? "figures/quick" : undefined,
    });
    console.log(summaryTable(results));
    return 0;
  },
};
