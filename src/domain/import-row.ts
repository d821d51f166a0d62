import type { ErrorCode } from './error-codes.ts';
import { withoutFormulaGuard } from './formula-guard.ts';
import { normalizeEmail } from './email.ts';
import { ValidationError } from './errors.ts';
import { coerceFieldValue, type FieldDefinition, type FieldValue } from './field-value.ts';
import { contactIdCell, parseId } from './ids.ts';
import type { ImportIdentifier, ImportPlan } from './import-options.ts';
import { splitListValue } from './list-value.ts';
import { normalizeGroupName } from './group.ts';
import { normalizeTag } from './tag.ts';
import { validateName } from './person-name.ts';
import { normalizeCountryCode, normalizePhone, parseCallingCode, type PhoneHints } from './phone-number.ts';
import { quote, type Err } from './result.ts';

/**
 * The rules of one import row (docs/product-rules.md): reading its cells by the plan, and merging
 * the rows of one file that share an identifier. What then happens to a row is decided in
 * import-row-decision.ts; the changes an update would make are previewed in import-update-preview.ts.
 *
 * These run once per row of files of millions of rows, so nothing here throws for a bad value (every
 * problem is a message in `errors`, with its code in `codes`), results are plain JSON-ready objects, and what can be worked
 * out once per plan is (see {@link compile}). Objects shared between rows (empty tags, empty custom
 * fields, the common decisions) are frozen: read them, never change them.
 */

/** The workspace settings the row rules follow, and the file's shape. */
export interface RowRuleSettings {
  /** New contacts need a first name. */
  requireFirstName: boolean;
  /** New contacts need a phone number whose country is known. */
  requirePhoneWithCountry: boolean;
  /** Cells in the header row; a row with another count is an error. */
  headerCount: number;
}

/**
 * A row's normalized values. Only values the row holds are present: an empty cell never erases a
 * value, so an absent property means "leave as is", never "clear".
 */
export interface RowData {
  firstName?: string;
  lastName?: string;
  /**
   * Full name given whole (the `name` column). Absent when the row gives only first and last name:
   * a new contact's full name is then made from them, and an existing one's follows them by
   * resolveNames.
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
  /** TRUE → the caller records a WhatsApp opt-in for the phone, FALSE an opt-out. */
  whatsappOptIn?: boolean;
  /** Lower-cased contact id, from a column mapped to `contactId`. */
  contactId?: string;
}

/** What reading a row found. */
export interface ImportRowResult {
  data: RowData;
  /** One sentence per problem, each naming the column header and the value. Empty when the row is valid. */
  errors: string[];
  /** The code of each problem, in the order of `errors` (the error and result files' `Error Codes`). */
  codes: readonly ErrorCode[];
  /**
   * What the row is matched on, per the plan's identifier: E.164 phone, lower-cased email, or
   * lower-cased contact id. Null when the plan has none (ADD_ALL_DESPITE_DUPLICATES) or the row has
   * no valid one (which, with an identifier, is among the errors).
   */
  identifier: string | null;
}

/** Shared by rows that have no tags, or no custom field values: frozen, never changed. */
export const NO_TAGS: readonly string[] = Object.freeze([]);
export const NO_CUSTOM_FIELDS: Readonly<Record<string, FieldValue>> = Object.freeze({});
/** The codes of a row without errors: frozen, shared. */
const NO_CODES: readonly ErrorCode[] = Object.freeze([]);

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
    const definition =
      kind === CUSTOM || kind === WHATSAPP_OPT_IN ? { key: target.key, label: header, type: target.type, options: target.options } : null;
    return { index, kind, key: target.key, prefix, definition };
  });
  const identifierKind =
    plan.identifier === 'PHONE' ? PHONE : plan.identifier === 'EMAIL' ? EMAIL : plan.identifier === 'CONTACT_ID' ? CONTACT_ID : -1;
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

/**
 * Reads one row by the plan (docs/product-rules.md, "Row rules"):
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
 * here but in decideRow (import-row-decision.ts): whether the row creates a contact depends on the database lookup.
 */
