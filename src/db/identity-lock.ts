import type { PoolClient } from 'pg';

/**
 * The lock that serializes the writes that decide who a phone number or email address belongs to
 * in one workspace: an import's write batch, a sync push, and the API's contact creation and
 * detail changes. Each takes it in its own transaction before it looks an address up, so what it
 * finds is still true when it commits: two writers can never both find "no contact has this
 * number" and both create one. It is transaction-scoped (released by COMMIT or ROLLBACK).
 *
 * The two-integer key form keeps it apart from the single-key advisory locks used elsewhere.
 */
const IDENTITY_LOCK_CLASS = 11;

export const IDENTITY_LOCK_SQL = `SELECT pg_advisory_xact_lock(${IDENTITY_LOCK_CLASS}, hashtext($1::text))`;

export async function lockWorkspaceIdentities(client: Pick<PoolClient, 'query'>, workspaceId: string): Promise<void> {
  await client.query(IDENTITY_LOCK_SQL, [workspaceId]);
}
