/**
 * The members of static groups: adding and removing contacts by ids or by a filter, each change one
 * set-based statement that touches the group.
 */
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { ContactFilter } from '../domain/contact-filter.ts';
import { InvalidStateError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { contactFilterSql } from '../domain/filter-compile.ts';
import { parseId } from '../domain/ids.ts';
import { sql, type Sql } from '../domain/sql.ts';
import type { Group } from '../generated/prisma/client.ts';
import { filterEnvironment } from './contact-query.ts';
import { findGroup } from './group-queries.ts';

export interface MembershipChange {
  groupId: string;
  /** Contacts added or removed by this call (those already in, or not in, the group do not count). */
  count: number;
}

/** A change to a static group's members: the group, and the contacts it applies to (exactly one of ids or a filter). */
export interface MembershipOptions {
  workspaceId: string;
  groupId: string;
  contactIds?: readonly string[] | null;
  filter?: ContactFilter | null;
}

/**
 * Adds contacts to a static group, by ids or by a filter, in one statement. Ids that are not
 * contacts of the workspace are a NotFoundError and nothing is added.
 */
export async function addGroupMembers(db: Database, options: MembershipOptions): Promise<MembershipChange> {
  return changeMembers(db, options, (groupId, members) => addMembersSql(options.workspaceId, groupId, members));
}

/** Removes contacts from a static group, by ids or by a filter, in one statement. */
export async function removeGroupMembers(db: Database, options: MembershipOptions): Promise<MembershipChange> {
  const { workspaceId } = options;
  return changeMembers(
    db,
    options,
    (groupId, members) => sql`DELETE FROM group_members gm USING contacts c
      WHERE gm.workspace_id = ${workspaceId}::uuid AND gm.group_id = ${groupId}::uuid
        AND c.workspace_id = gm.workspace_id AND c.id = gm.contact_id AND ${members}`,
  );
}

/**
 * Puts the contacts of the workspace that match `members` (a predicate over `c`) in a group; those
 * already in it stay as they are.
 */
export function addMembersSql(workspaceId: string, groupId: string, members: Sql): Sql {
  return sql`INSERT INTO group_members (workspace_id, group_id, contact_id)
    SELECT ${workspaceId}::uuid, ${groupId}::uuid, c.id FROM contacts c WHERE c.workspace_id = ${workspaceId}::uuid AND ${members}
    ON CONFLICT DO NOTHING`;
}

/**
 * One change to a static group's members, in one transaction: `statement` over the contacts the
 * change applies to (see {@link membershipSource}), then the group touched. Counts the rows the
 * statement changed.
 */
async function changeMembers(db: Database, options: MembershipOptions, statement: (groupId: string, members: Sql) => Sql): Promise<MembershipChange> {
  const { workspaceId } = options;
  const group = await findStaticGroup(db, workspaceId, options.groupId);
  const members = await membershipSource(db, workspaceId, options);
  return inTransaction(db.pool, async (client) => {
    const change = statement(group.id, members);
    const { rowCount } = await client.query(change.text, change.values);
    await touchGroup(client, workspaceId, group.id);
    return { groupId: group.id, count: rowCount ?? 0 };
  });
}

async function findStaticGroup(db: Database, workspaceId: string, id: string): Promise<Group> {
  const group = await findGroup(db, workspaceId, id);
  if (group.type !== 'STATIC') {
    throw new InvalidStateError('GROUP_IS_DYNAMIC', `Group "${group.name}" is dynamic: its members are whoever matches its filter`, group.type, {
      group: group.name,
    });
  }
  return group;
}

/**
 * The contacts a membership change applies to, as a predicate over `c`: exactly one of the ids
 * (each must be a contact of the workspace) or a filter.
 */
async function membershipSource(
  db: Database,
  workspaceId: string,
  options: { contactIds?: readonly string[] | null; filter?: ContactFilter | null },
): Promise<Sql> {
  const { contactIds, filter } = options;
  if ((contactIds == null) === (filter == null))
    throw ValidationError.of(['input'], 'ONE_OF', 'give either contactIds or filter', { fields: ['contactIds', 'filter'] });
  if (filter) {
    const env = await filterEnvironment(db, workspaceId, [filter]);
    return contactFilterSql(filter, env, ['input', 'filter']);
  }
  const ids = [...new Set(contactIds!.map((id, index) => parseId(id, ['input', 'contactIds', String(index)])))];
  if (ids.length === 0) throw ValidationError.of(['input', 'contactIds'], 'REQUIRED', 'give at least one contact id');
  const found = await db.prisma.contact.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((contact) => contact.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw new NotFoundError('Contact', missing);
  return sql`c.id = ANY(${ids}::uuid[])`;
}

/** A change to a group's members is a change to the group. */
export async function touchGroup(client: pg.PoolClient, workspaceId: string, id: string): Promise<void> {
  await client.query('UPDATE groups SET updated_at = now() WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}
