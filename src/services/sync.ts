import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { ValidationError } from '../domain/errors.ts';
import { isValidCountryCode } from '../domain/phone-number.ts';
import {
  decideOwnership,
  lastOccurrences,
  normalizeSyncRecord,
  SYNC_BATCH_LIMIT,
  SYNC_SOURCE_MAX_LENGTH,
  type NormalizedSyncRecord,
  type SyncRecordInput,
} from '../domain/sync.ts';

/** What became of one pushed record. */
export type SyncOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'CONFLICT' | 'INVALID';

export interface SyncRecordResult {
  externalId: string;
  outcome: SyncOutcome;
  /** The linked contact; null for a record in conflict that was never synced, or an invalid one. */
  contactId: string | null;
}

/** A record not synced because another record of the source owns its phone. */
export interface SyncConflictReport {
  externalId: string;
  phone: string;
  ownerExternalId: string;
}

export interface SyncSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Earlier occurrences of an externalId pushed more than once in the call (the last one is used). */
  superseded: number;
  conflicts: SyncConflictReport[];
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

interface LinkRow {
  external_id: string;
  contact_id: string;
  phone: string | null;
  record_hash: string;
}

/**
 * Pushes records of an external system (SPEC §5, seed 000) into the workspace, in one transaction.
 *
 * - Each record is linked to a contact by (source, externalId): the first push creates the contact,
 *   later ones update the same contact (names, primary phone, primary email). A blank value never
 *   erases what the contact has, as in imports. A new record always gets a new contact; it is not
 *   matched to contacts made by hand or by imports.
 * - Phone ownership follows {@link decideOwnership}: on the first sync the lowest externalId wins a
 *   shared number, afterwards the linked owner keeps it. A losing record is reported as a conflict,
 *   stored in `sync_conflicts` and not synced (no contact, no link). A linked record whose phone
 *   changes to a number another record owns keeps its link and contact as they were.
 * - A record whose normalized values hash to its link's `record_hash` is UNCHANGED and nothing is
 *   written for it, so a repeated push changes nothing (not even `updated_at`).
 * - A conflict row is removed when its record is synced. It is not revisited when the owner later
 *   gives up the number: the record gets the number when it is pushed again.
 * - Opt-outs and opt-ins are never read or written: a sync cannot lift an opt-out.
 *
 * The writes are set-based: a fixed handful of statements over `unnest`ed arrays, whatever the
 * batch size (up to {@link SYNC_BATCH_LIMIT}). Syncs of one workspace and source are serialized by a
 * transaction-scoped advisory lock, so two concurrent pushes cannot both take a number.
 */
