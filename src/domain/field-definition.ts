import { resolveExportColumns } from './contact-export.ts';
import { referencedFieldKeys, type ContactFilter } from './contact-filter.ts';
import { ConflictError, LimitExceededError, ValidationError } from './errors.ts';
import { BUILT_IN_FIELDS, CONTACT_ID_KEY, fieldKeyFromLabel, normalizeHeader } from './field-key.ts';
import { validateFieldOptions, type FieldType } from './field-value.ts';
import { parseContactFilter } from './filter-parse.ts';

/** A custom field as the rules see it. */
export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  options: string[];
}

const LABEL_MAX_LENGTH = 100;
/** Keys a custom field cannot take: the built-in fields', and the import's contact-id column. */
const RESERVED_KEYS = new Set([...BUILT_IN_FIELDS.map((field) => field.key), CONTACT_ID_KEY].map((key) => key.toLowerCase()));

/**
 * What each name a custom field's label may not read like stands for, by its normalized form (see
 * normalizeHeader): the built-in fields' labels and keys, and the export's other built-in columns
 * (`Created at`, …), whose keys the filters and sorts also take. Synonyms are not among them: a
 * header equal to a custom field's label maps to that field before any synonym is tried, so a
 * custom "Mobile" beside the built-in phone number exports and imports back as it was.
 */
const BUILT_IN_NAMES: ReadonlyMap<string, string> = new Map([
  ...resolveExportColumns(null, []).flatMap((column) =>
    [column.key, column.header].map((name) => [normalizeHeader(name), `the built-in column "${column.header}"`] as const),
  ),
  ...BUILT_IN_FIELDS.flatMap((field) =>
    [field.key, field.label].map((name) => [normalizeHeader(name), `the built-in field "${field.label}" (key ${field.key})`] as const),
  ),
]);

/**
 * Checks a new custom field against the workspace's fields and limit and returns it with its key
 * (the slug of its label). Throws the typed error naming what is wrong.
 */
export function defineCustomField(
  input: { label: string; type: FieldType; options?: readonly string[] | null },
  existing: readonly CustomFieldDefinition[],
  limit: number,
): CustomFieldDefinition {
  const label = checkLabel(input.label);
  if (existing.length >= limit) throw fieldLimitReached(existing.length, limit);
  const key = fieldKeyFromLabel(label);
  if (RESERVED_KEYS.has(key.toLowerCase()))
    throw new ConflictError('FIELD_KEY_TAKEN', `"${label}" would be the key "${key}" of a built-in field`, { key });
  const clash = existing.find((field) => field.key === key || field.label.toLowerCase() === label.toLowerCase());
  if (clash) throw new ConflictError('FIELD_KEY_TAKEN', `A custom field "${clash.label}" (key "${clash.key}") already exists`, { key: clash.key });
  checkLabelIsDistinct(label, existing);

  const { options, issues } = validateFieldOptions(input.type, input.options ?? []);
  if (issues.length > 0) throw new ValidationError(issues);
  return { key, label, type: input.type, options };
}

/** A field's label: trimmed, not blank, not too long. */
export function checkLabel(raw: string): string {
  const label = raw.trim().replace(/\s+/g, ' ');
  if (!label) throw ValidationError.of(['label'], 'REQUIRED', 'a field needs a label');
  if (label.length > LABEL_MAX_LENGTH) {
    throw ValidationError.of(['label'], 'TOO_LONG', `a label has at most ${LABEL_MAX_LENGTH} characters`, {
      limit: LABEL_MAX_LENGTH,
      length: label.length,
    });
  }
  return label;
}

/**
 * Refuses a label that reads like another field's name: the same letters and digits, ignoring case,
 * spaces, punctuation and accents, as a built-in field's label or key, another built-in column of
 * the export, or the label or key of one of `others` (the workspace's other custom fields). Such a
 * label would give the export two columns the import takes for one header ("Phone Number" beside
 * "Phone number"), or a column the import maps to the other field.
 */
export function checkLabelIsDistinct(label: string, others: readonly Pick<CustomFieldDefinition, 'key' | 'label'>[]): void {
  const wanted = normalizeHeader(label);
  const builtIn = BUILT_IN_NAMES.get(wanted);
  const custom = others.find((field) => normalizeHeader(field.label) === wanted || normalizeHeader(field.key) === wanted);
  const clash = builtIn ?? (custom && `the custom field "${custom.label}" (key ${custom.key})`);
  if (clash)
    throw ValidationError.of(
      ['label'],
      'FIELD_LABEL_TAKEN',
      `"${label}" reads like ${clash}: use that field, or choose a label that differs in more than case, spaces or punctuation`,
    );
}

/** The error for a workspace at (or above) its custom field limit, saying both numbers and the ways out. */
function fieldLimitReached(count: number, limit: number): LimitExceededError {
  return new LimitExceededError(
    'FIELD_LIMIT_REACHED',
    `The workspace has ${count} custom fields and its limit is ${limit}: delete a field or raise the limit`,
    limit,
    { count },
  );
}

export function isBuiltInFieldKey(key: string): boolean {
  return RESERVED_KEYS.has(key.toLowerCase());
}

/**
 * Refuses to delete a custom field that a dynamic group's saved filter uses (ValidationError naming
 * those groups): the groups would no longer compile. A saved filter that no longer parses uses nothing.
 */
export function checkFieldUnused(
  field: Pick<CustomFieldDefinition, 'key' | 'label'>,
  dynamicGroups: readonly { name: string; filter: unknown }[],
): void {
  const names = dynamicGroups.filter((group) => filterUsesField(group.filter, field.key)).map((group) => group.name);
  const users = names.map((name) => `"${name}"`);
  if (users.length === 0) return;
  const groups =
    users.length === 1
      ? `the group ${users[0]}: change its filter or delete it`
      : `the groups ${users.join(', ')}: change their filters or delete them`;
  throw ValidationError.of(['key'], 'IN_USE', `the field "${field.label}" (key ${field.key}) is used by the filter of ${groups} first`, {
    groups: names,
  });
}

function filterUsesField(raw: unknown, key: string): boolean {
  if (raw === null || raw === undefined) return false;
  let filter: ContactFilter;
  try {
    filter = parseContactFilter(raw);
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
  return referencedFieldKeys(filter).includes(key);
}
