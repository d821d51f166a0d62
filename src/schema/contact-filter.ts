/**
 * The GraphQL form of the filter language and of list sorting. GraphQL has no input unions, so a
 * filter node is an input with one field per kind of condition, of which exactly one is given; the
 * domain's parser checks that and reports the path of any mistake. The input, without its nulls,
 * is the JSON a dynamic group stores.
 */
import type { ContactFilter } from '../domain/contact-filter.ts';
import { parseContactFilter } from '../domain/filter-parse.ts';
import type { ContactOrder, SortDirection } from '../domain/contact-order.ts';
import type { Channel } from '../domain/detail-status.ts';
import { builder } from './builder.ts';
import { bareIdOr, globalId, isUuid } from './global-id.ts';
import { ChannelEnum } from './workspace.ts';

const RangeInput = builder.inputType('FilterRangeInput', {
  description: 'An inclusive range.',
  fields: (t) => ({
    from: t.field({ type: 'JSON', required: true }),
    to: t.field({ type: 'JSON', required: true }),
  }),
});

const FieldConditionInput = builder.inputType('FieldConditionInput', {
  description:
    'One operator on one field, e.g. `{ key: "country", eq: "GB" }`. Values are read by the field type: ' +
    'TEXT compares ignoring case; NUMBER takes numbers; DATE `YYYY-MM-DD`; DATETIME ISO 8601; SELECT an option; ' +
    'BOOLEAN true/false; phone numbers in international form. `neq` and `notIn` also match contacts without a value.',
  fields: (t) => ({
    key: t.string({
      required: true,
      description: 'A built-in field (firstName, lastName, name, country, phone, email, createdAt, updatedAt) or a custom field key.',
    }),
    eq: t.field({ type: 'JSON', description: 'Equal to (for MULTI_SELECT: exactly these options).' }),
    neq: t.field({ type: 'JSON', description: 'Not equal to, or unset.' }),
    contains: t.string({ description: 'Contains this text, ignoring case (for MULTI_SELECT: has this option).' }),
    startsWith: t.string({ description: 'Starts with this text, ignoring case.' }),
    in: t.field({ type: ['JSON'], description: 'Equal to one of (for MULTI_SELECT: has any of).' }),
    notIn: t.field({ type: ['JSON'], description: 'Equal to none of, or unset (for MULTI_SELECT: has none of).' }),
    gt: t.field({ type: 'JSON' }),
    gte: t.field({ type: 'JSON' }),
    lt: t.field({ type: 'JSON' }),
    lte: t.field({ type: 'JSON' }),
    between: t.field({ type: RangeInput, description: 'Within the range, both ends included.' }),
    isSet: t.boolean({ description: 'true: has a value; false: has none.' }),
    isNotSet: t.boolean({ description: 'true: has no value; false: has one.' }),
    withinLastDays: t.int({ description: 'A date or time from this many days ago up to now (today for DATE).' }),
    moreThanDaysAgo: t.int({ description: 'A date or time before this many days ago.' }),
  }),
});

const TagConditionInput = builder.inputType('TagConditionInput', {
  description: 'Exactly one of: has any, all or none of these tags.',
  fields: (t) => ({
    any: t.stringList(),
    all: t.stringList(),
    none: t.stringList(),
  }),
});

const GroupConditionInput = builder.inputType('GroupConditionInput', {
  description: 'Exactly one of: member of any, all or none of these groups (static or dynamic).',
  fields: (t) => ({
    any: t.idList(),
    all: t.idList(),
    none: t.idList(),
  }),
});

export interface ContactFilterShape {
  and?: ContactFilterShape[] | null;
  or?: ContactFilterShape[] | null;
  not?: ContactFilterShape | null;
  field?: { key: string; [operator: string]: unknown } | null;
  tags?: typeof TagConditionInput.$inferInput | null;
  groups?: typeof GroupConditionInput.$inferInput | null;
  hasAddressFor?: Channel | null;
  reachableOn?: Channel | null;
  optedOutOn?: Channel | null;
  active?: boolean | null;
}

