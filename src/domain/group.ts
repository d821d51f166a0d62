/**
 * Rules of groups: what a name, description and category may be, the order groups are listed in,
 * and what merging two groups means.
 */
import { InvalidStateError, ValidationError } from './errors.ts';
import { parseId } from './ids.ts';
import type { ContactFilter } from './contact-filter.ts';
import { raw, sql, type Sql } from './sql.ts';

export type GroupType = 'STATIC' | 'DYNAMIC';

const NAME_MAX_LENGTH = 100;
const DESCRIPTION_MAX_LENGTH = 1000;
const CATEGORY_MAX_LENGTH = 100;

/** A group's name: trimmed, inner whitespace collapsed, not blank, at most 100 characters. */
export function normalizeGroupName(raw: string, path: readonly string[]): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw ValidationError.of([...path], 'REQUIRED', 'a group needs a name');
  if (name.length > NAME_MAX_LENGTH) {
    throw ValidationError.of([...path], 'TOO_LONG', `a group name has at most ${NAME_MAX_LENGTH} characters`, {
      limit: NAME_MAX_LENGTH,
      length: name.length,
    });
  }
  return name;
}

/** An optional text (description, category): trimmed, blank meaning none. */
export function normalizeGroupText(raw: string | null | undefined, path: readonly string[], kind: 'description' | 'category'): string | null {
  const text = raw?.trim() ?? '';
  const max = kind === 'description' ? DESCRIPTION_MAX_LENGTH : CATEGORY_MAX_LENGTH;
  if (text.length > max)
    throw ValidationError.of([...path], 'TOO_LONG', `a ${kind} has at most ${max} characters`, { limit: max, length: text.length });
  return text === '' ? null : text;
}

/** The filter a group of this type is saved with: a dynamic group needs one, a static group takes none. */
export function checkGroupFilter(type: GroupType, filter: ContactFilter | null | undefined, path: readonly string[]): ContactFilter | null {
  if (type === 'DYNAMIC' && !filter) throw ValidationError.of([...path], 'REQUIRED', 'a dynamic group needs a filter');
  if (type === 'STATIC' && filter) throw ValidationError.of([...path], 'NOT_APPLICABLE', 'a static group has members, not a filter');
  return filter ?? null;
}

/** What merging `source` into `target` does; the source is deleted afterwards in every case. */
export type MergePlan =
  /** The target gains the source's members: its static members, or a dynamic source's current matches. */
  | { kind: 'ADD_MEMBERS' }
  /** A dynamic target's filter becomes `or` of both filters. */
  | { kind: 'OR_FILTERS'; filter: ContactFilter };

export interface MergeSide {
  id: string;
  name: string;
  type: GroupType;
  filter: ContactFilter | null;
}

/**
 * Merging: into a static target, the source's members are added (a dynamic source's members as they
 * match now: a snapshot); into a dynamic target, a dynamic source's filter is joined with `or`.
 * A static source cannot go into a dynamic target: its members are a list, not a condition, and
 * turning them into one would freeze the target's filter on today's ids.
 */
export function planGroupMerge(source: MergeSide, target: MergeSide): MergePlan {
  if (source.id === target.id) throw ValidationError.of(['input', 'targetId'], 'MERGE_INTO_ITSELF', 'a group cannot be merged into itself');
  if (target.type === 'STATIC') return { kind: 'ADD_MEMBERS' };
  if (source.type === 'STATIC') {
    throw new InvalidStateError(
      'GROUP_IS_DYNAMIC',
      `Static group "${source.name}" cannot be merged into dynamic group "${target.name}": merge it into a static group, or add it to the filter as a group condition`,
      'DYNAMIC',
      { group: target.name },
    );
  }
  return { kind: 'OR_FILTERS', filter: { or: [target.filter!, source.filter!] } };
}

/** Groups on one page of the group list when the client does not say. */
const GROUP_PAGE_DEFAULT_SIZE = 20;
/** Most groups on one page of the group list. */
const GROUP_PAGE_MAX_SIZE = 500;

/** Where a page of the group list starts: the group a cursor was given for. */
export interface GroupCursor {
  name: string;
  id: string;
}

/** The size and direction of a page of the group list: `first` after a cursor, or `last` before one. */
export function groupPageWindow(page: { first?: number | null; last?: number | null }): { size: number; backwards: boolean } {
  for (const name of ['first', 'last'] as const) {
    const size = page[name];
    if (size != null && (!Number.isInteger(size) || size < 0 || size > GROUP_PAGE_MAX_SIZE)) {
      throw ValidationError.of([name], 'OUT_OF_RANGE', `a page holds 0 to ${GROUP_PAGE_MAX_SIZE} groups`, { min: 0, max: GROUP_PAGE_MAX_SIZE });
    }
  }
  if (page.first != null && page.last != null)
    throw ValidationError.of(['last'], 'ONE_OF', 'give first or last, not both', { fields: ['first', 'last'] });
  const backwards = page.last != null;
  return { size: (backwards ? page.last : page.first) ?? GROUP_PAGE_DEFAULT_SIZE, backwards };
}

/**
 * The order of the group list over `g`: by name ignoring case ("Dyn new" before "Dyn VIP gold"),
 * then by the name as written and the id, so that no two groups tie and a cursor falls between two
 * rows. `reversed` walks it backwards (for `last`).
 */
export function groupOrderSql(reversed = false): Sql {
  const direction = raw(reversed ? 'DESC' : 'ASC');
  return sql`lower(g.name) ${direction}, g.name ${direction}, g.id ${direction}`;
}

/** The groups strictly after `cursor` in {@link groupOrderSql}'s order (before it when `reversed`). */
export function groupsAfterSql(cursor: GroupCursor, reversed = false): Sql {
  return sql`(lower(g.name), g.name, g.id) ${raw(reversed ? '<' : '>')} (lower(${cursor.name}::text), ${cursor.name}::text, ${cursor.id}::uuid)`;
}

const GROUP_CURSOR_TAG = 'group';

/** An opaque cursor for a group of the list: base64url of its name and id. */
export function encodeGroupCursor(cursor: GroupCursor): string {
  return Buffer.from(JSON.stringify([GROUP_CURSOR_TAG, cursor.name, cursor.id])).toString('base64url');
}

/** Reads a group list cursor back; anything else is a ValidationError at `path`. */
export function decodeGroupCursor(cursor: string, path: readonly string[]): GroupCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw ValidationError.of([...path], 'NOT_A_CURSOR', 'not a cursor of the group list');
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    decoded[0] !== GROUP_CURSOR_TAG ||
    typeof decoded[1] !== 'string' ||
    typeof decoded[2] !== 'string'
  ) {
    throw ValidationError.of([...path], 'NOT_A_CURSOR', 'not a cursor of the group list');
  }
  return { name: decoded[1], id: parseId(decoded[2], [...path]) };
}
