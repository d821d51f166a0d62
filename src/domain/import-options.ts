import { isSupportedCountry } from 'libphonenumber-js/max';
import { ConflictError, ValidationError, type InputIssue } from './errors.ts';
import { defineCustomField, type CustomFieldDefinition } from './field-definition.ts';
import { BUILT_IN_FIELDS, CONTACT_ID_KEY, fieldKeyFromLabel, suggestField, type MatchableField } from './field-key.ts';
import { normalizeTag } from './tag.ts';
import { isFieldType, type FieldType } from './field-value.ts';
import { parseId } from './ids.ts';
import { normalizeCountryCode } from './phone-number.ts';
import { err, ok, quote, type Result } from './result.ts';

/**
 * The mapping step of an import (SPEC §2.2): the options a client chooses, checked against the file's
 * headers and the workspace's fields, and turned into the {@link ImportPlan} the validator and the
 * writer follow. Mapping happens once per job, so these checks throw; the per-row rules are in
 * import-row.ts and never do.
 */

/** What an import does with the rows of its file (002 seed). */
export const IMPORT_PURPOSES = ['ADD_NEW_ONLY', 'UPDATE_EXISTING_ONLY', 'ADD_AND_UPDATE', 'ADD_ALL_DESPITE_DUPLICATES'] as const;
export type ImportPurpose = (typeof IMPORT_PURPOSES)[number];

/** What recognises an existing contact (002 seed). CONTACT_ID only for update-only imports. */
export const IMPORT_IDENTIFIERS = ['PHONE', 'EMAIL', 'CONTACT_ID'] as const;
export type ImportIdentifier = (typeof IMPORT_IDENTIFIERS)[number];

/** What to do with rows of one file that share an identifier. */
export const IN_FILE_DUPLICATES = ['REJECT_ALL', 'KEEP_FIRST', 'KEEP_LAST', 'MERGE'] as const;
export type InFileDuplicates = (typeof IN_FILE_DUPLICATES)[number];

/** The 002 seed's behaviour: every row sharing an identifier with another row is an error. */
export const DEFAULT_IN_FILE_DUPLICATES: InFileDuplicates = 'REJECT_ALL';

/** The mapping key of the column an identifier reads; {@link CONTACT_ID_KEY} is import-only. */
export const IDENTIFIER_KEYS = {
  PHONE: 'phone',
  EMAIL: 'email',
  CONTACT_ID: CONTACT_ID_KEY,
} as const satisfies Record<ImportIdentifier, string>;

/**
 * A column a client may map to Switchboard contact ids. Not a field: pass it to
 * {@link suggestColumns} after the fields when a "Contact ID" header should be recognised.
 */
export const CONTACT_ID_COLUMN: MatchableField = { key: CONTACT_ID_KEY, label: 'Contact ID', synonyms: [] };

/** Whether a purpose may change existing contacts (and so whether `doNotOverwrite` means anything). */
export function purposeUpdates(purpose: ImportPurpose): boolean {
  return purpose === 'UPDATE_EXISTING_ONLY' || purpose === 'ADD_AND_UPDATE';
}

/** Whether a purpose may create contacts (and so whether the "new contact needs" rules apply). */
export function purposeCreates(purpose: ImportPurpose): boolean {
  return purpose !== 'UPDATE_EXISTING_ONLY';
}

/** A custom field the import creates for a column. */
export interface NewFieldInput {
  label: string;
  type: FieldType;
  options?: string[] | null;
}

/** One column's mapping as the client sends it: exactly one of `fieldKey`, `newField`, `ignore: true`. */
export interface ColumnMappingInput {
  /** Zero-based position of the column in the file. */
  index: number;
  /** A built-in field key, an existing custom field key, or {@link CONTACT_ID_KEY}. */
  fieldKey?: string | null;
  newField?: NewFieldInput | null;
  ignore?: boolean | null;
}

/** The mapping and options of `setContactImportMapping` (SPEC §7). */
export interface ImportOptionsInput {
  /** Columns not listed are ignored. */
  columns: ColumnMappingInput[];
  purpose: ImportPurpose;
  /** Required, except for ADD_ALL_DESPITE_DUPLICATES, where it must be absent. */
  identifier?: ImportIdentifier | null;
  /** Fill only empty fields of existing contacts. Ignored (stored as false) by purposes that do not update. */
  doNotOverwrite?: boolean | null;
  /** ISO 3166-1 alpha-2 country that phone numbers written without `+` are read in, after the row's own hints. */
  defaultCountry?: string | null;
  /** Tags added to every contact the import creates or updates. */
  tags?: string[] | null;
  /** Whether the automatic batch tag of this import is added too (default true; the 002 seed lets it be removed). */
  batchTag?: boolean | null;
  /** Existing groups the contacts join; the service checks that they exist. */
  groupIds?: string[] | null;
  /** A group the import creates and puts the contacts in; may be combined with `groupIds`. */
  newGroupName?: string | null;
  /** Default REJECT_ALL. Ignored (stored as null) by ADD_ALL_DESPITE_DUPLICATES, which has no identifier to compare. */
  inFileDuplicates?: InFileDuplicates | null;
}

