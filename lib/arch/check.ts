/**
 * Argument checks for the cost model's public functions. They sit on the hot path, so a passing
 * check is one or two comparisons and allocates nothing; only a failing one builds the
 * ValidationError that names the function, the field and the value.
 */
import { ValidationError } from "../validate.ts";

function fail(what: string, field: string, expected: string, value: unknown): never {
  throw new ValidationError(what, [`${field}: expected ${expected}, got ${String(value)}`]);
}

/** Throw unless `value` is an integer >= 1. */
export function checkPositiveInt(what: string, field: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1)) fail(what, field, "a positive integer", value);
}

/** Throw unless `value` is a finite number >= 0 (NaN and Infinity fail). */
export function checkNonNegative(what: string, field: string, value: number): void {
  if (!(typeof value === "number" && value >= 0 && value < Infinity)) {
    fail(what, field, "a finite number >= 0", value);
  }
}

/** Throw unless `value` is a finite number > 0. */
export function checkPositive(what: string, field: string, value: number): void {
  if (!(typeof value === "number" && value > 0 && value < Infinity)) {
    fail(what, field, "a finite number > 0", value);
  }
}
