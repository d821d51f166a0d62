import type { PoolClient } from 'pg';

/**
 * The undo journal (`import_changes`): for every contact an import created or updated, its state
 * before the import's first batch touched it and after its last, each as one JSON snapshot. A
 * revert compares the contact's current snapshot with `after` to tell whether anything changed it
 * since, and puts `before` back.
 */

/**
 * A contact's revertible state as JSON, for the contact row aliased `c`: names, country, custom
 * fields, tag ids, group ids and details (as rows: id, kind, value, raw_value, label, is_primary).
 * Arrays are sorted so that equal states compare equal. Timestamps are left out: touching a
 * contact without changing it is not a change. (Arrays of rows cost a third less to build than
 * aggregates of JSON objects, which counts: this runs for every contact of every batch.)
 */
export const CONTACT_SNAPSHOT = `jsonb_build_object(
  'firstName', c.first_name, 'lastName', c.last_name, 'name', c.name, 'country', c.country, 'customFields', c.custom_fields,
  'tags', to_jsonb(ARRAY(SELECT t.tag_id FROM contact_tags t WHERE t.workspace_id = c.workspace_id AND t.contact_id = c.id ORDER BY t.tag_id)),
  'groups', to_jsonb(ARRAY(SELECT g.group_id FROM group_members g WHERE g.workspace_id = c.workspace_id AND g.contact_id = c.id ORDER BY g.group_id)),
  'details', to_jsonb(ARRAY(SELECT d FROM (SELECT d.id, d.kind, d.value, d.raw_value, d.label, d.is_primary FROM contact_details d
                                           WHERE d.workspace_id = c.workspace_id AND d.contact_id = c.id ORDER BY d.id) d)))`;

/** The staged rows of one batch of a job (parameters: workspace, job, first and last row number). */
const BATCH_CONTACTS = `SELECT DISTINCT workspace_id, job_id, contact_id, action FROM import_rows
  WHERE workspace_id = $1 AND job_id = $2 AND row_number BETWEEN $3 AND $4 AND action IN ('CREATE', 'UPDATE')`;

/**
 * Before a batch writes: the state of the existing contacts it will update. A contact met again in
 * a later batch keeps the state it had before the first one.
 */
export async function recordBefore(client: PoolClient, batch: unknown[]): Promise<void> {
  await client.query(
    `WITH r AS MATERIALIZED (${BATCH_CONTACTS})
     INSERT INTO import_changes (workspace_id, job_id, contact_id, created, before, after)
     SELECT r.workspace_id, r.job_id, r.contact_id, false, s.snapshot, s.snapshot
     FROM r JOIN contacts c ON c.workspace_id = r.workspace_id AND c.id = r.contact_id
     CROSS JOIN LATERAL (SELECT ${CONTACT_SNAPSHOT} AS snapshot) s
     WHERE r.action = 'UPDATE'
     ON CONFLICT DO NOTHING`,
    batch,
  );
}

/** After a batch wrote, in its transaction: the state it left every contact it created or updated in. */
export async function recordAfter(client: PoolClient, batch: unknown[]): Promise<void> {
  await client.query(
    `WITH r AS MATERIALIZED (${BATCH_CONTACTS})
     INSERT INTO import_changes (workspace_id, job_id, contact_id, created, before, after)
     SELECT r.workspace_id, r.job_id, r.contact_id, r.action = 'CREATE', NULL, ${CONTACT_SNAPSHOT}
     FROM r JOIN contacts c ON c.workspace_id = r.workspace_id AND c.id = r.contact_id
     ON CONFLICT (workspace_id, job_id, contact_id) DO UPDATE SET after = excluded.after`,
    batch,
  );
}
