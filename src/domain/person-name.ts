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
      'INVALID_NAME',
      `${quote(name)} is not a valid name: ${quote(bad[0])} is not allowed (only letters, spaces, apostrophes, hyphens and periods)`,
    );
  }
  if (!LETTER.test(name)) return err('INVALID_NAME', `${quote(name)} is not a valid name: it has no letters`);
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

/** A contact's three names; null where it has none. */
export interface ContactNames {
  firstName: string | null;
  lastName: string | null;
  name: string | null;
}

/**
 * Whether a contact's full name follows its first and last name: it has none, or it is exactly its
 * parts joined. A full name given whole ("Tina Turner" from a `Name` column, or typed as the name)
 * with other parts, or none, does not.
 */
export function nameFollowsParts(names: ContactNames): boolean {
  return names.name === null || names.name === (fullName(names.firstName, names.lastName) ?? null);
}

/**
 * The one rule for a contact's names after a change, wherever the change comes from (the API, an
 * import row, a sync):
 *
 * - A full name given whole in the change wins.
 * - Otherwise, when the first or last name changes, the full name follows them only if it followed
 *   the old ones ({@link nameFollowsParts}): editing one part never wipes a full name given whole.
 *   Parts cleared to nothing leave the full name as it was rather than empty.
 *
 * `next` holds the first and last name after the change (already merged with the current ones);
 * `givenName` is a full name given in the change, or undefined when none was.
 */
export function resolveNames(current: ContactNames, next: Pick<ContactNames, 'firstName' | 'lastName'>, givenName?: string | null): ContactNames {
  const names = { firstName: next.firstName, lastName: next.lastName, name: current.name };
  if (givenName !== undefined) names.name = givenName;
  else if ((next.firstName !== current.firstName || next.lastName !== current.lastName) && nameFollowsParts(current)) {
    names.name = fullName(next.firstName, next.lastName) ?? current.name;
  }
  return names;
}

/**
 * {@link resolveNames} in SQL, for set-based writes that update the contacts row aliased `c`: the
 * full name after the change. `firstName` and `lastName` are SQL expressions of the parts the
 * contact ends with; `given` is the condition under which the change gives a full name whole, and
 * its value, or null when it never does. Parts are joined as {@link fullName} joins them (they are
 * stored trimmed).
 */
export function resolvedNameSql(given: { when: string; value: string } | null, firstName: string, lastName: string): string {
  const joined = (first: string, last: string) => `nullif(concat_ws(' ', ${first}, ${last}), '')`;
  return `CASE ${given ? `WHEN ${given.when} THEN ${given.value}` : ''}
    WHEN ((${firstName}) IS DISTINCT FROM c.first_name OR (${lastName}) IS DISTINCT FROM c.last_name)
         AND (c.name IS NULL OR c.name = ${joined('c.first_name', 'c.last_name')})
      THEN coalesce(${joined(firstName, lastName)}, c.name)
    ELSE c.name END`;
}
