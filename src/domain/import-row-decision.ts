/**
 * What happens to an import row (create, update, skip or fail) once the database has been asked who
 * its identifier matches: decided for the review, and settled again against the contact book when
 * the write reaches it. The common decisions are frozen and shared by every row: read them, never
 * change them.
 */
import type { ImportIdentifier, ImportPurpose } from './import-options.ts';
import type { ImportRowResult, RowData, RowRuleSettings } from './import-row.ts';

export type RowAction = 'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR';

/** What happens to a row, and why when it is skipped or fails. */
export interface RowDecision {
  action: RowAction;
  reason: string | null;
}

const CREATE: RowDecision = Object.freeze({ action: 'CREATE', reason: null });
const UPDATE: RowDecision = Object.freeze({ action: 'UPDATE', reason: null });

/** How each identifier is named in skip and ambiguity reasons. */
const IDENTIFIER_NOUN: Record<ImportIdentifier, string> = {
  PHONE: 'phone number',
  EMAIL: 'email address',
  CONTACT_ID: 'id',
};

const ALREADY_EXISTS: Record<ImportIdentifier, RowDecision> = {
  PHONE: Object.freeze({ action: 'SKIP', reason: 'a contact with this phone number already exists' }),
  EMAIL: Object.freeze({ action: 'SKIP', reason: 'a contact with this email address already exists' }),
  CONTACT_ID: Object.freeze({ action: 'SKIP', reason: 'a contact with this id already exists' }),
};

const NOT_FOUND: Record<ImportIdentifier, RowDecision> = {
  PHONE: Object.freeze({ action: 'SKIP', reason: 'no contact with this phone number' }),
  EMAIL: Object.freeze({ action: 'SKIP', reason: 'no contact with this email address' }),
  CONTACT_ID: Object.freeze({ action: 'SKIP', reason: 'no contact with this id' }),
};

const NO_IDENTIFIER: RowDecision = Object.freeze({ action: 'ERROR', reason: 'the row has nothing to identify the contact by' });
const NEEDS_PHONE_OR_EMAIL: RowDecision = Object.freeze({
  action: 'ERROR',
  reason: 'a new contact needs at least one valid phone number or email address',
});
const NEEDS_FIRST_NAME: RowDecision = Object.freeze({ action: 'ERROR', reason: 'this workspace requires a first name for new contacts' });
const NEEDS_PHONE_WITH_COUNTRY: RowDecision = Object.freeze({
  action: 'ERROR',
  reason: 'this workspace requires a phone number whose country is known',
});

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
 * 1. A row with errors is ERROR, its errors joined by "; ".
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
  if (row.errors.length > 0) return { action: 'ERROR', reason: row.errors.join('; ') };
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
  const creation: RowDecision = row.createError === null ? CREATE : { action: 'ERROR', reason: row.createError };
  const decision = decideByMatches(row.identifier, now.count, purpose, creation);
  const matchedAtReview = row.action === 'CREATE' ? null : row.contactId;
  const contactId = now.count === 1 && (decision.action === 'UPDATE' || decision.action === 'SKIP') ? now.contactId : null;
  if (decision.action === row.action && (contactId === null || contactId === matchedAtReview)) return null;
  return {
    action: decision.action,
    contactId,
    reason: decision.reason,
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
