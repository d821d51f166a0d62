/**
 * Turns a list query (search, filter, sort) into SQL over the workspace's contacts: loads what the
 * domain's compiler needs (custom fields, the groups a filter refers to) and lets it build the SQL.
 * Used by the contact list, groups, exports and audiences alike.
 */
import type { Database } from '../db/client.ts';
import { referencedGroupIds, type ContactFilter, type FilterEnvironment, type FilterGroup } from '../domain/contact-filter.ts';
import { contactSearchSql, parseSearchTerm } from '../domain/contact-search.ts';
import { contactFilterSql, groupMembershipSql } from '../domain/filter-compile.ts';
import { parseContactFilter } from '../domain/filter-parse.ts';
import {
  afterSql,
  contactSort,
  decodeCursor,
  encodeCursor,
  orderBySql,
  sortValuesSql,
  type ContactOrder,
  type ContactSort,
} from '../domain/contact-order.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { FieldDefinition } from '../domain/field-value.ts';
import { join, raw, sql, type Sql } from '../domain/sql.ts';

export type { ContactFilter } from '../domain/contact-filter.ts';
export type { ContactOrder } from '../domain/contact-order.ts';

export interface ContactQuery {
  search?: string | null;
  filter?: ContactFilter | null;
  orderBy?: readonly ContactOrder[] | null;
}

/** The workspace's custom fields by key, as the filter compiler reads them. */
export async function customFieldsByKey(db: Database, workspaceId: string): Promise<Map<string, FieldDefinition>> {
  const fields = await db.prisma.field.findMany({ where: { workspaceId }, select: { key: true, label: true, type: true, options: true } });
  return new Map(fields.map((field) => [field.key, field]));
}

/**
 * Loads every group the filters name, and the groups those dynamic groups name in turn, until none
 * is missing. Ids that are not groups of the workspace are left out: the compiler reports them.
 * `overrides` stands in for stored groups (a dynamic group being saved, with its new filter).
 */
