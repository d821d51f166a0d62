import type { PoolClient } from 'pg';
import { inTransaction } from '../db/transaction.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import { jobState } from './job-columns.ts';
import { finishRevert, recordReverted, startRevert } from './job-store.ts';
import { CONTACT_SNAPSHOT } from './journal.ts';
import type { JobRunContext } from './job-run.ts';

/** Contacts of the undo journal reverted per transaction. */
export const REVERT_BATCH_SIZE = 5000;

/** Below every uuid: where a revert's walk through its journal starts. */
const FIRST_CONTACT = '00000000-0000-0000-0000-000000000000';

/**
 * The revert of an import, run by the worker like a write: through the undo journal in
 * contact-id order, one batch per transaction. Each batch compares every contact's current state
 * with the state the import left it in: unchanged, a contact the import created is deleted and
 * any other gets its state from before the import back; changed since (or deleted), it is left as
 * it is and reported as a conflict. The batch records each outcome in the journal in the same
 * transaction, so a worker that dies loses only its open batch and the next one carries on with
 * the contacts that have none. Opt-outs and opt-ins are kept by address and never touched.
 */
export async function revertJob(context: JobRunContext, job: ImportJob): Promise<void> {
  const { db } = context;
  // The journal grew by a whole import since statistics were last taken: without fresh ones the
  // planner may take it for tiny and scan it once per contact of a batch.
  await db.pool.query('ANALYZE import_changes');
  await startRevert(db.pool, job);

  let after = FIRST_CONTACT;
  for (;;) {
    const done = await inTransaction(db.pool, async (client) => {
      const batch = await revertBatch(client, job, after);
      if (batch.size === 0) return true;
      after = batch.last;
      await recordReverted(client, job, batch);
      return false;
    });
    if (done) break;
    await context.heartbeat();
  }

  await inTransaction(db.pool, async (client) => {
    await removeWhatTheImportMade(client, job);
    await finishRevert(client, job);
  });
}

interface RevertedBatch {
  size: number;
  reverted: number;
  conflicts: number;
  /** The batch's last contact id: the next batch starts after it. */
  last: string;
}

