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
 */
import { CHANNELS_OF_KIND, optedOutSql, activeContactSql, type Channel, type DetailKind } from './detail-status.ts';
import { normalizeEmail } from './email.ts';
import { ValidationError, type InputIssue } from './errors.ts';
import { coerceFieldValue, type FieldDefinition, type FieldType, type FieldValue } from './field-value.ts';
import { getCountries } from 'libphonenumber-js/max';
import { normalizePhone } from './phone-number.ts';
import { quote } from './result.ts';
import { join, raw, sql, type Sql } from './sql.ts';
import { normalizeTag } from './tag.ts';

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

const NODE_KEYS = ['and', 'or', 'not', 'field', 'tags', 'groups', 'hasAddressFor', 'reachableOn', 'optedOutOn', 'active'] as const;
const CHANNELS: readonly Channel[] = ['SMS', 'WHATSAPP', 'EMAIL'];
const SET_KEYS = ['any', 'all', 'none'] as const;
/** Deepest nesting accepted: deep enough for any real filter, shallow enough to keep SQL sane. */
const MAX_DEPTH = 32;
/**
 * Most conditions in one filter, and, or and not included: more than anyone writes by hand, and few
 * enough for PostgreSQL to plan (its planning time grows much faster than the number of conditions).
 */
export const FILTER_MAX_CONDITIONS = 50;
/** Most values in one list: in, notIn, a multi-select eq, the tags or groups of a condition. */
export const FILTER_MAX_LIST_LENGTH = 1_000;
/** Most values in all the lists of one filter. */
export const FILTER_MAX_VALUES = 5_000;
/**
 * Most conditions a filter stands for once the dynamic groups it names are written out in its SQL
 * (a group named twice, twice): what keeps groups of groups from growing a statement exponentially.
 */
export const COMPILED_MAX_CONDITIONS = 100;
/** Most listed values a filter stands for once its dynamic groups are written out. */
export const COMPILED_MAX_VALUES = 20_000;
/** Longest chain of dynamic groups naming dynamic groups. */
export const GROUP_MAX_NESTING = 8;
/** Longest relative-date window, in days (about 1,000 years). */
const MAX_DAYS = 366_000;

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

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: Json): value is FilterScalar {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

/** Keys whose value is neither undefined nor null (GraphQL inputs send omitted fields as null). */
function presentKeys(value: Record<string, Json>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined && value[key] !== null);
}

/**
 * Checks the shape of a filter tree (a GraphQL input or a stored group filter) and returns it
 * without nulls. Every problem is reported with its path; field names, types and groups are
 * checked later, against the workspace, by {@link contactFilterSql}.
 */
export function parseContactFilter(raw: Json, path: readonly string[] = ['filter']): ContactFilter {
  const state: ParseState = { issues: [], conditions: 0, values: 0, tooLarge: false };
  const parsed = parseNode(raw, [...path], state, 0);
  if (state.issues.length > 0 || parsed === undefined) throw new ValidationError(state.issues);
  return parsed;
}

/** What parsing one filter has found so far: its problems, and how much it holds. */
interface ParseState {
  issues: InputIssue[];
  conditions: number;
  values: number;
  /** Set once the filter is known to be over a size limit: the rest of it is not read. */
  tooLarge: boolean;
}

