import type { DetailKind } from './detail-status.ts';
import { issue, rejection, ValidationError, type InputIssue } from './errors.ts';
import { normalizeEmail } from './email.ts';
import type { CustomFieldDefinition } from './field-definition.ts';
import { coerceFieldValue } from './field-value.ts';
import { normalizeTag } from './tag.ts';
import { resolveNames, validateName, type ContactNames } from './person-name.ts';
import { normalizeCountryCode, normalizePhone } from './phone-number.ts';

/** The rules of a workspace that a contact's input is checked against. */
export interface ContactRules {
  customFields: readonly CustomFieldDefinition[];
  requireFirstName: boolean;
  requirePhoneWithCountry: boolean;
}

export interface DetailInput {
  kind: DetailKind;
  value: string;
  label?: string | null;
  primary?: boolean | null;
}

export interface NormalizedDetail {
  kind: DetailKind;
  /** E.164 phone or lower-cased email: what matching and opt-outs use. */
  value: string;
  rawValue: string;
  label: string | null;
  isPrimary: boolean;
  /** The country of a phone number, when its numbering plan tells. */
  country?: string;
}

/** Fields of a contact a person edits; `null` clears, `undefined` leaves as is. */
export interface ContactAttributesInput {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  country?: string | null;
  tags?: readonly string[] | null;
  customFields?: readonly { key: string; value?: string | null }[] | null;
}

export interface NormalizedContactChanges {
  names: ContactNames;
  country?: string | null;
  tags?: string[];
  /** Custom values to store (typed JSON) and keys to remove. */
  customFields: { set: Record<string, unknown>; unset: string[] };
}

/**
 * Checks and normalizes a new contact. It must have at least one valid phone or email; the
 * workspace may also require a first name or a phone whose country is known. Every problem is
 * reported at once, with the input path it is at.
 */
