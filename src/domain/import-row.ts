import { normalizeEmail } from './email.ts';
import { ValidationError } from './errors.ts';
import { coerceFieldValue, splitListValue, type FieldDefinition, type FieldValue } from './field-value.ts';
import { parseId } from './ids.ts';
import type { ImportIdentifier, ImportPlan, ImportPurpose } from './import-options.ts';
import { normalizeGroupName } from './group.ts';
import { normalizeTag } from './tag.ts';
import { resolveNames, validateName } from './person-name.ts';
import { normalizeCountryCode, normalizePhone, parseCallingCode, type PhoneHints } from './phone-number.ts';
import { quote } from './result.ts';

/**
 * The rules of one import row (SPEC §2 "Row rules"): reading its cells by the plan, deciding what
 * happens to it once the database has been asked who it matches, and previewing an update.
 *
 * These run once per row of files of millions of rows, so nothing here throws for a bad value (every
 * problem is a message in `errors`), results are plain JSON-ready objects, and what can be worked
 * out once per plan is (see {@link compile}). Objects shared between rows (empty tags, empty custom
 * fields, the common decisions) are frozen: read them, never change them.
 */

/** The workspace settings the row rules follow, and the file's shape. */
export interface RowRuleSettings {
  /** New contacts need a first name (002 seed). */
  requireFirstName: boolean;
  /** New contacts need a phone number whose country is known (000/003 seeds). */
  requirePhoneWithCountry: boolean;
  /** Cells in the header row; a row with another count is an error. */
  headerCount: number;
}

/**
 * A row's normalized values. Only values the row holds are present: an empty cell never erases a
 * value (SPEC), so an absent property means "leave as is", never "clear".
 */
export interface RowData {
  firstName?: string;
  lastName?: string;
  /**
   * Full name given whole (the `name` column). Absent when the row gives only first and last name:
   * a new contact's full name is then made from them, and an existing one's follows them by
   * {@link resolveNames}.
   */
  name?: string;
  /** Upper-case ISO 3166-1 alpha-2. */
  country?: string;
  /**
   * `raw` is the cell exactly as it was in the file; `country` the number's own country by its
   * numbering plan (absent for non-geographic numbers such as +800), which `requirePhoneWithCountry`
   * looks at.
   */
  phone?: { e164: string; raw: string; country?: string };
  /** `value` is lower-cased; `raw` is the cell exactly as it was in the file. */
  email?: { value: string; raw: string };
  /** Typed values of custom fields, by key. */
  customFields: Readonly<Record<string, FieldValue>>;
  /** The row's `tags` column: tags to add. The job's own tags are in the plan, not repeated here. */
  tags: readonly string[];
  /** The row's `groups` column: names of groups to add the contact to (made by the import when missing). */
  groups?: readonly string[];
  /** TRUE → the caller records a WhatsApp opt-in for the phone, FALSE an opt-out (003 seed). */
  whatsappOptIn?: boolean;
  /** Lower-cased contact id, from a column mapped to `contactId`. */
  contactId?: string;
}

/** What reading a row found. */
export interface ImportRowResult {
  data: RowData;
  /** One sentence per problem, each naming the column header and the value. Empty when the row is valid. */
  errors: string[];
  /**
   * What the row is matched on, per the plan's identifier: E.164 phone, lower-cased email, or
   * lower-cased contact id. Null when the plan has none (ADD_ALL_DESPITE_DUPLICATES) or the row has
   * no valid one (which, with an identifier, is among the errors).
   */
  identifier: string | null;
}

export type RowAction = 'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR';

/** What happens to a row, and why when it is skipped or fails. */
export interface RowDecision {
  action: RowAction;
  reason: string | null;
}

const NO_TAGS: readonly string[] = Object.freeze([]);
const NO_CUSTOM_FIELDS: Readonly<Record<string, FieldValue>> = Object.freeze({});

// What a column is read into; small integers so the per-cell dispatch is a jump table.
const FIRST_NAME = 0;
const LAST_NAME = 1;
const NAME = 2;
const PHONE = 3;
const EMAIL = 4;
const COUNTRY = 5;
const CALLING_CODE = 6;
const WHATSAPP_OPT_IN = 7;
const TAGS = 8;
const CONTACT_ID = 9;
const GROUPS = 10;
const CUSTOM = 11;