function parseNode(raw: Json, path: string[], state: ParseState, depth: number): ContactFilter | undefined {
  const { issues } = state;
  const fail = (message: string, at = path) => {
    issues.push({ path: at, message });
    return undefined;
  };
  if (state.tooLarge) return undefined;
  if (depth > MAX_DEPTH) return fail(`a filter nests at most ${MAX_DEPTH} levels`);
  if (++state.conditions > FILTER_MAX_CONDITIONS) return overSize(state, path, `a filter has at most ${FILTER_MAX_CONDITIONS} conditions (and, or and not count too)`);
  if (!isRecord(raw)) return fail('a filter condition is an object with one key');
  const keys = presentKeys(raw);
  const unknown = keys.filter((key) => !(NODE_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) return fail(`unknown condition ${quote(unknown[0]!)} (expected one of ${NODE_KEYS.join(', ')})`, [...path, unknown[0]!]);
  if (keys.length !== 1) return fail(`a filter condition has exactly one of ${NODE_KEYS.join(', ')}; got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
  const key = keys[0] as (typeof NODE_KEYS)[number];
  const value = raw[key];
  const at = [...path, key];
  switch (key) {
    case 'and':
    case 'or': {
      if (!Array.isArray(value) || value.length === 0) return fail(`${key} takes a non-empty list of conditions`, at);
      if (value.length > FILTER_MAX_CONDITIONS) return overSize(state, at, `a filter has at most ${FILTER_MAX_CONDITIONS} conditions (and, or and not count too)`);
      const children = value.map((child, index) => parseNode(child, [...at, String(index)], state, depth + 1));
      return children.every((child) => child !== undefined) ? ({ [key]: children } as ContactFilter) : undefined;
    }
    case 'not': {
      const child = parseNode(value, at, state, depth + 1);
      return child && { not: child };
    }
    case 'field':
      return parseFieldCondition(value, at, state);
    case 'tags':
    case 'groups': {
      const set = parseSet(value, at, state);
      return set && ({ [key]: set } as ContactFilter);
    }
    case 'hasAddressFor':
    case 'reachableOn':
    case 'optedOutOn':
      if (typeof value !== 'string' || !(CHANNELS as readonly string[]).includes(value)) {
        return fail(`expected a channel: ${CHANNELS.join(', ')}`, at);
      }
      return { [key]: value as Channel } as ContactFilter;
    case 'active':
      if (typeof value !== 'boolean') return fail('expected true or false', at);
      return { active: value };
  }
}

/** Records a size limit the filter is over, and stops reading it. */
function overSize(state: ParseState, path: string[], message: string): undefined {
  state.issues.push({ path, message });
  state.tooLarge = true;
  return undefined;
}

/** Counts a list of values against the limits; false (with the issue recorded) when it is over one. */
function countValues(list: readonly unknown[], path: string[], state: ParseState): boolean {
  if (list.length > FILTER_MAX_LIST_LENGTH) {
    overSize(state, path, `a list holds at most ${FILTER_MAX_LIST_LENGTH} values; this one has ${list.length}`);
    return false;
  }
  state.values += list.length;
  if (state.values > FILTER_MAX_VALUES) {
    overSize(state, path, `a filter lists at most ${FILTER_MAX_VALUES} values in all`);
    return false;
  }
  return true;
}

function parseSet(raw: Json, path: string[], state: ParseState): SetCondition | undefined {
  const { issues } = state;
  if (!isRecord(raw)) {
    issues.push({ path, message: 'expected one of any, all, none with a list' });
    return undefined;
  }
  const keys = presentKeys(raw);
  if (keys.length !== 1 || !(SET_KEYS as readonly string[]).includes(keys[0]!)) {
    issues.push({ path, message: `expected exactly one of ${SET_KEYS.join(', ')}` });
    return undefined;
  }
  const key = keys[0] as (typeof SET_KEYS)[number];
  const list = raw[key];
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
    issues.push({ path: [...path, key], message: 'expected a non-empty list of strings' });
    return undefined;
  }
  if (!countValues(list, [...path, key], state)) return undefined;
  return { [key]: list as string[] };
}

function parseFieldCondition(raw: Json, path: string[], state: ParseState): ContactFilter | undefined {
  const { issues } = state;
  const fail = (message: string, at = path) => {
    issues.push({ path: at, message });
    return undefined;
  };
  if (!isRecord(raw)) return fail('expected { key, <operator>: value }');
  if (typeof raw.key !== 'string' || raw.key.trim() === '') return fail('a field condition needs the key of a field', [...path, 'key']);
  const operators = presentKeys(raw).filter((name) => name !== 'key');
  const unknown = operators.find((name) => !(FIELD_OPERATORS as readonly string[]).includes(name));
  if (unknown) return fail(`unknown operator ${quote(unknown)} (expected one of ${FIELD_OPERATORS.join(', ')})`, [...path, unknown]);
  if (operators.length !== 1) {
    return fail(`a field condition has exactly one operator; got ${operators.length === 0 ? 'none' : operators.join(', ')}`);
  }
  const operator = operators[0] as FieldOperator;
  const value = raw[operator];
  const at = [...path, operator];
  const condition = { key: raw.key.trim() } as FieldCondition;
  switch (operator) {
    case 'eq':
    case 'neq':
      if (!isScalar(value) && !(Array.isArray(value) && value.length > 0 && value.every(isScalar))) {
        return fail('expected a text, number or boolean (or, for a multi-select field, a list of options)', at);
      }
      if (Array.isArray(value) && !countValues(value, at, state)) return undefined;
      break;
    case 'contains':
    case 'startsWith':
      if (typeof value !== 'string' || value.trim() === '') return fail('expected a non-blank text', at);
      break;
    case 'in':
    case 'notIn':
      if (!Array.isArray(value) || value.length === 0 || !value.every(isScalar)) return fail('expected a non-empty list of values', at);
      if (!countValues(value, at, state)) return undefined;
      break;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (!isScalar(value)) return fail('expected a number, date or date-time', at);
      break;
    case 'between':
      if (!isRecord(value) || !isScalar(value.from) || !isScalar(value.to)) return fail('expected { from, to }', at);
      (condition as { between: unknown }).between = { from: value.from, to: value.to };
      return { field: condition };
    case 'isSet':
    case 'isNotSet':
      if (typeof value !== 'boolean') return fail('expected true or false', at);
      break;
    case 'withinLastDays':
    case 'moreThanDaysAgo':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DAYS) {
        return fail(`expected a whole number of days from 0 to ${MAX_DAYS}`, at);
      }
      break;
  }
  (condition as unknown as Record<string, unknown>)[operator] = value;
  return { field: condition };
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

/** How a field is read in SQL, and which operators it takes. */
type FieldAccess =
  | { kind: 'column'; column: string; type: 'TEXT' | 'DATETIME'; nullable: boolean; upperCase?: true }
  | { kind: 'detail'; detail: DetailKind }
  | { kind: 'custom'; field: FieldDefinition };

/**
 * The built-in fields a filter or a sort can name. A Map, not an object: a key a client sends
 * ("constructor", "__proto__") must not find what every object inherits.
 */
const BUILT_IN_ACCESS: ReadonlyMap<string, FieldAccess> = new Map<string, FieldAccess>([
  ['firstName', { kind: 'column', column: 'first_name', type: 'TEXT', nullable: true }],
  ['lastName', { kind: 'column', column: 'last_name', type: 'TEXT', nullable: true }],
  ['name', { kind: 'column', column: 'name', type: 'TEXT', nullable: true }],
  // Stored upper-case (ISO 3166-1 alpha-2, see normalizeCountryCode).
  ['country', { kind: 'column', column: 'country', type: 'TEXT', nullable: true, upperCase: true }],
  ['createdAt', { kind: 'column', column: 'created_at', type: 'DATETIME', nullable: false }],
  ['updatedAt', { kind: 'column', column: 'updated_at', type: 'DATETIME', nullable: false }],
  ['phone', { kind: 'detail', detail: 'PHONE' }],
  ['email', { kind: 'detail', detail: 'EMAIL' }],
]);

const TEXTUAL: readonly FieldOperator[] = ['eq', 'neq', 'contains', 'startsWith', 'in', 'notIn', 'isSet', 'isNotSet'];
const ORDERED: readonly FieldOperator[] = ['eq', 'neq', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'between', 'isSet', 'isNotSet'];
const DATED: readonly FieldOperator[] = [...ORDERED, 'withinLastDays', 'moreThanDaysAgo'];

/** The operators each field type takes. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly FieldOperator[]>> = {
  TEXT: TEXTUAL,
  URL: TEXTUAL,
  EMAIL: TEXTUAL,
  PHONE: TEXTUAL,
  SELECT: ['eq', 'neq', 'in', 'notIn', 'isSet', 'isNotSet'],
  MULTI_SELECT: ['eq', 'neq', 'contains', 'in', 'notIn', 'isSet', 'isNotSet'],
  NUMBER: ORDERED,
  BOOLEAN: ['eq', 'neq', 'isSet', 'isNotSet'],
  DATE: DATED,
  DATETIME: DATED.filter((operator) => operator !== 'in' && operator !== 'notIn'),
};

function accessOf(key: string, env: Pick<FilterEnvironment, 'fields'>): FieldAccess | undefined {
  const builtIn = BUILT_IN_ACCESS.get(key);
  if (builtIn) return builtIn;
  const field = env.fields.get(key);
  return field && { kind: 'custom', field };
}

function typeOf(access: FieldAccess): FieldType {
  if (access.kind === 'column') return access.type;
  if (access.kind === 'detail') return access.detail === 'PHONE' ? 'PHONE' : 'EMAIL';
  return access.field.type;
}

/** Thrown inside compilation and turned into one ValidationError issue at its path. */
class Problem {
  constructor(
    readonly path: string[],
    readonly message: string,
  ) {}
}

/** A dynamic group compiled once in a compilation, for every place that names it. */
interface CompiledGroup {
  predicate: Sql;
  /** What writing it out adds to the statement. */
  conditions: number;
  values: number;
  /** The longest chain of dynamic groups it starts, itself included. */
  height: number;
}

/** What one compilation shares across the dynamic groups it writes out. */
interface CompileTotals {
  memo: Map<string, CompiledGroup>;
  conditions: number;
  values: number;
}

interface CompileState {
  env: FilterEnvironment;
  issues: InputIssue[];
  /** The dynamic groups being compiled, outermost first, to find cycles and measure nesting. */
  stack: string[];
  totals: CompileTotals;
  /** The longest chain of dynamic groups named within the filter being compiled. */
  childHeight: number;
}

/** Thrown when the statement being written grows past a compiled size limit; it ends the compilation. */
class TooLarge {
  constructor(readonly message: string) {}
}

/** Runs a compilation from its root; its problems, or its size past a limit, become a ValidationError at `path`. */
function compileRoot(path: readonly string[], env: FilterEnvironment, compile: (state: CompileState) => Sql): Sql {
  const state: CompileState = { env, issues: [], stack: [], totals: { memo: new Map(), conditions: 0, values: 0 }, childHeight: 0 };
  let predicate: Sql;
  try {
    predicate = compile(state);
  } catch (error) {
    if (error instanceof TooLarge) throw ValidationError.of([...path], error.message);
    throw error;
  }
  if (state.issues.length > 0) throw new ValidationError(state.issues);
  return predicate;
}

/** Adds to the size of the statement being written; TooLarge past a limit. */
function grow(totals: CompileTotals, conditions: number, values: number): void {
  totals.conditions += conditions;
  totals.values += values;
  if (totals.conditions > COMPILED_MAX_CONDITIONS) {
    throw new TooLarge(`with the dynamic groups it names written out, this filter has more than ${COMPILED_MAX_CONDITIONS} conditions, the most a filter may have`);
  }
  if (totals.values > COMPILED_MAX_VALUES) {
    throw new TooLarge(`with the dynamic groups it names written out, this filter lists more than ${COMPILED_MAX_VALUES} values, the most a filter may list`);
  }
}

/** The values a condition lists (in, notIn, a multi-select eq, tags, groups). */
function listedValues(filter: ContactFilter): number {
  if ('field' in filter) {
    const { in: inList, notIn, eq, neq } = filter.field;
    return [inList, notIn, eq, neq].reduce<number>((count, value) => count + (Array.isArray(value) ? value.length : 0), 0);
  }
  if ('tags' in filter) return setEntry(filter.tags)[1].length;
  if ('groups' in filter) return setEntry(filter.groups)[1].length;
  return 0;
}

/**
 * The SQL predicate over the contact row `c` that the filter stands for, every value bound.
 * Throws a ValidationError listing every problem (unknown or deleted field, operator not valid for
 * the type, bad value, unknown group, a cycle of dynamic groups, groups nested too deep) with its
 * path, or naming the limit the filter is over once its dynamic groups are written out.
 */
export function contactFilterSql(filter: ContactFilter, env: FilterEnvironment, path: readonly string[] = ['filter']): Sql {
  return compileRoot(path, env, (state) => compileNode(filter, [...path], state));
}

/**
 * The predicate of a group's members: a static group's member rows, a dynamic group's filter.
 * `env.groups` must hold the group itself and everything its filter refers to.
 */
export function groupMembershipSql(groupId: string, env: FilterEnvironment, path: readonly string[] = ['groupId']): Sql {
  return compileRoot(path, env, (state) => compileGroup(groupId, [...path], state));
}

/** Stands for a dynamic group not saved yet in the groups its filter is compiled within. */
const NEW_GROUP = 'new group';

/**
 * The predicate of a dynamic group's filter before the group is created: as {@link contactFilterSql}
 * (problems at their paths), but compiled as the group's own filter, one level of dynamic groups
 * deep, as reading the group will compile it.
 */
export function newGroupFilterSql(filter: ContactFilter, env: FilterEnvironment, path: readonly string[]): Sql {
  return compileRoot(path, env, (state) => {
    state.stack.push(NEW_GROUP);
    return compileNode(filter, [...path], state);
  });
}

function compileNode(filter: ContactFilter, path: string[], state: CompileState): Sql {
  grow(state.totals, 1, listedValues(filter));
  try {
    if ('and' in filter) return sql`(${join(filter.and.map((child, i) => compileNode(child, [...path, 'and', String(i)], state)), ' AND ')})`;
    if ('or' in filter) return sql`(${join(filter.or.map((child, i) => compileNode(child, [...path, 'or', String(i)], state)), ' OR ')})`;
    if ('not' in filter) return sql`NOT ${compileNode(filter.not, [...path, 'not'], state)}`;
    if ('field' in filter) return compileField(filter.field, [...path, 'field'], state.env);
    if ('tags' in filter) return compileTags(filter.tags, [...path, 'tags']);
    if ('groups' in filter) return compileGroups(filter.groups, [...path, 'groups'], state);
    if ('hasAddressFor' in filter) return hasAddressSql(filter.hasAddressFor);
    if ('reachableOn' in filter) return reachableSql(filter.reachableOn);
    if ('optedOutOn' in filter) return sql`(${hasAddressSql(filter.optedOutOn)} AND NOT ${reachableSql(filter.optedOutOn)})`;
    return filter.active ? activeContactSql('c') : sql`NOT ${activeContactSql('c')}`;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    state.issues.push({ path: error.path, message: error.message });
    return raw('FALSE');
  }
}

function hasAddressSql(channel: Channel): Sql {
  return sql`EXISTS (SELECT 1 FROM contact_details hd WHERE hd.workspace_id = c.workspace_id AND hd.contact_id = c.id AND hd.kind = ${raw(`'${kindOf(channel)}'`)})`;
}

function reachableSql(channel: Channel): Sql {
  return sql`EXISTS (SELECT 1 FROM contact_details rd WHERE rd.workspace_id = c.workspace_id AND rd.contact_id = c.id
    AND rd.kind = ${raw(`'${kindOf(channel)}'`)} AND NOT ${optedOutSql(raw('rd.workspace_id'), raw('rd.value'), channel)})`;
}

function kindOf(channel: Channel): DetailKind {
  return CHANNELS_OF_KIND.PHONE.includes(channel) ? 'PHONE' : 'EMAIL';
}

function compileTags(set: SetCondition, path: string[]): Sql {
  const [mode, names] = setEntry(set);
  const normalized = names.map((name, i) => {
    const tag = normalizeTag(name);
    if (!tag.ok) throw new Problem([...path, mode, String(i)], tag.error);
    return tag.value;
  });
  const unique = [...new Set(normalized)];
  const tagged = (condition: Sql) => sql`(SELECT count(*) FROM contact_tags ct JOIN tags t ON t.workspace_id = ct.workspace_id AND t.id = ct.tag_id
    WHERE ct.workspace_id = c.workspace_id AND ct.contact_id = c.id AND ${condition})`;
  const any = sql`EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.workspace_id = ct.workspace_id AND t.id = ct.tag_id
    WHERE ct.workspace_id = c.workspace_id AND ct.contact_id = c.id AND t.name = ANY(${unique}::text[]))`;
  if (mode === 'any') return any;
  if (mode === 'none') return sql`NOT ${any}`;
  return sql`${tagged(sql`t.name = ANY(${unique}::text[])`)} = ${unique.length}`;
}

function setEntry(set: SetCondition): ['any' | 'all' | 'none', string[]] {
  if (set.any) return ['any', set.any];
  if (set.all) return ['all', set.all];
  return ['none', set.none ?? []];
}

function compileGroups(set: SetCondition, path: string[], state: CompileState): Sql {
  const [mode, ids] = setEntry(set);
  // A group named twice is one condition, written once.
  const seen = new Set<string>();
  const members = ids.flatMap((id, i) => {
    if (seen.has(id.toLowerCase())) return [];
    seen.add(id.toLowerCase());
    return [compileGroup(id, [...path, mode, String(i)], state)];
  });
  if (mode === 'any') return sql`(${join(members, ' OR ')})`;
  if (mode === 'all') return sql`(${join(members, ' AND ')})`;
  return sql`NOT (${join(members, ' OR ')})`;
}

function compileGroup(id: string, path: string[], state: CompileState): Sql {
  const group = state.env.groups.get(id.toLowerCase());
  if (!group) {
    state.issues.push({ path, message: `group ${quote(id)} was not found` });
    return raw('FALSE');
  }
  if (group.type === 'STATIC') {
    return sql`EXISTS (SELECT 1 FROM group_members gm WHERE gm.workspace_id = c.workspace_id AND gm.group_id = ${group.id}::uuid AND gm.contact_id = c.id)`;
  }
  const chain = (ids: readonly string[]) => ids.map((groupId) => quote(state.env.groups.get(groupId)?.name ?? groupId)).join(' → ');
  if (state.stack.includes(group.id)) {
    state.issues.push({ path, message: `dynamic groups refer to each other in a cycle: ${chain([...state.stack, group.id])}` });
    return raw('FALSE');
  }
  const tooDeep = () => {
    state.issues.push({ path, message: `dynamic groups name dynamic groups at most ${GROUP_MAX_NESTING} deep; here: ${chain([...state.stack, group.id])} → …` });
    return raw('FALSE');
  };
  const compiled = state.totals.memo.get(group.id);
  if (compiled) {
    if (state.stack.length + compiled.height > GROUP_MAX_NESTING) return tooDeep();
    grow(state.totals, compiled.conditions, compiled.values);
    state.childHeight = Math.max(state.childHeight, compiled.height);
    return compiled.predicate;
  }
  if (state.stack.length >= GROUP_MAX_NESTING) return tooDeep();
  if (!group.filter) {
    state.issues.push({ path, message: `dynamic group ${quote(group.name)} has no filter` });
    return raw('FALSE');
  }
  // Problems inside the group's own filter are reported at the place that names the group.
  const inner: CompileState = { env: state.env, issues: [], stack: [...state.stack, group.id], totals: state.totals, childHeight: 0 };
  const before = { conditions: state.totals.conditions, values: state.totals.values };
  const predicate = sql`(${compileNode(group.filter, [], inner)})`;
  for (const issue of inner.issues) {
    const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    state.issues.push({ path, message: `group ${quote(group.name)}: ${issue.message}${where}` });
  }
  const height = inner.childHeight + 1;
  state.totals.memo.set(group.id, {
    predicate,
    conditions: state.totals.conditions - before.conditions,
    values: state.totals.values - before.values,
    height,
  });
  state.childHeight = Math.max(state.childHeight, height);
  return predicate;
}

/** `%`, `_` and `\` are LIKE's wildcards and escape; a search for them means the characters themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function compileField(condition: FieldCondition, path: string[], env: FilterEnvironment): Sql {
  const access = accessOf(condition.key, env);
  if (!access) throw new Problem([...path, 'key'], `no field has the key ${quote(condition.key)} (it may have been deleted)`);
  const operator = FIELD_OPERATORS.find((name) => condition[name] !== undefined)!;
  const type = typeOf(access);
  const allowed = access.kind === 'column' && access.type === 'DATETIME' ? DATED.filter((o) => o !== 'in' && o !== 'notIn') : OPERATORS_BY_TYPE[type];
  if (!allowed.includes(operator)) {
    throw new Problem([...path, operator], `${operator} does not apply to ${quote(condition.key)}, a ${type} field (it takes ${allowed.join(', ')})`);
  }
  const at = [...path, operator];
  const value = condition[operator];
  if (operator === 'isSet' || operator === 'isNotSet') {
    const wantSet = (operator === 'isSet') === value;
    const set = isSetSql(access);
    return wantSet ? set : sql`NOT ${set}`;
  }
  if (access.kind === 'detail') return compileDetail(access.detail, operator, value, at);
  if (access.kind === 'column') return compileColumn(access, operator, value, at, env.now);
  return compileCustom(access.field, operator, value, at, env.now);
}

function isSetSql(access: FieldAccess): Sql {
  if (access.kind === 'detail') return detailExists(access.detail, raw('TRUE'));
  if (access.kind === 'column') return access.nullable ? sql`${raw(`c.${access.column}`)} IS NOT NULL` : raw('TRUE');
  return sql`(c.custom_fields ? ${access.field.key}::text)`;
}

function detailExists(kind: DetailKind, condition: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM contact_details fd WHERE fd.workspace_id = c.workspace_id AND fd.contact_id = c.id
    AND fd.kind = ${raw(`'${kind}'`)} AND ${condition})`;
}

function text(value: unknown, path: string[]): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Problem(path, 'expected a single value');
}

