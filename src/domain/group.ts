/**
 * Rules of groups: what a name, description and category may be, and what merging two groups means.
 */
import { InvalidStateError, ValidationError } from './errors.ts';
import type { ContactFilter } from './contact-filter.ts';

export type GroupType = 'STATIC' | 'DYNAMIC';

const NAME_MAX_LENGTH = 100;
const DESCRIPTION_MAX_LENGTH = 1000;
const CATEGORY_MAX_LENGTH = 100;

/** A group's name: trimmed, inner whitespace collapsed, not blank, at most 100 characters. */
export function normalizeGroupName(raw: string, path: readonly string[]): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw ValidationError.of([...path], 'a group needs a name');
  if (name.length > NAME_MAX_LENGTH) throw ValidationError.of([...path], `a group name has at most ${NAME_MAX_LENGTH} characters`);
  return name;
}

/** An optional text (description, category): trimmed, blank meaning none. */
export function normalizeGroupText(raw: string | null | undefined, path: readonly string[], kind: 'description' | 'category'): string | null {
  const text = raw?.trim() ?? '';
  const max = kind === 'description' ? DESCRIPTION_MAX_LENGTH : CATEGORY_MAX_LENGTH;
  if (text.length > max) throw ValidationError.of([...path], `a ${kind} has at most ${max} characters`);
  return text === '' ? null : text;
}

/** The filter a group of this type is saved with: a dynamic group needs one, a static group takes none. */
export function checkGroupFilter(type: GroupType, filter: ContactFilter | null | undefined, path: readonly string[]): ContactFilter | null {
  if (type === 'DYNAMIC' && !filter) throw ValidationError.of([...path], 'a dynamic group needs a filter');
  if (type === 'STATIC' && filter) throw ValidationError.of([...path], 'a static group has members, not a filter');
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
  if (source.id === target.id) throw ValidationError.of(['input', 'targetId'], 'a group cannot be merged into itself');
  if (target.type === 'STATIC') return { kind: 'ADD_MEMBERS' };
  if (source.type === 'STATIC') {
    throw new InvalidStateError(
      `Static group "${source.name}" cannot be merged into dynamic group "${target.name}": merge it into a static group, or add it to the filter as a group condition`,
      'DYNAMIC',
    );
  }
  return { kind: 'OR_FILTERS', filter: { or: [target.filter!, source.filter!] } };
}