export function normalizeImportRow(rawCells: readonly string[], plan: ImportPlan, settings: Pick<RowRuleSettings, 'headerCount'>): ImportRowResult {
  const cells = rawCells.map(withoutFormulaGuard);
  if (cells.length !== settings.headerCount) return wrongCellCount(cells.length, settings.headerCount);
  const compiled = compile(plan);
  const reading: RowReading = {
    data: { customFields: NO_CUSTOM_FIELDS, tags: NO_TAGS },
    errors: undefined,
    codes: undefined,
    customFields: undefined,
    tags: undefined,
    groups: undefined,
  };
  for (const column of compiled.columns) {
    const cell = cells[column.index] ?? '';
    if (!isBlank(cell)) readCell(reading, column, cell, cells, compiled);
  }
  const { data } = reading;
  if (reading.customFields) data.customFields = reading.customFields;
  if (reading.tags) data.tags = reading.tags;
  if (reading.groups) data.groups = reading.groups;
  const identifier = readIdentifier(reading, cells, plan, compiled);
  return { data, errors: reading.errors ?? [], codes: reading.codes ?? NO_CODES, identifier };
}

/** The result of a row whose cell count is not the header's: one error, nothing read. */
function wrongCellCount(count: number, headerCount: number): ImportRowResult {
  return {
    data: { customFields: NO_CUSTOM_FIELDS, tags: NO_TAGS },
    errors: [`row has ${count} ${count === 1 ? 'cell' : 'cells'}, the header has ${headerCount}`],
    codes: ['WRONG_CELL_COUNT'],
    identifier: null,
  };
}

/**
 * What reading one row has found so far. Its lists are made when a cell first needs one: most rows
 * have no errors, and many no tags, groups or custom values.
 */
interface RowReading {
  data: RowData;
  errors: string[] | undefined;
  codes: ErrorCode[] | undefined;
  customFields: Record<string, FieldValue> | undefined;
  tags: string[] | undefined;
  groups: string[] | undefined;
}

function addError(reading: RowReading, code: ErrorCode, message: string): void {
  reading.errors ??= [];
  reading.codes ??= [];
  reading.errors.push(message);
  reading.codes.push(code);
}

/** A rejected cell: its rule's message after the column's prefix (a custom field's message names the column already). */
function addRejected(reading: RowReading, rejected: Err, prefix = ''): void {
  addError(reading, rejected.code, prefix + rejected.error);
}

/** Reads one non-blank cell by its column's kind: a value into the row's data, or an error. */
function readCell(reading: RowReading, column: CompiledColumn, cell: string, cells: readonly string[], compiled: CompiledPlan): void {
  const { data } = reading;
  switch (column.kind) {
    case FIRST_NAME:
    case LAST_NAME:
    case NAME: {
      const result = validateName(cell);
      if (!result.ok) addRejected(reading, result, column.prefix);
      else if (!result.empty) {
        if (column.kind === FIRST_NAME) data.firstName = result.value;
        else if (column.kind === LAST_NAME) data.lastName = result.value;
        else data.name = result.value;
      }
      return;
    }
    case PHONE:
      readPhone(reading, column, cell, cells, compiled);
      return;
    case EMAIL: {
      const result = normalizeEmail(cell);
      if (!result.ok) addRejected(reading, result, column.prefix);
      else data.email = { value: result.value, raw: cell };
      return;
    }
    case COUNTRY: {
      const result = normalizeCountryCode(cell);
      if (!result.ok) addRejected(reading, result, column.prefix);
      else data.country = result.value;
      return;
    }
    case CALLING_CODE: {
      const result = parseCallingCode(cell);
      if (!result.ok) addRejected(reading, result, column.prefix);
      return;
    }
    case WHATSAPP_OPT_IN: {
      const result = coerceFieldValue(column.definition!, cell);
      if (!result.ok) addRejected(reading, result);
      else if (!result.empty) data.whatsappOptIn = result.value === true;
      return;
    }
    case TAGS:
      readTags(reading, column, cell);
      return;
    case GROUPS:
      readGroups(reading, column, cell);
      return;
    case CONTACT_ID:
      readContactId(reading, column, cell);
      return;
    default: {
      const result = coerceFieldValue(column.definition!, cell, compiled.customContext);
      if (!result.ok) addRejected(reading, result);
      else if (!result.empty) {
        reading.customFields ??= {};
        reading.customFields[column.key] = result.value;
      }
    }
  }
}