export async function loadFilterGroups(
  db: Database,
  workspaceId: string,
  roots: readonly ContactFilter[],
  overrides: readonly FilterGroup[] = [],
): Promise<Map<string, FilterGroup>> {
  const groups = new Map<string, FilterGroup>(overrides.map((group) => [group.id, group]));
  const asked = new Set<string>(groups.keys());
  let wanted = roots.flatMap(referencedGroupIds).concat(overrides.flatMap((group) => (group.filter ? referencedGroupIds(group.filter) : [])));
  while (wanted.length > 0) {
    const ids = [...new Set(wanted.map((id) => id.toLowerCase()))].filter((id) => !asked.has(id) && UUID.test(id));
    for (const id of ids) asked.add(id);
    if (ids.length === 0) break;
    const rows = await db.prisma.group.findMany({
      where: { workspaceId, id: { in: ids } },
      select: { id: true, name: true, type: true, filter: true },
    });
    wanted = [];
    for (const row of rows) {
      const filter = row.type === 'DYNAMIC' && row.filter !== null ? parseContactFilter(row.filter, ['group', row.name, 'filter']) : null;
      groups.set(row.id, { id: row.id, name: row.name, type: row.type, filter });
      if (filter) wanted.push(...referencedGroupIds(filter));
    }
  }
  return groups;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Everything the compiler needs for these filters. */
export async function filterEnvironment(
  db: Database,
  workspaceId: string,
  roots: readonly ContactFilter[],
  overrides: readonly FilterGroup[] = [],
): Promise<FilterEnvironment> {
  const [fields, groups] = await Promise.all([customFieldsByKey(db, workspaceId), loadFilterGroups(db, workspaceId, roots, overrides)]);
  return { fields, groups, now: new Date() };
}

interface CompiledQuery {
  where: Sql;
  sort: ContactSort;
}

async function compileQuery(db: Database, workspaceId: string, query: ContactQuery): Promise<CompiledQuery> {
  const search = parseSearchTerm(query.search);
  const env = await filterEnvironment(db, workspaceId, query.filter ? [query.filter] : []);
  const conditions = [sql`c.workspace_id = ${workspaceId}::uuid`];
  if (search) conditions.push(contactSearchSql(search, workspaceId));
  if (query.filter) conditions.push(contactFilterSql(query.filter, env));
  return { where: join(conditions, ' AND '), sort: contactSort(query.orderBy, env.fields) };
}

/** What a list statement selects: expressions over contact row `c` and over the tables `joins` adds. */
export interface ContactSelect {
  columns: Sql;
  joins: Sql;
}

/** SQL selecting `select` of the workspace's contacts matching search+filter, in the query's order
 *  (default newest first: created_at DESC, id DESC). Throws typed errors for bad filters. */
export async function contactListSql(db: Database, workspaceId: string, query: ContactQuery, select: ContactSelect): Promise<Sql> {
  const { where, sort } = await compileQuery(db, workspaceId, query);
  return sql`SELECT ${select.columns} FROM contacts c ${select.joins} WHERE ${where} ORDER BY ${orderBySql(sort)}`;
}

/** {@link contactListSql} selecting column `id` alone. */
export async function contactIdsSql(db: Database, workspaceId: string, query: ContactQuery): Promise<Sql> {
  return contactListSql(db, workspaceId, query, { columns: raw('c.id'), joins: raw('') });
}

/** SQL selecting column `id` of a group's members: static → group_members, dynamic → its saved filter.
 *  NotFoundError('Group', id) for a group not in the workspace. */
export async function groupContactIdsSql(db: Database, workspaceId: string, groupId: string): Promise<Sql> {
  const { group, predicate } = await compileGroup(db, workspaceId, groupId);
  if (group.type === 'STATIC') {
    return sql`SELECT gm.contact_id AS id FROM group_members gm WHERE gm.workspace_id = ${workspaceId}::uuid AND gm.group_id = ${group.id}::uuid`;
  }
  return sql`SELECT c.id FROM contacts c WHERE c.workspace_id = ${workspaceId}::uuid AND ${predicate}`;
}

/**
 * The predicate over contact row `c` of a group's members. A dynamic group whose filter no longer
 * compiles (its field was deleted, a group it names is gone) is a ValidationError naming the group.
 */
export async function groupPredicate(db: Database, workspaceId: string, groupId: string): Promise<Sql> {
  return (await compileGroup(db, workspaceId, groupId)).predicate;
}

async function compileGroup(db: Database, workspaceId: string, groupId: string): Promise<{ group: FilterGroup; predicate: Sql }> {
  const id = groupId.toLowerCase();
  if (!UUID.test(id)) throw new NotFoundError('Group', groupId);
  const env = await filterEnvironment(db, workspaceId, [{ groups: { any: [id] } }]);
  const group = env.groups.get(id);
  if (!group) throw new NotFoundError('Group', groupId);
  return { group, predicate: groupMembershipSql(id, env, ['group', group.name]) };
}

/** Relay-style paging arguments. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One page of a keyset-paged list (contacts, groups). */
export interface KeysetPage {
  /** Ids of the page, in list order, each with its cursor. */
  rows: { id: string; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counts the whole list (search and filter applied), when asked. */
  totalCount: () => Promise<number>;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 500;

/**
 * One page of a contact list by keyset: `first` after a cursor, or `last` before one. A page is one
 * statement, whatever its size; the total count is another, run only when asked.
 */
export async function contactPage(db: Database, workspaceId: string, query: ContactQuery, page: PageArgs): Promise<KeysetPage> {
  const { where, sort } = await compileQuery(db, workspaceId, query);
  for (const name of ['first', 'last'] as const) {
    const size = page[name];
    if (size !== null && size !== undefined && (size < 0 || size > MAX_PAGE_SIZE)) {
      throw ValidationError.of([name], 'OUT_OF_RANGE', `a page holds 0 to ${MAX_PAGE_SIZE} contacts`, { min: 0, max: MAX_PAGE_SIZE });
    }
  }
  if (page.first != null && page.last != null)
    throw ValidationError.of(['last'], 'ONE_OF', 'give first or last, not both', { fields: ['first', 'last'] });
  const backwards = page.last != null && page.first == null;
  const size = (backwards ? page.last : page.first) ?? DEFAULT_PAGE_SIZE;
  const conditions = [where];
  if (page.after) conditions.push(afterSql(sort, decodeCursor(sort, page.after, ['after'])));
  if (page.before) conditions.push(afterSql(sort, decodeCursor(sort, page.before, ['before']), true));
  const statement = sql`SELECT c.id, ${sortValuesSql(sort)} FROM contacts c WHERE ${join(conditions, ' AND ')}
    ORDER BY ${orderBySql(sort, backwards)} LIMIT ${raw(String(size + 1))}`;
  const { rows } = await db.pool.query<Record<string, string | null> & { id: string }>(statement.text, statement.values);
  const more = rows.length > size;
  const kept = rows.slice(0, size);
  if (backwards) kept.reverse();
  return {
    rows: kept.map((row) => ({
      id: row.id,
      cursor: encodeCursor(sort, { values: sort.keys.map((_, index) => row[`sort_${index}`] ?? null), id: row.id }),
    })),
    hasNextPage: backwards ? Boolean(page.before) : more,
    hasPreviousPage: backwards ? more : Boolean(page.after),
    totalCount: async () => {
      const count = sql`SELECT count(*)::int AS count FROM contacts c WHERE ${where}`;
      const result = await db.pool.query<{ count: number }>(count.text, count.values);
      return result.rows[0]!.count;
    },
  };
}
