/**
 * SCALE-Sim topology CSV read/write, so networks move between this lab and SCALE-Sim.
 *
 * Conv format: `Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels,
 * Num Filter, Strides,` (trailing comma). SCALE-Sim applies no padding and computes
 * output = ceil((input - filter + stride) / stride). GEMM format: `Layer, M, N, K`.
 *
 * Writing (one row per MAC layer; pool/eltwise layers have no row):
 * - IFMAP size is the extent the windows cover, (out - 1) * stride + filter, so SCALE-Sim's
 *   output size equals ours; padding is thereby folded in. Dilation is dropped (same MACs and
 *   GEMM shape). A batch is stacked along the height (M = out pixels x batch).
 * - Grouped and depthwise convs are one row with Channels = input channels per group and
 *   Num Filter = all filters, so SCALE-Sim computes the exact GEMM M x K and every MAC (it
 *   treats the groups' filters as one bank). SCALE-Sim's own mobilenet_paper.csv instead writes
 *   depthwise rows with 1 channel and 1 filter, which counts one channel's MACs only.
 *   The group count follows the trailing comma as `#groups=G`: SCALE-Sim ignores text after
 *   the last comma; `readTopology` uses it to restore the grouped layer.
 * - Dense layers are 1x1 convs over a `tokens` x 1 map; GEMMs in the conv format use SCALE-Sim's
 *   own GEMM-to-conv mapping (IFMAP m x k, filter 1 x k, 1 channel, n filters), independent
 *   groups stacked along m. In the GEMM format every MAC layer is its per-group M, N, K.
 * Reading tolerates blank lines, tabs, a missing trailing comma, `#...` comments and repeated layer
 * names (renamed `name@rowN`); a row whose SCALE-Sim output is larger than the floor-mode output
 * gets the padding that reproduces it.
 */
import { ValidationError } from "../validate.ts";
import { convOutHW, gemmView } from "./gemm.ts";
import type { Layer, Network } from "./layer.ts";
import { parseNetwork } from "./shapes.ts";

/** The two SCALE-Sim topology layouts. */
export type TopologyFormat = "conv" | "gemm";

/** Column names of SCALE-Sim's conv topology format. */
export const TOPOLOGY_CONV_HEADER = [
  "Layer name",
  "IFMAP Height",
  "IFMAP Width",
  "Filter Height",
  "Filter Width",
  "Channels",
  "Num Filter",
  "Strides",
];
/** Column names of SCALE-Sim's GEMM topology format. */
export const TOPOLOGY_GEMM_HEADER = ["Layer", "M", "N", "K"];

const safeName = (n: string) => n.replace(/[,#\s]+/g, "_");

function groupsOf(l: Layer): number {
  return gemmView(l)?.groups ?? 1;
}

/** One conv-format row (without the name) for a MAC layer. */
function convRow(l: Layer): number[] {
  switch (l.kind) {
    case "conv2d": {
      const [oh, ow] = convOutHW(l);
      const s = l.strideH;
      const h = (oh * l.batch - 1) * s + l.kernelH;
      const w = (ow - 1) * s + l.kernelW;
      return [h, w, l.kernelH, l.kernelW, l.inputC / l.groups, l.outputC, s];
    }
    case "dense":
      return [l.tokens * l.batch, 1, 1, 1, l.inputFeatures, l.outputFeatures, 1];
    case "gemm": {
      // Independent groups are stacked along M (IFMAP height): same K, N and MACs.
      const g = gemmView(l)!;
      return [g.m * g.groups, g.k, 1, g.k, 1, g.n, 1];
    }
    default:
      throw new Error(`layer ${l.name}: ${l.kind} has no topology row`);
  }
}

/**
 * A network as a SCALE-Sim topology CSV (see the module comment for the conventions).
 * `format` defaults to "gemm" when the network has GEMM layers (transformers), else "conv".
 */
export function writeTopology(net: Network, format?: TopologyFormat): string {
  const fmt = format ?? (net.layers.some((l) => l.kind === "gemm") ? "gemm" : "conv");
  const header = fmt === "conv" ? TOPOLOGY_CONV_HEADER : TOPOLOGY_GEMM_HEADER;
  const lines = [header.join(", ") + ","];
  for (const l of net.layers) {
    const g = gemmView(l);
    if (!g) continue;
    const cells = fmt === "conv" ? convRow(l) : [g.m, g.n, g.k];
    const groups = fmt === "conv" && l.kind === "gemm" ? 1 : groupsOf(l);
    const tail = groups > 1 ? `#groups=${groups}` : "";
    lines.push(`${safeName(l.name)}, ${cells.join(", ")},${tail}`);
  }
  return lines.join("\n") + "\n";
}

interface Row {
  /** 1-based line number in the file. */
  line: number;
  cells: string[];
  groups: number;
}

function splitRows(text: string, issues: string[]): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const hash = raw.indexOf("#");
    const comment = hash >= 0 ? raw.slice(hash) : "";
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (body === "") return;
    const cells = body.split(",").map((c) => c.trim());
    if (cells[cells.length - 1] === "") cells.pop();
    const m = /^#\s*groups\s*=\s*(\S+)/.exec(comment);
    let groups = 1;
    if (m) {
      groups = Number(m[1]);
      if (!Number.isInteger(groups) || groups < 1) {
        issues.push(`row ${line}: groups must be a positive integer, got "${m[1]}"`);
        groups = 1;
      }
    }
    rows.push({ line, cells, groups });
  });
  return rows;
}

