import type { PoolClient } from 'pg';
import type { Database } from '../db/client.ts';
import { lockWorkspaceIdentities } from '../db/identity-lock.ts';
import { inTransaction } from '../db/transaction.ts';
import { issue, ValidationError, type InputIssue } from '../domain/errors.ts';
import { timeOrderedId } from '../domain/ids.ts';
import { resolvedNameSql } from '../domain/person-name.ts';
import { isValidCountryCode } from '../domain/phone-number.ts';
import {
  decideSync,
  lastOccurrences,
  normalizeSyncRecord,
  SYNC_BATCH_LIMIT,
  SYNC_SOURCE_MAX_LENGTH,
  type ContactConflictKind,
  type NormalizedSyncRecord,
  type PhoneHolder,
  type StoredLink,
  type SyncRecordInput,
} from '../domain/sync.ts';

/** What became of one pushed record. */
export type SyncOutcome = 'CREATED' | 'LINKED' | 'UPDATED' | 'UNCHANGED' | 'CONFLICT' | 'CONTACT_CONFLICT' | 'INVALID';

export interface SyncRecordResult {
  externalId: string;
  outcome: SyncOutcome;
  /** The linked contact; null for a record that was never synced (a conflict, or an invalid one). */
  contactId: string | null;
}

/** A record not synced because another record of the source owns its phone. */
export interface SyncConflictReport {
  externalId: string;
  phone: string;
  ownerExternalId: string;
}

/** A record not synced because of the contacts that have its phone (see {@link ContactConflictKind}). */
export interface SyncContactConflictReport {
  externalId: string;
  phone: string;
  kind: ContactConflictKind;
  /** The contacts that have the number (for OTHER_CONTACT: those other than the record's own). */
  contactIds: string[];
  message: string;
}

export interface SyncSummary {
  created: number;
  /** New records linked to the existing contact that has their phone. */
  linked: number;
  updated: number;
  unchanged: number;
  /** Earlier occurrences of an externalId pushed more than once in the call (the last one is used). */
  superseded: number;
  conflicts: SyncConflictReport[];
  contactConflicts: SyncContactConflictReport[];
  invalid: { externalId: string; reasons: string[] }[];
  /** One entry per distinct externalId, in the order of their last occurrence in the call. */
  records: SyncRecordResult[];
  /** Whether the call wrote anything (contacts, links or conflicts); false for a repeated push. */
  changed: boolean;
}

export interface SyncOptions {
  workspaceId: string;
  source: string;
  records: readonly SyncRecordInput[];
  /** ISO 3166-1 alpha-2 country for phone numbers sent in national form. */
  defaultCountry?: string | null;
}

/**
 * Pushes records of an external system (seed 000) into the workspace, in one transaction.
 *
 * - Each record is linked to a contact by (source, externalId); later pushes update that contact
 *   (names, primary phone, primary email). A blank value never erases what the contact has, as in
 *   imports.
 * - A number is one contact of the workspace, whether the contact was made by a sync, an import or by hand:
 *   a new record whose phone one contact already has (as any of its phone details) is linked to
 *   that contact and fills and updates its names and email; a new contact is made only when no
 *   contact has the number. What is decided, record by record, is {@link decideSync}: phone
 *   ownership among the records of one source first (the lowest externalId on the first sync,
 *   then the linked owner), then the contact book. Records not synced are reported as conflicts
 *   (another record of the source owns the number or its contact; stored in `sync_conflicts`) or
 *   contact conflicts (two contacts have the number, or a linked record moved to another
 *   contact's number; not stored, decided again at each push). Either way nothing of theirs is
 *   written and a linked one keeps its link, contact and number.
 * - A value the contact already has is neither replaced nor duplicated: a phone or email that is
 *   one of its details of that kind leaves its details as they are; otherwise the value replaces
 *   the contact's primary one of its kind, or becomes it when there is none.
 * - A record whose normalized values hash to its link's `record_hash` is UNCHANGED and nothing is
 *   written for it, so a repeated push changes nothing (not even `updated_at`).
 * - A conflict row is removed when its record is no longer in conflict with a record of its
 *   source. It is not revisited when the owner later gives up the number: the record gets the
 *   number when it is pushed again.
 * - Opt-outs and opt-ins are never read or written: a sync cannot lift an opt-out.
 *
 * The writes are set-based: a fixed handful of statements over `unnest`ed arrays, whatever the
 * batch size (up to {@link SYNC_BATCH_LIMIT}). The transaction first takes the workspace's identity
 * lock, which imports and contact creation take too, so the contacts found for a number are still
 * the only ones when the link or the new contact commits; and the source's own lock, so two
 * pushes of one source cannot both take a number.
 */
