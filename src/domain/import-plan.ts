/**
 * Planning an import: the mapping and options a client sends, checked against the file's headers
 * and the workspace's fields, turned into the {@link ImportPlan} the validator and the writer follow.
 */
import { isSupportedCountry } from 'libphonenumber-js/max';
import { issue, rejection, ValidationError, type InputIssue } from './errors.ts';
import { CONTACT_ID_KEY } from './field-key.ts';
import { parseId } from './ids.ts';
import { columnName, mapColumns, type ColumnMapping } from './import-mapping.ts';
import {
  DEFAULT_IN_FILE_DUPLICATES,
  IDENTIFIER_KEYS,
  IMPORT_IDENTIFIERS,
  IMPORT_PLAN_VERSION,
  IMPORT_PURPOSES,
  IN_FILE_DUPLICATES,
  purposeUpdates,
  type ImportIdentifier,
  type ImportOptionsInput,
  type ImportPlan,
  type ImportPlanContext,
  type InFileDuplicates,
} from './import-options.ts';
import { normalizeCountryCode } from './phone-number.ts';
import { quote } from './result.ts';
import { normalizeTag } from './tag.ts';

/**
 * Checks the mapping and options of an import and returns the plan to store, or throws one
 * {@link ValidationError} listing every problem found. Paths name the input field: a column's problems
 * are at `["columns", "<position in the input list>", …]`, and its message names the column by its
 * 1-based number and header, e.g. `column 4 "Mobile": the field phone is already mapped to column 2 "Phone"`.
 *
 * Rules (docs/product-rules.md): each listed column exists and is listed once; it is exactly one of a
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
  const { headers } = context;
  const issues: InputIssue[] = [];
  const mapping = mapColumns(input.columns, context, issues);
  const purpose = input.purpose;
  const identifier = checkPurposeAndIdentifier(input, mapping, headers, issues);
  const defaultCountry = readDefaultCountry(input.defaultCountry, issues);
  const tags = readTags(input.tags, issues);
  const groupIds = readGroupIds(input.groupIds, issues);
  const newGroupName = readNewGroupName(input.newGroupName, issues);
  const inFileDuplicates = readInFileDuplicates(input.inFileDuplicates, purpose, issues);
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    version: IMPORT_PLAN_VERSION,
    columns: mapping.mapped.map(({ index, target }) => ({ index, header: headers[index]!, target })),
    newFields: mapping.newFields,
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

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/**
 * The purpose is one of IMPORT_PURPOSES; the identifier is given unless the purpose adds all rows
 * despite duplicates, CONTACT_ID only to update, and read from a mapped column; a contact id column
 * only with the CONTACT_ID identifier. Returns the identifier given.
 */
