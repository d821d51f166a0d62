/**
 * The filter language of contact lists and dynamic groups: one JSON tree, validated against the
 * workspace's fields and groups and compiled to a parameterised SQL predicate over a contact row
 * aliased `c`. The same shape is what a dynamic group stores in `groups.filter`.
 *
 *   { "and": [ { "field": { "key": "country", "eq": "GB" } }, { "tags": { "any": ["vip"] } } ] }
 *
 * Every node has exactly one key. Leaves: `field` (one operator on a built-in or custom field),
 * `tags` and `groups` (any / all / none of), `hasAddressFor`, `reachableOn`, `optedOutOn` (a channel)
 * and `active`. Branches: `and`, `or` (lists) and `not`.
 *
 * This file holds the language's types and walks over a tree; filter-parse.ts checks a tree's shape,
 * filter-compile.ts turns it into SQL.
 */
import type { Channel } from './detail-status.ts';
import type { FieldDefinition } from './field-value.ts';

/** A value given to an operator: JSON text, number or boolean, read by the field's type. */
export type FilterScalar = string | number | boolean;

export const FIELD_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'startsWith',
  'in',
  'notIn',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'isSet',
  'isNotSet',
  'withinLastDays',
  'moreThanDaysAgo',
] as const;
export type FieldOperator = (typeof FIELD_OPERATORS)[number];

/** One operator applied to one field, e.g. `{ key: "age", gte: 18 }`. */
export interface FieldCondition {
  key: string;
  eq?: FilterScalar | FilterScalar[];
  neq?: FilterScalar | FilterScalar[];
  contains?: string;
  startsWith?: string;
  in?: FilterScalar[];
  notIn?: FilterScalar[];
  gt?: FilterScalar;
  gte?: FilterScalar;
  lt?: FilterScalar;
  lte?: FilterScalar;
  /** Inclusive at both ends. */
  between?: { from: FilterScalar; to: FilterScalar };
  isSet?: boolean;
  isNotSet?: boolean;
  /** Dates and times from N days ago up to now (today for DATE fields). */
  withinLastDays?: number;
  /** Dates and times before N days ago. */
  moreThanDaysAgo?: number;
}

/** Tags by name or groups by id: exactly one of the three. */
export interface SetCondition {
  any?: string[];
  all?: string[];
  none?: string[];
}

export type ContactFilter =
  | { and: ContactFilter[] }
  | { or: ContactFilter[] }
  | { not: ContactFilter }
  | { field: FieldCondition }
  | { tags: SetCondition }
  | { groups: SetCondition }
  /** Has a phone (SMS, WHATSAPP) or an email address (EMAIL) for the channel. */
  | { hasAddressFor: Channel }
  /** Has an address for the channel that is not opted out on it. */
  | { reachableOn: Channel }
  /** Has an address for the channel, and every one of them is opted out on it. */
  | { optedOutOn: Channel }
  /** true: an active contact (one of its details is not opted out on every channel); false: not. */
  | { active: boolean };

/** A saved group as the compiler needs it. A dynamic group's filter is compiled inline. */
export interface FilterGroup {
  id: string;
  name: string;
  type: 'STATIC' | 'DYNAMIC';
  filter: ContactFilter | null;
}

/** What compiling needs beyond the filter: the workspace's custom fields, the groups referred to, the time. */
export interface FilterEnvironment {
  /** Custom fields by key. */
  fields: ReadonlyMap<string, FieldDefinition>;
  /** Every group the filter refers to, directly or through dynamic groups, by id. */
  groups: ReadonlyMap<string, FilterGroup>;
  /** "Now" for relative dates. */
  now: Date;
}

/** The ids of the groups a filter names itself (not those named by the dynamic groups it names). */
export function referencedGroupIds(filter: ContactFilter): string[] {
  if ('and' in filter) return filter.and.flatMap(referencedGroupIds);
  if ('or' in filter) return filter.or.flatMap(referencedGroupIds);
  if ('not' in filter) return referencedGroupIds(filter.not);
  if ('groups' in filter) return [...(filter.groups.any ?? filter.groups.all ?? filter.groups.none ?? [])];
  return [];
}

/** The keys of the custom fields a filter uses itself (built-in keys included). */
export function referencedFieldKeys(filter: ContactFilter): string[] {
  if ('and' in filter) return filter.and.flatMap(referencedFieldKeys);
  if ('or' in filter) return filter.or.flatMap(referencedFieldKeys);
  if ('not' in filter) return referencedFieldKeys(filter.not);
  if ('field' in filter) return [filter.field.key];
  return [];
}
