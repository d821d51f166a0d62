/**
 * The changes an import row would make to the existing contact it updates, as the review shows them
 * ("old → new"); the write follows the same rules.
 */
import type { RowData } from './import-row.ts';
import { resolveNames } from './person-name.ts';

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
 *   the contact's primary detail of that kind is replaced, not joined by a second one. With
 *   it, only the contact's empty fields are filled.
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