function checkPurposeAndIdentifier(
  input: Pick<ImportOptionsInput, 'purpose' | 'identifier'>,
  mapping: ColumnMapping,
  headers: readonly string[],
  issues: InputIssue[],
): ImportIdentifier | null {
  const { columnOfKey } = mapping;
  const purpose = input.purpose;
  if (!isOneOf(IMPORT_PURPOSES, purpose)) {
    issues.push(
      issue(['purpose'], 'INVALID_CHOICE', `${quote(String(purpose))} is not an import purpose (${IMPORT_PURPOSES.join(', ')})`, {
        allowed: IMPORT_PURPOSES,
      }),
    );
  }
  const identifier = input.identifier ?? null;
  if (identifier !== null && !isOneOf(IMPORT_IDENTIFIERS, identifier)) {
    issues.push(
      issue(['identifier'], 'INVALID_CHOICE', `${quote(String(identifier))} is not an identifier (${IMPORT_IDENTIFIERS.join(', ')})`, {
        allowed: IMPORT_IDENTIFIERS,
      }),
    );
  } else if (purpose === 'ADD_ALL_DESPITE_DUPLICATES') {
    if (identifier !== null) {
      issues.push(
        issue(
          ['identifier'],
          'NOT_APPLICABLE',
          'an import that adds all contacts despite duplicates uses no identifier: every row makes a new contact',
        ),
      );
    }
  } else if (identifier === null) {
    issues.push(issue(['identifier'], 'REQUIRED', 'choose an identifier (PHONE, EMAIL or CONTACT_ID) to recognise existing contacts'));
  } else {
    if (identifier === 'CONTACT_ID' && purpose !== 'UPDATE_EXISTING_ONLY') {
      issues.push(
        issue(['identifier'], 'NOT_APPLICABLE', 'CONTACT_ID identifies contacts only in an UPDATE_EXISTING_ONLY import: a new contact has no id yet'),
      );
    }
    const key = IDENTIFIER_KEYS[identifier];
    if (!columnOfKey.has(key.toLowerCase())) {
      issues.push(
        issue(['identifier'], 'IDENTIFIER_NOT_MAPPED', `the identifier ${identifier} needs a column mapped to ${key}`, { identifier, key }),
      );
    }
  }
  const contactIdColumn = columnOfKey.get(CONTACT_ID_KEY.toLowerCase());
  if (contactIdColumn && identifier !== 'CONTACT_ID') {
    issues.push(
      issue(
        ['columns', String(contactIdColumn.position)],
        'NOT_APPLICABLE',
        `${columnName(headers, contactIdColumn.index)}: a contact id column is used only with the CONTACT_ID identifier`,
      ),
    );
  }
  return identifier;
}

function readDefaultCountry(raw: string | null | undefined, issues: InputIssue[]): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const country = normalizeCountryCode(raw);
  if (!country.ok) issues.push(rejection(['defaultCountry'], country));
  else if (!isSupportedCountry(country.value)) {
    // A real country without its own numbering plan (AQ, BV, …) would fail every national number.
    issues.push(issue(['defaultCountry'], 'INVALID_COUNTRY', `${country.value} has no phone numbering plan, so phone numbers cannot be read in it`));
  } else return country.value;
  return null;
}

function readTags(raws: readonly string[] | null | undefined, issues: InputIssue[]): string[] {
  const tags: string[] = [];
  (raws ?? []).forEach((raw, index) => {
    const tag = normalizeTag(raw);
    if (!tag.ok) issues.push(rejection(['tags', String(index)], tag));
    else if (!tags.includes(tag.value)) tags.push(tag.value);
  });
  return tags;
}

function readGroupIds(raws: readonly string[] | null | undefined, issues: InputIssue[]): string[] {
  const groupIds: string[] = [];
  (raws ?? []).forEach((raw, index) => {
    try {
      const id = parseId(raw, ['groupIds', String(index)]);
      if (!groupIds.includes(id)) groupIds.push(id);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  });
  return groupIds;
}

function readNewGroupName(raw: string | null | undefined, issues: InputIssue[]): string | null {
  if (raw === null || raw === undefined) return null;
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') issues.push(issue(['newGroupName'], 'REQUIRED', 'a new group needs a name'));
  return name;
}

/** Null for ADD_ALL_DESPITE_DUPLICATES, which has no identifier to find duplicates by; else the choice, REJECT_ALL by default. */
function readInFileDuplicates(
  raw: InFileDuplicates | null | undefined,
  purpose: ImportOptionsInput['purpose'],
  issues: InputIssue[],
): InFileDuplicates | null {
  if (raw !== null && raw !== undefined && !isOneOf(IN_FILE_DUPLICATES, raw)) {
    issues.push(
      issue(['inFileDuplicates'], 'INVALID_CHOICE', `${quote(String(raw))} is not one of ${IN_FILE_DUPLICATES.join(', ')}`, {
        allowed: IN_FILE_DUPLICATES,
      }),
    );
    return null;
  }
  return purpose === 'ADD_ALL_DESPITE_DUPLICATES' ? null : (raw ?? DEFAULT_IN_FILE_DUPLICATES);
}
