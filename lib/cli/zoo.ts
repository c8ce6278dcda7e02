/** `zoo`: list the network zoo, or export one network as a SCALE-Sim topology CSV. */
import { writeTopology } from "../workload/topology.ts";
import { layerMacs, macLayers, networkMacs, networkParams } from "../workload/gemm.ts";
import { getNetwork } from "../workload/zoo/mod.ts";
import { zooFamilies, type ZooRow, zooSummary } from "../workload/zoo/summary.ts";
import { type Command, intFlag, parseFlags, UsageError } from "./args.ts";
import { loadOnnx } from "./onnx.ts";

function textTable(rows: ZooRow[]): string {
  const head = ["name", "family", "task", "input", "layers", "params", "GMACs"];
  const body = rows.map((r) => [
    r.name,
    r.family,
    r.task,
    `${r.input.h}x${r.input.w}x${r.input.c}`,
    String(r.layers),
    String(r.params),
    (r.macs / 1e9).toFixed(3),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

function exportTopology(name: string, format: string | undefined, batch: number, seqLen: number) {
  if (format !== undefined && format !== "conv" && format !== "gemm") {
    throw new UsageError(`--format must be "conv" or "gemm", got "${format}"`);
  }
  let net;
  try {
    net = getNetwork(name, { batch, seqLen });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return writeTopology(net, format as "conv" | "gemm" | undefined);
}

export const zoo: Command = {
  summary: "list the network zoo; export a network as a SCALE-Sim topology CSV",
  usage: `usage: deno task zoo [--json] [--family F] [--export-topology NAME [--format conv|gemm]]
  --json                  print an array of {name, family, task, input, layers, params, macs}
                          (layers = MAC layers: conv, dense, gemm; macs at batch 1)
  --family F              only models of family F
  --export-topology NAME  print model NAME as a SCALE-Sim topology CSV
  --format conv|gemm      topology layout (default: gemm for transformers, conv otherwise)
  --batch N               batch for --export-topology (default 1)
  --seq-len N             sequence length of language models for --export-topology (default 128)
  --onnx FILE             summarise an ONNX model instead (same fields; family "onnx")
  --input NxCxHxW         input shape of the ONNX model (overrides symbolic dims)`,
  async run(args) {
    const { values } = parseFlags(args, {
      json: { type: "boolean" },
      family: { type: "string" },
      "export-topology": { type: "string" },
      format: { type: "string" },
      batch: { type: "string" },
      "seq-len": { type: "string" },
      onnx: { type: "string" },
      input: { type: "string" },
    });
    if (values.help) return console.log(this.usage), 0;
    if (values.input !== undefined && values.onnx === undefined) {
      throw new UsageError("--input needs --onnx FILE");
    }
    if (values.onnx !== undefined) {
      const net = await loadOnnx(values.onnx, values.input);
      const row: ZooRow = {
        name: net.name,
        family: net.family,
        task: net.task,
        input: net.input,
        layers: macLayers(net).length,
        params: networkParams(net),
        macs: networkMacs(net),
      };
      if (values.json) console.log(JSON.stringify([row], null, 1));
      else {
        console.log(textTable([row]));
        console.log(`\n${net.layers.length} layers; MACs per MAC layer:`);
        for (const l of macLayers(net)) {
          console.log(`  ${l.name.padEnd(40)} ${l.kind.padEnd(6)} ${layerMacs(l)}`);
        }
      }
      return 0;
    }
    const batch = intFlag("batch", values.batch, 1);
    const seqLen = intFlag("seq-len", values["seq-len"], 128);
    if (batch < 1 || seqLen < 1) throw new UsageError("--batch and --seq-len must be at least 1");
    if (values["export-topology"] !== undefined) {
      const csv = exportTopology(values["export-topology"], values.format, batch, seqLen);
      Deno.stdout.writeSync(new TextEncoder().encode(csv));
      return 0;
    }
    const fam = values.family;
    if (fam !== undefined && !zooFamilies().includes(fam)) {
      throw new UsageError(`unknown family "${fam}" (known: ${zooFamilies().join(", ")})`);
    }
    const rows = zooSummary(fam);
    console.log(values.json ? JSON.stringify(rows, null, 1) : textTable(rows));
    return 0;
  },
};