/** What {@link planImport} checks the input against. */
export interface ImportPlanContext {
  /** The file's headers, in column order. */
  headers: readonly string[];
  /** The workspace's custom fields. */
  customFields: readonly CustomFieldDefinition[];
  /** The workspace's custom field limit; the fields this import creates count towards it. */
  customFieldLimit: number;
}

/** A column read into a contact field: built-in, existing custom, or one in {@link ImportPlan.newFields}. */
export interface FieldTarget {
  kind: 'field';
  key: string;
  type: FieldType;
  label: string;
  /** The options of a SELECT or MULTI_SELECT field; empty otherwise. */
  options: string[];
}

/** A column of Switchboard contact ids, used to find the contact to update (CONTACT_ID identifier). */
export interface ContactIdTarget {
  kind: 'contactId';
}

export type ColumnTarget = FieldTarget | ContactIdTarget;

/** A mapped column. */
export interface PlannedColumn {
  index: number;
  header: string;
  target: ColumnTarget;
}

/** Bumped when the shape of {@link ImportPlan} changes, so a stored plan can be told from a newer one. */
export const IMPORT_PLAN_VERSION = 1;

/**
 * The checked, normalized mapping and options of an import. Plain JSON (no Dates, Maps or classes):
 * it is stored in the job row and read back by the validator and the writer, possibly in another
 * process.
 */
export interface ImportPlan {
  version: typeof IMPORT_PLAN_VERSION;
  /** Mapped columns only, in column order. */
  columns: PlannedColumn[];
  /** Custom fields to create before the write, in column order. Their keys are final. */
  newFields: CustomFieldDefinition[];
  purpose: ImportPurpose;
  /** Null exactly when the purpose is ADD_ALL_DESPITE_DUPLICATES. */
  identifier: ImportIdentifier | null;
  /** Always false for purposes that do not update. */
  doNotOverwrite: boolean;
  /** Upper-case alpha-2 with a phone numbering plan, or null. */
  defaultCountry: string | null;
  /** Trimmed, non-blank, without duplicates. */
  tags: string[];
  batchTag: boolean;
  /** Lower-cased ids, without duplicates; not yet checked to exist. */
  groupIds: string[];
  newGroupName: string | null;
  /** Null for ADD_ALL_DESPITE_DUPLICATES, which has no identifier to find duplicates by. */
  inFileDuplicates: InFileDuplicates | null;
}


const BUILT_IN_BY_KEY: ReadonlyMap<string, (typeof BUILT_IN_FIELDS)[number]> = new Map(BUILT_IN_FIELDS.map((field) => [field.key, field]));

/** A field key the client sent, resolved to its target, or a message saying why it is not one. */
function resolveFieldKey(key: string, customByKey: ReadonlyMap<string, CustomFieldDefinition>): ColumnTarget | string {
  // The import-only key wins over a custom field that happens to have it (see CONTACT_ID_KEY).
  if (key === CONTACT_ID_KEY) return { kind: 'contactId' };
  const builtIn = BUILT_IN_BY_KEY.get(key);
  if (builtIn) return { kind: 'field', key, type: builtIn.type, label: builtIn.label, options: [] };
  const custom = customByKey.get(key);
  if (custom) return { kind: 'field', key, type: custom.type, label: custom.label, options: [...custom.options] };
  // Keys are unique ignoring case, so a near miss names exactly one field.
  const lower = key.toLowerCase();
  const nearMiss = [CONTACT_ID_KEY, ...BUILT_IN_BY_KEY.keys(), ...customByKey.keys()].find((candidate) => candidate.toLowerCase() === lower);
  return nearMiss
    ? `there is no field with the key ${quote(key)} (keys are case-sensitive: did you mean ${quote(nearMiss)}?)`
    : `there is no field with the key ${quote(key)}`;
}

/** Messages of the checks of `defineCustomField` start a sentence; here they follow a column name. */
function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * A new field checked as the fields API checks it (label, key, clash with built-in and existing
 * fields, options). The custom field limit is checked by the caller, counting every new field.
 */
