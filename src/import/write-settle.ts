import type { PoolClient } from 'pg';
import { lockWorkspaceIdentities } from '../db/identity-lock.ts';
import type { ImportPlan } from '../domain/import-options.ts';
import { settleRow, type IdentifierMatch, type ReviewedRow } from '../domain/import-row-decision.ts';

/**
 * The identifier's matches in the contact book, per row of the batch that rests on a lookup, as the
 * lateral subquery `m` (count, contact_id) of the row `r`: contacts holding it as any of their
 * details (primary or not), or the contact with that id.
 */
function matchesSql(identifier: 'PHONE' | 'EMAIL' | 'CONTACT_ID'): string {
  return identifier === 'CONTACT_ID'
    ? `SELECT count(*)::int AS count, min(c.id::text) AS contact_id FROM contacts c
       WHERE c.workspace_id = r.workspace_id AND c.id = r.identifier::uuid`
    : `SELECT count(DISTINCT d.contact_id)::int AS count, min(d.contact_id::text) AS contact_id FROM contact_details d
       WHERE d.workspace_id = r.workspace_id AND d.kind = '${identifier}' AND d.value = r.identifier`;
}

/**
 * Settles the batch's rows against the contact book as it is now, in the batch's transaction: the
 * review was a preview, and since then contacts may have been added (by hand, by a sync, by an
 * import queued before this one — even of the same file), changed or deleted. The workspace's
 * identity lock is taken first, so nothing else that decides who an address belongs to (another
 * import's batch, a sync) runs between this lookup and the batch's commit. Each row is decided
 * again by {@link settleRow}; rows whose outcome changed are rewritten with a note saying why, and
 * the statements that follow write what the rows now say.
 */
export async function settleBatch(client: PoolClient, plan: ImportPlan, batch: unknown[]): Promise<void> {
  await lockWorkspaceIdentities(client, batch[0] as string);
  if (plan.identifier === null) return;
  const { rows } = await client.query<ReviewedRow & IdentifierMatch & { rowNumber: number; matchId: string | null }>(
    `SELECT r.row_number AS "rowNumber", r.identifier, r.action, r.contact_id AS "contactId", r.create_error AS "createError",
            r.create_error_code AS "createErrorCode",
            m.count, m.contact_id AS "matchId"
     FROM import_rows r CROSS JOIN LATERAL (${matchesSql(plan.identifier)}) m
     WHERE r.workspace_id = $1 AND r.job_id = $2 AND r.row_number BETWEEN $3 AND $4 AND r.lookup`,
    batch,
  );
  const changed = rows.flatMap((row) => {
    const settlement = settleRow(row, { count: row.count, contactId: row.matchId }, plan.purpose);
    return settlement ? [{ rowNumber: row.rowNumber, ...settlement }] : [];
  });
  if (changed.length === 0) return;
  // A row that now creates gets its contact's id here.
  await client.query(
    `UPDATE import_rows r SET action = s.action::"ImportRowAction", message = s.reason, codes = s.code, note = s.note,
       contact_id = CASE WHEN s.action = 'CREATE' THEN uuidv7() ELSE s.contact_id END
     FROM unnest($5::int[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[]) AS s(row_number, action, contact_id, reason, note, code)
     WHERE r.workspace_id = $1 AND r.job_id = $2 AND r.row_number BETWEEN $3 AND $4 AND r.row_number = s.row_number`,
    [
      ...batch,
      changed.map((row) => row.rowNumber),
      changed.map((row) => row.action),
      changed.map((row) => row.contactId),
      changed.map((row) => row.reason),
      changed.map((row) => row.note),
      changed.map((row) => row.code),
    ],
  );
}
