/**
 * SCALE-Sim topology CSV: the one reader and writer, so networks move between this lab and
 * SCALE-Sim v2 (`deno task simulate --topology`, `deno task zoo --export-topology`, the
 * SCALE-Sim report rows in lib/arch all go through here).
 *
 * Conv format: `Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels,
 * Num Filter, Strides[, Stride Width]`. GEMM format: `Layer, M, N, K`. SCALE-Sim applies no
 * padding and computes output = ceil((input - filter + stride) / stride).
 *
 * Reading accepts what SCALE-Sim v2 (scalesim/topology_utils.py) accepts:
 * - the first non-blank row is a header and is skipped whatever its names (SCALE-Sim never reads
 *   them); the format is taken from the header when it is one of the two standard headers, else
 *   from the first data row's width (4 cells = GEMM), unless the caller names it;
 * - the trailing comma is optional (SCALE-Sim needs it: it drops the last cell of every row; we
 *   do not drop a value); blank lines, tabs and `#...` comments are skipped;
 * - a 9th conv column is the stride width, whatever the header calls it (SCALE-Sim's own
 *   llama3b.csv names it "Batch Size"); a stride width different from the stride height is
 *   modelled (the layer gets that horizontal stride), not rejected;
 * - a conv row whose name contains "DP" is SCALE-Sim's per-channel depthwise layer: it runs one
 *   single-channel conv with all Num Filter filters per channel, read here as a grouped conv with
 *   groups = Channels (same MACs and per-group GEMMs as SCALE-Sim's channel layers);
 * - repeated layer names are renamed `name@rowN` (the IR needs unique names).
 * It rejects, with a ValidationError naming row (1-based file line) and column: a cell that is
 * not a positive integer, a row of the wrong width (SCALE-Sim would ignore extra columns; we do
 * not drop data silently), a filter larger than its input, a bad `#groups=`.
 *
 * Writing (one row per MAC layer; pool/eltwise layers have no row):
 * - IFMAP size is the extent the windows cover, (out - 1) * stride + filter, so SCALE-Sim's
 *   output size equals ours; padding is thereby folded in. Dilation is dropped (same MACs and
 *   GEMM shape). A batch is stacked along the height (M = out pixels x batch). The 9th column
 *   (Stride Width) is written only when some layer's strides differ.
 * - Grouped and depthwise convs are one row with Channels = input channels per group and
 *   Num Filter = all filters, so SCALE-Sim computes the exact GEMM M x K and every MAC (it
 *   treats the groups' filters as one bank). SCALE-Sim's own mobilenet_paper.csv instead writes
 *   depthwise rows with 1 channel and 1 filter, which counts one channel's MACs only.
 *   The group count follows the trailing comma as `#groups=G`: SCALE-Sim ignores text after
 *   the last comma; `readTopology` uses it to restore the grouped layer. "DP" in a layer name is
 *   written as "Dp" so SCALE-Sim does not split the row per channel.
 * - Dense layers are 1x1 convs over a `tokens` x 1 map; GEMMs in the conv format use SCALE-Sim's
 *   own GEMM-to-conv mapping (IFMAP m x k, filter 1 x k, 1 channel, n filters), independent
 *   groups stacked along m. In the GEMM format every MAC layer is its per-group M, N, K.
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
/** Column name of SCALE-Sim's optional 9th conv column. */
export const TOPOLOGY_STRIDE_WIDTH = "Stride Width";
const CONV_COLUMNS = [...TOPOLOGY_CONV_HEADER, TOPOLOGY_STRIDE_WIDTH];
/** Column names of SCALE-Sim's GEMM topology format. */
export const TOPOLOGY_GEMM_HEADER = ["Layer", "M", "N", "K"];

