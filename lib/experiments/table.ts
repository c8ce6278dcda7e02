/**
 * Table types shared by every study. A study declares one zod schema per result table; its run
 * returns rows of those types, and `parseTables` turns the `tables` of a results file
 * (data/results/<study>.json) back into the same typed rows, so a notebook needs no casts
 * whether it recomputes or loads. `Row` (results.ts) is the untyped row every table satisfies.
 * Study B (heterogeneous/run.ts) is the first user. Studies moving to their own folder: import
 * `PlainRow` from here instead of declaring `type Row = Record<string, string | number>` (four
 * partitioning-*.ts files do today), and define each paper number once in the study's paper.ts
 * (3.98 is written three times in the cnn-throughput files).
 */
import { z } from "zod";
import { parseWith } from "../validate.ts";
import type { Row } from "./results.ts";

export type { Row };

/** A row whose cells are numbers or strings only (the figure helpers' input). */
export type PlainRow = Record<string, string | number>;

/** Table name -> row schema. */
export type TableSchemas = Record<string, z.ZodType<Row>>;

/** The typed tables described by `S`. */
export type TablesOf<S extends TableSchemas> = { [K in keyof S]: z.infer<S[K]>[] };

/**
 * Parse every table named in `schemas` from `tables` (e.g. a results file's `tables`), naming
 * the study, table, row and field of every bad cell; a missing table is an error too.
 */
export function parseTables<S extends TableSchemas>(
  schemas: S,
  tables: Record<string, unknown>,
  study: string,
): TablesOf<S> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    out[name] = parseWith(z.array(schema), tables[name], `${study} table ${name}`);
  }
  return out as TablesOf<S>;
}
