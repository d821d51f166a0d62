import type { ErrorCode, ErrorParams, ParamsOf } from './error-codes.ts';

/**
 * Outcomes of validating one value. Validators return these instead of throwing because the import
 * pipeline checks millions of cells and collects every failure as a row error: an exception per bad
 * cell would cost a stack trace each and force try/catch around every call.
 */

/** The value was accepted; `value` is its normalized form. */
export interface Ok<T> {
  readonly ok: true;
  /** Present only to let `Ok | Empty` be told apart with `if (result.empty)`. */
  readonly empty?: false;
  readonly value: T;
}

/**
 * The value was rejected; `error` is a sentence for a person that names the value, `code` what is
 * wrong (error-codes.ts) and `params` what a client needs to word it (absent when none).
 */
export interface Err {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly error: string;
  readonly params?: ErrorParams;
}

/**
 * The input held nothing (empty or only whitespace). Not an error, and not a value either: an empty
 * cell in an import must never erase what a contact already has, so callers skip the field instead
 * of storing anything.
 */
export interface Empty {
  readonly ok: true;
  readonly empty: true;
}

/** A value check: accepted with its normalized value, or rejected with a message. */
export type Result<T> = Ok<T> | Err;

/** A value check for input that may legitimately be blank (an import cell, an optional name). */
export type CellResult<T> = Ok<T> | Empty | Err;

/** Builds an accepted result. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Builds a rejected result. */
export function err<C extends ErrorCode>(code: C, error: string, params?: ParamsOf<C>): Err {
  return params ? { ok: false, code, error, params: params as ErrorParams } : { ok: false, code, error };
}

/** The same rejection with its message changed (e.g. prefixed with the field it is about). */
export function reworded(rejected: Err, error: string): Err {
  return { ...rejected, error };
}

/** The one blank result; frozen because it is shared by every caller. */
export const EMPTY: Empty = Object.freeze({ ok: true, empty: true });

/** Longest stretch of a value quoted in a message; a 10 kB cell would otherwise flood an error file. */
const QUOTED_MAX_LENGTH = 80;

/**
 * A value as it appears in an error message: in double quotes, with control characters escaped and
 * long values shortened, so the reader sees exactly what was in the cell.
 */
export function quote(value: string): string {
  const shown = value.length > QUOTED_MAX_LENGTH ? `${value.slice(0, QUOTED_MAX_LENGTH)}…` : value;
  return JSON.stringify(shown);
}
