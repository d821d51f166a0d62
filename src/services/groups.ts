/**
 * Groups: static (explicit members) and dynamic (a saved filter resolved when read). Membership
 * changes are set-based statements; counts of many groups are one statement.
 */
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  contactFilterSql,
  groupMembershipSql,
  newGroupFilterSql,
  referencedGroupIds,
  type ContactFilter,
  type FilterEnvironment,
  type FilterGroup,
} from '../domain/contact-filter.ts';
import { activeContactSql } from '../domain/detail-status.ts';
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  checkGroupFilter,
  decodeGroupCursor,
  encodeGroupCursor,
  groupOrderSql,
  groupPageWindow,
  groupsAfterSql,
  normalizeGroupName,
  normalizeGroupText,
  planGroupMerge,
  type GroupType,
} from '../domain/group.ts';
import { parseId } from '../domain/ids.ts';
import { join, raw, sql, type Sql } from '../domain/sql.ts';
import type { Group, Prisma } from '../generated/prisma/client.ts';
import { contactPage, filterEnvironment, groupPredicate, type ContactOrder, type KeysetPage, type PageArgs } from './contact-query.ts';

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

export interface MembershipChange {
  groupId: string;
  /** Contacts added or removed by this call (those already in, or not in, the group do not count). */
  count: number;
}

/**
 * Adds contacts to a static group, by ids or by a filter, in one statement. Ids that are not
 * contacts of the workspace are a NotFoundError and nothing is added.
 */
export async function addGroupMembers(
  db: Database,
  options: { workspaceId: string; groupId: string; contactIds?: readonly string[] | null; filter?: ContactFilter | null },
): Promise<MembershipChange> {
  const { workspaceId } = options;
  const group = await findStaticGroup(db, workspaceId, options.groupId);
  const source = await membershipSource(db, workspaceId, options);
  return inTransaction(db.pool, async (client) => {
    const insert = sql`INSERT INTO group_members (workspace_id, group_id, contact_id)
      SELECT ${workspaceId}::uuid, ${group.id}::uuid, c.id FROM contacts c WHERE c.workspace_id = ${workspaceId}::uuid AND ${source}
      ON CONFLICT DO NOTHING`;
    const { rowCount } = await client.query(insert.text, insert.values);
    await touchGroup(client, workspaceId, group.id);
    return { groupId: group.id, count: rowCount ?? 0 };
  });
}

/** Removes contacts from a static group, by ids or by a filter, in one statement. */
export async function removeGroupMembers(
  db: Database,
  options: { workspaceId: string; groupId: string; contactIds?: readonly string[] | null; filter?: ContactFilter | null },
): Promise<MembershipChange> {
  const { workspaceId } = options;
  const group = await findStaticGroup(db, workspaceId, options.groupId);
  const source = await membershipSource(db, workspaceId, options);
  return inTransaction(db.pool, async (client) => {
    const remove = sql`DELETE FROM group_members gm USING contacts c
      WHERE gm.workspace_id = ${workspaceId}::uuid AND gm.group_id = ${group.id}::uuid
        AND c.workspace_id = gm.workspace_id AND c.id = gm.contact_id AND ${source}`;
    const { rowCount } = await client.query(remove.text, remove.values);
    await touchGroup(client, workspaceId, group.id);
    return { groupId: group.id, count: rowCount ?? 0 };
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
      const insert = sql`INSERT INTO group_members (workspace_id, group_id, contact_id)
        SELECT ${workspaceId}::uuid, ${target.id}::uuid, c.id FROM contacts c WHERE c.workspace_id = ${workspaceId}::uuid AND ${sourceMembers}
        ON CONFLICT DO NOTHING`;
      await client.query(insert.text, insert.values);
    } else if (plan.kind === 'OR_FILTERS') {
      await client.query('UPDATE groups SET filter = $3::jsonb WHERE workspace_id = $1 AND id = $2', [workspaceId, target.id, JSON.stringify(plan.filter)]);
    }
    await client.query('DELETE FROM groups WHERE workspace_id = $1 AND id = $2', [workspaceId, source.id]);
    await touchGroup(client, workspaceId, target.id);
    return target.id;
  });
}


/**
 * One page of the workspace's groups by keyset, in the order of {@link groupOrderSql} (by name,
 * ignoring case): `first` after a cursor, or `last` before one. A page is one statement; the total
 * count is another, run only when asked.
 */
