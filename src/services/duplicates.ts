import type { Database } from '../db/client.ts';
import type { DetailKind } from '../domain/detail-status.ts';
import { raw, sql, type Sql } from '../domain/sql.ts';

/** Contacts sharing one normalized phone number or email address. */
export interface DuplicateGroup {
  kind: DetailKind;
  /** The shared value: E.164 or lower-cased email. */
  value: string;
  /** The contacts holding it, oldest first (the natural primary of a merge comes first). */
  contactIds: string[];
}

/** Where a page of groups starts: groups are ordered by kind (PHONE before EMAIL), then value. */
export interface DuplicateGroupKey {
  kind: DetailKind;
  value: string;
}

/** The duplicate groups of a workspace, optionally of one kind. */
function groupsSql(workspaceId: string, kind: DetailKind | null | undefined, bound: Sql): Sql {
  return sql`SELECT kind, value FROM contact_details
    WHERE workspace_id = ${workspaceId}::uuid ${kind ? sql`AND kind = ${kind}::"DetailKind"` : raw('')} ${bound}
    GROUP BY kind, value HAVING count(DISTINCT contact_id) > 1`;
}

/**
 * One page of duplicate groups, in (kind, value) order — or reversed when `inverted`, for a page
 * before a cursor. Set-based over the (workspace_id, kind, value) index of contact_details: the
 * groups are read in index order and the scan stops once the page is full, so a page costs the
 * details up to it, not the workspace's. The contacts of each group come from the same index.
 */
export async function listDuplicateGroups(
  db: Database,
  options: { workspaceId: string; kind?: DetailKind | null; after?: DuplicateGroupKey; before?: DuplicateGroupKey; limit: number; inverted: boolean },
): Promise<DuplicateGroup[]> {
  const { workspaceId, after, before, inverted } = options;
  const bounds = [
    after ? sql`AND (kind, value) > (${after.kind}::"DetailKind", ${after.value}::text)` : raw(''),
    before ? sql`AND (kind, value) < (${before.kind}::"DetailKind", ${before.value}::text)` : raw(''),
  ];
  const direction = raw(inverted ? 'DESC' : 'ASC');
  const query = sql`
    WITH page AS MATERIALIZED (
      ${groupsSql(workspaceId, options.kind, sql`${bounds[0]!} ${bounds[1]!}`)}
      ORDER BY kind ${direction}, value ${direction} LIMIT ${options.limit})
    SELECT p.kind, p.value,
      (SELECT array_agg(c.id ORDER BY c.created_at, c.id) FROM contacts c
       WHERE c.workspace_id = ${workspaceId}::uuid AND c.id IN (
         SELECT d.contact_id FROM contact_details d WHERE d.workspace_id = ${workspaceId}::uuid AND d.kind = p.kind AND d.value = p.value)
      ) AS "contactIds"
    FROM page p ORDER BY p.kind ${direction}, p.value ${direction}`;
  const { rows } = await db.pool.query<DuplicateGroup>(query.text, query.values);
  return rows;
}

/** How many duplicate groups the workspace has (a scan of its details; asked only when a client selects it). */
export async function countDuplicateGroups(db: Database, options: { workspaceId: string; kind?: DetailKind | null }): Promise<number> {
  const query = sql`SELECT count(*)::int AS count FROM (${groupsSql(options.workspaceId, options.kind, raw(''))}) g`;
  const { rows } = await db.pool.query<{ count: number }>(query.text, query.values);
  return rows[0]!.count;
}
