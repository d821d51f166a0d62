import type { PoolClient } from 'pg';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { checkMergeRequest, mergeContactAttributes, planDetailMove, type MergeableContact, type MergeableDetail } from '../domain/contact-merge.ts';
import { NotFoundError } from '../domain/errors.ts';

/** Import states whose staged rows will still be written: their rows (and a contact-id identifier) follow a merged contact to its primary. */
const UNWRITTEN_IMPORT_STATES = ['MAPPING', 'VALIDATING', 'REVIEW', 'QUEUED', 'IMPORTING'];

/**
 * Merges `otherIds` into `primaryId`, in one transaction holding the rows of
 * every contact involved, then deletes the others:
 *
 * - details move to the primary (see {@link planDetailMove}): a value the primary already has is
 *   dropped, the primary keeps its primary flags;
 * - tags and static group memberships are unioned;
 * - names, country and custom fields follow {@link mergeContactAttributes}: the primary wins and its
 *   empty values are filled from the others, in the order given;
 * - sync links of the others point at the primary, so their external records keep updating it;
 * - staged rows of imports not yet written that update or skip one of the others are re-pointed to
 *   the primary, so a reviewed update lands on the merged contact. Rows of finished imports and the
 *   undo journal (`import_changes`) keep the old ids: they record what happened to that contact, and
 *   pointing them at the primary would let a revert delete the primary (an import that created an
 *   other) or write an other's old values onto it. A revert finds those contacts gone.
 * - opt-outs and opt-ins are kept by address and are not touched.
 *
 * Unknown ids (and ids of other workspaces) fail with NotFoundError naming the first such id.
 */
export async function mergeContacts(
  db: Database,
  options: { workspaceId: string; primaryId: string | number; otherIds: readonly (string | number)[] },
): Promise<string> {
  const { workspaceId } = options;
  const { primaryId, otherIds } = checkMergeRequest(options);
  const allIds = [primaryId, ...otherIds];

  return inTransaction(db.pool, async (client) => {
    const contacts = await lockContacts(client, workspaceId, allIds);
    const missing = allIds.find((id) => !contacts.has(id));
    if (missing) throw new NotFoundError('Contact', missing);

    const { rows: details } = await client.query<MergeableDetail>(
      `SELECT id, contact_id AS "contactId", kind, value, is_primary AS "isPrimary", created_at AS "createdAt"
       FROM contact_details WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[])`,
      [workspaceId, allIds],
    );
    const moved = planDetailMove(primaryId, otherIds, details);
    const merged = mergeContactAttributes(
      contacts.get(primaryId)!,
      otherIds.map((id) => contacts.get(id)!),
    );
    const others = [workspaceId, primaryId, otherIds];

    await client.query(
      `UPDATE contact_details d SET contact_id = $2, is_primary = m.is_primary
       FROM unnest($3::uuid[], $4::boolean[]) AS m(id, is_primary)
       WHERE d.workspace_id = $1 AND d.id = m.id`,
      [workspaceId, primaryId, moved.map((detail) => detail.id), moved.map((detail) => detail.isPrimary)],
    );
    await client.query(
      `INSERT INTO contact_tags (workspace_id, contact_id, tag_id, created_at)
       SELECT workspace_id, $2, tag_id, min(created_at) FROM contact_tags
       WHERE workspace_id = $1 AND contact_id = ANY($3::uuid[]) GROUP BY workspace_id, tag_id
       ON CONFLICT DO NOTHING`,
      others,
    );
    await client.query(
      `INSERT INTO group_members (workspace_id, group_id, contact_id, added_at)
       SELECT workspace_id, group_id, $2, min(added_at) FROM group_members
       WHERE workspace_id = $1 AND contact_id = ANY($3::uuid[]) GROUP BY workspace_id, group_id
       ON CONFLICT DO NOTHING`,
      others,
    );
    await client.query(`UPDATE sync_links SET contact_id = $2, updated_at = now() WHERE workspace_id = $1 AND contact_id = ANY($3::uuid[])`, others);
    await client.query(
      `UPDATE import_rows r SET contact_id = $2, identifier = CASE WHEN r.identifier = ANY($3::uuid[]::text[]) THEN $2::uuid::text ELSE r.identifier END
       FROM import_jobs j
       WHERE j.workspace_id = $1 AND j.status::text = ANY($4::text[])
         AND r.workspace_id = j.workspace_id AND r.job_id = j.id
         AND r.action IN ('UPDATE', 'SKIP') AND r.contact_id = ANY($3::uuid[])`,
      [...others, UNWRITTEN_IMPORT_STATES],
    );
    await client.query(
      `UPDATE contacts SET first_name = $3, last_name = $4, name = $5, country = $6, custom_fields = $7::jsonb, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, primaryId, merged.firstName, merged.lastName, merged.name, merged.country, JSON.stringify(merged.customFields)],
    );
    // Their remaining details (values the primary holds), tags and memberships go with them.
    await client.query('DELETE FROM contacts WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, otherIds]);
    return primaryId;
  });
}

/** Reads and locks the contacts, in id order so that two merges over the same contacts cannot deadlock. */
async function lockContacts(client: PoolClient, workspaceId: string, ids: readonly string[]): Promise<Map<string, MergeableContact>> {
  const { rows } = await client.query<MergeableContact & { id: string }>(
    `SELECT id, first_name AS "firstName", last_name AS "lastName", name, country, custom_fields AS "customFields"
     FROM contacts WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [workspaceId, ids],
  );
  return new Map(rows.map(({ id, ...contact }) => [id, contact]));
}