/** A phone read with the row's hints: its country column, else its calling code column, else the plan's default country. */
function readPhone(reading: RowReading, column: CompiledColumn, cell: string, cells: readonly string[], compiled: CompiledPlan): void {
  phoneHints.country = compiled.countryIndex >= 0 ? cells[compiled.countryIndex] : null;
  phoneHints.callingCode = compiled.callingCodeIndex >= 0 ? cells[compiled.callingCodeIndex] : null;
  phoneHints.defaultCountry = compiled.customContext.defaultCountry;
  const result = normalizePhone(cell, phoneHints);
  if (!result.ok) addRejected(reading, result, column.prefix);
  else if (result.value.country === undefined) reading.data.phone = { e164: result.value.e164, raw: cell };
  else reading.data.phone = { e164: result.value.e164, raw: cell, country: result.value.country };
}

function readTags(reading: RowReading, column: CompiledColumn, cell: string): void {
  for (const item of splitListValue(cell)) {
    const result = normalizeTag(item);
    if (!result.ok) addRejected(reading, result, column.prefix);
    else {
      reading.tags ??= [];
      if (!reading.tags.includes(result.value)) reading.tags.push(result.value);
    }
  }
}

function readGroups(reading: RowReading, column: CompiledColumn, cell: string): void {
  for (const item of splitListValue(cell)) {
    // normalizeGroupName throws, but only for a bad name: valid rows pay nothing for the reuse.
    try {
      const name = normalizeGroupName(item, []);
      reading.groups ??= [];
      const groups = reading.groups;
      if (!groups.some((other) => other.toLowerCase() === name.toLowerCase())) groups.push(name);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      addError(reading, error.issues[0]!.code, `${column.prefix}${quote(item)}: ${error.message}`);
    }
  }
}

function readContactId(reading: RowReading, column: CompiledColumn, cell: string): void {
  // parseId throws, but only for a malformed id: valid rows pay nothing for the reuse.
  try {
    reading.data.contactId = parseId(contactIdCell(cell.trim()), []);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    addError(reading, 'INVALID_ID', `${column.prefix}${quote(cell.trim())} is not a contact id`);
  }
}

/**
 * The row's identifier per the plan, or null. A blank identifier cell is an error: the row could be
 * matched with nothing (an invalid one is already an error of its column).
 */
function readIdentifier(reading: RowReading, cells: readonly string[], plan: ImportPlan, compiled: CompiledPlan): string | null {
  if (plan.identifier === null) return null;
  const { data } = reading;
  const identifier =
    plan.identifier === 'PHONE' ? (data.phone?.e164 ?? null) : plan.identifier === 'EMAIL' ? (data.email?.value ?? null) : (data.contactId ?? null);
  const column = compiled.identifierColumn;
  if (identifier === null && (column === null || isBlank(cells[column.index] ?? '')))
    addError(reading, 'MISSING_IDENTIFIER', compiled.missingIdentifier!);
  return identifier;
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
      customFields ??= {};
      if (!(key in customFields)) customFields[key] = row.customFields[key]!;
    }
    for (const tag of row.tags) {
      tags ??= [];
      if (!tags.includes(tag)) tags.push(tag);
    }
    for (const group of row.groups ?? []) {
      groups ??= [];
      if (!groups.some((other) => other.toLowerCase() === group.toLowerCase())) groups.push(group);
    }
  }
  if (customFields) merged.customFields = customFields;
  if (tags) merged.tags = tags;
  if (groups) merged.groups = groups;
  return merged;
}