export const ContactFilterInput = builder.inputRef<ContactFilterShape>('ContactFilterInput').implement({
  description:
    'A condition on contacts: give exactly one field. Combine with and / or / not, e.g. ' +
    '`{ and: [{ field: { key: "country", eq: "GB" } }, { tags: { any: ["vip"] } }] }`.',
  fields: (t) => ({
    and: t.field({ type: [ContactFilterInput], description: 'Every condition holds.' }),
    or: t.field({ type: [ContactFilterInput], description: 'At least one condition holds.' }),
    not: t.field({ type: ContactFilterInput, description: 'The condition does not hold.' }),
    field: t.field({ type: FieldConditionInput }),
    tags: t.field({ type: TagConditionInput }),
    groups: t.field({ type: GroupConditionInput }),
    hasAddressFor: t.field({ type: ChannelEnum, description: 'Has a phone (SMS, WHATSAPP) or an email address (EMAIL).' }),
    reachableOn: t.field({ type: ChannelEnum, description: 'Has an address for the channel that is not opted out on it.' }),
    optedOutOn: t.field({ type: ChannelEnum, description: 'Has an address for the channel, all of them opted out on it.' }),
    active: t.boolean({ description: 'true: an active contact (a detail not opted out on every channel); false: not active.' }),
  }),
});

export const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

export const ContactOrderInput = builder.inputRef<{ field: string; direction?: SortDirection | null }>('ContactOrderInput').implement({
  description:
    'A sort key: a built-in field (firstName, lastName, name, country, phone, email, createdAt, updatedAt) or a custom field key. Unset values come last.',
  fields: (t) => ({
    field: t.string({ required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'ASC' }),
  }),
});

/** The domain filter of a GraphQL filter input; a ValidationError names the path of every mistake. */
export function contactFilterFromInput(input: ContactFilterShape | null | undefined, path: readonly string[] = ['filter']): ContactFilter | null {
  return input ? parseContactFilter(filterWithBareIds(input), path) : null;
}

/**
 * A filter input with the groups it names as UUIDs, from their global ids (or bare UUIDs). Any other
 * value is left as it is, for the filter's own check to name ("group … was not found").
 */
export function filterWithBareIds(input: ContactFilterShape): ContactFilterShape {
  return mapGroupIds(input, (id) => bareIdOr(null, 'Group', id), 0) as ContactFilterShape;
}

/** A stored filter as clients read it: the groups it names by their global ids, so it can be sent back. */
export function filterWithGlobalIds(filter: unknown): unknown {
  return mapGroupIds(filter, (id) => (typeof id === 'string' && isUuid(id) ? globalId('Group', id) : id), 0);
}

/** Deeper than any filter the parser accepts: a node below it is left for the parser to refuse. */
const MAPPED_DEPTH = 64;

/** A copy of a filter tree with `map` applied to every group id of its `groups` conditions. */
function mapGroupIds(node: unknown, map: (id: unknown) => unknown, depth: number): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node) || depth > MAPPED_DEPTH) return node;
  const mapped: Record<string, unknown> = { ...node };
  const { and, or, not, groups } = mapped;
  if (Array.isArray(and)) mapped.and = and.map((child) => mapGroupIds(child, map, depth + 1));
  if (Array.isArray(or)) mapped.or = or.map((child) => mapGroupIds(child, map, depth + 1));
  if (not !== undefined) mapped.not = mapGroupIds(not, map, depth + 1);
  if (typeof groups === 'object' && groups !== null && !Array.isArray(groups)) {
    const sets: Record<string, unknown> = { ...groups };
    for (const key of ['any', 'all', 'none']) {
      const ids = sets[key];
      if (Array.isArray(ids)) sets[key] = ids.map(map);
    }
    mapped.groups = sets;
  }
  return mapped;
}

/** The domain sort of a GraphQL orderBy input. */
export function contactOrderFromInput(input: readonly { field: string; direction?: SortDirection | null }[] | null | undefined): ContactOrder[] {
  return (input ?? []).map((order) => ({ key: order.field, direction: order.direction ?? 'ASC' }));
}
