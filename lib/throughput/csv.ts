/**
 * A small RFC 4180 CSV reader: comma-separated, double-quoted fields may hold commas, quotes ("")
 * and newlines; CRLF or LF line ends; a header row. It keeps each record's line number so that
 * errors can name the row and the line.
 */
import { ValidationError } from "../validate.ts";

/** One data record: its cells and where it starts. */
export interface CsvRecord {
  /** 1-based data row number (the first row after the header is row 1). */
  row: number;
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** A parsed CSV table. */
export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

interface Raw {
  line: number;
  cells: string[];
}

/** Splits text into records of cells; tracks the line each record starts on. */
class Splitter {
  readonly out: Raw[] = [];
  private cells: string[] = [];
  private cell = "";
  private touched = false;
  line = 1;
  private start = 1;

  add(ch: string): void {
    this.cell += ch;
    this.touched = true;
  }

  endCell(): void {
    this.cells.push(this.cell);
    this.cell = "";
    this.touched = true;
  }

  endRecord(): void {
    if (this.touched) {
      this.cells.push(this.cell);
      this.out.push({ line: this.start, cells: this.cells });
    }
    this.cells = [];
    this.cell = "";
    this.touched = false;
    this.start = this.line;
  }

  get cellEmpty(): boolean {
    return this.cell === "";
  }

  get recordLine(): number {
    return this.start;
  }
}

function splitRecords(text: string, source: string): Raw[] {
  const s = new Splitter();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        s.add('"');
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") s.line++;
        s.add(ch);
      }
    } else if (ch === '"' && s.cellEmpty) {
      quoted = true;
      s.add("");
    } else if (ch === ",") s.endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      s.line++;
      s.endRecord();
    } else s.add(ch);
  }
  if (quoted) {
    throw new ValidationError(source, [`line ${s.recordLine}: a quoted field is never closed`]);
  }
  s.endRecord();
  return s.out;
}

/**
 * Parse CSV `text` (named `source` in errors). Throws a ValidationError when the header is empty
 * or repeats a column, or when a row has a different number of cells than the header.
 */
export function parseCsv(text: string, source = "CSV"): CsvTable {
  const raw = splitRecords(text.replace(/^\uFEFF/, ""), source);
  if (raw.length === 0) throw new ValidationError(source, ["the file is empty (no header row)"]);
  const header = raw[0].cells.map((h) => h.trim());
  const issues: string[] = [];
  header.forEach((h, i) => {
    if (h === "") issues.push(`header: column ${i + 1} has no name`);
    else if (header.indexOf(h) !== i) issues.push(`header: column "${h}" appears twice`);
  });
  const records = raw.slice(1).map((r, i) => ({ row: i + 1, line: r.line, cells: r.cells }));
  for (const r of records) {
    if (r.cells.length !== header.length) {
      issues.push(
        `row ${r.row} (line ${r.line}): ${r.cells.length} cells, header has ${header.length}`,
      );
    }
  }
  if (issues.length) throw new ValidationError(source, issues);
  return { header, records };
}
