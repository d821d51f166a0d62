import { createHash } from 'node:crypto';
import { normalizeEmail } from './email.ts';
import { fullName, validateName } from './person-name.ts';
import { normalizePhone } from './phone-number.ts';

/**
 * Rules of the integration sync (seed 000): an external system pushes its contact records; each is
 * linked to one contact by (source, externalId), a phone number belongs to at most one record of a
 * source, and a number is one contact of the workspace: a record whose phone a contact already has
 * is linked to that contact, whichever way it was made (by hand, by an import, by another source).
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

export type NormalizedRecordResult = { ok: true; record: NormalizedSyncRecord } | { ok: false; externalId: string; reasons: string[] };

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
      owners.set(
        phone,
        holder !== undefined && !released.has(phone) ? holder : ids.reduce((low, id) => (compareExternalIds(id, low) < 0 ? id : low)),
      );
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

/** A link of the source as stored: the contact a record feeds and the number it owns. */
export interface StoredLink {
  externalId: string;
  contactId: string;
  /** E.164; null when the record never had a phone. */
  phone: string | null;
  /** {@link recordHash} of the record's last synced push. */
  hash: string;
}

/** An existing contact of the workspace that has a pushed phone number among its details. */
export interface PhoneHolder {
  phone: string;
  contactId: string;
  /** The records of the source already linked to this contact (usually none or one). */
  linkedExternalIds: readonly string[];
}

/**
 * Why a record that owns its number in its source is still not synced, because of the contacts
 * that have the number:
 * - `SHARED_BY_CONTACTS`: a new record's number is a detail of two or more contacts (as an
 *   add-all import leaves them), so there is no one contact to link it to until they are merged;
 * - `OTHER_CONTACT`: a linked record now has a number that other contacts have and its own
 *   contact does not; syncing it would put one number on two contacts.
 */
export type ContactConflictKind = 'SHARED_BY_CONTACTS' | 'OTHER_CONTACT';

/** What a sync does with one valid record. */
export type SyncDecision =
  /** No link and no contact has its phone: a new contact is made for it. */
  | { outcome: 'CREATED' }
  /** No link, and exactly one contact has its phone: it is linked to that contact, which it updates. */
  | { outcome: 'LINKED'; contactId: string }
  /** Linked, and changed since its last push: its contact is updated. */
  | { outcome: 'UPDATED'; contactId: string; movesPhone: boolean }
  | { outcome: 'UNCHANGED'; contactId: string }
  /** Another record of the source owns its phone, or the one contact that has it. */
  | { outcome: 'CONFLICT'; phone: string; ownerExternalId: string }
  | { outcome: 'CONTACT_CONFLICT'; phone: string; kind: ContactConflictKind; contactIds: string[]; message: string };

function contactConflict(kind: ContactConflictKind, phone: string, contactIds: string[]): SyncDecision {
  const count = contactIds.length;
  const message =
    kind === 'SHARED_BY_CONTACTS'
      ? `${count} contacts have this phone number: merge them`
      : `${count === 1 ? 'another contact has' : `${count} other contacts have`} this phone number and the record's own contact does not: ` +
        'the record keeps its contact as it was; merge the contacts, or change the number';
  return { outcome: 'CONTACT_CONFLICT', phone, kind, contactIds, message };
}

/**
 * Decides what becomes of each valid record of a batch (one per externalId), from the source's
 * stored links (those of the batch's ids and those holding the batch's numbers) and the contacts
 * that have the batch's numbers (`holders`, needed for every record that is new or changed).
 *
 * 1. The records of the source settle who owns each number first ({@link decideOwnership}): a
 *    record that loses is a CONFLICT, whatever the contact book holds.
 * 2. A linked record identical to its last push is UNCHANGED. A changed one is UPDATED, unless its
 *    number is a detail of other contacts and not of its own, and not a number it takes over from
 *    another link of the source (OTHER_CONTACT): it then keeps its link, contact and number as
 *    they were, and ownership is decided again without its claim, so the number it keeps is not
 *    given to another record.
 * 3. A new record (no link) with a number that no contact has gets a new contact (CREATED), as
 *    does one without a phone. If one contact has the number, the record is LINKED to it; if two
 *    or more do, it is not synced (SHARED_BY_CONTACTS). A contact feeds one record of a source:
 *    when the contact is already linked to another record of the source (its link holds another
 *    of the contact's numbers), or a lower id of the batch is linked to it first, the record is a
 *    CONFLICT naming that record as the owner.
 */