export async function groupPage(db: Database, workspaceId: string, page: PageArgs): Promise<KeysetPage> {
  const { size, backwards } = groupPageWindow(page);
  const conditions = [sql`g.workspace_id = ${workspaceId}::uuid`];
  if (page.after) conditions.push(groupsAfterSql(decodeGroupCursor(page.after, ['after'])));
  if (page.before) conditions.push(groupsAfterSql(decodeGroupCursor(page.before, ['before']), true));
  const statement = sql`SELECT g.id, g.name FROM groups g WHERE ${join(conditions, ' AND ')}
    ORDER BY ${groupOrderSql(backwards)} LIMIT ${raw(String(size + 1))}`;
  const { rows } = await db.pool.query<{ id: string; name: string }>(statement.text, statement.values);
  const more = rows.length > size;
  const kept = rows.slice(0, size);
  if (backwards) kept.reverse();
  return {
    rows: kept.map((row) => ({ id: row.id, cursor: encodeGroupCursor(row) })),
    hasNextPage: backwards ? Boolean(page.before) : more,
    hasPreviousPage: backwards ? more : Boolean(page.after),
    totalCount: () => db.prisma.group.count({ where: { workspaceId } }),
  };
}

/**
 * One page of a group's members, sorted like the contact list (newest first by default), or null
 * for a dynamic group whose saved filter no longer compiles: it cannot say who its members are
 * (see {@link groupFilterProblems} for why).
 */
export async function groupMembersPage(
  db: Database,
  options: { workspaceId: string; groupId: string; orderBy?: readonly ContactOrder[] | null; page: PageArgs },
): Promise<KeysetPage | null> {
  const { workspaceId } = options;
  const group = await findGroup(db, workspaceId, options.groupId);
  const compiled = (await compileSavedGroups(db, workspaceId, [group.id])).get(group.id);
  if (!compiled || 'problem' in compiled) return null;
  return contactPage(db, workspaceId, { filter: { groups: { any: [group.id] } }, orderBy: options.orderBy }, options.page);
}

/**
 * Active contacts per group, in one statement for all the groups given. A dynamic group whose
 * filter no longer compiles (a field it uses was deleted) counts as null.
 */
export async function activeContactCounts(db: Database, workspaceId: string, groupIds: readonly string[]): Promise<Map<string, number | null>> {
  const counts = new Map<string, number | null>();
  if (groupIds.length === 0) return counts;
  const compiled = await compileSavedGroups(db, workspaceId, groupIds);
  const selects: Sql[] = [];
  for (const [id, group] of compiled) {
    if ('problem' in group) {
      counts.set(id, null);
    } else if (group.type === 'STATIC') {
      selects.push(sql`SELECT ${id}::uuid AS group_id, count(*)::int AS count FROM group_members gm
        JOIN contacts c ON c.workspace_id = gm.workspace_id AND c.id = gm.contact_id
        WHERE gm.workspace_id = ${workspaceId}::uuid AND gm.group_id = ${id}::uuid AND ${activeContactSql('c')}`);
    } else {
      selects.push(sql`SELECT ${id}::uuid AS group_id, count(*)::int AS count FROM contacts c
        WHERE c.workspace_id = ${workspaceId}::uuid AND ${group.members} AND ${activeContactSql('c')}`);
    }
  }
  for (const row of await unionAllRows<{ group_id: string; count: number }>(db, selects)) counts.set(row.group_id, row.count);
  return counts;
}

/** Why a dynamic group's saved filter no longer compiles, or null when it does (and for static groups). */
export async function groupFilterProblems(db: Database, workspaceId: string, groupIds: readonly string[]): Promise<Map<string, ValidationError | null>> {
  const compiled = await compileSavedGroups(db, workspaceId, groupIds);
  return new Map(groupIds.map((id) => {
    const group = compiled.get(id);
    return [id, group && 'problem' in group ? group.problem : null];
  }));
}

/**
 * The dynamic groups each of `contactIds` matches now, in one statement for all of them. Groups
 * whose filter no longer compiles match nobody.
 */
export async function dynamicGroupsMatching(db: Database, workspaceId: string, contactIds: readonly string[]): Promise<Map<string, Group[]>> {
  const matches = new Map<string, Group[]>();
  const dynamic = await db.prisma.group.findMany({ where: { workspaceId, type: 'DYNAMIC' } });
  if (dynamic.length === 0 || contactIds.length === 0) return matches;
  const compiled = await compileSavedGroups(db, workspaceId, dynamic.map((group) => group.id));
  const selects: Sql[] = [];
  for (const [id, group] of compiled) {
    if ('problem' in group) continue;
    selects.push(sql`SELECT ${id}::uuid AS group_id, c.id AS contact_id FROM contacts c
      WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = ANY(${[...contactIds]}::uuid[]) AND ${group.members}`);
  }
  const rows = await unionAllRows<{ group_id: string; contact_id: string }>(db, selects);
  const byId = new Map(dynamic.map((group) => [group.id, group]));
  for (const row of rows) matches.set(row.contact_id, [...(matches.get(row.contact_id) ?? []), byId.get(row.group_id)!]);
  return matches;
}

