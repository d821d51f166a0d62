/**
 * What happens to an import row (create, update, skip or fail) once the database has been asked who
 * its identifier matches: decided for the review, and settled again against the contact book when
 * the write reaches it. The common decisions are frozen and shared by every row: read them, never
 * change them.
 */
import type { ErrorCode } from './error-codes.ts';
import type { ImportIdentifier, ImportPurpose } from './import-options.ts';
import type { ImportRowResult, RowData, RowRuleSettings } from './import-row.ts';

export type RowAction = 'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR';

/**
 * What happens to a row, and why when it is skipped or fails: the reason for people and its codes,
 * one per part of the reason (a row with several errors has several), in the same order.
 */
export interface RowDecision {
  action: RowAction;
  reason: string | null;
  codes: readonly ErrorCode[];
}

const NO_CODES: readonly ErrorCode[] = Object.freeze([]);

/** A decision shared by every row it applies to: frozen, its codes too. */
function shared(action: RowAction, reason: string | null, code: ErrorCode | null): RowDecision {
  return Object.freeze({ action, reason, codes: code === null ? NO_CODES : Object.freeze([code]) });
}

const CREATE = shared('CREATE', null, null);
const UPDATE = shared('UPDATE', null, null);

/** How each identifier is named in skip and ambiguity reasons. */
const IDENTIFIER_NOUN: Record<ImportIdentifier, string> = {
  PHONE: 'phone number',
  EMAIL: 'email address',
  CONTACT_ID: 'id',
};

const ALREADY_EXISTS: Record<ImportIdentifier, RowDecision> = {
  PHONE: shared('SKIP', 'a contact with this phone number already exists', 'CONTACT_EXISTS'),
  EMAIL: shared('SKIP', 'a contact with this email address already exists', 'CONTACT_EXISTS'),
  CONTACT_ID: shared('SKIP', 'a contact with this id already exists', 'CONTACT_EXISTS'),
};

const NOT_FOUND: Record<ImportIdentifier, RowDecision> = {
  PHONE: shared('SKIP', 'no contact with this phone number', 'NO_MATCHING_CONTACT'),
  EMAIL: shared('SKIP', 'no contact with this email address', 'NO_MATCHING_CONTACT'),
  CONTACT_ID: shared('SKIP', 'no contact with this id', 'NO_MATCHING_CONTACT'),
};

const AMBIGUOUS: readonly ErrorCode[] = Object.freeze(['AMBIGUOUS_MATCH']);
const NO_IDENTIFIER = shared('ERROR', 'the row has nothing to identify the contact by', 'MISSING_IDENTIFIER');
const NEEDS_PHONE_OR_EMAIL = shared('ERROR', 'a new contact needs at least one valid phone number or email address', 'PHONE_OR_EMAIL_REQUIRED');
const NEEDS_FIRST_NAME = shared('ERROR', 'this workspace requires a first name for new contacts', 'FIRST_NAME_REQUIRED');
const NEEDS_PHONE_WITH_COUNTRY = shared('ERROR', 'this workspace requires a phone number whose country is known', 'PHONE_COUNTRY_REQUIRED');

/**
 * What a normalized identifier is: an email always has `@`, an E.164 phone starts with `+` and has
 * none, a contact id (a UUID) has neither. Lets skip reasons name the identifier without the plan.
 */
export function identifierKindOf(identifier: string): ImportIdentifier {
  if (identifier.includes('@')) return 'EMAIL';
  return identifier.startsWith('+') ? 'PHONE' : 'CONTACT_ID';
}

/**
 * Decides a row once the existing contacts sharing its identifier have been counted (`matches`; pass
 * 0 when the row has no identifier). In order:
 *
 * 1. A row with errors is ERROR, its errors joined by "; " (and its codes in the same order).
 * 2. Two or more matches is ERROR: the row cannot tell which contact it means.
 * 3. ADD_NEW_ONLY skips a row whose contact exists; UPDATE_EXISTING_ONLY skips one whose contact does
 *    not; ADD_AND_UPDATE updates or creates; ADD_ALL_DESPITE_DUPLICATES always creates.
 * 4. A row that would create is ERROR when it lacks what a new contact needs: a valid phone or email,
 *    and per the settings a first name and a phone whose country is known. These are
 *    checked here rather than when reading the row because they apply only to rows that create.
 *
 * A row without errors has an identifier whenever its purpose uses one (normalizeImportRow makes a
 * missing one an error), so the identifier is named from the row ({@link identifierKindOf}).
 */
export function decideRow(
  row: ImportRowResult,
  matches: number,
  purpose: ImportPurpose,
  settings: Pick<RowRuleSettings, 'requireFirstName' | 'requirePhoneWithCountry'>,
): RowDecision {
  if (row.errors.length > 0) return { action: 'ERROR', reason: row.errors.join('; '), codes: row.codes };
  return decideByMatches(row.identifier, matches, purpose, creationDecision(row.data, settings));
}

