/**
 * `simulate`: cost of a network (SCALE-Sim topology CSV or zoo model) on one systolic array.
 * Output: a per-layer table (default), `--json`, or `--format scalesim` (SCALE-Sim's
 * COMPUTE_REPORT columns and SRAM counts, then our native metrics).
 */
import {
  type Accelerator,
  costTable,
  networkCost,
  parseAccelerator,
  parseScaleSimConfig,
  scaleSimCsv,
} from "../arch/mod.ts";
import type { Network } from "../workload/layer.ts";
import { readTopology } from "../workload/topology.ts";
import { type Command, parseFlags, UsageError } from "./args.ts";
import { loadOnnx } from "./onnx.ts";

const usage =
  `usage: deno task simulate (--topology f.csv | --network NAME | --onnx f.onnx [--input NxCxHxW])
         (--array RxC | --config f.cfg)
         [--dataflow ws|os|is] [--bandwidth BYTES_PER_CYCLE] [--clock-mhz MHZ] [--json]
         [--format table|scalesim]
  --topology   SCALE-Sim topology CSV          --network  zoo model name (see: deno task zoo)
  --onnx       ONNX model file                 --input    its input shape, e.g. 1x3x224x224
  --array      array size, e.g. 32x32          --config   SCALE-Sim .cfg (flags override it)
  --format     table (default) or scalesim: SCALE-Sim's COMPUTE_REPORT columns and SRAM counts
               of DETAILED_ACCESS_REPORT, then our native metrics ("lab ..." columns)`;

const flags = {
  topology: { type: "string" },
  network: { type: "string" },
  array: { type: "string" },
  dataflow: { type: "string" },
  config: { type: "string" },
  bandwidth: { type: "string" },
  "clock-mhz": { type: "string" },
  json: { type: "boolean" },
  format: { type: "string" },
  onnx: { type: "string" },
  input: { type: "string" },
} as const;

type Values = ReturnType<typeof parseFlags<typeof flags>>["values"];

function parseArray(text: string): [number, number] {
  const m = /^(\d+)x(\d+)$/i.exec(text.trim());
  if (!m) throw new UsageError(`--array must look like 32x32 (rows x cols), got "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

function numberFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x)) {
    throw new UsageError(`--${name} must be a number, got "${text}"`);
  }
  return x;
}

async function loadAccelerator(v: Values): Promise<Accelerator> {
  if (v.array === undefined && v.config === undefined) {
    throw new UsageError("--array or --config is required");
  }
  const over: Record<string, unknown> = {};
  if (v.array !== undefined) [over.rows, over.cols] = parseArray(v.array);
  if (v.dataflow !== undefined) over.dataflow = v.dataflow;
  const bw = numberFlag("bandwidth", v.bandwidth);
  if (bw !== undefined) over.dramBandwidthBytesPerCycle = bw;
  const mhz = numberFlag("clock-mhz", v["clock-mhz"]);
  if (mhz !== undefined) over.clockMHz = mhz;
  if (v.config !== undefined) return parseScaleSimConfig(await Deno.readTextFile(v.config), over);
  return parseAccelerator({ name: "array", ...over });
}

/** The network, and the topology file's text when it came from one (for --format scalesim). */
async function loadNetwork(v: Values): Promise<{ net: Network; topologyText?: string }> {
  const given = [v.topology, v.network, v.onnx].filter((x) => x !== undefined).length;
  if (given !== 1) {
    throw new UsageError("give exactly one of --topology f.csv, --network NAME or --onnx f.onnx");
  }
  if (v.input !== undefined && v.onnx === undefined) throw new UsageError("--input needs --onnx");
  if (v.onnx !== undefined) return { net: await loadOnnx(v.onnx, v.input) };
  if (v.network !== undefined) {
    // The zoo is loaded only for --network: a topology run does not pay for ~20 model files.
    const { getNetwork } = await import("../workload/zoo/mod.ts");
    try {
      return { net: getNetwork(v.network) };
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const path = v.topology!;
  const topologyText = await Deno.readTextFile(path);
  const name = path.split(/[\\/]/).pop()!.replace(/\.csv$/i, "") || "topology";
  return { net: readTopology(topologyText, name), topologyText };
}

export const simulate: Command = {
  summary: "cost of a network on one systolic array (cycles exact to SCALE-Sim, traffic, energy)",
  usage,
  async run(args) {
    const { values } = parseFlags(args, flags);
    if (values.help) return console.log(usage), 0;
    const format = values.format ?? "table";
    if (format !== "table" && format !== "scalesim") {
      throw new UsageError(`--format must be table or scalesim, got "${format}"`);
    }
    const acc = await loadAccelerator(values);
    const { net, topologyText } = await loadNetwork(values);
    const cost = networkCost(net, acc);
    if (values.json) console.log(JSON.stringify({ accelerator: acc, ...cost }, null, 2));
    else if (format === "scalesim") {
      Deno.stdout.writeSync(new TextEncoder().encode(scaleSimCsv(net, acc, cost, topologyText)));
    } else Deno.stdout.writeSync(new TextEncoder().encode(costTable(cost, acc)));
    return 0;
  },
};
