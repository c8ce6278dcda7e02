/**
 * Reader for SCALE-Sim .cfg files (INI): [general] run_name, [architecture_presets] ArrayHeight,
 * ArrayWidth, IfmapSramSzkB, FilterSramSzkB, OfmapSramSzkB, Dataflow, Bandwidth. Keys are
 * case-insensitive and `:` or `=` separate key and value, as in Python's configparser.
 * SCALE-Sim words are 1 byte, so Bandwidth (words per cycle) becomes dramBandwidthBytesPerCycle;
 * with a comma list (one per bank) the first value is used, as SCALE-Sim does. Note that SCALE-Sim
 * gives each of its three buffers its own port of that bandwidth, and uses it only when
 * [run_presets] InterfaceBandwidth is USER; our model always uses it, as one shared port.
 */
import { z } from "zod";
import { parseWith, ValidationError } from "../validate.ts";
import { type Accelerator, type AcceleratorInput, parseAccelerator } from "./accelerator.ts";

/** Parse INI text into section -> key (lower case) -> raw value; throws on a malformed line. */
export function parseIni(text: string, what = "config"): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const head = /^\[(.+)\]$/.exec(line);
    if (head) {
      section = out[head[1].trim()] ??= {};
      continue;
    }
    const sep = line.search(/[:=]/);
    if (sep <= 0 || !section) {
      throw new ValidationError(what, [
        `line ${i + 1}: expected "key = value" in a section (got ${JSON.stringify(line)})`,
      ]);
    }
    section[line.slice(0, sep).trim().toLowerCase()] = line.slice(sep + 1).trim();
  }
  return out;
}

const intText = (what: string) =>
  z.string().regex(/^\d+$/, `${what} must be a positive integer`).transform(Number);

const CfgSchema = z.object({
  general: z.object({ run_name: z.string().optional() }).optional(),
  architecture_presets: z.object({
    arrayheight: intText("ArrayHeight"),
    arraywidth: intText("ArrayWidth"),
    ifmapsramszkb: intText("IfmapSramSzkB"),
    filtersramszkb: intText("FilterSramSzkB"),
    ofmapsramszkb: intText("OfmapSramSzkB"),
    dataflow: z.string(),
    bandwidth: z.string().regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "Bandwidth must be integers")
      .optional(),
  }),
});

/** Build an Accelerator from a SCALE-Sim .cfg file's text (other fields keep their defaults). */
export function parseScaleSimConfig(
  text: string,
  overrides: Partial<AcceleratorInput> = {},
): Accelerator {
  const cfg = parseWith(CfgSchema, parseIni(text, "SCALE-Sim config"), "SCALE-Sim config");
  const a = cfg.architecture_presets;
  const bw = a.bandwidth === undefined ? undefined : Number(a.bandwidth.split(",")[0]);
  const input: Record<string, unknown> = {
    rows: a.arrayheight,
    cols: a.arraywidth,
    ifmapSramKiB: a.ifmapsramszkb,
    filterSramKiB: a.filtersramszkb,
    ofmapSramKiB: a.ofmapsramszkb,
    dataflow: a.dataflow.toLowerCase(),
    wordBytes: 1,
  };
  if (bw !== undefined) input.dramBandwidthBytesPerCycle = bw;
  if (cfg.general?.run_name) input.name = cfg.general.run_name;
  return parseAccelerator({ ...input, ...overrides });
}
