import type { DetailKind } from './detail-status.ts';
import { LimitExceededError, ValidationError } from './errors.ts';
import { parseId } from './ids.ts';
import { fullName } from './person-name.ts';

/**
 * Most contacts merged into one primary in one call. A duplicate group left by an add-all import is
 * a handful of contacts; a bound keeps the merge's transaction (row locks, moved rows) short.
 */
export const MERGE_MAX_OTHERS = 100;

/** The contacts of a merge request, checked: the primary and the others, without repeats. */
export interface MergeRequest {
  primaryId: string;
  otherIds: string[];
}

/**
 * Checks a merge request: ids well formed, at least one other contact, the primary not among the
 * others, at most {@link MERGE_MAX_OTHERS} others. An id repeated in `otherIds` counts once.
 */
export function checkMergeRequest(input: { primaryId: string | number; otherIds: readonly (string | number)[] }): MergeRequest {
  const primaryId = parseId(input.primaryId, ['input', 'primaryId']);
  const otherIds = [...new Set(input.otherIds.map((id, index) => parseId(id, ['input', 'otherIds', String(index)])))];
  if (otherIds.length === 0) throw ValidationError.of(['input', 'otherIds'], 'REQUIRED', 'name at least one contact to merge into the primary');
  const clash = otherIds.indexOf(primaryId);
  if (clash >= 0) {
    throw ValidationError.of(
      ['input', 'otherIds', String(input.otherIds.findIndex((id) => String(id).toLowerCase() === primaryId))],
      'MERGE_INTO_ITSELF',
      'the primary contact cannot also be merged into itself',
    );
  }
  if (otherIds.length > MERGE_MAX_OTHERS) {
    throw new LimitExceededError(
      'TOO_MANY_ITEMS',
      `at most ${MERGE_MAX_OTHERS} contacts can be merged into one at a time, got ${otherIds.length}`,
      MERGE_MAX_OTHERS,
      { count: otherIds.length },
    );
  }
  return { primaryId, otherIds };
}

/** The attributes of a contact that a merge combines. */
export interface MergeableContact {
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  country: string | null;
  /** Custom field values by key, in their stored JSON form. */
  customFields: Record<string, unknown>;
}

/** Blank text, a missing value and an empty multi-select hold nothing, so another contact may fill them. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function firstFilled<T>(values: readonly T[]): T | null {
  return values.find((value) => !isEmpty(value)) ?? null;
}

/**
 * The attributes of the merged contact: the primary's values win; each empty one is filled from the
 * first other contact (in the order given) that has it. The full name follows the rule of edits: a
 * name given whole stays; a name made of first and last name is made again when a part was filled;
 * a primary without any name takes the merged parts, or else the first other's full name.
 */
export function mergeContactAttributes(primary: MergeableContact, others: readonly MergeableContact[]): MergeableContact {
  const firstName = firstFilled([primary.firstName, ...others.map((other) => other.firstName)]);
  const lastName = firstFilled([primary.lastName, ...others.map((other) => other.lastName)]);
  const partsChanged = firstName !== primary.firstName || lastName !== primary.lastName;
  const derivedBefore = fullName(primary.firstName, primary.lastName);

  let name: string | null;
  if (isEmpty(primary.name)) name = fullName(firstName, lastName) ?? firstFilled(others.map((other) => other.name));
  else if (partsChanged && primary.name === derivedBefore) name = fullName(firstName, lastName) ?? null;
  else name = primary.name;

  const customFields: Record<string, unknown> = { ...primary.customFields };
  for (const other of others) {
    for (const [key, value] of Object.entries(other.customFields)) {
      if (isEmpty(customFields[key]) && !isEmpty(value)) customFields[key] = value;
    }
  }

  return { firstName, lastName, name, country: firstFilled([primary.country, ...others.map((other) => other.country)]), customFields };
}

/** A phone number or email address of one of the contacts being merged. */
export interface MergeableDetail {
  id: string;
  contactId: string;
  kind: DetailKind;
  /** Normalized: E.164 or lower-cased email. */
  value: string;
  isPrimary: boolean;
  createdAt: Date;
}

/** A detail of another contact that moves to the primary, with the primary flag it gets there. */
export interface MovedDetail {
  id: string;
  isPrimary: boolean;
}

/**
 * Which details of the other contacts move to the primary. The others are taken in the order given,
 * each one's primary detail of a kind first, then oldest first. A value the primary (or an earlier
 * moved detail) already has is dropped, so no address is held twice. The primary keeps its primary
 * flags and moved details lose theirs — except for a kind the primary had no detail of, where the
 * first moved detail of that kind becomes primary, so each kind held has exactly one primary.
 */
export function planDetailMove(primaryId: string, otherIds: readonly string[], details: readonly MergeableDetail[]): MovedDetail[] {
  const key = (detail: MergeableDetail) => `${detail.kind}\u0000${detail.value}`;
  const held = new Set(details.filter((detail) => detail.contactId === primaryId).map(key));
  const kindsHeld = new Set(details.filter((detail) => detail.contactId === primaryId).map((detail) => detail.kind));
  const rank = new Map(otherIds.map((id, index) => [id, index]));
  const candidates = details
    .filter((detail) => rank.has(detail.contactId))
    .sort(
      (a, b) =>
        rank.get(a.contactId)! - rank.get(b.contactId)! ||
        Number(b.isPrimary) - Number(a.isPrimary) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.id.localeCompare(b.id),
    );

  const moved: MovedDetail[] = [];
  for (const detail of candidates) {
    if (held.has(key(detail))) continue;
    held.add(key(detail));
    moved.push({ id: detail.id, isPrimary: !kindsHeld.has(detail.kind) });
    kindsHeld.add(detail.kind);
  }
  return moved;
}