/**
 * Most bind parameters in one statement made of several groups' selects: PostgreSQL takes 65,535,
 * and each group's filter may bring thousands.
 */
const STATEMENT_MAX_PARAMETERS = 30_000;

/** The rows of selects of the same columns, in as few UNION ALL statements as the parameter limit allows, run one after another. */
async function unionAllRows<Row extends pg.QueryResultRow>(db: Database, selects: readonly Sql[]): Promise<Row[]> {
  const rows: Row[] = [];
  let batch: Sql[] = [];
  let parameters = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const statement = join(batch, ' UNION ALL ');
    rows.push(...(await db.pool.query<Row>(statement.text, statement.values)).rows);
    batch = [];
    parameters = 0;
  };
  for (const select of selects) {
    const count = select.values.length;
    if (parameters + count > STATEMENT_MAX_PARAMETERS) await flush();
    batch.push(select);
    parameters += count;
  }
  await flush();
  return rows;
}

/** A saved group made ready to query: its members as a predicate over `c`, or why its filter no longer compiles. */
type CompiledGroup = { type: GroupType; members: Sql } | { problem: ValidationError };

/**
 * Compiles the saved groups given (those of the workspace; other ids are left out). One
 * environment serves them all; when it cannot even be loaded (a saved filter that is no longer a
 * filter at all, say after an edit in the database), each group is compiled on its own, so that a
 * broken group answers for itself and takes no other group down with it.
 */
async function compileSavedGroups(db: Database, workspaceId: string, groupIds: readonly string[]): Promise<Map<string, CompiledGroup>> {
  const compiled = new Map<string, CompiledGroup>();
  const compileIn = (env: FilterEnvironment, ids: readonly string[]) => {
    for (const id of ids) {
      const group = env.groups.get(id);
      if (!group) continue;
      try {
        compiled.set(id, { type: group.type, members: groupMembershipSql(id, env, ['filter']) });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        compiled.set(id, { problem: error });
      }
    }
  };
  const loaded = await environmentOrProblem(db, workspaceId, groupIds);
  if (!(loaded instanceof ValidationError)) {
    compileIn(loaded, groupIds);
    return compiled;
  }
  for (const id of groupIds) {
    const env = await environmentOrProblem(db, workspaceId, [id]);
    if (env instanceof ValidationError) compiled.set(id, { problem: env });
    else compileIn(env, [id]);
  }
  return compiled;
}

/** The filter environment of these groups, or the ValidationError of a saved filter that could not be read. */
async function environmentOrProblem(db: Database, workspaceId: string, groupIds: readonly string[]): Promise<FilterEnvironment | ValidationError> {
  try {
    return await filterEnvironment(db, workspaceId, [{ groups: { any: [...groupIds] } }]);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
}

async function findGroup(db: Database, workspaceId: string, id: string): Promise<Group> {
  const group = await db.prisma.group.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  if (!group) throw new NotFoundError('Group', id);
  return group;
}

async function findStaticGroup(db: Database, workspaceId: string, id: string): Promise<Group> {
  const group = await findGroup(db, workspaceId, id);
  if (group.type !== 'STATIC') {
    throw new InvalidStateError(`Group "${group.name}" is dynamic: its members are whoever matches its filter`, group.type);
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
  if ((contactIds == null) === (filter == null)) throw ValidationError.of(['input'], 'give either contactIds or filter');
  if (filter) {
    const env = await filterEnvironment(db, workspaceId, [filter]);
    return contactFilterSql(filter, env, ['input', 'filter']);
  }
  const ids = [...new Set(contactIds!.map((id, index) => parseId(id, ['input', 'contactIds', String(index)])))];
  if (ids.length === 0) throw ValidationError.of(['input', 'contactIds'], 'give at least one contact id');
  const found = await db.prisma.contact.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((contact) => contact.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw new NotFoundError('Contact', missing);
  return sql`c.id = ANY(${ids}::uuid[])`;
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
  if (clash) throw new ConflictError(`A group named "${clash.name}" already exists`);
  try {
    return await write();
  } catch (error) {
    // Two creations racing past the check: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw new ConflictError(`A group named "${name}" already exists`);
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
      `Group "${group.name}" is used by the filter of ${users.map((user) => `"${user.name}"`).join(', ')}; change that filter first`,
      group.type,
    );
  }
}

/** A change to a group's members is a change to the group. */
async function touchGroup(client: pg.PoolClient, workspaceId: string, id: string): Promise<void> {
  await client.query('UPDATE groups SET updated_at = now() WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}
