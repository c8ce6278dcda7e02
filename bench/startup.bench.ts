/**
 * Whole-process start-up time, measured side by side in one run: a bare `deno eval 1`, importing
 * the library (`import "lab"`) and `deno task -q simulate` on a one-layer SCALE-Sim topology.
 * Targets (issue "one cost layer ... an import that starts fast"): import <= 5x and simulate
 * <= 4x the bare start; `deno bench` prints the ratios against the baseline. Each iteration
 * spawns a process, so few iterations are run; on a loaded machine compare the min columns.
 */
const root = new URL("..", import.meta.url).pathname;
const topology = Deno.makeTempFileSync({ suffix: ".csv" });
// SCALE-Sim v2's own one-layer example, topologies/conv_nets/test.csv.
Deno.writeTextFileSync(
  topology,
  "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, " +
    "Strides,\nInc5b_3x3, 7, 7, 3, 3, 192, 384, 1,\n",
);

globalThis.addEventListener("unload", () => Deno.removeSync(topology));

async function run(args: string[]): Promise<void> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: root,
    stdout: "null",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(`deno ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
}

const opts = { group: "startup", n: 10, warmup: 2 };

Deno.bench("deno eval 1", { ...opts, baseline: true }, async () => {
  await run(["eval", "1"]);
});

Deno.bench("deno eval 'import \"lab\"'", opts, async () => {
  await run(["eval", 'import "lab";']);
});

Deno.bench("deno task -q simulate --topology <one layer> --array 32x32", opts, async () => {
  await run(["task", "-q", "simulate", "--topology", topology, "--array", "32x32"]);
});
