/**
 * One way to turn untrusted input into typed data: parse with zod, collect every issue (not just
 * the first), and throw a `ValidationError` whose message names each field and its value.
 */
import type { z } from "zod";

/** Thrown for bad user input; `issues` holds one "path: message (got value)" line per problem. */
export class ValidationError extends Error {
  constructor(readonly what: string, readonly issues: string[]) {
    super(`invalid ${what}: ${issues.join("; ")}`);
    this.name = "ValidationError";
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function showValue(v: unknown): string {
  if (v === undefined) return "missing";
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}

/** Dotted path with array indices, e.g. `layers[3].kernelH`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : (out ? "." : "") + String(key);
  }
  return out || "(root)";
}

/** Parse `value` with `schema`; on failure throw a ValidationError listing every issue. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) =>
    `${formatPath(i.path)}: ${i.message} (got ${showValue(valueAt(value, i.path))})`
  );
  throw new ValidationError(what, issues);
}
