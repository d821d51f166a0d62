import { createHash } from 'node:crypto';
import { normalizeEmail } from './email.ts';
import { fullName, validateName } from './person-name.ts';
import { normalizePhone } from './phone-number.ts';

/**
 * Rules of the integration sync (SPEC §5, seed 000): an external system pushes its contact
 * records; each is linked to one contact by (source, externalId), and a phone number belongs to at
 * most one record of a source.
 */

/** Most records one call may push; larger syncs are split by the client. */
export const SYNC_BATCH_LIMIT = 10_000;

/** Longest `source` name and `externalId` accepted. */
export const SYNC_SOURCE_MAX_LENGTH = 100;
export const SYNC_EXTERNAL_ID_MAX_LENGTH = 255;

/** A record as the external system sends it; blank values are absent. */
export interface SyncRecordInput {
  externalId: string;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}

/** A record that passed validation, in the form it is stored and compared in. */
export interface NormalizedSyncRecord {
  externalId: string;
  /** E.164, or null when the record has no phone. */
  phone: string | null;
  /** The phone as it was sent, kept as the detail's raw value. */
  rawPhone: string | null;
  firstName: string | null;
  lastName: string | null;
  /** First and last name joined, or null when both are blank. */
  name: string | null;
  /** Lower-cased, or null when the record has no email. */
  email: string | null;
  rawEmail: string | null;
  /** sha256 of the normalized values; equal hashes mean an identical push. See {@link recordHash}. */
  hash: string;
}

export type NormalizedRecordResult =
  | { ok: true; record: NormalizedSyncRecord }
  | { ok: false; externalId: string; reasons: string[] };

const blank = (value: string | null | undefined): value is null | undefined => value == null || value.trim() === '';

/**
 * Validates and normalizes one pushed record. The phone is read with libphonenumber (international
 * form, or national form with `defaultCountry`), the email is lower-cased, names are checked like
 * every other name. Any value that is given but invalid makes the whole record invalid, with one
 * reason per problem: syncing it without that value would silently lose data the source holds.
 * A record needs a phone or an email (one of them is what the contact is reached on).
 */
export function normalizeSyncRecord(input: SyncRecordInput, defaultCountry?: string | null): NormalizedRecordResult {
  const externalId = input.externalId.trim();
  const reasons: string[] = [];
  if (externalId === '') reasons.push('externalId is empty');
  else if (externalId.length > SYNC_EXTERNAL_ID_MAX_LENGTH) reasons.push(`externalId is longer than ${SYNC_EXTERNAL_ID_MAX_LENGTH} characters`);

  let phone: string | null = null;
  if (!blank(input.phone)) {
    const result = normalizePhone(input.phone, { defaultCountry });
    if (result.ok) phone = result.value.e164;
    else reasons.push(`phone: ${result.error}`);
  }
  let email: string | null = null;
  if (!blank(input.email)) {
    const result = normalizeEmail(input.email);
    if (result.ok) email = result.value;
    else reasons.push(`email: ${result.error}`);
  }
  const names: Record<'firstName' | 'lastName', string | null> = { firstName: null, lastName: null };
  for (const key of ['firstName', 'lastName'] as const) {
    const raw = input[key];
    if (blank(raw)) continue;
    const result = validateName(raw);
    if (!result.ok) reasons.push(`${key}: ${result.error}`);
    else if (!result.empty) names[key] = result.value;
  }
  if (blank(input.phone) && blank(input.email)) reasons.push('a record needs a phone number or an email address');

  if (reasons.length > 0) return { ok: false, externalId, reasons };
  const record = {
    externalId,
    phone,
    rawPhone: phone === null ? null : input.phone!.trim(),
    firstName: names.firstName,
    lastName: names.lastName,
    name: fullName(names.firstName, names.lastName) ?? null,
    email,
    rawEmail: email === null ? null : input.email!.trim(),
  };
  return { ok: true, record: { ...record, hash: recordHash(record) } };
}

/**
 * The hash stored on a link: sha256 of the normalized synced values (phone, names, email). Raw
 * spellings are left out, so `+1 234 567 8901` re-sent as `+12345678901` is an identical push.
 */
