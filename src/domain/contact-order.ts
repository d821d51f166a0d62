/**
 * Sorting contact lists and paging through them by keyset: the sort keys, then the contact id as a
 * tiebreak, so that a page boundary falls between two rows even when many share a sort value.
 * Unset values sort last in either direction. Cursors are opaque: base64url of the sort values
 * (as PostgreSQL prints them, so they compare back exactly) and the id, tagged with the sort they
 * belong to. A sort key is a built-in or custom field, read as a filter reads it (contact-field-sql.ts).
 */
import { accessOf, customFieldSql, type FieldExpression } from './contact-field-sql.ts';
import { ValidationError } from './errors.ts';
import type { FieldDefinition } from './field-value.ts';
import { quote } from './result.ts';
import { join, raw, sql, type Sql } from './sql.ts';

export type SortDirection = 'ASC' | 'DESC';

/** One sort key: a built-in or custom field key and a direction. */
export interface ContactOrder {
  key: string;
  direction: SortDirection;
}

/** Newest first, the order of a list with no sort given. */
export const DEFAULT_CONTACT_ORDER: readonly ContactOrder[] = [{ key: 'createdAt', direction: 'DESC' }];

/** Most sort keys in one order; more only slows every page down. */
const MAX_SORT_KEYS = 5;

/**
 * The expression a contact list is sorted by for a field key: a column, the primary phone or email,
 * or a custom field's typed value. Throws a ValidationError at `path` for an unknown key.
 */
export function sortExpressionSql(key: string, fields: ReadonlyMap<string, FieldDefinition>, path: readonly string[]): FieldExpression {
  const access = accessOf(key, { fields });
  if (!access) throw ValidationError.of([...path], 'UNKNOWN_FIELD', `no field has the key ${quote(key)} (it may have been deleted)`, { key });
  if (access.kind === 'column') return { expression: raw(`c.${access.column}`), cast: access.type === 'TEXT' ? 'text' : 'timestamptz' };
  if (access.kind === 'detail') {
    return {
      expression: sql`(SELECT sd.value FROM contact_details sd WHERE sd.workspace_id = c.workspace_id AND sd.contact_id = c.id
        AND sd.kind = ${raw(`'${access.detail}'`)} ORDER BY sd.is_primary DESC, sd.created_at, sd.id LIMIT 1)`,
      cast: 'text',
    };
  }
  return customFieldSql(access.field);
}

export interface OrderKey extends FieldExpression {
  key: string;
  direction: SortDirection;
}

/** The resolved sort of a list: its keys, and a signature that ties a cursor to it. */
export interface ContactSort {
  keys: OrderKey[];
  /** The id's direction: that of the last key. */
  idDirection: SortDirection;
  signature: string;
}

export function contactSort(
  orders: readonly ContactOrder[] | null | undefined,
  fields: ReadonlyMap<string, FieldDefinition>,
  path: readonly string[] = ['orderBy'],
): ContactSort {
  const given = orders && orders.length > 0 ? orders : DEFAULT_CONTACT_ORDER;
  if (given.length > MAX_SORT_KEYS) {
    throw ValidationError.of([...path], 'TOO_MANY_ITEMS', `sort by at most ${MAX_SORT_KEYS} fields`, { limit: MAX_SORT_KEYS, count: given.length });
  }
  const seen = new Set<string>();
  const keys = given.map((order, index) => {
    if (seen.has(order.key)) throw ValidationError.of([...path, String(index), 'field'], 'DUPLICATE_VALUE', `${order.key} is already a sort key`);
    seen.add(order.key);
    return { key: order.key, direction: order.direction, ...sortExpressionSql(order.key, fields, [...path, String(index), 'field']) };
  });
  return {
    keys,
    idDirection: keys[keys.length - 1]!.direction,
    signature: keys.map((key) => `${key.key}:${key.direction}`).join(','),
  };
}

function flip(direction: SortDirection): SortDirection {
  return direction === 'ASC' ? 'DESC' : 'ASC';
}

/**
 * ORDER BY for the sort; `reversed` walks it backwards (for `last`/`before`), nulls then first.
 * The cursor values are selected alongside as `sort_0`, `sort_1`, … by {@link sortValuesSql}.
 */
export function orderBySql(sort: ContactSort, reversed = false): Sql {
  // The keyword is chosen here, never copied from the input, whatever a caller let through.
  const keyword = (direction: SortDirection) => raw((reversed ? flip(direction) : direction) === 'ASC' ? 'ASC' : 'DESC');
  const parts = sort.keys.map((key) => sql`${key.expression} ${keyword(key.direction)} ${raw(reversed ? 'NULLS FIRST' : 'NULLS LAST')}`);
  parts.push(sql`c.id ${keyword(sort.idDirection)}`);
  return join(parts, ', ');
}

/** The sort values of a row as text, to put in its cursor. */
export function sortValuesSql(sort: ContactSort): Sql {
  return join(
    sort.keys.map((key, index) => sql`(${key.expression})::text AS ${raw(`sort_${index}`)}`),
    ', ',
  );
}

export interface CursorPosition {
  values: (string | null)[];
  id: string;
}

/**
 * The rows strictly after `position` in the sort (before it when `reversed`), as a predicate. With
 * nulls last, nothing non-null comes after a null; walking backwards, nulls come first.
 */
export function afterSql(sort: ContactSort, position: CursorPosition, reversed = false): Sql {
  const nullsLast = !reversed;
  const idAfter = sql`c.id ${raw((reversed ? flip(sort.idDirection) : sort.idDirection) === 'ASC' ? '>' : '<')} ${position.id}::uuid`;
  return sort.keys.reduceRight<Sql>((rest, key, index) => {
    const value = position.values[index] ?? null;
    const direction = reversed ? flip(key.direction) : key.direction;
    const cast = raw(key.cast);
    if (value === null) {
      const beyond = nullsLast ? raw('FALSE') : sql`${key.expression} IS NOT NULL`;
      return sql`(${beyond} OR (${key.expression} IS NULL AND ${rest}))`;
    }
    const bound = sql`${value}::${cast}`;
    const past = sql`${key.expression} ${raw(direction === 'ASC' ? '>' : '<')} ${bound}`;
    const beyond = nullsLast ? sql`(${past} OR ${key.expression} IS NULL)` : past;
    return sql`(${beyond} OR (${key.expression} = ${bound} AND ${rest}))`;
  }, idAfter);
}

/** A cursor for a row of a list sorted by `sort`. */
export function encodeCursor(sort: ContactSort, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([sort.signature, position.values, position.id])).toString('base64url');
}

/** Reads a cursor back; a malformed one, or one made for another sort, is a ValidationError at `path`. */
export function decodeCursor(sort: ContactSort, cursor: string, path: readonly string[]): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw ValidationError.of([...path], 'NOT_A_CURSOR', 'not a cursor of this list');
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    !Array.isArray(decoded[1]) ||
    decoded[1].length !== sort.keys.length ||
    !decoded[1].every((value: unknown) => value === null || typeof value === 'string') ||
    typeof decoded[2] !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(decoded[2])
  ) {
    throw ValidationError.of([...path], 'NOT_A_CURSOR', 'not a cursor of this list');
  }
  if (decoded[0] !== sort.signature) throw ValidationError.of([...path], 'NOT_A_CURSOR', 'this cursor belongs to a list in another order');
  return { values: decoded[1] as (string | null)[], id: decoded[2] };
}