function defineNewField(
  input: NewFieldInput,
  existing: readonly CustomFieldDefinition[],
): { ok: true; field: CustomFieldDefinition } | { ok: false; issues: InputIssue[] } {
  if (!isFieldType(input.type)) return { ok: false, issues: [{ path: ['type'], message: `${quote(String(input.type))} is not a field type` }] };
  const key = fieldKeyFromLabel(input.label.trim());
  if (key.toLowerCase() === CONTACT_ID_KEY.toLowerCase()) {
    return { ok: false, issues: [{ path: ['label'], message: `${quote(input.label.trim())} would have the key ${key}, which imports use for contact ids: choose another label` }] };
  }
  let field: CustomFieldDefinition;
  try {
    field = defineCustomField(input, existing, Number.POSITIVE_INFINITY);
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, issues: error.issues.map((issue) => ({ path: issue.path, message: lowerFirst(issue.message) })) };
    }
    if (error instanceof ConflictError) {
      return { ok: false, issues: [{ path: ['label'], message: `${lowerFirst(error.message)}: map the column to that field instead` }] };
    }
    throw error;
  }
  const lower = field.key.toLowerCase();
  // defineCustomField compares keys exactly; headers and keys are matched ignoring case, so
  // `fooBar` next to `foobar` could not be told apart.
  const clash = existing.find((other) => other.key.toLowerCase() === lower);
  if (clash) {
    return {
      ok: false,
      issues: [{ path: ['label'], message: `${quote(field.label)} would have the key ${field.key}, too close to the key ${clash.key} of the field ${quote(clash.label)}` }],
    };
  }
  return { ok: true, field };
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** A mapped column on its way into the plan. */
interface Candidate {
  /** Position in the input's `columns`, for issue paths. */
  position: number;
  index: number;
  target: ColumnTarget;
  /** Set when the column creates this field. */
  newField?: CustomFieldDefinition;
}

/**
 * Checks the mapping and options of an import and returns the plan to store, or throws one
 * {@link ValidationError} listing every problem found. Paths name the input field: a column's problems
 * are at `["columns", "<position in the input list>", …]`, and its message names the column by its
 * 1-based number and header, e.g. `column 4 "Mobile": the field phone is already mapped to column 2 "Phone"`.
 *
 * Rules (SPEC §2.2, 002 seed): each listed column exists and is listed once; it is exactly one of a
 * field key, a new field, or ignored; unlisted columns are ignored; each field is mapped once (the
 * leftmost column keeps it); a field key is a built-in key, an existing custom key, or
 * {@link CONTACT_ID_KEY}; a new field passes the fields API's checks and does not clash with another
 * new field, and the new fields fit the custom field limit; at least one column is mapped; the
 * identifier is given unless the purpose is ADD_ALL_DESPITE_DUPLICATES (where it must be absent),
 * CONTACT_ID only for UPDATE_EXISTING_ONLY, and the identifier's column is mapped; a contact id
 * column only with the CONTACT_ID identifier; `country` and `countryCode` may both be mapped; the
 * default country is an ISO alpha-2 code with a phone numbering plan; tags are normalized with
 * {@link normalizeTag}; group ids are ids; a new group name is not blank and may come with existing groups.
 */