async function revertBatch(client: PoolClient, job: ImportJob, after: string): Promise<RevertedBatch> {
  // Decide: the next contacts without an outcome, their rows locked so that no edit slips in
  // between the comparison and the restore.
  const { rows: decided } = await client.query<{ contact_id: string; revert_outcome: 'RESTORED' | 'DELETED' | 'CONFLICT' }>(
    `WITH j AS MATERIALIZED (
       SELECT contact_id, created, after FROM import_changes
       WHERE workspace_id = $1 AND job_id = $2 AND contact_id > $3 AND revert_outcome IS NULL
       ORDER BY contact_id LIMIT ${REVERT_BATCH_SIZE}),
     present AS MATERIALIZED (
       SELECT c.id, ${CONTACT_SNAPSHOT} AS snapshot FROM contacts c JOIN j ON c.workspace_id = $1 AND c.id = j.contact_id
       FOR UPDATE OF c),
     decision AS (
       SELECT j.contact_id,
              CASE WHEN (p.id IS NULL OR p.snapshot = j.after) AND j.created THEN 'DELETED'
                   WHEN p.snapshot = j.after THEN 'RESTORED'
                   ELSE 'CONFLICT' END::"RevertOutcome" AS outcome,
              CASE WHEN p.id IS NULL THEN CASE WHEN j.created THEN '{}' ELSE '{deleted}' END::text[]
                   ELSE ARRAY(SELECT key FROM jsonb_object_keys(j.after) AS key WHERE p.snapshot->key IS DISTINCT FROM j.after->key ORDER BY key) END AS changed
       FROM j LEFT JOIN present p ON p.id = j.contact_id)
     UPDATE import_changes ic SET revert_outcome = d.outcome, changed_fields = d.changed
     FROM decision d WHERE ic.workspace_id = $1 AND ic.job_id = $2 AND ic.contact_id = d.contact_id
     RETURNING ic.contact_id, ic.revert_outcome`,
    [job.workspaceId, job.id, after],
  );
  if (decided.length === 0) return { size: 0, reverted: 0, conflicts: 0, last: after };
  const idsOf = (outcome: string) => decided.filter((row) => row.revert_outcome === outcome).map((row) => row.contact_id);
  const restored = idsOf('RESTORED');
  const deleted = idsOf('DELETED');
  await restore(client, job, restored);
  await client.query('DELETE FROM contacts WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [job.workspaceId, deleted]);
  return {
    size: decided.length,
    reverted: restored.length + deleted.length,
    conflicts: decided.length - restored.length - deleted.length,
    last: decided
      .map((row) => row.contact_id)
      .sort()
      .at(-1)!,
  };
}

/**
 * Puts back the state before the import of contacts still in the state the import left them in.
 * An import only adds tags, group memberships and details (it replaces a detail's value in place),
 * so undoing it removes those not in `before` and gives the others their earlier values.
 */
async function restore(client: PoolClient, job: ImportJob, contactIds: string[]): Promise<void> {
  if (contactIds.length === 0) return;
  const params = [job.workspaceId, job.id, contactIds];
  const journal = `WITH b AS MATERIALIZED (
    SELECT contact_id, before FROM import_changes WHERE workspace_id = $1 AND job_id = $2 AND contact_id = ANY($3::uuid[]))`;
  await client.query(
    `${journal}
     UPDATE contacts c SET first_name = b.before->>'firstName', last_name = b.before->>'lastName', name = b.before->>'name',
       country = b.before->>'country', custom_fields = b.before->'customFields', updated_at = now()
     FROM b WHERE c.workspace_id = $1 AND c.id = b.contact_id`,
    params,
  );
  await client.query(
    `${journal}, kept AS (
       SELECT b.contact_id, x.* FROM b
       CROSS JOIN LATERAL jsonb_to_recordset(b.before->'details') AS x(id uuid, value text, raw_value text, label text, is_primary boolean)),
     removed AS (
       DELETE FROM contact_details d USING b WHERE d.workspace_id = $1 AND d.contact_id = b.contact_id
         AND NOT EXISTS (SELECT 1 FROM kept WHERE kept.id = d.id))
     UPDATE contact_details d SET value = kept.value, raw_value = kept.raw_value, label = kept.label, is_primary = kept.is_primary
     FROM kept WHERE d.workspace_id = $1 AND d.id = kept.id`,
    params,
  );
  await client.query(
    `${journal}
     DELETE FROM contact_tags t USING b WHERE t.workspace_id = $1 AND t.contact_id = b.contact_id
       AND NOT (b.before->'tags' ? t.tag_id::text)`,
    params,
  );
  await client.query(
    `${journal}
     DELETE FROM group_members g USING b WHERE g.workspace_id = $1 AND g.contact_id = b.contact_id
       AND NOT (b.before->'groups' ? g.group_id::text)`,
    params,
  );
}

/**
 * What the import made for itself goes too once nothing uses it: its batch tag, the group it made
 * and the custom fields it created. Anything a conflicting contact still uses stays.
 */
async function removeWhatTheImportMade(client: PoolClient, job: ImportJob): Promise<void> {
  const scope = [job.workspaceId, job.id];
  const batchTag = jobState(job).batchTag;
  if (batchTag) {
    await client.query(
      `DELETE FROM tags t WHERE t.workspace_id = $1 AND t.name = $2
         AND NOT EXISTS (SELECT 1 FROM contact_tags ct WHERE ct.workspace_id = $1 AND ct.tag_id = t.id)`,
      [job.workspaceId, batchTag],
    );
  }
  await client.query(
    `DELETE FROM groups g WHERE g.workspace_id = $1 AND g.created_by_job_id = $2
       AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.workspace_id = $1 AND m.group_id = g.id)`,
    scope,
  );
  await client.query(
    `DELETE FROM fields f WHERE f.workspace_id = $1 AND f.created_by_job_id = $2
       AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = $1 AND c.custom_fields ? f.key)`,
    scope,
  );
}
