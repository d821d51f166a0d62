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
 * contact without changing it is not a change. It is built as one row turned to JSON, with arrays
 * of rows inside: this runs for every contact of every batch, and building it key by key with
 * `jsonb_build_object` costs a tenth more, aggregates of JSON objects a third more.
 */
export const CONTACT_SNAPSHOT = `(SELECT to_jsonb(s) FROM (SELECT
  c.first_name AS "firstName", c.last_name AS "lastName", c.name, c.country, c.custom_fields AS "customFields",
  ARRAY(SELECT t.tag_id FROM contact_tags t WHERE t.workspace_id = c.workspace_id AND t.contact_id = c.id ORDER BY t.tag_id) AS tags,
  ARRAY(SELECT g.group_id FROM group_members g WHERE g.workspace_id = c.workspace_id AND g.contact_id = c.id ORDER BY g.group_id) AS groups,
  ARRAY(SELECT d FROM (SELECT d.id, d.kind, d.value, d.raw_value, d.label, d.is_primary FROM contact_details d
                       WHERE d.workspace_id = c.workspace_id AND d.contact_id = c.id ORDER BY d.id) d) AS details) s)`;

/**
 * The contacts of one batch of a job with the given actions, as `r`, each with its contact row as
 * `c` (parameters: workspace, job, first and last row number). The contact is fetched by primary
 * key: OFFSET 0 keeps the planner from turning the lookup into a hash join, which reads the whole
 * contacts table for every batch and so costs more the larger the workspace.
 */
function batchContacts(actions: string): string {
  return `WITH r AS MATERIALIZED (
      SELECT DISTINCT workspace_id, job_id, contact_id, action FROM import_rows
      WHERE workspace_id = $1 AND job_id = $2 AND row_number BETWEEN $3 AND $4 AND action IN (${actions}))
    SELECT r.workspace_id, r.job_id, r.contact_id, r.action, ${CONTACT_SNAPSHOT} AS snapshot
    FROM r CROSS JOIN LATERAL (SELECT * FROM contacts c WHERE c.workspace_id = r.workspace_id AND c.id = r.contact_id OFFSET 0) c`;
}

/**
 * Before a batch writes, in its transaction: the state of the existing contacts it will update,
 * kept in a temporary table that the commit drops, so that each contact's journal row is written
 * once, by {@link recordAfter}, rather than written here and rewritten there.
 */
export async function recordBefore(client: PoolClient, batch: unknown[]): Promise<void> {
  await client.query(`CREATE TEMPORARY TABLE batch_before ON COMMIT DROP AS ${batchContacts(`'UPDATE'`)}`, batch);
}

/**
 * After a batch wrote, in its transaction: the journal rows of the contacts it updated, with the
 * state before (from {@link recordBefore}) and the state it left them in (the contacts it created
 * have their journal rows from the statement that created them). A contact met again in a later
 * batch keeps the state it had before the first one.
 */
export async function recordAfter(client: PoolClient, batch: unknown[]): Promise<void> {
  await client.query(
    `INSERT INTO import_changes (workspace_id, job_id, contact_id, created, before, after)
     SELECT s.workspace_id, s.job_id, s.contact_id, false, b.snapshot, s.snapshot
     FROM (${batchContacts(`'UPDATE'`)}) s JOIN batch_before b ON b.contact_id = s.contact_id
     ON CONFLICT (workspace_id, job_id, contact_id) DO UPDATE SET after = EXCLUDED.after`,
    batch,
  );
}
