import type { Database } from '../../src/db/client.ts';
import { uuidOf } from './global-ids.ts';

/**
 * Seeds `count` contacts in SQL (volume is the import tests' subject, not these) as members of a
 * static group: contact n has phone number n, except that every tenth shares the number of the
 * contact before it and every thirteenth has only an email; every seventh number is opted out.
 * `groupId` is the group's id as the API gives it.
 */
export async function seedAudienceGroup(db: Database, workspaceId: string, groupId: string, count: number): Promise<void> {
  await db.pool.query(
    `WITH c AS (
       INSERT INTO contacts (workspace_id, first_name) SELECT $1, 'C' || n FROM generate_series(1, $2) n RETURNING id, first_name),
     numbered AS (SELECT id, substr(first_name, 2)::int AS n FROM c),
     d AS (
       INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
       SELECT $1, id, CASE WHEN n % 13 = 0 THEN 'EMAIL'::"DetailKind" ELSE 'PHONE' END,
              CASE WHEN n % 13 = 0 THEN 'c' || n || '@example.com' ELSE '+1646' || lpad((n - (n % 10 = 0)::int)::text, 7, '0') END, '', true
       FROM numbered)
     INSERT INTO group_members (workspace_id, group_id, contact_id) SELECT $1, $3, id FROM numbered`,
    [workspaceId, count, uuidOf(groupId)],
  );
  await db.pool.query(
    `INSERT INTO opt_outs (workspace_id, address, kind, channel, source)
     SELECT $1, '+1646' || lpad(n::text, 7, '0'), 'PHONE', 'ALL', 'BULK_LIST' FROM generate_series(7, $2, 7) n`,
    [workspaceId, count],
  );
}
