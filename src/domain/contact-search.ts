/**
 * The search box of a contact list: what a term asks for (names, part of a phone number, the number
 * it is, part of an email address), and the predicate that finds it through trigram indexes.
 */
import { getCountries } from 'libphonenumber-js/max';
import { ValidationError } from './errors.ts';
import { normalizePhone } from './phone-number.ts';
import { escapeLike, join, raw, sql, type Sql } from './sql.ts';

/** Text that may be a phone number: digits with the usual punctuation, at least a few digits. */
const PHONE_LIKE = /^[+＋(]?[\d\s().\-/]+$/;
const MIN_PHONE_DIGITS = 5;

/**
 * Every E.164 number `search` can be: its international form, or its national form read in each
 * country (a national number means different numbers in different countries; each is tried, so a
 * contact is found whatever its country).
 */
export function phoneSearchCandidates(search: string): string[] {
  const text = search.trim();
  if (!PHONE_LIKE.test(text) || text.replace(/\D/g, '').length < MIN_PHONE_DIGITS) return [];
  const international = normalizePhone(text);
  if (international.ok) return [international.value.e164];
  const candidates = new Set<string>();
  for (const country of getCountries()) {
    const phone = normalizePhone(text, { defaultCountry: country });
    if (phone.ok) candidates.add(phone.value.e164);
  }
  return [...candidates];
}

/** Longest search accepted, in characters: more than any name, number or address typed into a box. */
export const SEARCH_MAX_LENGTH = 100;

/**
 * Below this many characters a search matches names where a word starts rather than anywhere: "Al"
 * finds Alice and Van Allen, not every name with an "al" in it. A trigram index can find word
 * starts of one or two characters (it pads words with spaces); it cannot find them anywhere.
 */
const MIN_ANYWHERE_LENGTH = 3;

/** Part of a phone number: digits (3 or more) written with the usual punctuation. */
const PHONE_PART = /^\+?[\d\s().-]+$/;
const MIN_PHONE_PART_DIGITS = 3;

/** A domain or the end of one: `example.com`, `.co.uk` (a label of letters at the end). */
const DOMAIN_LIKE = /^[\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What a search term asks for. */
export interface SearchTerm {
  /** The term: trimmed, inner runs of whitespace made one space, in Unicode NFC form (as names are stored). */
  text: string;
  /**
   * Names match from the start of a word (a term of 1 or 2 characters) or anywhere. A term without
   * a letter or digit matches no name: none is made of punctuation alone, and such a term gives a
   * trigram index nothing to look up, so it would read every contact of the workspace.
   */
  names?: 'wordStart' | 'anywhere';
  /**
   * For a term of digits and phone punctuation, the digits a phone number must contain; a term
   * starting with + is the start of an international number.
   */
  phoneDigits?: { digits: string; fromStart: boolean };
  /** The numbers the whole term can be, matched exactly (see {@link phoneSearchCandidates}). */
  phoneNumbers: string[];
  /** For a term with an `@` or shaped like a domain, the lower-cased part an email address must contain. */
  emailPart?: string;
}

/**
 * Reads a list search. Undefined for a blank one; a ValidationError at `path` for one longer than
 * {@link SEARCH_MAX_LENGTH} characters.
 */
export function parseSearchTerm(search: string | null | undefined, path: readonly string[] = ['search']): SearchTerm | undefined {
  const text = (search ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const length = [...text].length;
  if (length > SEARCH_MAX_LENGTH) {
    throw ValidationError.of([...path], 'TOO_LONG', `a search is at most ${SEARCH_MAX_LENGTH} characters; this one has ${length}`, {
      limit: SEARCH_MAX_LENGTH,
      length,
    });
  }
  const term: SearchTerm = { text, phoneNumbers: phoneSearchCandidates(text) };
  if (!LETTER_OR_DIGIT.test(text)) return term;
  term.names = length < MIN_ANYWHERE_LENGTH ? 'wordStart' : 'anywhere';
  const digits = text.replace(/\D/g, '');
  if (PHONE_PART.test(text) && digits.length >= MIN_PHONE_PART_DIGITS) term.phoneDigits = { digits, fromStart: text.startsWith('+') };
  if (text.includes('@') || DOMAIN_LIKE.test(text)) term.emailPart = text.toLowerCase();
  return term;
}

/**
 * Where a word of a name starts, as a regular expression: at the start of the text, or after a
 * space, the line break between the full name and the first and last name (see the database's
 * `contact_search_names`), a hyphen, an apostrophe (every kind folds to ') or a period.
 */
const WORD_START = "(^|[- \n'.])";

/** Regular-expression replacements that put a backslash before LIKE's wildcards and escape, or before any character but a letter or digit. */
const LIKE_SPECIAL = String.raw`([\\%_])`;
const REGEX_SPECIAL = '([^[:alnum:]])';
const BACKSLASHED = String.raw`\\\1`;

/**
 * The predicate over contact row `c` of a list search within the workspace: names containing the
 * term with accents and case folded on both sides ("Muller" finds Müller, "jose" José), phone
 * numbers containing its digits or equal to the number it is, email addresses containing it.
 *
 * Each is one set of contact ids found through a trigram index (made by the migration
 * `contact_search`): on `contact_search_names(name, first_name, last_name)` of contacts and on
 * `value` of contact_details. The predicate is `c.id` in their union, which the planner makes a
 * join; an OR of conditions on `c` would make it read every contact of the workspace.
 */
export function contactSearchSql(term: SearchTerm, workspaceId: string): Sql {
  const workspace = sql`${workspaceId}::uuid`;
  const sets: Sql[] = [];
  if (term.names) {
    // The database folds the term as it folds names, and only then escapes it: folding turns a
    // full-width ％ into %.
    const folded = sql`search_fold(${term.text})`;
    const names = raw('contact_search_names(n.name, n.first_name, n.last_name)');
    const match =
      term.names === 'anywhere'
        ? sql`${names} LIKE '%' || regexp_replace(${folded}, ${LIKE_SPECIAL}, ${BACKSLASHED}, 'g') || '%'`
        : sql`${names} ~ (${WORD_START}::text || regexp_replace(${folded}, ${REGEX_SPECIAL}, ${BACKSLASHED}, 'g'))`;
    sets.push(sql`SELECT n.id FROM contacts n WHERE n.workspace_id = ${workspace} AND ${match}`);
  }
  const phones: Sql[] = [];
  if (term.phoneDigits) {
    const { digits, fromStart } = term.phoneDigits;
    phones.push(sql`d.value LIKE ${fromStart ? `+${digits}%` : `%${digits}%`}`);
  }
  if (term.phoneNumbers.length > 0) phones.push(sql`d.value = ANY(${term.phoneNumbers}::text[])`);
  if (phones.length > 0) {
    sets.push(sql`SELECT d.contact_id FROM contact_details d WHERE d.workspace_id = ${workspace} AND d.kind = 'PHONE' AND (${join(phones, ' OR ')})`);
  }
  if (term.emailPart !== undefined) {
    sets.push(sql`SELECT d.contact_id FROM contact_details d WHERE d.workspace_id = ${workspace} AND d.kind = 'EMAIL'
      AND d.value LIKE ${`%${escapeLike(term.emailPart)}%`}`);
  }
  if (sets.length === 0) return raw('FALSE');
  return sql`(c.workspace_id = ${workspace} AND c.id IN (${join(sets, ' UNION ALL ')}))`;
}
