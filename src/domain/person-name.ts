import { EMPTY, err, ok, quote, type CellResult } from './result.ts';

/**
 * Characters a name may hold besides whitespace: letters and combining marks of any script,
 * apostrophes (' and ’), hyphens (-, ‐, ‑), periods, and the middle dots that separate name parts
 * in Catalan (·) and in Chinese and Japanese renderings of foreign names (·, ・). Zero-width
 * (non-)joiners are kept because Persian and several Indic scripts need them inside names.
 */
const NOT_ALLOWED_IN_NAME = /[^\p{L}\p{M}\s'’\-‐‑.·・\u200c\u200d]/u;

const LETTER = /\p{L}/u;
const WHITESPACE_RUN = /\s+/g;

/**
 * Validates a first, last or full name. Whitespace is trimmed and inner runs collapsed to one space;
 * the result is in Unicode NFC form so `José` typed with a combining accent equals the precomposed
 * one. A blank name is {@link EMPTY} (no value, not an error). Digits and symbols are rejected with a
 * message naming the value and the first character at fault, and so is a name with no letter at all
 * (`-`, `.`).
 */
export function validateName(raw: string): CellResult<string> {
  const name = raw.normalize('NFC').trim().replace(WHITESPACE_RUN, ' ');
  if (name === '') return EMPTY;
  const bad = NOT_ALLOWED_IN_NAME.exec(name);
  if (bad) {
    return err(
      `${quote(name)} is not a valid name: ${quote(bad[0])} is not allowed (only letters, spaces, apostrophes, hyphens and periods)`,
    );
  }
  if (!LETTER.test(name)) return err(`${quote(name)} is not a valid name: it has no letters`);
  return ok(name);
}

/**
 * A contact's full name made from its parts: the non-blank ones, trimmed, joined with a space.
 * Undefined when both are blank, so a caller never stores an empty full name.
 */
export function fullName(first?: string | null, last?: string | null): string | undefined {
  const parts = [first?.trim(), last?.trim()].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