const KIND_OF_BUILT_IN: Readonly<Record<string, number>> = {
  firstName: FIRST_NAME,
  lastName: LAST_NAME,
  name: NAME,
  phone: PHONE,
  email: EMAIL,
  country: COUNTRY,
  countryCode: CALLING_CODE,
  whatsappOptIn: WHATSAPP_OPT_IN,
  tags: TAGS,
  groups: GROUPS,
};

interface CompiledColumn {
  index: number;
  kind: number;
  key: string;
  /** `Header: `, put before every message about this column. */
  prefix: string;
  /**
   * For coerceFieldValue (custom fields and the BOOLEAN `whatsappOptIn`). Its label is the column's
   * header, so the messages coerceFieldValue writes name the column like every other row error.
   */
  definition: FieldDefinition | null;
}

interface CompiledPlan {
  columns: CompiledColumn[];
  countryIndex: number;
  callingCodeIndex: number;
  /** The column the identifier is read from, and the error when its cell is empty. */
  identifierColumn: CompiledColumn | null;
  missingIdentifier: string | null;
  /** Shared by every row: normalizePhone takes its hints as an object. */
  customContext: { defaultCountry: string | null };
}

const MISSING_IDENTIFIER: Record<ImportIdentifier, string> = {
  PHONE: 'no phone number to identify the contact by',
  EMAIL: 'no email address to identify the contact by',
  CONTACT_ID: 'no contact id to identify the contact by',
};

const compiledPlans = new WeakMap<ImportPlan, CompiledPlan>();

/**
 * The per-plan work of reading a row, done on the first row and reused: pass the same plan object
 * for every row of a job (a plan read again from JSON is compiled again, which is correct, just slower).
 */
function compile(plan: ImportPlan): CompiledPlan {
  let compiled = compiledPlans.get(plan);
  if (compiled) return compiled;
  const columns = plan.columns.map((column): CompiledColumn => {
    const { target, header, index } = column;
    const prefix = `${header}: `;
    if (target.kind === 'contactId') return { index, kind: CONTACT_ID, key: 'contactId', prefix, definition: null };
    const kind = KIND_OF_BUILT_IN[target.key] ?? CUSTOM;
    const definition = kind === CUSTOM || kind === WHATSAPP_OPT_IN ? { key: target.key, label: header, type: target.type, options: target.options } : null;
    return { index, kind, key: target.key, prefix, definition };
  });
  const identifierKind = plan.identifier === 'PHONE' ? PHONE : plan.identifier === 'EMAIL' ? EMAIL : plan.identifier === 'CONTACT_ID' ? CONTACT_ID : -1;
  const identifierColumn = columns.find((column) => column.kind === identifierKind) ?? null;
  compiled = {
    columns,
    countryIndex: columns.find((column) => column.kind === COUNTRY)?.index ?? -1,
    callingCodeIndex: columns.find((column) => column.kind === CALLING_CODE)?.index ?? -1,
    identifierColumn,
    missingIdentifier: plan.identifier === null ? null : (identifierColumn?.prefix ?? '') + MISSING_IDENTIFIER[plan.identifier],
    customContext: { defaultCountry: plan.defaultCountry },
  };
  compiledPlans.set(plan, compiled);
  return compiled;
}

/** Reused for every phone: normalizePhone reads it synchronously and keeps no reference. */
const phoneHints: PhoneHints = { country: null, callingCode: null, defaultCountry: null };

function isBlank(cell: string): boolean {
  return cell.length === 0 || cell.trim().length === 0;
}

/** A formula-safe cell as spreadsheet-safe exports write it: `'` before `=`, `+`, `-`, `@`, tab or CR. */
const FORMULA_GUARD = /^'[=+\-@\t\r]/;

/**
 * The value of a cell written formula-safe — by Switchboard's own exports, result and error files,
 * or other careful tools — is the text after the guard: `'+12025550143` is the phone +12025550143,
 * so an export imports back as it was.
 */