export function normalizeNewContact(
  input: ContactAttributesInput & { details?: readonly DetailInput[] | null },
  rules: ContactRules,
): NormalizedContactChanges & { details: NormalizedDetail[] } {
  const issues: InputIssue[] = [];
  const changes = collectChanges(input, { firstName: null, lastName: null, name: null }, rules, issues);
  const details = normalizeDetails(input.details ?? [], changes.country ?? undefined, issues);

  if (details.length === 0 && !issues.some((issue) => issue.path[0] === 'details')) {
    issues.push(issue(['details'], 'PHONE_OR_EMAIL_REQUIRED', 'a contact needs at least one valid phone number or email address'));
  }
  if (rules.requireFirstName && !changes.names.firstName) {
    issues.push(issue(['firstName'], 'FIRST_NAME_REQUIRED', 'this workspace requires a first name for new contacts'));
  }
  if (rules.requirePhoneWithCountry && details.length > 0 && !details.some((detail) => detail.kind === 'PHONE' && detail.country)) {
    issues.push(issue(['details'], 'PHONE_COUNTRY_REQUIRED', 'this workspace requires a phone number whose country is known'));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { ...changes, details };
}

/** Checks and normalizes edits to an existing contact, whose current names are given. */
export function normalizeContactChanges(input: ContactAttributesInput, current: ContactNames, rules: ContactRules): NormalizedContactChanges {
  const issues: InputIssue[] = [];
  const changes = collectChanges(input, current, rules, issues);
  if (issues.length > 0) throw new ValidationError(issues);
  return changes;
}

/** Checks one detail added to or edited on a contact; `country` helps read a national phone number. */
export function normalizeDetail(input: DetailInput, country: string | undefined, path: string[]): NormalizedDetail {
  const issues: InputIssue[] = [];
  const detail = detailOf(input, country, path, issues);
  if (!detail) throw new ValidationError(issues);
  return detail;
}

function collectChanges(input: ContactAttributesInput, current: ContactNames, rules: ContactRules, issues: InputIssue[]): NormalizedContactChanges {
  const nameOf = (key: keyof ContactNames): string | null | undefined => {
    const raw = input[key];
    if (raw === undefined || raw === null) return raw;
    const result = validateName(raw);
    if (!result.ok) {
      issues.push(rejection([key], result));
      return undefined;
    }
    return result.empty ? null : result.value;
  };
  const firstName = nameOf('firstName');
  const lastName = nameOf('lastName');
  const givenName = nameOf('name');
  const names = resolveNames(
    current,
    { firstName: firstName === undefined ? current.firstName : firstName, lastName: lastName === undefined ? current.lastName : lastName },
    givenName,
  );

  let country: string | null | undefined = input.country;
  if (typeof input.country === 'string') {
    if (input.country.trim() === '') country = null;
    else {
      const result = normalizeCountryCode(input.country);
      if (result.ok) country = result.value;
      else issues.push(rejection(['country'], result));
    }
  }

  let tags: string[] | undefined;
  if (input.tags) {
    tags = [];
    input.tags.forEach((raw, index) => {
      const result = normalizeTag(raw);
      if (!result.ok) issues.push(rejection(['tags', String(index)], result));
      else if (!tags!.includes(result.value)) tags!.push(result.value);
    });
  }

  const customFields: NormalizedContactChanges['customFields'] = { set: {}, unset: [] };
  (input.customFields ?? []).forEach(({ key, value }, index) => {
    const path = ['customFields', String(index), 'value'];
    const field = rules.customFields.find((candidate) => candidate.key === key);
    if (!field) {
      issues.push(issue(['customFields', String(index), 'key'], 'UNKNOWN_FIELD', `there is no custom field with the key "${key}"`, { key }));
      return;
    }
    if (value === null || value === undefined) {
      customFields.unset.push(key);
      return;
    }
    const result = coerceFieldValue(field, value, { defaultCountry: country ?? undefined });
    if (!result.ok) issues.push(rejection(path, result));
    else if (result.empty) customFields.unset.push(key);
    else customFields.set[key] = result.value;
  });

  return { names, ...(country !== undefined && { country }), ...(tags && { tags }), customFields };
}

function normalizeDetails(inputs: readonly DetailInput[], country: string | undefined, issues: InputIssue[]): NormalizedDetail[] {
  const details: NormalizedDetail[] = [];
  inputs.forEach((input, index) => {
    const detail = detailOf(input, country, ['details', String(index)], issues);
    if (!detail) return;
    if (details.some((other) => other.kind === detail.kind && other.value === detail.value)) {
      issues.push(issue(['details', String(index), 'value'], 'DUPLICATE_VALUE', `${input.value} is given twice`));
      return;
    }
    details.push(detail);
  });
  // One primary detail per kind: the one marked so, else the first of its kind.
  for (const kind of ['PHONE', 'EMAIL'] as const) {
    const ofKind = details.filter((detail) => detail.kind === kind);
    const marked = ofKind.filter((detail) => detail.isPrimary);
    if (marked.length > 1) issues.push(issue(['details'], 'DUPLICATE_VALUE', `only one ${kind.toLowerCase()} can be primary`));
    if (marked.length === 0 && ofKind[0]) ofKind[0].isPrimary = true;
  }
  return details;
}

function detailOf(input: DetailInput, country: string | undefined, path: string[], issues: InputIssue[]): NormalizedDetail | undefined {
  const label = input.label?.trim() || null;
  if (input.kind === 'PHONE') {
    const result = normalizePhone(input.value, { country });
    if (!result.ok) {
      issues.push(rejection([...path, 'value'], result));
      return undefined;
    }
    return {
      kind: 'PHONE',
      value: result.value.e164,
      rawValue: input.value,
      label,
      isPrimary: input.primary ?? false,
      country: result.value.country,
    };
  }
  const result = normalizeEmail(input.value);
  if (!result.ok) {
    issues.push(rejection([...path, 'value'], result));
    return undefined;
  }
  return { kind: 'EMAIL', value: result.value, rawValue: input.value, label, isPrimary: input.primary ?? false };
}