// "DP" in a name would make SCALE-Sim split the row per channel.
const safeName = (n: string) => n.replace(/[,#\s]+/g, "_").replaceAll("DP", "Dp");

function groupsOf(l: Layer): number {
  return gemmView(l)?.groups ?? 1;
}

/** One conv-format row (without the name) for a MAC layer; `wide` adds the stride width. */
function convRow(l: Layer, wide: boolean): number[] {
  switch (l.kind) {
    case "conv2d": {
      const [oh, ow] = convOutHW(l);
      const h = (oh * l.batch - 1) * l.strideH + l.kernelH;
      const w = (ow - 1) * l.strideW + l.kernelW;
      const cells = [h, w, l.kernelH, l.kernelW, l.inputC / l.groups, l.outputC, l.strideH];
      return wide ? [...cells, l.strideW] : cells;
    }
    case "dense":
      return [
        l.tokens * l.batch,
        1,
        1,
        1,
        l.inputFeatures,
        l.outputFeatures,
        1,
        ...wide ? [1] : [],
      ];
    case "gemm": {
      // Independent groups are stacked along M (IFMAP height): same K, N and MACs.
      const g = gemmView(l)!;
      return [g.m * g.groups, g.k, 1, g.k, 1, g.n, 1, ...wide ? [1] : []];
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
  const wide = fmt === "conv" &&
    net.layers.some((l) => l.kind === "conv2d" && l.strideW !== l.strideH);
  const header = fmt === "gemm" ? TOPOLOGY_GEMM_HEADER : wide ? CONV_COLUMNS : TOPOLOGY_CONV_HEADER;
  const lines = [header.join(", ") + ","];
  for (const l of net.layers) {
    const g = gemmView(l);
    if (!g) continue;
    const cells = fmt === "conv" ? convRow(l, wide) : [g.m, g.n, g.k];
    const groups = fmt === "conv" && l.kind === "gemm" ? 1 : groupsOf(l);
    const tail = groups > 1 ? `#groups=${groups}` : "";
    lines.push(`${safeName(l.name)}, ${cells.join(", ")},${tail}`);
  }
  return lines.join("\n") + "\n";
}

/** One conv-format data row, as SCALE-Sim reads it. */
export interface ConvTopologyRow {
  kind: "conv";
  /** 1-based line number in the file. */
  line: number;
  /** 0-based data row (header, blank and comment lines not counted). */
  sourceRow: number;
  name: string;
  ifmapH: number;
  ifmapW: number;
  filterH: number;
  filterW: number;
  /** Channels per group (SCALE-Sim's Channels column). */
  channels: number;
  numFilter: number;
  strideH: number;
  strideW: number;
  /** From `#groups=G` (1 if absent). */
  groups: number;
  /** The name contains "DP": SCALE-Sim runs one single-channel layer per channel. */
  perChannel: boolean;
}

/** One GEMM-format data row (`Layer, M, N, K`). */
export interface GemmTopologyRow {
  kind: "gemm";
  line: number;
  sourceRow: number;
  name: string;
  m: number;
  n: number;
  k: number;
  groups: number;
}

/** One data row of a topology file. */
export type TopologyRow = ConvTopologyRow | GemmTopologyRow;

/** A parsed topology file: its format and its data rows. */
export interface Topology {
  format: TopologyFormat;
  rows: TopologyRow[];
}

interface RawRow {
  line: number;
  cells: string[];
  groups: number;
}

function splitRows(text: string, issues: string[]): RawRow[] {
  const rows: RawRow[] = [];
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

const norm = (cells: string[]) => cells.map((c) => c.toLowerCase().replace(/\s+/g, " "));
const sameNames = (cells: string[], names: string[]) =>
  cells.length === names.length && norm(cells).every((c, i) => c === names[i].toLowerCase());

/** The format of a file: named by the caller, else by a standard header, else by row width. */
function detectFormat(header: RawRow, first: RawRow | undefined): TopologyFormat {
  const h = header.cells;
  if (h.length === 4 && sameNames(h.slice(1), TOPOLOGY_GEMM_HEADER.slice(1))) return "gemm";
  if (sameNames(h.slice(0, 8), TOPOLOGY_CONV_HEADER)) return "conv";
  return first?.cells.length === 4 ? "gemm" : "conv";
}

/** Positive integers from cells 1.. of a row; problems go to `issues` with row and column. */
function numbers(row: RawRow, fmt: TopologyFormat, issues: string[]): number[] | null {
  const columns = fmt === "conv" ? CONV_COLUMNS : TOPOLOGY_GEMM_HEADER;
  const count = row.cells.length - 1;
  const ok = fmt === "conv" ? count === 7 || count === 8 : count === 3;
  if (!ok) {
    issues.push(
      fmt === "conv"
        ? `row ${row.line}: expected 7 or 8 values after the name (${
          CONV_COLUMNS.slice(1, 8).join(", ")
        }[, ${TOPOLOGY_STRIDE_WIDTH}]), got ${count}`
        : `row ${row.line}: expected 3 values after the name (M, N, K), got ${count}`,
    );
    return null;
  }
  const before = issues.length;
  if (row.cells[0] === "") issues.push(`row ${row.line}, column 1 (${columns[0]}): empty name`);
  const out: number[] = [];
  for (let c = 1; c < row.cells.length; c++) {
    const cell = row.cells[c];
    const v = /^\d+$/.test(cell) ? Number(cell) : NaN;
    if (!(v >= 1)) {
      issues.push(
        `row ${row.line}, column ${c + 1} (${
          columns[c]
        }): expected a positive integer, got "${cell}"`,
      );
    }
    out.push(v);
  }
  return issues.length > before ? null : out;
}

function convRowOf(row: RawRow, sourceRow: number, v: number[], issues: string[]) {
  const [ifmapH, ifmapW, filterH, filterW, channels, numFilter, strideH] = v;
  const strideW = v.length > 7 ? v[7] : strideH;
  const name = row.cells[0];
  const perChannel = name.includes("DP");
  const before = issues.length;
  if (filterH > ifmapH) {
    issues.push(`row ${row.line}, column 4 (Filter Height): ${filterH} > IFMAP Height ${ifmapH}`);
  }
  if (filterW > ifmapW) {
    issues.push(`row ${row.line}, column 5 (Filter Width): ${filterW} > IFMAP Width ${ifmapW}`);
  }
  if (perChannel && row.groups > 1) {
    issues.push(
      `row ${row.line}, column 1 (Layer name): a "DP" (per-channel) row cannot carry #groups`,
    );
  }
  if (numFilter % row.groups !== 0) {
    issues.push(
      `row ${row.line}, column 7 (Num Filter): ${numFilter} not divisible by groups ${row.groups}`,
    );
  }
  if (issues.length > before) return null;
  const r: ConvTopologyRow = {
    kind: "conv",
    line: row.line,
    sourceRow,
    name,
    ifmapH,
    ifmapW,
    filterH,
    filterW,
    channels,
    numFilter,
    strideH,
    strideW,
    groups: row.groups,
    perChannel,
  };
  return r;
}

/**
 * Parse a SCALE-Sim topology CSV's text into its data rows (see the module comment for what is
 * accepted); throws a ValidationError listing every bad cell with its row and column.
 */
export function parseTopology(
  text: string,
  opts: { name?: string; format?: TopologyFormat } = {},
): Topology {
  const what = `topology ${opts.name ?? "file"}`;
  const issues: string[] = [];
  const raw = splitRows(text, issues);
  if (raw.length === 0) throw new ValidationError(what, ["file has no rows"]);
  if (raw.length === 1) issues.push(`row ${raw[0].line}: header only, no layers`);
  const format = opts.format ?? detectFormat(raw[0], raw[1]);
  const rows: TopologyRow[] = [];
  raw.slice(1).forEach((row, sourceRow) => {
    const v = numbers(row, format, issues);
    if (!v) return;
    if (format === "gemm") {
      const [m, n, k] = v;
      rows.push({
        kind: "gemm",
        line: row.line,
        sourceRow,
        name: row.cells[0],
        m,
        n,
        k,
        groups: row.groups,
      });
    } else {
      const r = convRowOf(row, sourceRow, v, issues);
      if (r) rows.push(r);
    }
  });
  if (issues.length) throw new ValidationError(what, issues);
  return { format, rows };
}

/** A GEMM as SCALE-Sim derives it from one topology row. */
export interface ScaleSimGemm {
  name: string;
  /** 0-based data row of the topology file (blank and comment lines not counted). */
  sourceRow: number;
  m: number;
  k: number;
  n: number;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/** SCALE-Sim's output size: ceil((input - filter + stride) / stride), no padding. */
function scaleSimOut(input: number, filter: number, stride: number): number {
  return ceilDiv(input - filter + stride, stride);
}

/**
 * The GEMMs SCALE-Sim v2 runs for a topology (CSV text or parsed): one per row, or one per
 * channel for a "DP" row (named `<name>Channel_<c>`). `#groups` is ignored, as SCALE-Sim does.
 */
export function scaleSimGemms(topology: string | Topology): ScaleSimGemm[] {
  const { rows } = typeof topology === "string" ? parseTopology(topology) : topology;
  const out: ScaleSimGemm[] = [];
  for (const r of rows) {
    if (r.kind === "gemm") {
      out.push({ name: r.name, sourceRow: r.sourceRow, m: r.m, k: r.k, n: r.n });
      continue;
    }
    const m = scaleSimOut(r.ifmapH, r.filterH, r.strideH) *
      scaleSimOut(r.ifmapW, r.filterW, r.strideW);
    const k = r.filterH * r.filterW;
    if (!r.perChannel) {
      out.push({ name: r.name, sourceRow: r.sourceRow, m, k: k * r.channels, n: r.numFilter });
      continue;
    }
    for (let c = 0; c < r.channels; c++) {
      out.push({ name: `${r.name}Channel_${c}`, sourceRow: r.sourceRow, m, k, n: r.numFilter });
    }
  }
  return out;
}

/** Padding that makes floor-mode output equal SCALE-Sim's ceil((in - f + s) / s). */
function scaleSimPad(input: number, filter: number, stride: number): number {
  const rem = (input - filter) % stride;
  return rem === 0 ? 0 : Math.ceil((stride - rem) / 2);
}

function convLayer(r: ConvTopologyRow): Layer {
  // A DP row is Channels single-channel convs of Num Filter filters each: groups = Channels.
  const groups = r.perChannel ? r.channels : r.groups;
  return {
    kind: "conv2d",
    name: r.name,
    inputH: r.ifmapH,
    inputW: r.ifmapW,
    inputC: r.perChannel ? r.channels : r.channels * r.groups,
    outputC: r.perChannel ? r.numFilter * r.channels : r.numFilter,
    kernelH: r.filterH,
    kernelW: r.filterW,
    strideH: r.strideH,
    strideW: r.strideW,
    padH: scaleSimPad(r.ifmapH, r.filterH, r.strideH),
    padW: scaleSimPad(r.ifmapW, r.filterW, r.strideW),
    dilationH: 1,
    dilationW: 1,
    groups,
    bias: false,
    batch: 1,
  };
}

function gemmLayer(r: GemmTopologyRow): Layer {
  return {
    kind: "gemm",
    name: r.name,
    m: r.m,
    n: r.n,
    k: r.k,
    weights: r.groups === 1,
    batch: r.groups,
  };
}

/**
 * Parse a SCALE-Sim topology CSV (conv or GEMM format; see the module comment) into a validated
 * Network named `name`, one layer per data row; every malformed cell is reported with its row
 * and column.
 */
export function readTopology(text: string, name = "topology", format?: TopologyFormat): Network {
  const { rows } = parseTopology(text, { name, format });
  const layers: Layer[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const l = r.kind === "conv" ? convLayer(r) : gemmLayer(r);
    // SCALE-Sim ignores names, so files may repeat them; the IR needs unique ones.
    if (seen.has(l.name)) l.name = `${l.name}@row${r.line}`;
    seen.add(l.name);
    layers.push(l);
  }
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