function list(value: unknown): FilterScalar[] {
  return Array.isArray(value) ? (value as FilterScalar[]) : [value as FilterScalar];
}

function compileDetail(kind: DetailKind, operator: FieldOperator, value: unknown, path: string[]): Sql {
  const normalize = (item: unknown, at: string[]): string => {
    const given = text(item, at);
    if (kind === 'EMAIL') {
      const email = normalizeEmail(given);
      if (!email.ok) throw new Problem(at, email.error);
      return email.value;
    }
    const phone = normalizePhone(given);
    if (!phone.ok) throw new Problem(at, `${phone.error}; write the number in international form, e.g. +12025550143`);
    return phone.value.e164;
  };
  switch (operator) {
    case 'eq':
    case 'neq': {
      const match = detailExists(kind, sql`fd.value = ${normalize(value, path)}`);
      return operator === 'eq' ? match : sql`NOT ${match}`;
    }
    case 'in':
    case 'notIn': {
      const values = list(value).map((item, i) => normalize(item, [...path, String(i)]));
      const match = detailExists(kind, sql`fd.value = ANY(${values}::text[])`);
      return operator === 'in' ? match : sql`NOT ${match}`;
    }
    default: {
      // Phones are stored as + and digits: the digits typed are what a partial phone means.
      const given = text(value, path);
      const part = kind === 'PHONE' ? given.replace(/[^\d+]/g, '') : given.toLowerCase();
      if (part === '') throw new Problem(path, 'expected some digits of a phone number');
      const pattern = operator === 'contains' ? `%${escapeLike(part)}%` : `${escapeLike(part)}%`;
      return detailExists(kind, sql`fd.value LIKE ${pattern}`);
    }
  }
}

