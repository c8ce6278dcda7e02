/**
 * The GEMMs SCALE-Sim v2 derives from a topology CSV (conv or GEMM layout, header row first).
 *
 * Rows are read the way `readTopology` (lib/workload/topology.ts) reads them: blank lines and
 * `#...` comments are skipped, a trailing comma is tolerated but not required, and every value is
 * checked, so a bad cell is a ValidationError naming its row (1-based file line) and column, never
 * a NaN in the report. SCALE-Sim itself drops whatever follows the last comma, which loses the
 * last value of a row written without a trailing comma; we do not copy that.
 * Conv rows have 7 numbers after the name, or 8 with SCALE-Sim's optional stride width; GEMM
 * rows have 3 (M, N, K). Like SCALE-Sim, a conv row whose name contains "DP" becomes one
 * single-channel layer per channel, and the output size is ceil((in - filter + stride) / stride).
 */
import { ValidationError } from "../validate.ts";
import { TOPOLOGY_CONV_HEADER, TOPOLOGY_GEMM_HEADER } from "../workload/topology.ts";

/** A GEMM as SCALE-Sim derives it from one topology row. */
export interface ScaleSimGemm {
  name: string;
  /** 0-based data row of the topology file (blank and comment lines not counted). */
  sourceRow: number;
  m: number;
  k: number;
  n: number;
}

interface DataRow {
  /** 1-based line number in the file. */
  line: number;
  cells: string[];
}

const convColumns = [...TOPOLOGY_CONV_HEADER, "Stride Width"];

function dataRows(text: string): { header: DataRow | undefined; rows: DataRow[] } {
  const all: DataRow[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf("#");
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (body === "") return;
    const cells = body.split(",").map((c) => c.trim());
    if (cells[cells.length - 1] === "") cells.pop();
    all.push({ line: i + 1, cells });
  });
  return { header: all[0], rows: all.slice(1) };
}

/** Positive integers from cells 1.. of `row`; each problem goes to `issues` with row and column. */
function rowNumbers(row: DataRow, columns: string[], min: number, issues: string[]): number[] {
  const before = issues.length;
  const count = row.cells.length - 1;
  if (count < min || count > columns.length - 1) {
    const want = min === columns.length - 1 ? `${min}` : `${min} or ${columns.length - 1}`;
    issues.push(`row ${row.line}: expected ${want} values after the name, got ${count}`);
    return [];
  }
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
  return issues.length > before ? [] : out;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

function convGemms(row: DataRow, v: number[], sourceRow: number, issues: string[]): ScaleSimGemm[] {
  const [h, w, fh, fw, ch, nf, sh] = v;
  const sw = v.length > 7 ? v[7] : sh;
  if (fh > h) issues.push(`row ${row.line}, column 4 (Filter Height): ${fh} > IFMAP Height ${h}`);
  if (fw > w) issues.push(`row ${row.line}, column 5 (Filter Width): ${fw} > IFMAP Width ${w}`);
  if (fh > h || fw > w) return [];
  const name = row.cells[0];
  const m = ceilDiv(h - fh + sh, sh) * ceilDiv(w - fw + sw, sw);
  if (!name.includes("DP")) return [{ name, sourceRow, m, k: fh * fw * ch, n: nf }];
  return Array.from({ length: ch }, (_, c) => ({
    name: `${name}Channel_${c}`,
    sourceRow,
    m,
    k: fh * fw,
    n: nf,
  }));
}

/**
 * The GEMMs SCALE-Sim v2 runs for a topology CSV's text (see the module comment); throws a
 * ValidationError listing every bad cell with its row and column.
 */
export function scaleSimGemms(topologyText: string): ScaleSimGemm[] {
  const { header, rows } = dataRows(topologyText);
  const gemmLayout = /^layer\s*,\s*m\s*,/i.test(header?.cells.join(",") ?? "");
  const issues: string[] = [];
  const out: ScaleSimGemm[] = [];
  rows.forEach((row, sourceRow) => {
    if (gemmLayout) {
      const v = rowNumbers(row, TOPOLOGY_GEMM_HEADER, 3, issues);
      if (v.length) out.push({ name: row.cells[0], sourceRow, m: v[0], k: v[2], n: v[1] });
    } else {
      const v = rowNumbers(row, convColumns, 7, issues);
      if (v.length) out.push(...convGemms(row, v, sourceRow, issues));
    }
  });
  if (issues.length) throw new ValidationError("SCALE-Sim topology", issues);
  return out;
}