export function planImport(input: ImportOptionsInput, context: ImportPlanContext): ImportPlan {
  const { headers, customFields } = context;
  const issues: InputIssue[] = [];
  const columnName = (index: number) => `column ${index + 1} ${quote(headers[index] ?? '')}`;
  const customByKey = new Map(customFields.map((field) => [field.key, field]));

  // Each entry on its own: does the column exist, and what is it mapped to?
  const candidates: Candidate[] = [];
  const positionOfIndex = new Map<number, number>();
  let mappingsAttempted = 0;
  input.columns.forEach((column, position) => {
    const path = ['columns', String(position)];
    const { index } = column;
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      const count = headers.length === 1 ? '1 column' : `${headers.length} columns`;
      issues.push({ path: [...path, 'index'], message: `column index ${index} does not exist: the file has ${count}, numbered from 0` });
      return;
    }
    const name = columnName(index);
    const earlier = positionOfIndex.get(index);
    if (earlier !== undefined) {
      issues.push({ path: [...path, 'index'], message: `${name} is listed more than once (also at columns.${earlier})` });
      return;
    }
    positionOfIndex.set(index, position);

    const hasFieldKey = column.fieldKey !== null && column.fieldKey !== undefined;
    const hasNewField = column.newField !== null && column.newField !== undefined;
    const ignored = column.ignore === true;
    const choices = Number(hasFieldKey) + Number(hasNewField) + Number(ignored);
    if (choices !== 1) {
      const what = choices === 0 ? 'choose a field, a new field or ignore' : 'choose only one of a field, a new field or ignore';
      issues.push({ path, message: `${name}: ${what}` });
      return;
    }
    if (ignored) return;
    mappingsAttempted++;
    if (hasFieldKey) {
      const target = resolveFieldKey(column.fieldKey!, customByKey);
      if (typeof target === 'string') issues.push({ path: [...path, 'fieldKey'], message: `${name}: ${target}` });
      else candidates.push({ position, index, target });
      return;
    }
    const defined = defineNewField(column.newField!, customFields);
    if (!defined.ok) {
      for (const issue of defined.issues) issues.push({ path: [...path, 'newField', ...issue.path], message: `${name}: ${issue.message}` });
      return;
    }
    const { field } = defined;
    candidates.push({ position, index, target: { kind: 'field', key: field.key, type: field.type, label: field.label, options: field.options }, newField: field });
  });

  // Each field once: the leftmost column keeps it, whatever order the input listed them in.
  candidates.sort((a, b) => a.index - b.index);
  const columnOfKey = new Map<string, Candidate>();
  const mapped: Candidate[] = [];
  for (const candidate of candidates) {
    const key = candidate.target.kind === 'field' ? candidate.target.key : CONTACT_ID_KEY;
    const first = columnOfKey.get(key.toLowerCase());
    if (first) {
      const message =
        candidate.newField && first.newField
          ? `the new field ${quote(candidate.newField.label)} would have the key ${key}, the same as the new field ${quote(first.newField.label)} of ${columnName(first.index)}`
          : `the field ${key} is already mapped to ${columnName(first.index)}`;
      issues.push({ path: ['columns', String(candidate.position)], message: `${columnName(candidate.index)}: ${message}` });
      continue;
    }
    columnOfKey.set(key.toLowerCase(), candidate);
    mapped.push(candidate);
  }
  if (mappingsAttempted === 0) issues.push({ path: ['columns'], message: 'map at least one column to a field' });

  const newFields = mapped.flatMap((candidate) => (candidate.newField ? [candidate.newField] : []));
  if (newFields.length > 0 && customFields.length + newFields.length > context.customFieldLimit) {
    const room = Math.max(0, context.customFieldLimit - customFields.length);
    issues.push({
      path: ['columns'],
      message: `this mapping creates ${newFields.length} new fields, but the workspace has ${customFields.length} custom fields of its limit of ${context.customFieldLimit} (room for ${room})`,
    });
  }

  // Purpose and identifier.
  const purpose = input.purpose;
  if (!isOneOf(IMPORT_PURPOSES, purpose)) {
    issues.push({ path: ['purpose'], message: `${quote(String(purpose))} is not an import purpose (${IMPORT_PURPOSES.join(', ')})` });
  }
  const identifier = input.identifier ?? null;
  if (identifier !== null && !isOneOf(IMPORT_IDENTIFIERS, identifier)) {
    issues.push({ path: ['identifier'], message: `${quote(String(identifier))} is not an identifier (${IMPORT_IDENTIFIERS.join(', ')})` });
  } else if (purpose === 'ADD_ALL_DESPITE_DUPLICATES') {
    if (identifier !== null) {
      issues.push({ path: ['identifier'], message: 'an import that adds all contacts despite duplicates uses no identifier: every row makes a new contact' });
    }
  } else if (identifier === null) {
    issues.push({ path: ['identifier'], message: 'choose an identifier (PHONE, EMAIL or CONTACT_ID) to recognise existing contacts' });
  } else {
    if (identifier === 'CONTACT_ID' && purpose !== 'UPDATE_EXISTING_ONLY') {
      issues.push({ path: ['identifier'], message: 'CONTACT_ID identifies contacts only in an UPDATE_EXISTING_ONLY import: a new contact has no id yet' });
    }
    const key = IDENTIFIER_KEYS[identifier];
    if (!columnOfKey.has(key.toLowerCase())) {
      issues.push({ path: ['identifier'], message: `the identifier ${identifier} needs a column mapped to ${key}` });
    }
  }
  const contactIdColumn = columnOfKey.get(CONTACT_ID_KEY.toLowerCase());
  if (contactIdColumn && identifier !== 'CONTACT_ID') {
    issues.push({
      path: ['columns', String(contactIdColumn.position)],
      message: `${columnName(contactIdColumn.index)}: a contact id column is used only with the CONTACT_ID identifier`,
    });
  }

  // Options.
  let defaultCountry: string | null = null;
  if (input.defaultCountry !== null && input.defaultCountry !== undefined && input.defaultCountry.trim() !== '') {
    const country = normalizeCountryCode(input.defaultCountry);
    if (!country.ok) issues.push({ path: ['defaultCountry'], message: country.error });
    else if (!isSupportedCountry(country.value)) {
      // A real country without its own numbering plan (AQ, BV, …) would fail every national number.
      issues.push({ path: ['defaultCountry'], message: `${country.value} has no phone numbering plan, so phone numbers cannot be read in it` });
    } else defaultCountry = country.value;
  }

  const tags: string[] = [];
  (input.tags ?? []).forEach((raw, index) => {
    const tag = normalizeTag(raw);
    if (!tag.ok) issues.push({ path: ['tags', String(index)], message: tag.error });
    else if (!tags.includes(tag.value)) tags.push(tag.value);
  });

  const groupIds: string[] = [];
  (input.groupIds ?? []).forEach((raw, index) => {
    try {
      const id = parseId(raw, ['groupIds', String(index)]);
      if (!groupIds.includes(id)) groupIds.push(id);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  });

  let newGroupName: string | null = null;
  if (input.newGroupName !== null && input.newGroupName !== undefined) {
    newGroupName = input.newGroupName.trim().replace(/\s+/g, ' ');
    if (newGroupName === '') issues.push({ path: ['newGroupName'], message: 'a new group needs a name' });
  }

  let inFileDuplicates: InFileDuplicates | null = null;
  if (input.inFileDuplicates !== null && input.inFileDuplicates !== undefined && !isOneOf(IN_FILE_DUPLICATES, input.inFileDuplicates)) {
    issues.push({ path: ['inFileDuplicates'], message: `${quote(String(input.inFileDuplicates))} is not one of ${IN_FILE_DUPLICATES.join(', ')}` });
  } else if (purpose !== 'ADD_ALL_DESPITE_DUPLICATES') {
    inFileDuplicates = input.inFileDuplicates ?? DEFAULT_IN_FILE_DUPLICATES;
  }

  if (issues.length > 0) throw new ValidationError(issues);
  return {
    version: IMPORT_PLAN_VERSION,
    columns: mapped.map(({ index, target }) => ({ index, header: headers[index]!, target })),
    newFields,
    purpose,
    identifier,
    doNotOverwrite: purposeUpdates(purpose) && input.doNotOverwrite === true,
    defaultCountry,
    tags,
    batchTag: input.batchTag ?? true,
    groupIds,
    newGroupName,
    inFileDuplicates,
  };
}