/** The start of day `days` before `now`'s UTC day, as YYYY-MM-DD. */
function daysBefore(now: Date, days: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

function compileColumn(
  access: Extract<FieldAccess, { kind: 'column' }>,
  operator: FieldOperator,
  value: unknown,
  path: string[],
  now: Date,
): Sql {
  const column = raw(`c.${access.column}`);
  if (access.type === 'TEXT') return access.upperCase ? compileUpperCase(column, operator, value, path) : compileText(column, operator, value, path, true);
  const instant = (item: unknown, at: string[]): string => {
    const coerced = coerceFieldValue({ key: 'datetime', label: 'value', type: 'DATETIME', options: [] }, text(item, at));
    if (!coerced.ok || coerced.empty) throw new Problem(at, coerced.ok ? 'a date-time is needed' : coerced.error);
    return coerced.value as string;
  };
  return compileComparable(sql`${column}`, 'timestamptz', operator, value, path, instant, now, 'DATETIME');
}

/**
 * Text comparisons on a nullable column stored upper-case: equality compares it exactly with the
 * upper-cased value — the answer of {@link compileText}'s case-insensitive comparison, in a form the
 * column's index serves. `IS NOT NULL AND …` keeps the predicate two-valued (unset values match
 * `neq` and `notIn`) where COALESCE would hide the comparison from the index.
 */
function compileUpperCase(column: Sql, operator: FieldOperator, value: unknown, path: string[]): Sql {
  switch (operator) {
    case 'eq':
    case 'neq': {
      const match = sql`(${column} IS NOT NULL AND ${column} = ${text(value, path).toUpperCase()})`;
      return operator === 'eq' ? match : sql`NOT ${match}`;
    }
    case 'in':
    case 'notIn': {
      const values = list(value).map((item, i) => text(item, [...path, String(i)]).toUpperCase());
      const match = sql`(${column} IS NOT NULL AND ${column} = ANY(${values}::text[]))`;
      return operator === 'in' ? match : sql`NOT ${match}`;
    }
    default:
      return compileText(column, operator, value, path, true);
  }
}

/** Case-insensitive text comparisons. Values that are unset match `neq` and `notIn`. */
function compileText(expression: Sql, operator: FieldOperator, value: unknown, path: string[], nullable: boolean): Sql {
  const guard = (predicate: Sql) => (nullable ? sql`COALESCE(${predicate}, FALSE)` : predicate);
  switch (operator) {
    case 'eq':
      return guard(sql`lower(${expression}) = lower(${text(value, path)})`);
    case 'neq':
      return sql`NOT ${guard(sql`lower(${expression}) = lower(${text(value, path)})`)}`;
    case 'in':
    case 'notIn': {
      const values = list(value).map((item, i) => text(item, [...path, String(i)]).toLowerCase());
      const match = guard(sql`lower(${expression}) = ANY(${values}::text[])`);
      return operator === 'in' ? match : sql`NOT ${match}`;
    }
    case 'contains':
      return guard(sql`${expression} ILIKE ${`%${escapeLike(text(value, path))}%`}`);
    case 'startsWith':
      return guard(sql`${expression} ILIKE ${`${escapeLike(text(value, path))}%`}`);
    default:
      throw new Problem(path, `${operator} does not apply to text`);
  }
}

/**
 * Comparisons of an ordered value (a number, a date, an instant). `expression` may be NULL (unset);
 * then only `neq` and `notIn` match.
 */
function compileComparable(
  expression: Sql,
  cast: 'numeric' | 'date' | 'timestamptz',
  operator: FieldOperator,
  value: unknown,
  path: string[],
  read: (item: unknown, at: string[]) => string,
  now: Date,
  type: FieldType,
): Sql {
  const bound = (item: unknown, at: string[]) => sql`${read(item, at)}::${raw(cast)}`;
  const guard = (predicate: Sql) => sql`COALESCE(${predicate}, FALSE)`;
  const comparison = (symbol: string) => guard(sql`${expression} ${raw(symbol)} ${bound(value, path)}`);
  switch (operator) {
    case 'eq':
      return comparison('=');
    case 'neq':
      return sql`NOT ${comparison('=')}`;
    case 'gt':
      return comparison('>');
    case 'gte':
      return comparison('>=');
    case 'lt':
      return comparison('<');
    case 'lte':
      return comparison('<=');
    case 'between': {
      const range = value as { from: FilterScalar; to: FilterScalar };
      return guard(sql`${expression} BETWEEN ${bound(range.from, [...path, 'from'])} AND ${bound(range.to, [...path, 'to'])}`);
    }
    case 'in':
    case 'notIn': {
      const values = list(value).map((item, i) => read(item, [...path, String(i)]));
      const match = guard(sql`${expression} = ANY(${values}::${raw(cast)}[])`);
      return operator === 'in' ? match : sql`NOT ${match}`;
    }
    case 'withinLastDays': {
      const days = value as number;
      if (type === 'DATE') return guard(sql`${expression} BETWEEN ${daysBefore(now, days)}::date AND ${daysBefore(now, 0)}::date`);
      const from = new Date(now.getTime() - days * 86_400_000).toISOString();
      return guard(sql`${expression} BETWEEN ${from}::timestamptz AND ${now.toISOString()}::timestamptz`);
    }
    case 'moreThanDaysAgo': {
      const days = value as number;
      if (type === 'DATE') return guard(sql`${expression} < ${daysBefore(now, days)}::date`);
      return guard(sql`${expression} < ${new Date(now.getTime() - days * 86_400_000).toISOString()}::timestamptz`);
    }
    default:
      throw new Problem(path, `${operator} does not apply to a ${type} field`);
  }
}

/** The stored value of a custom field read for comparing, NULL when unset or of another JSON type. */
export function customFieldSql(field: FieldDefinition): { expression: Sql; cast: 'text' | 'numeric' | 'boolean' | 'date' | 'timestamptz' } {
  const json = sql`(c.custom_fields -> ${field.key}::text)`;
  const textValue = sql`(c.custom_fields ->> ${field.key}::text)`;
  const typed = (jsonType: string, cast: string) => sql`(CASE WHEN jsonb_typeof(${json}) = '${raw(jsonType)}' THEN ${textValue}::${raw(cast)} END)`;
  switch (field.type) {
    case 'NUMBER':
      return { expression: typed('number', 'numeric'), cast: 'numeric' };
    case 'BOOLEAN':
      return { expression: typed('boolean', 'boolean'), cast: 'boolean' };
    case 'DATE':
      return { expression: typed('string', 'date'), cast: 'date' };
    case 'DATETIME':
      return { expression: typed('string', 'timestamptz'), cast: 'timestamptz' };
    default:
      return { expression: textValue, cast: 'text' };
  }
}

function compileCustom(field: FieldDefinition, operator: FieldOperator, value: unknown, path: string[], now: Date): Sql {
  const coerce = (item: unknown, at: string[]): FieldValue => {
    const coerced = coerceFieldValue(field, text(item, at));
    if (!coerced.ok) throw new Problem(at, coerced.error);
    if (coerced.empty) throw new Problem(at, 'a value is needed');
    return coerced.value;
  };
  // Equality on the stored JSON form is containment, which a GIN index on custom_fields serves.
  const contains = (stored: FieldValue) => sql`c.custom_fields @> ${JSON.stringify({ [field.key]: stored })}::jsonb`;
  const { expression, cast } = customFieldSql(field);
  switch (field.type) {
    case 'TEXT':
      return compileText(expression, operator, value, path, true);
    case 'URL':
    case 'EMAIL':
    case 'PHONE':
    case 'SELECT':
    case 'BOOLEAN': {
      if (operator === 'contains' || operator === 'startsWith') {
        const part = text(value, path);
        const pattern = operator === 'contains' ? `%${escapeLike(part)}%` : `${escapeLike(part)}%`;
        return sql`COALESCE(${expression} ILIKE ${pattern}, FALSE)`;
      }
      if (operator === 'eq' || operator === 'neq') {
        const match = contains(coerce(value, path));
        return operator === 'eq' ? match : sql`NOT ${match}`;
      }
      const values = list(value).map((item, i) => coerce(item, [...path, String(i)]));
      const match = sql`(${join(values.map(contains), ' OR ')})`;
      return operator === 'in' ? match : sql`NOT ${match}`;
    }
    case 'MULTI_SELECT': {
      const options = (items: unknown, at: string[]) => [
        ...new Set(list(items).flatMap((item, i) => coerce(item, Array.isArray(items) ? [...at, String(i)] : at) as string[])),
      ];
      const stored = sql`(c.custom_fields -> ${field.key}::text)`;
      switch (operator) {
        case 'contains':
          return contains(options(value, path));
        case 'eq':
        case 'neq': {
          const chosen = JSON.stringify(options(value, path));
          const match = sql`COALESCE(${stored} @> ${chosen}::jsonb AND ${stored} <@ ${chosen}::jsonb, FALSE)`;
          return operator === 'eq' ? match : sql`NOT ${match}`;
        }
        default: {
          const match = sql`(${join(options(value, path).map((option) => contains([option])), ' OR ')})`;
          return operator === 'in' ? match : sql`NOT ${match}`;
        }
      }
    }
    case 'NUMBER':
    case 'DATE':
    case 'DATETIME': {
      const read = (item: unknown, at: string[]) => String(coerce(item, at));
      return compileComparable(expression, cast as 'numeric' | 'date' | 'timestamptz', operator, value, path, read, now, field.type);
    }
  }
}

/** How a sort key is read: its SQL expression and the type its cursor value is cast back to. */
export interface SortExpression {
  expression: Sql;
  cast: 'text' | 'numeric' | 'boolean' | 'date' | 'timestamptz';
}

/**
 * The expression a contact list is sorted by for a field key: a column, the primary phone or email,
 * or a custom field's typed value. Throws a ValidationError at `path` for an unknown key.
 */
export function sortExpressionSql(key: string, fields: ReadonlyMap<string, FieldDefinition>, path: readonly string[]): SortExpression {
  const access = accessOf(key, { fields });
  if (!access) throw ValidationError.of([...path], `no field has the key ${quote(key)} (it may have been deleted)`);
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

/** Text that may be a phone number: digits with the usual punctuation, at least a few digits. */
const PHONE_LIKE = /^[+＋(]?[\d\s().\-/]+$/;
const MIN_PHONE_DIGITS = 5;

/**
 * Every E.164 number `search` can be: its international form, or its national form read in each
 * country (a national number means different numbers in different countries; each is tried, so a
 * contact is found whatever its country).
 */
export function phoneSearchCandidates(search: string): string[] {
  const text = search.trim();
  if (!PHONE_LIKE.test(text) || text.replace(/\D/g, '').length < MIN_PHONE_DIGITS) return [];
  const international = normalizePhone(text);
  if (international.ok) return [international.value.e164];
  const candidates = new Set<string>();
  for (const country of getCountries()) {
    const phone = normalizePhone(text, { defaultCountry: country });
    if (phone.ok) candidates.add(phone.value.e164);
  }
  return [...candidates];
}

/** Longest search accepted, in characters: more than any name, number or address typed into a box. */
export const SEARCH_MAX_LENGTH = 100;

/**
 * Below this many characters a search matches names where a word starts rather than anywhere: "Al"
 * finds Alice and Van Allen, not every name with an "al" in it. A trigram index can find word
 * starts of one or two characters (it pads words with spaces); it cannot find them anywhere.
 */
const MIN_ANYWHERE_LENGTH = 3;

/** Part of a phone number: digits (3 or more) written with the usual punctuation. */
const PHONE_PART = /^\+?[\d\s().-]+$/;
const MIN_PHONE_PART_DIGITS = 3;

/** A domain or the end of one: `example.com`, `.co.uk` (a label of letters at the end). */
const DOMAIN_LIKE = /^[\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What a search term asks for. */
export interface SearchTerm {
  /** The term: trimmed, inner runs of whitespace made one space, in Unicode NFC form (as names are stored). */
  text: string;
  /**
   * Names match from the start of a word (a term of 1 or 2 characters) or anywhere. A term without
   * a letter or digit matches no name: none is made of punctuation alone, and such a term gives a
   * trigram index nothing to look up, so it would read every contact of the workspace.
   */
  names?: 'wordStart' | 'anywhere';
  /**
   * For a term of digits and phone punctuation, the digits a phone number must contain; a term
   * starting with + is the start of an international number.
   */
  phoneDigits?: { digits: string; fromStart: boolean };
  /** The numbers the whole term can be, matched exactly (see {@link phoneSearchCandidates}). */
  phoneNumbers: string[];
  /** For a term with an `@` or shaped like a domain, the lower-cased part an email address must contain. */
  emailPart?: string;
}

/**
 * Reads a list search. Undefined for a blank one; a ValidationError at `path` for one longer than
 * {@link SEARCH_MAX_LENGTH} characters.
 */
export function parseSearchTerm(search: string | null | undefined, path: readonly string[] = ['search']): SearchTerm | undefined {
  const text = (search ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const length = [...text].length;
  if (length > SEARCH_MAX_LENGTH) {
    throw ValidationError.of([...path], `a search is at most ${SEARCH_MAX_LENGTH} characters; this one has ${length}`);
  }
  const term: SearchTerm = { text, phoneNumbers: phoneSearchCandidates(text) };
  if (!LETTER_OR_DIGIT.test(text)) return term;
  term.names = length < MIN_ANYWHERE_LENGTH ? 'wordStart' : 'anywhere';
  const digits = text.replace(/\D/g, '');
  if (PHONE_PART.test(text) && digits.length >= MIN_PHONE_PART_DIGITS) term.phoneDigits = { digits, fromStart: text.startsWith('+') };
  if (text.includes('@') || DOMAIN_LIKE.test(text)) term.emailPart = text.toLowerCase();
  return term;
}

/**
 * Where a word of a name starts, as a regular expression: at the start of the text, or after a
 * space, the line break between the full name and the first and last name (see the database's
 * `contact_search_names`), a hyphen, an apostrophe (every kind folds to ') or a period.
 */
const WORD_START = "(^|[- \n'.])";

/** Regular-expression replacements that put a backslash before LIKE's wildcards and escape, or before any character but a letter or digit. */
const LIKE_SPECIAL = String.raw`([\\%_])`;
const REGEX_SPECIAL = '([^[:alnum:]])';
const BACKSLASHED = String.raw`\\\1`;

/**
 * The predicate over contact row `c` of a list search within the workspace: names containing the
 * term with accents and case folded on both sides ("Muller" finds Müller, "jose" José), phone
 * numbers containing its digits or equal to the number it is, email addresses containing it.
 *
 * Each is one set of contact ids found through a trigram index (made by the migration
 * `contact_search`): on `contact_search_names(name, first_name, last_name)` of contacts and on
 * `value` of contact_details. The predicate is `c.id` in their union, which the planner makes a
 * join; an OR of conditions on `c` would make it read every contact of the workspace.
 */
export function contactSearchSql(term: SearchTerm, workspaceId: string): Sql {
  const workspace = sql`${workspaceId}::uuid`;
  const sets: Sql[] = [];
  if (term.names) {
    // The database folds the term as it folds names, and only then escapes it: folding turns a
    // full-width ％ into %.
    const folded = sql`search_fold(${term.text})`;
    const names = raw('contact_search_names(n.name, n.first_name, n.last_name)');
    const match =
      term.names === 'anywhere'
        ? sql`${names} LIKE '%' || regexp_replace(${folded}, ${LIKE_SPECIAL}, ${BACKSLASHED}, 'g') || '%'`
        : sql`${names} ~ (${WORD_START}::text || regexp_replace(${folded}, ${REGEX_SPECIAL}, ${BACKSLASHED}, 'g'))`;
    sets.push(sql`SELECT n.id FROM contacts n WHERE n.workspace_id = ${workspace} AND ${match}`);
  }
  const phones: Sql[] = [];
  if (term.phoneDigits) {
    const { digits, fromStart } = term.phoneDigits;
    phones.push(sql`d.value LIKE ${fromStart ? `+${digits}%` : `%${digits}%`}`);
  }
  if (term.phoneNumbers.length > 0) phones.push(sql`d.value = ANY(${term.phoneNumbers}::text[])`);
  if (phones.length > 0) {
    sets.push(sql`SELECT d.contact_id FROM contact_details d WHERE d.workspace_id = ${workspace} AND d.kind = 'PHONE' AND (${join(phones, ' OR ')})`);
  }
  if (term.emailPart !== undefined) {
    sets.push(sql`SELECT d.contact_id FROM contact_details d WHERE d.workspace_id = ${workspace} AND d.kind = 'EMAIL'
      AND d.value LIKE ${`%${escapeLike(term.emailPart)}%`}`);
  }
  if (sets.length === 0) return raw('FALSE');
  return sql`(c.workspace_id = ${workspace} AND c.id IN (${join(sets, ' UNION ALL ')}))`;
}
