/** The results JSON every study writes to data/results/<study>.json (schema, parse, stable write). */
import { z } from "zod";
import { parseWith } from "../validate.ts";

/** One paper-vs-ours comparison; `paper` is null where the paper gives no number. */
export const HeadlineSchema = z.object({
  metric: z.string().min(1),
  paper: z.number().nullable(),
  ours: z.number(),
  unit: z.string(),
  note: z.string(),
});
export type Headline = z.infer<typeof HeadlineSchema>;

export const RowSchema = z.record(
  z.string(),
  z.union([z.number(), z.string(), z.boolean(), z.null()]),
);
export type Row = z.infer<typeof RowSchema>;

export const StudyResultSchema = z.object({
  study: z.string().min(1),
  title: z.string().min(1),
  generatedBy: z.object({ command: z.string(), version: z.string() }),
  parameters: z.record(z.string(), z.unknown()),
  headline: z.array(HeadlineSchema),
  tables: z.record(z.string(), z.array(RowSchema)),
});
export type StudyResult = z.infer<typeof StudyResultSchema>;

/** Parse a results document (e.g. read back from disk), naming every bad field. */
export function parseStudyResult(value: unknown): StudyResult {
  return parseWith(StudyResultSchema, value, "study result");
}

/** Round floats to 6 significant digits so results JSON does not churn on last-bit noise. */
export function roundDeep(v: unknown): unknown {
  if (typeof v === "number") return Number.isInteger(v) ? v : Number(v.toPrecision(6));
  if (Array.isArray(v)) return v.map(roundDeep);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]));
  }
  return v;
}

/** Serialize a result deterministically (rounded numbers, 2-space indent, trailing newline). */
export function resultToJson(r: StudyResult): string {
  return JSON.stringify(roundDeep(parseStudyResult(r)), null, 2) + "\n";
}