export function withoutFormulaGuard(cell: string): string {
  return FORMULA_GUARD.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads one row by the plan (SPEC §2 "Row rules"):
 *
 * - A row whose cell count differs from the header's is one error and nothing else is read: its
 *   cells are likely shifted, and reading them would report misleading problems.
 * - Blank cells are skipped, never errors, never values.
 * - Phone: E.164 via normalizePhone, reading a national number with the row's `country` column, else
 *   its `countryCode` column, else the plan's default country. Email: normalizeEmail. Names:
 *   validateName. Country: normalizeCountryCode. Calling code: parseCallingCode (checked even when
 *   the phone does not need it, so a bad cell is not silently kept in the file). Custom fields and
 *   `whatsappOptIn`: coerceFieldValue (a custom PHONE field is read in the default country).
 *   Tags: splitListValue, then normalizeTag, without duplicates. Groups: splitListValue, then
 *   normalizeGroupName, without duplicates (ignoring case, as group names are matched). Contact id: an id.
 * - Full name: the `name` cell only (see {@link RowData.name}).
 * - Each error is `Header: ` and the message of the rule, which quotes the value.
 * - The identifier is taken per the plan; a blank identifier cell is an error (the row could be
 *   matched with nothing). An invalid one is already an error of its column.
 *
 * What a new contact needs (a phone or an email, and the workspace's requirements) is not checked
 * here but in {@link decideRow}: whether the row creates a contact depends on the database lookup.
 */
export function normalizeImportRow(rawCells: readonly string[], plan: ImportPlan, settings: Pick<RowRuleSettings, 'headerCount'>): ImportRowResult {
  const cells = rawCells.map(withoutFormulaGuard);
  if (cells.length !== settings.headerCount) {
    return {
      data: { customFields: NO_CUSTOM_FIELDS, tags: NO_TAGS },
      errors: [`row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}, the header has ${settings.headerCount}`],
      identifier: null,
    };
  }
  const compiled = compile(plan);
  const data: RowData = { customFields: NO_CUSTOM_FIELDS, tags: NO_TAGS };
  let errors: string[] | undefined;
  let customFields: Record<string, FieldValue> | undefined;
  let tags: string[] | undefined;
  let groups: string[] | undefined;

  for (const column of compiled.columns) {
    const cell = cells[column.index] ?? '';
    if (isBlank(cell)) continue;
    switch (column.kind) {
      case FIRST_NAME:
      case LAST_NAME:
      case NAME: {
        const result = validateName(cell);
        if (!result.ok) (errors ??= []).push(column.prefix + result.error);
        else if (!result.empty) {
          if (column.kind === FIRST_NAME) data.firstName = result.value;
          else if (column.kind === LAST_NAME) data.lastName = result.value;
          else data.name = result.value;
        }
        break;
      }
      case PHONE: {
        phoneHints.country = compiled.countryIndex >= 0 ? cells[compiled.countryIndex] : null;
        phoneHints.callingCode = compiled.callingCodeIndex >= 0 ? cells[compiled.callingCodeIndex] : null;
        phoneHints.defaultCountry = plan.defaultCountry;
        const result = normalizePhone(cell, phoneHints);
        if (!result.ok) (errors ??= []).push(column.prefix + result.error);
        else if (result.value.country === undefined) data.phone = { e164: result.value.e164, raw: cell };
        else data.phone = { e164: result.value.e164, raw: cell, country: result.value.country };
        break;
      }
      case EMAIL: {
        const result = normalizeEmail(cell);
        if (!result.ok) (errors ??= []).push(column.prefix + result.error);
        else data.email = { value: result.value, raw: cell };
        break;
      }
      case COUNTRY: {
        const result = normalizeCountryCode(cell);
        if (!result.ok) (errors ??= []).push(column.prefix + result.error);
        else data.country = result.value;
        break;
      }
      case CALLING_CODE: {
        const result = parseCallingCode(cell);
        if (!result.ok) (errors ??= []).push(column.prefix + result.error);
        break;
      }
      case WHATSAPP_OPT_IN: {
        const result = coerceFieldValue(column.definition!, cell);
        if (!result.ok) (errors ??= []).push(result.error);
        else if (!result.empty) data.whatsappOptIn = result.value === true;
        break;
      }
      case TAGS: {
        for (const item of splitListValue(cell)) {
          const result = normalizeTag(item);
          if (!result.ok) (errors ??= []).push(column.prefix + result.error);
          else if (!(tags ??= []).includes(result.value)) tags.push(result.value);
        }
        break;
      }
      case GROUPS: {
        for (const item of splitListValue(cell)) {
          // normalizeGroupName throws, but only for a bad name: valid rows pay nothing for the reuse.
          try {
            const name = normalizeGroupName(item, []);
            if (!(groups ??= []).some((other) => other.toLowerCase() === name.toLowerCase())) groups.push(name);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            (errors ??= []).push(`${column.prefix}${quote(item)}: ${error.message}`);
          }
        }
        break;
      }
      case CONTACT_ID: {
        // parseId throws, but only for a malformed id: valid rows pay nothing for the reuse.
        try {
          data.contactId = parseId(cell.trim(), []);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          (errors ??= []).push(`${column.prefix}${quote(cell.trim())} is not a contact id`);
        }
        break;
      }
      default: {
        const result = coerceFieldValue(column.definition!, cell, compiled.customContext);
        if (!result.ok) (errors ??= []).push(result.error);
        else if (!result.empty) (customFields ??= {})[column.key] = result.value;
      }
    }
  }

  if (customFields) data.customFields = customFields;
  if (tags) data.tags = tags;
  if (groups) data.groups = groups;

  let identifier: string | null = null;
  if (plan.identifier !== null) {
    identifier =
      plan.identifier === 'PHONE' ? (data.phone?.e164 ?? null) : plan.identifier === 'EMAIL' ? (data.email?.value ?? null) : (data.contactId ?? null);
    const column = compiled.identifierColumn;
    if (identifier === null && (column === null || isBlank(cells[column.index] ?? ''))) (errors ??= []).push(compiled.missingIdentifier!);
  }

  return { data, errors: errors ?? [], identifier };
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
const NEEDS_PHONE_OR_EMAIL: RowDecision = Object.freeze({ action: 'ERROR', reason: 'a new contact needs at least one valid phone number or email address' });
const NEEDS_FIRST_NAME: RowDecision = Object.freeze({ action: 'ERROR', reason: 'this workspace requires a first name for new contacts' });
const NEEDS_PHONE_WITH_COUNTRY: RowDecision = Object.freeze({ action: 'ERROR', reason: 'this workspace requires a phone number whose country is known' });

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
 * 2. Two or more matches is ERROR (002 seed): the row cannot tell which contact it means.
 * 3. ADD_NEW_ONLY skips a row whose contact exists; UPDATE_EXISTING_ONLY skips one whose contact does
 *    not; ADD_AND_UPDATE updates or creates; ADD_ALL_DESPITE_DUPLICATES always creates.
 * 4. A row that would create is ERROR when it lacks what a new contact needs: a valid phone or email
 *    (004 seed), and per the settings a first name and a phone whose country is known. These are
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
      return { action: 'ERROR', reason: `${matches} existing contacts have this ${IDENTIFIER_NOUN[kind]}: merge them, or identify the contact another way` };
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
  return { action: decision.action, contactId, reason: decision.reason, note: `changed since the review: ${changeSinceReview(row, matchedAtReview, now)}` };
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

/** The values of an existing contact that an update is compared with. */
export interface ExistingContact {
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  country: string | null;
  customFields: Readonly<Record<string, unknown>>;
  tags: readonly string[];
  /** The names of the groups it is a member of. */
  groups: readonly string[];
  /** The E.164 value of the contact's primary phone. */
  phone: string | null;
  /** The lower-cased value of the contact's primary email. */
  email: string | null;
  /** The values of all its phones and emails, primary or not. */
  details: readonly string[];
}

/** One line of the review's "old → new" preview. `field` is a built-in key or a custom field's key. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Stored values compared: scalars by identity, multi-select lists as sets (their order means nothing). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item) => b.includes(item));
  return false;
}

/**
 * The changes an update would make to an existing contact, for the review; the write follows the
 * same rules.
 *
 * - Without `doNotOverwrite`, every value the row holds replaces the contact's; for phone and email
 *   the contact's primary detail of that kind is replaced, not joined by a second one (002 seed,
 *   "Contact A"). With it, only the contact's empty fields are filled.
 * - A phone or email the contact already has, as any of its details (the row may have matched a
 *   secondary one), is already its own: nothing is replaced or added.
 * - Names follow {@link resolveNames}: a full name given in the row replaces the contact's (or fills
 *   it); otherwise it follows the resulting first and last name only when it followed the old ones.
 * - Tags and groups are only ever added, in both modes. "doNotOverwrite: add tags without removing"
 *   could be read as "overwrite mode replaces tags"; the safer reading is taken, because a file's
 *   tags column lists tags to add, and replacing would silently strip every tag given in Switchboard
 *   since (segments, campaigns) from every contact the file touches. `jobTags` (the plan's tags and
 *   batch tag) are added like the row's. Groups are compared by name ignoring case.
 * - `whatsappOptIn` is consent, recorded per address by the caller; it is not a field and not listed.
 * - Unchanged values are not listed.
 */
export function previewUpdate(existing: ExistingContact, data: RowData, doNotOverwrite: boolean, jobTags: readonly string[] = []): FieldChange[] {
  const changes: FieldChange[] = [];
  const takes = (old: unknown, value: unknown) => value !== undefined && (doNotOverwrite ? isEmptyValue(old) : !sameValue(old, value));
  const consider = (field: string, old: unknown, value: unknown) => {
    if (takes(old, value)) changes.push({ field, old, new: value });
  };

  const firstName = takes(existing.firstName, data.firstName) ? data.firstName! : existing.firstName;
  const lastName = takes(existing.lastName, data.lastName) ? data.lastName! : existing.lastName;
  const givenName = data.name !== undefined && (!doNotOverwrite || isEmptyValue(existing.name)) ? data.name : undefined;
  const names = resolveNames(existing, { firstName, lastName }, givenName);
  for (const field of ['firstName', 'lastName', 'name'] as const) {
    if (names[field] !== existing[field]) changes.push({ field, old: existing[field], new: names[field] });
  }
  consider('country', existing.country, data.country);
  const own = (value: string | undefined) => (value !== undefined && existing.details.includes(value) ? undefined : value);
  consider('phone', existing.phone, own(data.phone?.e164));
  consider('email', existing.email, own(data.email?.value));
  for (const key in data.customFields) consider(key, existing.customFields[key] ?? null, data.customFields[key]);

  const tags = [...existing.tags];
  for (const tag of [...data.tags, ...jobTags]) if (!tags.includes(tag)) tags.push(tag);
  if (tags.length > existing.tags.length) changes.push({ field: 'tags', old: existing.tags, new: tags });
  const groups = [...existing.groups];
  for (const group of data.groups ?? []) if (!groups.some((other) => other.toLowerCase() === group.toLowerCase())) groups.push(group);
  if (groups.length > existing.groups.length) changes.push({ field: 'groups', old: existing.groups, new: groups });
  return changes;
}

/**
 * Merges the rows of one file that share an identifier, for `inFileDuplicates: MERGE`: the first row
 * that has a value keeps it, later rows only fill what earlier ones left empty; tags and groups are
 * united in order of appearance.
 */
export function mergeDuplicateRows(rows: readonly RowData[]): RowData {
  const merged: RowData = { customFields: NO_CUSTOM_FIELDS, tags: NO_TAGS };
  let customFields: Record<string, FieldValue> | undefined;
  let tags: string[] | undefined;
  let groups: string[] | undefined;
  for (const row of rows) {
    if (merged.firstName === undefined && row.firstName !== undefined) merged.firstName = row.firstName;
    if (merged.lastName === undefined && row.lastName !== undefined) merged.lastName = row.lastName;
    if (merged.name === undefined && row.name !== undefined) merged.name = row.name;
    if (merged.country === undefined && row.country !== undefined) merged.country = row.country;
    if (merged.phone === undefined && row.phone !== undefined) merged.phone = row.phone;
    if (merged.email === undefined && row.email !== undefined) merged.email = row.email;
    if (merged.whatsappOptIn === undefined && row.whatsappOptIn !== undefined) merged.whatsappOptIn = row.whatsappOptIn;
    if (merged.contactId === undefined && row.contactId !== undefined) merged.contactId = row.contactId;
    for (const key in row.customFields) {
      if (customFields === undefined || !(key in customFields)) (customFields ??= {})[key] = row.customFields[key]!;
    }
    for (const tag of row.tags) if (!(tags ??= []).includes(tag)) tags.push(tag);
    for (const group of row.groups ?? []) {
      if (!(groups ??= []).some((other) => other.toLowerCase() === group.toLowerCase())) groups.push(group);
    }
  }
  if (customFields) merged.customFields = customFields;
  if (tags) merged.tags = tags;
  if (groups) merged.groups = groups;
  return merged;
}