export function decideSync(
  records: readonly NormalizedSyncRecord[],
  links: readonly StoredLink[],
  holders: readonly PhoneHolder[],
): Map<string, SyncDecision> {
  const linkById = new Map(links.map((link) => [link.externalId, link]));
  const existingOwners = new Map(links.flatMap((link) => (link.phone ? [[link.phone, link.externalId] as const] : [])));
  const holdersByPhone = new Map<string, PhoneHolder[]>();
  for (const holder of holders) holdersByPhone.set(holder.phone, [...(holdersByPhone.get(holder.phone) ?? []), holder]);
  const holdersOf = (phone: string | null) => (phone === null ? [] : (holdersByPhone.get(phone) ?? []));

  // Linked, changed records whose number other contacts have and their own does not.
  const heldBack = new Map<string, SyncDecision>();
  let owners: Map<string, string>;
  for (;;) {
    owners = decideOwnership(
      records.flatMap((record) => (record.phone && !heldBack.has(record.externalId) ? [{ externalId: record.externalId, phone: record.phone }] : [])),
      existingOwners,
    );
    let more = false;
    for (const record of records) {
      const link = linkById.get(record.externalId);
      if (!link || link.hash === record.hash || record.phone === null || heldBack.has(record.externalId)) continue;
      if (owners.get(record.phone) !== record.externalId) continue;
      // A number another link of the source holds is moving between records (it was released to
      // this one): the ownership rule settled it.
      const linkHolder = existingOwners.get(record.phone);
      if (linkHolder !== undefined && linkHolder !== record.externalId) continue;
      const found = holdersOf(record.phone);
      if (found.length > 0 && !found.some((holder) => holder.contactId === link.contactId)) {
        heldBack.set(
          record.externalId,
          contactConflict(
            'OTHER_CONTACT',
            record.phone,
            found.map((holder) => holder.contactId),
          ),
        );
        more = true;
      }
    }
    if (!more) break;
  }

  const decisions = new Map<string, SyncDecision>();
  const newcomers: NormalizedSyncRecord[] = [];
  for (const record of records) {
    const link = linkById.get(record.externalId);
    const held = heldBack.get(record.externalId);
    const owner = record.phone === null || held ? record.externalId : owners.get(record.phone)!;
    if (held) decisions.set(record.externalId, held);
    else if (owner !== record.externalId) decisions.set(record.externalId, { outcome: 'CONFLICT', phone: record.phone!, ownerExternalId: owner });
    else if (link && link.hash === record.hash) decisions.set(record.externalId, { outcome: 'UNCHANGED', contactId: link.contactId });
    else if (link) {
      const movesPhone = record.phone !== null && record.phone !== link.phone;
      decisions.set(record.externalId, { outcome: 'UPDATED', contactId: link.contactId, movesPhone });
    } else newcomers.push(record);
  }

  // New records take existing contacts in the order of their ids, so that when two lead to one
  // contact, the lower id gets it, as with a shared number.
  const takenBy = new Map<string, string>();
  for (const record of newcomers.sort((a, b) => compareExternalIds(a.externalId, b.externalId))) {
    const found = holdersOf(record.phone);
    if (found.length === 0) {
      decisions.set(record.externalId, { outcome: 'CREATED' });
    } else if (found.length > 1) {
      decisions.set(
        record.externalId,
        contactConflict(
          'SHARED_BY_CONTACTS',
          record.phone!,
          found.map((holder) => holder.contactId),
        ),
      );
    } else {
      const { contactId, linkedExternalIds } = found[0]!;
      const owner = [...linkedExternalIds].sort(compareExternalIds)[0] ?? takenBy.get(contactId);
      if (owner !== undefined) {
        decisions.set(record.externalId, { outcome: 'CONFLICT', phone: record.phone!, ownerExternalId: owner });
      } else {
        takenBy.set(contactId, record.externalId);
        decisions.set(record.externalId, { outcome: 'LINKED', contactId });
      }
    }
  }
  return decisions;
}