export function recordHash(record: Pick<NormalizedSyncRecord, 'phone' | 'firstName' | 'lastName' | 'email'>): string {
  const canonical = JSON.stringify([record.phone, record.firstName, record.lastName, record.email]);
  return createHash('sha256').update(canonical).digest('hex');
}

const NON_NEGATIVE_INTEGER = /^\d+$/;

/**
 * The order in which records claim a phone number: "the numerical order of the unique ID of the
 * contact record" (seed 000). Two ids that are both non-negative integers (digits only) compare as
 * numbers, with BigInt so that `9` < `10` and ids longer than 2^53 stay exact (`007` equals `7` in
 * value and then falls back to string order, so the order is total). An integer id comes before a
 * non-numeric one (`42` < `abc`), and two non-numeric ids compare by UTF-16 code units (plain
 * JavaScript string order, the same on every machine, unlike a locale collation).
 */
export function compareExternalIds(a: string, b: string): number {
  const aNumeric = NON_NEGATIVE_INTEGER.test(a);
  const bNumeric = NON_NEGATIVE_INTEGER.test(b);
  if (aNumeric && bNumeric) {
    const difference = BigInt(a) - BigInt(b);
    if (difference !== 0n) return difference < 0n ? -1 : 1;
  } else if (aNumeric !== bNumeric) {
    return aNumeric ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One record of a batch wanting a phone number. */
export interface PhoneClaim {
  externalId: string;
  phone: string;
}

/**
 * Who owns each phone number claimed in a batch: phone → owner's externalId.
 *
 * - A phone already held by a link of the source (`existingOwners`, phone → externalId) stays with
 *   that record, even when a record with a lower id claims it later: the seed's order decides the
 *   first sync, and after that ownership is stable, so records arriving in another order or in
 *   several calls never take a synced number away from the contact it was copied to.
 * - A phone nobody holds goes to the claimant with the lowest id ({@link compareExternalIds}).
 * - An owner that is pushed with a different phone releases its old one — but only if it gets the
 *   new one; if it loses the new phone it keeps the old (its update is refused as a conflict), so
 *   the release is undone and the decision is made again until nothing moves. Two records swapping
 *   numbers in one batch therefore both succeed.
 *
 * Each externalId appears at most once in `claims` (the batch is deduplicated before).
 */
export function decideOwnership(claims: readonly PhoneClaim[], existingOwners: ReadonlyMap<string, string>): Map<string, string> {
  const claimants = new Map<string, string[]>();
  const claimedPhone = new Map<string, string>();
  for (const { externalId, phone } of claims) {
    claimants.set(phone, [...(claimants.get(phone) ?? []), externalId]);
    claimedPhone.set(externalId, phone);
  }
  // Phones whose holder is pushed with another number.
  const released = new Set<string>();
  for (const [phone, holder] of existingOwners) {
    const wanted = claimedPhone.get(holder);
    if (wanted !== undefined && wanted !== phone) released.add(phone);
  }

  for (;;) {
    const owners = new Map<string, string>();
    for (const [phone, ids] of claimants) {
      const holder = existingOwners.get(phone);
      owners.set(phone, holder !== undefined && !released.has(phone) ? holder : ids.reduce((low, id) => (compareExternalIds(id, low) < 0 ? id : low)));
    }
    let moved = false;
    for (const phone of released) {
      const holder = existingOwners.get(phone)!;
      if (owners.get(claimedPhone.get(holder)!) !== holder) {
        released.delete(phone);
        moved = true;
      }
    }
    if (!moved) return owners;
  }
}

/**
 * A batch with one record per externalId: when an id appears more than once, its last occurrence
 * wins (a batch is read in order, so the later one is the newer state of the record) and the
 * earlier ones are counted as `superseded`. Ids are compared after trimming.
 */
export function lastOccurrences<T extends { externalId: string }>(records: readonly T[]): { records: T[]; superseded: number } {
  const byId = new Map<string, T>();
  for (const record of records) {
    const id = record.externalId.trim();
    byId.delete(id); // re-inserted at the end, so the batch keeps the order of last occurrences
    byId.set(id, record);
  }
  return { records: [...byId.values()], superseded: records.length - byId.size };
}
