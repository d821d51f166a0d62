/**
 * The columns of an import's mapping, checked against the file's headers and the workspace's fields:
 * what each listed column is read into (a field, a new field, contact ids, or nothing), each field
 * mapped once, and the new fields within the workspace's limit.
 */
import { ConflictError, issue, ValidationError, type InputIssue } from './errors.ts';
import { defineCustomField, type CustomFieldDefinition } from './field-definition.ts';
import { BUILT_IN_FIELDS, CONTACT_ID_KEY, fieldKeyFromLabel } from './field-key.ts';
import { FIELD_TYPES, isFieldType } from './field-value.ts';
import type { ColumnMappingInput, ColumnTarget, ImportPlanContext, NewFieldInput } from './import-options.ts';
import { quote } from './result.ts';

/** A mapped column on its way into the plan. */
export interface MappedColumn {
  /** Position in the input's `columns`, for issue paths. */
  position: number;
  index: number;
  target: ColumnTarget;
  /** Set when the column creates this field. */
  newField?: CustomFieldDefinition;
}

/** The columns a mapping maps, checked. */
export interface ColumnMapping {
  /** In column order, each field once. */
  mapped: MappedColumn[];
  /** The column each field key is mapped to, by the key lower-cased. */
  columnOfKey: ReadonlyMap<string, MappedColumn>;
  /** The fields the import creates, in column order. */
  newFields: CustomFieldDefinition[];
}

/** How an issue names a column: its 1-based number and its header, e.g. `column 4 "Mobile"`. */
export function columnName(headers: readonly string[], index: number): string {
  return `column ${index + 1} ${quote(headers[index] ?? '')}`;
}

/**
 * Checks the columns of a mapping, adding every problem to `issues` (see planImport for the rules):
 * each entry on its own first, then each field once (the leftmost column keeps it), at least one
 * column mapped, and the new fields within the custom field limit.
 */
export function mapColumns(columns: readonly ColumnMappingInput[], context: ImportPlanContext, issues: InputIssue[]): ColumnMapping {
  const { candidates, attempted } = readEntries(columns, context, issues);
  const { mapped, columnOfKey } = keepLeftmost(candidates, context.headers, issues);
  if (attempted === 0) issues.push(issue(['columns'], 'REQUIRED', 'map at least one column to a field'));
  const newFields = mapped.flatMap((candidate) => (candidate.newField ? [candidate.newField] : []));
  checkFieldLimit(newFields, context, issues);
  return { mapped, columnOfKey, newFields };
}

/** Each entry on its own: does the column exist, is it listed once, and what is it mapped to? Counts the entries that try a mapping. */
function readEntries(
  columns: readonly ColumnMappingInput[],
  context: ImportPlanContext,
  issues: InputIssue[],
): { candidates: MappedColumn[]; attempted: number } {
  const { headers, customFields } = context;
  const customByKey = new Map(customFields.map((field) => [field.key, field]));
  const candidates: MappedColumn[] = [];
  const positionOfIndex = new Map<number, number>();
  let attempted = 0;
  columns.forEach((column, position) => {
    const path = ['columns', String(position)];
    const { index } = column;
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      const count = headers.length === 1 ? '1 column' : `${headers.length} columns`;
      issues.push(
        issue([...path, 'index'], 'OUT_OF_RANGE', `column index ${index} does not exist: the file has ${count}, numbered from 0`, {
          min: 0,
          max: headers.length - 1,
        }),
      );
      return;
    }
    const name = columnName(headers, index);
    const earlier = positionOfIndex.get(index);
    if (earlier !== undefined) {
      issues.push(issue([...path, 'index'], 'DUPLICATE_VALUE', `${name} is listed more than once (also at columns.${earlier})`));
      return;
    }
    positionOfIndex.set(index, position);

    const hasFieldKey = column.fieldKey !== null && column.fieldKey !== undefined;
    const hasNewField = column.newField !== null && column.newField !== undefined;
    const ignored = column.ignore === true;
    const choices = Number(hasFieldKey) + Number(hasNewField) + Number(ignored);
    if (choices !== 1) {
      const what = choices === 0 ? 'choose a field, a new field or ignore' : 'choose only one of a field, a new field or ignore';
      issues.push(issue(path, 'ONE_OF', `${name}: ${what}`, { fields: ['fieldKey', 'newField', 'ignore'] }));
      return;
    }
    if (ignored) return;
    attempted++;
    if (hasFieldKey) {
      const target = resolveFieldKey(column.fieldKey!, customByKey);
      if (typeof target === 'string') issues.push(issue([...path, 'fieldKey'], 'UNKNOWN_FIELD', `${name}: ${target}`, { key: column.fieldKey! }));
      else candidates.push({ position, index, target });
      return;
    }
    const defined = defineNewField(column.newField!, customFields);
    if (!defined.ok) {
      for (const problem of defined.issues)
        issues.push({ ...problem, path: [...path, 'newField', ...problem.path], message: `${name}: ${problem.message}` });
      return;
    }
    const { field } = defined;
    candidates.push({
      position,
      index,
      target: { kind: 'field', key: field.key, type: field.type, label: field.label, options: field.options },
      newField: field,
    });
  });
  return { candidates, attempted };
}