export async function syncRecords(db: Database, options: SyncOptions): Promise<SyncSummary> {
  const { workspaceId } = options;
  const source = options.source.trim();
  const issues: InputIssue[] = [];
  if (source === '') issues.push(issue(['source'], 'REQUIRED', 'source is empty'));
  else if (source.length > SYNC_SOURCE_MAX_LENGTH) {
    issues.push(
      issue(['source'], 'TOO_LONG', `source is longer than ${SYNC_SOURCE_MAX_LENGTH} characters`, {
        limit: SYNC_SOURCE_MAX_LENGTH,
        length: source.length,
      }),
    );
  }
  if (options.records.length > SYNC_BATCH_LIMIT) {
    issues.push(
      issue(['records'], 'TOO_MANY_ITEMS', `at most ${SYNC_BATCH_LIMIT} records per call, got ${options.records.length}: split the batch`, {
        limit: SYNC_BATCH_LIMIT,
        count: options.records.length,
      }),
    );
  }
  const defaultCountry = options.defaultCountry?.trim() || null;
  if (defaultCountry && !isValidCountryCode(defaultCountry)) {
    issues.push(issue(['defaultCountry'], 'INVALID_COUNTRY', `"${defaultCountry}" is not an ISO 3166-1 alpha-2 country code`));
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const { records: distinct, superseded } = lastOccurrences(options.records);
  const normalized = distinct.map((record) => normalizeSyncRecord(record, defaultCountry));
  const valid = normalized.flatMap((result) => (result.ok ? [result.record] : []));

  return inTransaction(db.pool, async (client) => {
    await lockWorkspaceIdentities(client, workspaceId);
    // A workspace id has a fixed length, so the key cannot be made the same by two other pairs.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1::text || $2::text))', [workspaceId, source]);
    const { rows: links } = await client.query<StoredLink>(
      `SELECT external_id AS "externalId", contact_id AS "contactId", phone, record_hash AS hash FROM sync_links
       WHERE workspace_id = $1 AND source = $2 AND (external_id = ANY($3::text[]) OR phone = ANY($4::text[]))`,
      [workspaceId, source, valid.map((record) => record.externalId), valid.flatMap((record) => (record.phone ? [record.phone] : []))],
    );
    const linkById = new Map(links.map((link) => [link.externalId, link]));
    // The contacts that have the numbers of new and changed records (a repeated push needs none).
    const lookedUp = [
      ...new Set(valid.flatMap((record) => (record.phone && linkById.get(record.externalId)?.hash !== record.hash ? [record.phone] : []))),
    ];
    const { rows: holders } =
      lookedUp.length === 0
        ? { rows: [] }
        : await client.query<PhoneHolder>(
            `WITH h AS (
               SELECT DISTINCT value AS phone, contact_id FROM contact_details
               WHERE workspace_id = $1 AND kind = 'PHONE' AND value = ANY($3::text[]))
             SELECT h.phone, h.contact_id::text AS "contactId",
                    coalesce(array_agg(l.external_id) FILTER (WHERE l.external_id IS NOT NULL), '{}') AS "linkedExternalIds"
             FROM h LEFT JOIN sync_links l ON l.workspace_id = $1 AND l.source = $2 AND l.contact_id = h.contact_id
             GROUP BY h.phone, h.contact_id`,
            [workspaceId, source, lookedUp],
          );
    const decisions = decideSync(valid, links, holders);

    const summary: SyncSummary = {
      created: 0,
      linked: 0,
      updated: 0,
      unchanged: 0,
      superseded,
      conflicts: [],
      contactConflicts: [],
      invalid: [],
      records: [],
      changed: false,
    };
    const writes: Writes = { created: [], existing: [], movedIds: [], clearedConflictIds: [] };
    for (const result of normalized) {
      if (!result.ok) {
        summary.invalid.push({ externalId: result.externalId, reasons: result.reasons });
        summary.records.push({ externalId: result.externalId, outcome: 'INVALID', contactId: null });
        continue;
      }
      const { record } = result;
      const decision = decisions.get(record.externalId)!;
      let contactId = linkById.get(record.externalId)?.contactId ?? null;
      switch (decision.outcome) {
        case 'CONFLICT':
          summary.conflicts.push({ externalId: record.externalId, phone: decision.phone, ownerExternalId: decision.ownerExternalId });
          break;
        case 'CONTACT_CONFLICT': {
          const { phone, kind, contactIds, message } = decision;
          summary.contactConflicts.push({ externalId: record.externalId, phone, kind, contactIds, message });
          writes.clearedConflictIds.push(record.externalId);
          break;
        }
        case 'UNCHANGED':
          summary.unchanged++;
          writes.clearedConflictIds.push(record.externalId);
          break;
        case 'UPDATED':
        case 'LINKED':
          if (decision.outcome === 'UPDATED') summary.updated++;
          else summary.linked++;
          contactId = decision.contactId;
          writes.existing.push({ record, contactId });
          writes.clearedConflictIds.push(record.externalId);
          if (decision.outcome === 'UPDATED' && decision.movesPhone) writes.movedIds.push(record.externalId);
          break;
        case 'CREATED':
          summary.created++;
          contactId = timeOrderedId();
          writes.created.push({ record, contactId });
          writes.clearedConflictIds.push(record.externalId);
          break;
      }
      summary.records.push({ externalId: record.externalId, outcome: decision.outcome, contactId });
    }

    const conflictRows = await write(client, workspaceId, source, writes, summary.conflicts);
    summary.changed = summary.created + summary.linked + summary.updated + conflictRows > 0;
    return summary;
  });
}

interface Writes {
  created: { record: NormalizedSyncRecord; contactId: string }[];
  /** Records written to an existing contact: updated through their link, or newly linked to it. */
  existing: { record: NormalizedSyncRecord; contactId: string }[];
  /** Linked records whose phone changes: their old number is let go before any link takes one. */
  movedIds: string[];
  /** Records no longer in conflict with a record of their source: their conflict row goes. */
  clearedConflictIds: string[];
}

/** The set-based writes of one sync; returns how many conflict rows were written or removed. */
async function write(client: PoolClient, workspaceId: string, source: string, writes: Writes, conflicts: SyncConflictReport[]): Promise<number> {
  const { created, existing } = writes;
  const column = <K extends keyof NormalizedSyncRecord>(rows: { record: NormalizedSyncRecord }[], key: K) => rows.map(({ record }) => record[key]);

  if (created.length > 0) {
    await client.query(
      `INSERT INTO contacts (workspace_id, id, first_name, last_name, name)
       SELECT $1, r.id, r.first_name, r.last_name, r.name FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS r(id, first_name, last_name, name)`,
      [workspaceId, created.map((row) => row.contactId), column(created, 'firstName'), column(created, 'lastName'), column(created, 'name')],
    );
  }
  if (existing.length > 0) {
    // A blank name in the record keeps the contact's; the full name follows the parts by the one name rule.
    await client.query(
      `UPDATE contacts c SET
         first_name = coalesce(r.first_name, c.first_name),
         last_name = coalesce(r.last_name, c.last_name),
         name = ${resolvedNameSql(null, 'coalesce(r.first_name, c.first_name)', 'coalesce(r.last_name, c.last_name)')},
         updated_at = now()
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(id, first_name, last_name)
       WHERE c.workspace_id = $1 AND c.id = r.id`,
      [workspaceId, existing.map((row) => row.contactId), column(existing, 'firstName'), column(existing, 'lastName')],
    );
  }

  // Phones and emails: a value the contact already has (primary or not) leaves its details as they
  // are; otherwise it replaces the contact's primary one of its kind, or becomes it when there is
  // none. A linked record's phone is always one the contact has.
  const details = [...created, ...existing].flatMap(({ record, contactId }) => [
    ...(record.phone ? [{ contactId, kind: 'PHONE', value: record.phone, raw: record.rawPhone! }] : []),
    ...(record.email ? [{ contactId, kind: 'EMAIL', value: record.email, raw: record.rawEmail! }] : []),
  ]);
  if (details.length > 0) {
    const detailArrays = [
      workspaceId,
      details.map((detail) => detail.contactId),
      details.map((detail) => detail.kind),
      details.map((detail) => detail.value),
      details.map((detail) => detail.raw),
    ];
    const rows = `unnest($2::uuid[], $3::"DetailKind"[], $4::text[], $5::text[]) AS r(contact_id, kind, value, raw_value)`;
    const hasValue = `EXISTS (SELECT 1 FROM contact_details x
      WHERE x.workspace_id = $1 AND x.contact_id = r.contact_id AND x.kind = r.kind AND x.value = r.value)`;
    if (existing.length > 0) {
      await client.query(
        `UPDATE contact_details d SET value = r.value, raw_value = r.raw_value FROM ${rows}
         WHERE d.workspace_id = $1 AND d.contact_id = r.contact_id AND d.kind = r.kind AND d.is_primary AND NOT ${hasValue}`,
        detailArrays,
      );
    }
    await client.query(
      `INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
       SELECT $1, r.contact_id, r.kind, r.value, r.raw_value, true FROM ${rows}
       WHERE NOT EXISTS (SELECT 1 FROM contact_details d WHERE d.workspace_id = $1 AND d.contact_id = r.contact_id AND d.kind = r.kind AND d.is_primary)
         AND NOT ${hasValue}`,
      detailArrays,
    );
  }

  // Links. Numbers changing hands are first let go, so that one statement can give them to their
  // new owners without tripping the (workspace, source, phone) unique index (e.g. two records
  // swapping numbers). A record sent without a phone keeps its link's number, as its contact does.
  if (writes.movedIds.length > 0) {
    await client.query('UPDATE sync_links SET phone = NULL WHERE workspace_id = $1 AND source = $2 AND external_id = ANY($3::text[])', [
      workspaceId,
      source,
      writes.movedIds,
    ]);
  }
  const linked = [...created, ...existing];
  if (linked.length > 0) {
    await client.query(
      `INSERT INTO sync_links (workspace_id, source, external_id, contact_id, phone, record_hash)
       SELECT $1, $2, r.external_id, r.contact_id, r.phone, r.record_hash
       FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[]) AS r(external_id, contact_id, phone, record_hash)
       ON CONFLICT (workspace_id, source, external_id) DO UPDATE SET
         phone = coalesce(EXCLUDED.phone, sync_links.phone), record_hash = EXCLUDED.record_hash, updated_at = now()`,
      [workspaceId, source, column(linked, 'externalId'), linked.map((row) => row.contactId), column(linked, 'phone'), column(linked, 'hash')],
    );
  }

  let conflictRows = 0;
  if (conflicts.length > 0) {
    const result = await client.query(
      `INSERT INTO sync_conflicts (workspace_id, source, external_id, phone, owner_external_id)
       SELECT $1, $2, r.external_id, r.phone, r.owner FROM unnest($3::text[], $4::text[], $5::text[]) AS r(external_id, phone, owner)
       ON CONFLICT (workspace_id, source, external_id) DO UPDATE SET phone = EXCLUDED.phone, owner_external_id = EXCLUDED.owner_external_id
       WHERE (sync_conflicts.phone, sync_conflicts.owner_external_id) IS DISTINCT FROM (EXCLUDED.phone, EXCLUDED.owner_external_id)`,
      [workspaceId, source, conflicts.map((c) => c.externalId), conflicts.map((c) => c.phone), conflicts.map((c) => c.ownerExternalId)],
    );
    conflictRows += result.rowCount ?? 0;
  }
  if (writes.clearedConflictIds.length > 0) {
    const result = await client.query('DELETE FROM sync_conflicts WHERE workspace_id = $1 AND source = $2 AND external_id = ANY($3::text[])', [
      workspaceId,
      source,
      writes.clearedConflictIds,
    ]);
    conflictRows += result.rowCount ?? 0;
  }
  return conflictRows;
}
