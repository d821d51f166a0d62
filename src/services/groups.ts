/**
 * Groups themselves: static (explicit members) and dynamic (a saved filter resolved when read).
 * Creating, changing, deleting and merging them; their members are changed in group-members.ts and
 * read in group-queries.ts.
 */
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { referencedGroupIds, type ContactFilter, type FilterGroup } from '../domain/contact-filter.ts';
import { ConflictError, InvalidStateError } from '../domain/errors.ts';
import { groupMembershipSql, newGroupFilterSql } from '../domain/filter-compile.ts';
import { checkGroupFilter, normalizeGroupName, normalizeGroupText, planGroupMerge, type GroupType } from '../domain/group.ts';
import type { Group, Prisma } from '../generated/prisma/client.ts';
import { filterEnvironment, groupPredicate } from './contact-query.ts';
import { addMembersSql, touchGroup } from './group-members.ts';
import { findGroup } from './group-queries.ts';

export interface GroupInput {
  name: string;
  description?: string | null;
  category?: string | null;
  type: GroupType;
  filter?: ContactFilter | null;
}

export interface GroupChanges {
  name?: string | null;
  description?: string | null;
  category?: string | null;
  filter?: ContactFilter | null;
}

export async function createGroup(db: Database, options: { workspaceId: string; input: GroupInput }): Promise<Group> {
  const { workspaceId, input } = options;
  const name = normalizeGroupName(input.name, ['input', 'name']);
  const filter = checkGroupFilter(input.type, input.filter, ['input', 'filter']);
  if (filter) await checkSavedFilter(db, workspaceId, undefined, name, filter);
  return withUniqueName(db, workspaceId, name, undefined, () =>
    db.prisma.group.create({
      data: {
        workspaceId,
        name,
        type: input.type,
        description: normalizeGroupText(input.description, ['input', 'description'], 'description'),
        category: normalizeGroupText(input.category, ['input', 'category'], 'category'),
        filter: (filter ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    }),
  );
}

export async function updateGroup(db: Database, options: { workspaceId: string; id: string; changes: GroupChanges }): Promise<Group> {
  const { workspaceId, id, changes } = options;
  const group = await findGroup(db, workspaceId, id);
  const name = changes.name == null ? group.name : normalizeGroupName(changes.name, ['input', 'name']);
  let filter: ContactFilter | null | undefined;
  if (changes.filter !== undefined) {
    filter = checkGroupFilter(group.type, changes.filter, ['input', 'filter']);
    if (filter) await checkSavedFilter(db, workspaceId, group.id, name, filter);
  }
  return withUniqueName(db, workspaceId, name, group.id, () =>
    db.prisma.group.update({
      where: { workspaceId_id: { workspaceId, id: group.id } },
      data: {
        name,
        ...(changes.description !== undefined && { description: normalizeGroupText(changes.description, ['input', 'description'], 'description') }),
        ...(changes.category !== undefined && { category: normalizeGroupText(changes.category, ['input', 'category'], 'category') }),
        ...(filter && { filter: filter as Prisma.InputJsonValue }),
      },
    }),
  );
}

/**
 * Deletes a group; its contacts stay. A group that another dynamic group's filter names is kept
 * (InvalidStateError naming them): deleting it would break their filters.
 */
export async function deleteGroup(db: Database, options: { workspaceId: string; id: string }): Promise<Group> {
  const { workspaceId } = options;
  const group = await findGroup(db, workspaceId, options.id);
  return inTransaction(db.pool, async (client) => {
    await lockGroups(client, workspaceId);
    await refuseIfReferenced(client, workspaceId, group);
    await client.query('DELETE FROM groups WHERE workspace_id = $1 AND id = $2', [workspaceId, group.id]);
    return group;
  });
}

/**
 * Merges `sourceId` into `targetId` (see {@link planGroupMerge}) and deletes the source, in one
 * transaction, and returns the target's id. Refused when a dynamic group's filter names the source.
 */
export async function mergeGroups(db: Database, options: { workspaceId: string; sourceId: string; targetId: string }): Promise<string> {
  const { workspaceId } = options;
  const source = await findGroup(db, workspaceId, options.sourceId);
  const target = await findGroup(db, workspaceId, options.targetId);
  const side = (group: Group) => ({ id: group.id, name: group.name, type: group.type, filter: (group.filter ?? null) as ContactFilter | null });
  const plan = planGroupMerge(side(source), side(target));
  const sourceMembers = plan.kind === 'ADD_MEMBERS' ? await groupPredicate(db, workspaceId, source.id) : undefined;
  return inTransaction(db.pool, async (client) => {
    await lockGroups(client, workspaceId);
    await refuseIfReferenced(client, workspaceId, source);
    if (sourceMembers) {
      const insert = addMembersSql(workspaceId, target.id, sourceMembers);
      await client.query(insert.text, insert.values);
    } else if (plan.kind === 'OR_FILTERS') {
      await client.query('UPDATE groups SET filter = $3::jsonb WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        target.id,
        JSON.stringify(plan.filter),
      ]);
    }
    await client.query('DELETE FROM groups WHERE workspace_id = $1 AND id = $2', [workspaceId, source.id]);
    await touchGroup(client, workspaceId, target.id);
    return target.id;
  });
}

/**
 * Checks a dynamic filter before it is saved: it compiles as the group's own against the
 * workspace's fields and groups, within the limits on size and nesting that reading it will meet.
 * A group being changed stands in with its new filter so a cycle through it is found.
 */
async function checkSavedFilter(db: Database, workspaceId: string, groupId: string | undefined, name: string, filter: ContactFilter): Promise<void> {
  const self: FilterGroup[] = groupId ? [{ id: groupId, name, type: 'DYNAMIC', filter }] : [];
  const env = await filterEnvironment(db, workspaceId, [filter], self);
  if (groupId) groupMembershipSql(groupId, env, ['input', 'filter']);
  else newGroupFilterSql(filter, env, ['input', 'filter']);
}

/** Runs a write that sets a group's name, answering a taken name (any case) with a ConflictError. */
async function withUniqueName<T>(db: Database, workspaceId: string, name: string, exceptId: string | undefined, write: () => Promise<T>): Promise<T> {
  const clash = await db.prisma.group.findFirst({
    where: { workspaceId, name: { equals: name, mode: 'insensitive' }, ...(exceptId && { id: { not: exceptId } }) },
    select: { name: true },
  });
  if (clash) throw new ConflictError('GROUP_NAME_TAKEN', `A group named "${clash.name}" already exists`, { name: clash.name });
  try {
    return await write();
  } catch (error) {
    // Two creations racing past the check: the unique index decides.
    if ((error as { code?: string }).code === 'P2002')
      throw new ConflictError('GROUP_NAME_TAKEN', `A group named "${name}" already exists`, { name });
    throw error;
  }
}

/** Serializes deletions and merges of a workspace's groups, so a filter cannot start naming a group as it goes. */
async function lockGroups(client: pg.PoolClient, workspaceId: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('groups:' || $1))", [workspaceId]);
}

/** InvalidStateError when another dynamic group names `group` in its filter. */
async function refuseIfReferenced(client: pg.PoolClient, workspaceId: string, group: Group): Promise<void> {
  const { rows } = await client.query<{ id: string; name: string; filter: ContactFilter }>(
    "SELECT id, name, filter FROM groups WHERE workspace_id = $1 AND type = 'DYNAMIC' AND id <> $2 AND filter IS NOT NULL",
    [workspaceId, group.id],
  );
  const users = rows.filter((row) => referencedGroupIds(row.filter).some((id) => id.toLowerCase() === group.id));
  if (users.length > 0) {
    throw new InvalidStateError(
      'IN_USE',
      `Group "${group.name}" is used by the filter of ${users.map((user) => `"${user.name}"`).join(', ')}; change that filter first`,
      group.type,
      { groups: users.map((user) => user.name) },
    );
  }
}