export async function syncRecords(db: Database, options: SyncOptions): Promise<SyncSummary> {
  const { workspaceId } = options;
  const source = options.source.trim();
  const issues: { path: string[]; message: string }[] = [];
  if (source === '') issues.push({ path: ['source'], message: 'source is empty' });
  else if (source.length > SYNC_SOURCE_MAX_LENGTH) issues.push({ path: ['source'], message: `source is longer than ${SYNC_SOURCE_MAX_LENGTH} characters` });
  if (options.records.length > SYNC_BATCH_LIMIT) {
    issues.push({ path: ['records'], message: `at most ${SYNC_BATCH_LIMIT} records per call, got ${options.records.length}: split the batch` });
  }
  const defaultCountry = options.defaultCountry?.trim() || null;
  if (defaultCountry && !isValidCountryCode(defaultCountry)) {
    issues.push({ path: ['defaultCountry'], message: `"${defaultCountry}" is not an ISO 3166-1 alpha-2 country code` });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const { records: distinct, superseded } = lastOccurrences(options.records);
  const normalized = distinct.map((record) => normalizeSyncRecord(record, defaultCountry));
  const valid = normalized.flatMap((result) => (result.ok ? [result.record] : []));

  return inTransaction(db.pool, async (client) => {
    // A workspace id has a fixed length, so the key cannot be made the same by two other pairs.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1::text || $2::text))', [workspaceId, source]);
    const { rows: links } = await client.query<LinkRow>(
      `SELECT external_id, contact_id, phone, record_hash FROM sync_links
       WHERE workspace_id = $1 AND source = $2 AND (external_id = ANY($3::text[]) OR phone = ANY($4::text[]))`,
      [workspaceId, source, valid.map((record) => record.externalId), valid.flatMap((record) => (record.phone ? [record.phone] : []))],
    );
    const linkById = new Map(links.map((link) => [link.external_id, link]));
    const existingOwners = new Map(links.flatMap((link) => (link.phone ? [[link.phone, link.external_id] as const] : [])));
    const owners = decideOwnership(
      valid.flatMap((record) => (record.phone ? [{ externalId: record.externalId, phone: record.phone }] : [])),
      existingOwners,
    );

    const summary: SyncSummary = { created: 0, updated: 0, unchanged: 0, superseded, conflicts: [], invalid: [], records: [], changed: false };
    const writes: Writes = { created: [], updated: [], movedIds: [], syncedIds: [] };
    for (const result of normalized) {
      if (!result.ok) {
        summary.invalid.push({ externalId: result.externalId, reasons: result.reasons });
        summary.records.push({ externalId: result.externalId, outcome: 'INVALID', contactId: null });
        continue;
      }
      const { record } = result;
      const link = linkById.get(record.externalId);
      const owner = record.phone ? owners.get(record.phone)! : record.externalId;
      let outcome: SyncOutcome;
      if (owner !== record.externalId) {
        outcome = 'CONFLICT';
        summary.conflicts.push({ externalId: record.externalId, phone: record.phone!, ownerExternalId: owner });
      } else if (link && link.record_hash === record.hash) {
        outcome = 'UNCHANGED';
        summary.unchanged++;
        writes.syncedIds.push(record.externalId);
      } else if (link) {
        outcome = 'UPDATED';
        summary.updated++;
        writes.updated.push({ record, contactId: link.contact_id });
        writes.syncedIds.push(record.externalId);
        if (record.phone && link.phone !== record.phone) writes.movedIds.push(record.externalId);
      } else {
        outcome = 'CREATED';
        summary.created++;
        writes.created.push({ record, contactId: randomUUID() });
        writes.syncedIds.push(record.externalId);
      }
      const contactId = outcome === 'CREATED' ? writes.created.at(-1)!.contactId : (link?.contact_id ?? null);
      summary.records.push({ externalId: record.externalId, outcome, contactId });
    }

    const conflictRows = await write(client, workspaceId, source, writes, summary.conflicts);
    summary.changed = summary.created + summary.updated + conflictRows > 0;
    return summary;
  });
}

interface Writes {
  created: { record: NormalizedSyncRecord; contactId: string }[];
  updated: { record: NormalizedSyncRecord; contactId: string }[];
  /** Linked records whose phone changes: their old number is let go before any link takes one. */
  movedIds: string[];
  /** Every record that is synced (created, updated or unchanged): a conflict of theirs is over. */
  syncedIds: string[];
}

/** The set-based writes of one sync; returns how many conflict rows were written or removed. */
async function write(client: PoolClient, workspaceId: string, source: string, writes: Writes, conflicts: SyncConflictReport[]): Promise<number> {
  const { created, updated } = writes;
  const column = <K extends keyof NormalizedSyncRecord>(rows: { record: NormalizedSyncRecord }[], key: K) => rows.map(({ record }) => record[key]);

  if (created.length > 0) {
    await client.query(
      `INSERT INTO contacts (workspace_id, id, first_name, last_name, name)
       SELECT $1, r.id, r.first_name, r.last_name, r.name FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS r(id, first_name, last_name, name)`,
      [workspaceId, created.map((row) => row.contactId), column(created, 'firstName'), column(created, 'lastName'), column(created, 'name')],
    );
  }
  if (updated.length > 0) {
    // A blank name in the record keeps the contact's; the full name is made again from the parts.
    await client.query(
      `UPDATE contacts c SET
         first_name = coalesce(r.first_name, c.first_name),
         last_name = coalesce(r.last_name, c.last_name),
         name = CASE WHEN r.first_name IS NULL AND r.last_name IS NULL THEN c.name
                     ELSE nullif(concat_ws(' ', coalesce(r.first_name, c.first_name), coalesce(r.last_name, c.last_name)), '') END,
         updated_at = now()
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(id, first_name, last_name)
       WHERE c.workspace_id = $1 AND c.id = r.id`,
      [workspaceId, updated.map((row) => row.contactId), column(updated, 'firstName'), column(updated, 'lastName')],
    );
  }

  // Phones and emails: the record's value replaces the contact's primary one of its kind, or
  // becomes it when the contact has none.
  const details = [...created, ...updated].flatMap(({ record, contactId }) => [
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
    if (updated.length > 0) {
      await client.query(
        `UPDATE contact_details d SET value = r.value, raw_value = r.raw_value FROM ${rows}
         WHERE d.workspace_id = $1 AND d.contact_id = r.contact_id AND d.kind = r.kind AND d.is_primary`,
        detailArrays,
      );
    }
    await client.query(
      `INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
       SELECT $1, r.contact_id, r.kind, r.value, r.raw_value, true FROM ${rows}
       WHERE NOT EXISTS (SELECT 1 FROM contact_details d WHERE d.workspace_id = $1 AND d.contact_id = r.contact_id AND d.kind = r.kind AND d.is_primary)`,
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
  const linked = [...created, ...updated];
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
  if (writes.syncedIds.length > 0) {
    const result = await client.query('DELETE FROM sync_conflicts WHERE workspace_id = $1 AND source = $2 AND external_id = ANY($3::text[])', [
      workspaceId,
      source,
      writes.syncedIds,
    ]);
    conflictRows += result.rowCount ?? 0;
  }
  return conflictRows;
}
