/**
 * Reading groups: one group, pages of groups and of a group's members, active contacts per group,
 * the dynamic groups contacts match, and why a saved filter no longer compiles. Reads of many groups
 * are one statement (or a few, within PostgreSQL's parameter limit).
 */
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import type { FilterEnvironment } from '../domain/contact-filter.ts';
import { activeContactSql } from '../domain/detail-status.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { groupMembershipSql } from '../domain/filter-compile.ts';
import { decodeGroupCursor, encodeGroupCursor, groupOrderSql, groupPageWindow, groupsAfterSql, type GroupType } from '../domain/group.ts';
import { join, raw, sql, type Sql } from '../domain/sql.ts';
import type { Group } from '../generated/prisma/client.ts';
import { contactPage, filterEnvironment, type ContactOrder, type KeysetPage, type PageArgs } from './contact-query.ts';

/** A group of the workspace; NotFoundError for an id that is not one. */
export async function findGroup(db: Database, workspaceId: string, id: string): Promise<Group> {
  const group = await db.prisma.group.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  if (!group) throw new NotFoundError('Group', id);
  return group;
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
export async function groupFilterProblems(
  db: Database,
  workspaceId: string,
  groupIds: readonly string[],
): Promise<Map<string, ValidationError | null>> {
  const compiled = await compileSavedGroups(db, workspaceId, groupIds);
  return new Map(
    groupIds.map((id) => {
      const group = compiled.get(id);
      return [id, group && 'problem' in group ? group.problem : null];
    }),
  );
}

/**
 * The dynamic groups each of `contactIds` matches now, in one statement for all of them. Groups
 * whose filter no longer compiles match nobody.
 */
export async function dynamicGroupsMatching(db: Database, workspaceId: string, contactIds: readonly string[]): Promise<Map<string, Group[]>> {
  const matches = new Map<string, Group[]>();
  const dynamic = await db.prisma.group.findMany({ where: { workspaceId, type: 'DYNAMIC' } });
  if (dynamic.length === 0 || contactIds.length === 0) return matches;
  const compiled = await compileSavedGroups(
    db,
    workspaceId,
    dynamic.map((group) => group.id),
  );
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