/** Each field once: the leftmost column keeps it, whatever order the input listed them in. */
function keepLeftmost(
  candidates: MappedColumn[],
  headers: readonly string[],
  issues: InputIssue[],
): { mapped: MappedColumn[]; columnOfKey: Map<string, MappedColumn> } {
  candidates.sort((a, b) => a.index - b.index);
  const columnOfKey = new Map<string, MappedColumn>();
  const mapped: MappedColumn[] = [];
  for (const candidate of candidates) {
    const key = candidate.target.kind === 'field' ? candidate.target.key : CONTACT_ID_KEY;
    const first = columnOfKey.get(key.toLowerCase());
    if (first) {
      const path = ['columns', String(candidate.position)];
      const column = columnName(headers, candidate.index);
      issues.push(
        candidate.newField && first.newField
          ? issue(
              path,
              'FIELD_KEY_TAKEN',
              `${column}: the new field ${quote(candidate.newField.label)} would have the key ${key}, the same as the new field ${quote(first.newField.label)} of ${columnName(headers, first.index)}`,
              { key },
            )
          : issue(path, 'FIELD_ALREADY_MAPPED', `${column}: the field ${key} is already mapped to ${columnName(headers, first.index)}`, { key }),
      );
      continue;
    }
    columnOfKey.set(key.toLowerCase(), candidate);
    mapped.push(candidate);
  }
  return { mapped, columnOfKey };
}

/** The new fields count towards the workspace's custom field limit. */
function checkFieldLimit(newFields: readonly CustomFieldDefinition[], context: ImportPlanContext, issues: InputIssue[]): void {
  const { customFields, customFieldLimit } = context;
  if (newFields.length > 0 && customFields.length + newFields.length > customFieldLimit) {
    const room = Math.max(0, customFieldLimit - customFields.length);
    issues.push(
      issue(
        ['columns'],
        'FIELD_LIMIT_REACHED',
        `this mapping creates ${newFields.length} new fields, but the workspace has ${customFields.length} custom fields of its limit of ${customFieldLimit} (room for ${room})`,
        { limit: customFieldLimit, count: customFields.length, adding: newFields.length },
      ),
    );
  }
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
  if (!isFieldType(input.type)) {
    return { ok: false, issues: [issue(['type'], 'INVALID_CHOICE', `${quote(String(input.type))} is not a field type`, { allowed: FIELD_TYPES })] };
  }
  const key = fieldKeyFromLabel(input.label.trim());
  if (key.toLowerCase() === CONTACT_ID_KEY.toLowerCase()) {
    return {
      ok: false,
      issues: [
        issue(
          ['label'],
          'FIELD_KEY_TAKEN',
          `${quote(input.label.trim())} would have the key ${key}, which imports use for contact ids: choose another label`,
          {
            key,
          },
        ),
      ],
    };
  }
  let field: CustomFieldDefinition;
  try {
    field = defineCustomField(input, existing, Number.POSITIVE_INFINITY);
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, issues: error.issues.map((problem) => ({ ...problem, message: lowerFirst(problem.message) })) };
    }
    if (error instanceof ConflictError) {
      return {
        ok: false,
        issues: [
          { path: ['label'], code: error.code, message: `${lowerFirst(error.message)}: map the column to that field instead`, params: error.params },
        ],
      };
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
      issues: [
        issue(
          ['label'],
          'FIELD_KEY_TAKEN',
          `${quote(field.label)} would have the key ${field.key}, too close to the key ${clash.key} of the field ${quote(clash.label)}`,
          { key: field.key },
        ),
      ],
    };
  }
  return { ok: true, field };
}