/** A column as the mapping screen shows it before the client decides (SPEC §7 `columns`). */
export interface ColumnSuggestion {
  index: number;
  header: string;
  /** The column's cells in the sample rows, in order; `''` where a short row has none. */
  samples: string[];
  suggestedFieldKey: string | null;
  /** 1 exact, 0.9 synonym, less for a fuzzy match; null when nothing is suggested. */
  confidence: number | null;
  /** True when nothing is suggested: the client must pick a field, a new field, or ignore. */
  needsDecision: boolean;
}

/**
 * Suggests a field for each column with {@link suggestField}. A field is suggested for one column
 * at most — the one matching it with the highest confidence, the leftmost on a tie — since a field
 * can be mapped only once; the other columns get no suggestion and need a decision. Pass built-in
 * fields before custom ones (ties between fields go to the one listed first), and
 * {@link CONTACT_ID_COLUMN} if a contact id column should be recognised.
 *
 * `sampleRows` are the first data rows as read (row by row, not column by column).
 */
export function suggestColumns(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  fields: readonly MatchableField[],
): ColumnSuggestion[] {
  const suggestions = headers.map((header) => suggestField(header, fields));
  const winner = new Map<string, number>();
  suggestions.forEach((suggestion, index) => {
    if (!suggestion) return;
    const current = winner.get(suggestion.key);
    if (current === undefined || suggestion.confidence > suggestions[current]!.confidence) winner.set(suggestion.key, index);
  });
  return headers.map((header, index) => {
    const suggestion = suggestions[index];
    const kept = suggestion && winner.get(suggestion.key) === index ? suggestion : null;
    return {
      index,
      header,
      samples: sampleRows.map((row) => row[index] ?? ''),
      suggestedFieldKey: kept?.key ?? null,
      confidence: kept?.confidence ?? null,
      needsDecision: kept === null,
    };
  });
}