function detectFormat(header: Row): TopologyFormat | null {
  const norm = header.cells.map((c) => c.toLowerCase().replace(/\s+/g, " "));
  const matches = (h: string[]) =>
    norm.length === h.length && h.every((x, i) => norm[i] === x.toLowerCase());
  if (matches(TOPOLOGY_CONV_HEADER)) return "conv";
  if (matches(TOPOLOGY_GEMM_HEADER)) return "gemm";
  return null;
}

/** Positive integers from cells 1.. of a row; problems go to `issues` with row and column. */
function numbers(row: Row, header: string[], issues: string[]): number[] | null {
  if (row.cells.length !== header.length) {
    issues.push(`row ${row.line}: expected ${header.length} columns, got ${row.cells.length}`);
    return null;
  }
  const out: number[] = [];
  let ok = true;
  for (let c = 1; c < header.length; c++) {
    const v = Number(row.cells[c]);
    if (row.cells[c] === "" || !Number.isInteger(v) || v < 1) {
      issues.push(
        `row ${row.line}, column ${c + 1} (${header[c]}): expected a positive integer, got "${
          row.cells[c]
        }"`,
      );
      ok = false;
    }
    out.push(v);
  }
  if (row.cells[0] === "") {
    issues.push(`row ${row.line}, column 1 (${header[0]}): empty layer name`);
    ok = false;
  }
  return ok ? out : null;
}

/** Padding that makes floor-mode output equal SCALE-Sim's ceil((in - f + s) / s). */
function scaleSimPad(input: number, filter: number, stride: number): number {
  const rem = (input - filter) % stride;
  return rem === 0 ? 0 : Math.ceil((stride - rem) / 2);
}

function convLayer(row: Row, v: number[], issues: string[]): Layer | null {
  const [h, w, fh, fw, ch, nf, s] = v;
  const name = row.cells[0];
  const before = issues.length;
  if (fh > h) issues.push(`row ${row.line}, column 4 (Filter Height): ${fh} > IFMAP Height ${h}`);
  if (fw > w) issues.push(`row ${row.line}, column 5 (Filter Width): ${fw} > IFMAP Width ${w}`);
  if (nf % row.groups !== 0) {
    issues.push(
      `row ${row.line}, column 7 (Num Filter): ${nf} not divisible by groups ${row.groups}`,
    );
  }
  if (issues.length > before) return null;
  return {
    kind: "conv2d",
    name,
    inputH: h,
    inputW: w,
    inputC: ch * row.groups,
    outputC: nf,
    kernelH: fh,
    kernelW: fw,
    strideH: s,
    strideW: s,
    padH: scaleSimPad(h, fh, s),
    padW: scaleSimPad(w, fw, s),
    dilationH: 1,
    dilationW: 1,
    groups: row.groups,
    bias: false,
    batch: 1,
  };
}

function gemmLayer(row: Row, v: number[]): Layer {
  const [m, n, k] = v;
  return {
    kind: "gemm",
    name: row.cells[0],
    m,
    n,
    k,
    weights: row.groups === 1,
    batch: row.groups,
  };
}

/**
 * Parse a SCALE-Sim topology CSV (conv or GEMM format, detected from the header) into a
 * validated Network named `name`; every malformed cell is reported with its row and column.
 */
export function readTopology(text: string, name = "topology"): Network {
  const issues: string[] = [];
  const rows = splitRows(text, issues);
  if (rows.length === 0) throw new ValidationError(`topology ${name}`, ["file has no rows"]);
  const fmt = detectFormat(rows[0]);
  if (!fmt) {
    throw new ValidationError(`topology ${name}`, [
      `row ${rows[0].line}: header "${rows[0].cells.join(", ")}" is neither "${
        TOPOLOGY_CONV_HEADER.join(", ")
      }" nor "${TOPOLOGY_GEMM_HEADER.join(", ")}"`,
    ]);
  }
  const header = fmt === "conv" ? TOPOLOGY_CONV_HEADER : TOPOLOGY_GEMM_HEADER;
  const layers: Layer[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(1)) {
    const v = numbers(row, header, issues);
    if (!v) continue;
    const l = fmt === "conv" ? convLayer(row, v, issues) : gemmLayer(row, v);
    if (!l) continue;
    // SCALE-Sim ignores names, so files may repeat them; the IR needs unique ones.
    if (seen.has(l.name)) l.name = `${l.name}@row${row.line}`;
    seen.add(l.name);
    layers.push(l);
  }
  if (rows.length === 1) issues.push(`row ${rows[0].line}: header only, no layers`);
  if (issues.length) throw new ValidationError(`topology ${name}`, issues);
  const first = layers[0];
  const input = first.kind === "conv2d"
    ? { h: first.inputH, w: first.inputW, c: first.inputC }
    : { h: 1, w: 1, c: 1 };
  return parseNetwork({ name, family: "topology", task: "other", input, layers });
}

/** Read a SCALE-Sim topology CSV file; the network is named after the file (without `.csv`). */
export async function readTopologyFile(path: string): Promise<Network> {
  const text = await Deno.readTextFile(path);
  const base = path.split(/[\\/]/).pop()!.replace(/\.csv$/i, "");
  return readTopology(text, base || "topology");
}
