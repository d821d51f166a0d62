import { ConflictError, LimitExceededError, ValidationError } from './errors.ts';
import { BUILT_IN_FIELDS, CONTACT_ID_KEY, fieldKeyFromLabel } from './field-key.ts';
import { validateFieldOptions, type FieldType } from './field-value.ts';

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
 * Checks a new custom field against the workspace's fields and limit and returns it with its key
 * (the slug of its label). Throws the typed error naming what is wrong.
 */
export function defineCustomField(
  input: { label: string; type: FieldType; options?: readonly string[] | null },
  existing: readonly CustomFieldDefinition[],
  limit: number,
): CustomFieldDefinition {
  const label = checkLabel(input.label);
  if (existing.length >= limit) {
    throw new LimitExceededError(`The workspace already has ${existing.length} custom fields, its limit`, limit);
  }
  const key = fieldKeyFromLabel(label);
  if (RESERVED_KEYS.has(key.toLowerCase())) throw new ConflictError(`"${label}" would be the key "${key}" of a built-in field`);
  const clash = existing.find((field) => field.key === key || field.label.toLowerCase() === label.toLowerCase());
  if (clash) throw new ConflictError(`A custom field "${clash.label}" (key "${clash.key}") already exists`);

  const { options, issues } = validateFieldOptions(input.type, input.options ?? []);
  if (issues.length > 0) throw new ValidationError(issues);
  return { key, label, type: input.type, options };
}

/** A field's label: trimmed, not blank, not too long. */
export function checkLabel(raw: string): string {
  const label = raw.trim().replace(/\s+/g, ' ');
  if (!label) throw ValidationError.of(['label'], 'a field needs a label');
  if (label.length > LABEL_MAX_LENGTH) throw ValidationError.of(['label'], `a label has at most ${LABEL_MAX_LENGTH} characters`);
  return label;
}

export function isBuiltInFieldKey(key: string): boolean {
  return RESERVED_KEYS.has(key.toLowerCase());
}