/** Steps 2–4 of {@link decideRow}, for a row without errors; `creation` is its {@link creationDecision}. */
function decideByMatches(identifier: string | null, matches: number, purpose: ImportPurpose, creation: RowDecision): RowDecision {
  if (purpose !== 'ADD_ALL_DESPITE_DUPLICATES' && identifier !== null) {
    const kind = identifierKindOf(identifier);
    if (matches >= 2) {
      return {
        action: 'ERROR',
        reason: `${matches} existing contacts have this ${IDENTIFIER_NOUN[kind]}: merge them, or identify the contact another way`,
        codes: AMBIGUOUS,
      };
    }
    if (matches === 1) return purpose === 'ADD_NEW_ONLY' ? ALREADY_EXISTS[kind] : UPDATE;
    if (purpose === 'UPDATE_EXISTING_ONLY') return NOT_FOUND[kind];
  }
  // Here the row creates: no identifier is used (ADD_ALL_DESPITE_DUPLICATES) or none matched. A row
  // without an identifier in another purpose is already an error from normalizeImportRow; should a
  // caller build one itself, update-only still cannot create it.
  if (purpose === 'UPDATE_EXISTING_ONLY') return NO_IDENTIFIER;
  return creation;
}

/**
 * What stops a row from creating a contact (step 4 of {@link decideRow}), or CREATE when nothing
 * does. It depends on the row alone, so validation works it out once and stores its reason for the
 * write, which may find that a row it expected to update has to create after all.
 */
export function creationDecision(data: RowData, settings: Pick<RowRuleSettings, 'requireFirstName' | 'requirePhoneWithCountry'>): RowDecision {
  if (data.phone === undefined && data.email === undefined) return NEEDS_PHONE_OR_EMAIL;
  if (settings.requireFirstName && data.firstName === undefined) return NEEDS_FIRST_NAME;
  if (settings.requirePhoneWithCountry && data.phone?.country === undefined) return NEEDS_PHONE_WITH_COUNTRY;
  return CREATE;
}

/**
 * A staged row whose decision rests on who its identifier matched at the review (every row without
 * errors whose purpose has an identifier, and that is not an in-file duplicate set aside), as the
 * write reads it back.
 */
export interface ReviewedRow {
  identifier: string;
  /** The review's decision. */
  action: RowAction;
  /**
   * For CREATE, the id the new contact gets. Otherwise the contact the identifier matched at the
   * review (one of them when it matched several), or null when it matched none.
   */
  contactId: string | null;
  /** The reason of the row's {@link creationDecision} when it cannot create, else null. */
  createError: string | null;
  /** The code of that reason. */
  createErrorCode: ErrorCode | null;
}

/** Who a row's identifier matches in the contact book now. */
export interface IdentifierMatch {
  /** How many contacts have it. */
  count: number;
  /** One of them (the least id), or null when none does. */
  contactId: string | null;
}

/** A row's decision settled at write time, when it differs from the review's. */
export interface Settlement {
  action: RowAction;
  /** The contact the row updates or was skipped for; null for a row that now creates (the writer gives it an id) or fails. */
  contactId: string | null;
  /** The skip or error reason (the result file's `Errors`), null for a row that creates or updates. */
  reason: string | null;
  /** The reason's code (the result file's `Error Codes`): settling decides by matches alone, so there is at most one. */
  code: ErrorCode | null;
  /** Why the outcome differs from the review (the result file's `Notes`). */
  note: string;
}

/**
 * Settles a reviewed row against the contact book as the write finds it (the review is a preview;
 * contacts may have been added, changed or deleted since, by hand, by a sync, or by an import
 * queued before this one). The row is decided again by the rules of {@link decideRow} with its
 * identifier's matches now; null when that changes nothing, else the new outcome with a note
 * saying what changed.
 */
export function settleRow(row: ReviewedRow, now: IdentifierMatch, purpose: ImportPurpose): Settlement | null {
  const creation: RowDecision =
    row.createError === null
      ? CREATE
      : { action: 'ERROR', reason: row.createError, codes: row.createErrorCode === null ? NO_CODES : [row.createErrorCode] };
  const decision = decideByMatches(row.identifier, now.count, purpose, creation);
  const matchedAtReview = row.action === 'CREATE' ? null : row.contactId;
  const contactId = now.count === 1 && (decision.action === 'UPDATE' || decision.action === 'SKIP') ? now.contactId : null;
  if (decision.action === row.action && (contactId === null || contactId === matchedAtReview)) return null;
  return {
    action: decision.action,
    contactId,
    reason: decision.reason,
    code: decision.codes[0] ?? null,
    note: `changed since the review: ${changeSinceReview(row, matchedAtReview, now)}`,
  };
}

function changeSinceReview(row: ReviewedRow, matchedAtReview: string | null, now: IdentifierMatch): string {
  const kind = identifierKindOf(row.identifier);
  const noun = IDENTIFIER_NOUN[kind];
  const ambiguousAtReview = row.action === 'ERROR' && matchedAtReview !== null;
  if (now.count >= 2) return `${now.count} contacts now have this ${noun}`;
  if (ambiguousAtReview) return `the contacts that shared this ${noun} were merged or deleted`;
  if (now.count === 0) {
    return kind === 'CONTACT_ID' ? 'its contact was deleted after the review' : `the contact that had this ${noun} was deleted or no longer has it`;
  }
  if (matchedAtReview === null) return `now matches an existing contact (added after the review)`;
  return `this ${noun} now belongs to another contact`;
}
