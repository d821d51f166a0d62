/**
 * Compiling a filter tree to a parameterised SQL predicate over the contact row `c`, checked against
 * the workspace's fields and groups: and, or and not, tags, groups (a dynamic group's filter written
 * out inline), channels and the active rule. Field conditions are compiled by field-condition-sql.ts.
 */
import type { ContactFilter, FilterEnvironment, SetCondition } from './contact-filter.ts';
import { activeContactSql, CHANNELS_OF_KIND, optedOutSql, type Channel, type DetailKind } from './detail-status.ts';
import { issue, rejection, ValidationError, type InputIssue } from './errors.ts';
import { compileField, FilterProblem } from './field-condition-sql.ts';
import { quote } from './result.ts';
import { join, raw, sql, type Sql } from './sql.ts';
import { normalizeTag } from './tag.ts';

/**
 * Most conditions a filter stands for once the dynamic groups it names are written out in its SQL
 * (a group named twice, twice): what keeps groups of groups from growing a statement exponentially.
 */
export const COMPILED_MAX_CONDITIONS = 100;
/** Most listed values a filter stands for once its dynamic groups are written out. */
export const COMPILED_MAX_VALUES = 20_000;
/** Longest chain of dynamic groups naming dynamic groups. */
export const GROUP_MAX_NESTING = 8;

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
  constructor(
    readonly message: string,
    readonly limit: number,
  ) {}
}

/** Runs a compilation from its root; its problems, or its size past a limit, become a ValidationError at `path`. */
function compileRoot(path: readonly string[], env: FilterEnvironment, compile: (state: CompileState) => Sql): Sql {
  const state: CompileState = { env, issues: [], stack: [], totals: { memo: new Map(), conditions: 0, values: 0 }, childHeight: 0 };
  let predicate: Sql;
  try {
    predicate = compile(state);
  } catch (error) {
    if (error instanceof TooLarge) throw ValidationError.of([...path], 'FILTER_TOO_LARGE', error.message, { limit: error.limit });
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
    throw new TooLarge(
      `with the dynamic groups it names written out, this filter has more than ${COMPILED_MAX_CONDITIONS} conditions, the most a filter may have`,
      COMPILED_MAX_CONDITIONS,
    );
  }
  if (totals.values > COMPILED_MAX_VALUES) {
    throw new TooLarge(
      `with the dynamic groups it names written out, this filter lists more than ${COMPILED_MAX_VALUES} values, the most a filter may list`,
      COMPILED_MAX_VALUES,
    );
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
    if ('and' in filter)
      return sql`(${join(
        filter.and.map((child, i) => compileNode(child, [...path, 'and', String(i)], state)),
        ' AND ',
      )})`;
    if ('or' in filter)
      return sql`(${join(
        filter.or.map((child, i) => compileNode(child, [...path, 'or', String(i)], state)),
        ' OR ',
      )})`;
    if ('not' in filter) return sql`NOT ${compileNode(filter.not, [...path, 'not'], state)}`;
    if ('field' in filter) return compileField(filter.field, [...path, 'field'], state.env);
    if ('tags' in filter) return compileTags(filter.tags, [...path, 'tags']);
    if ('groups' in filter) return compileGroups(filter.groups, [...path, 'groups'], state);
    if ('hasAddressFor' in filter) return hasAddressSql(filter.hasAddressFor);
    if ('reachableOn' in filter) return reachableSql(filter.reachableOn);
    if ('optedOutOn' in filter) return sql`(${hasAddressSql(filter.optedOutOn)} AND NOT ${reachableSql(filter.optedOutOn)})`;
    return filter.active ? activeContactSql('c') : sql`NOT ${activeContactSql('c')}`;
  } catch (error) {
    if (!(error instanceof FilterProblem)) throw error;
    state.issues.push(error.issue);
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
    if (!tag.ok) throw new FilterProblem(rejection([...path, mode, String(i)], tag));
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
    state.issues.push(issue(path, 'NOT_FOUND', `group ${quote(id)} was not found`, { entity: 'Group', id }));
    return raw('FALSE');
  }
  if (group.type === 'STATIC') {
    return sql`EXISTS (SELECT 1 FROM group_members gm WHERE gm.workspace_id = c.workspace_id AND gm.group_id = ${group.id}::uuid AND gm.contact_id = c.id)`;
  }
  const chain = (ids: readonly string[]) => ids.map((groupId) => quote(state.env.groups.get(groupId)?.name ?? groupId)).join(' → ');
  if (state.stack.includes(group.id)) {
    state.issues.push(issue(path, 'GROUP_CYCLE', `dynamic groups refer to each other in a cycle: ${chain([...state.stack, group.id])}`));
    return raw('FALSE');
  }
  const tooDeep = () => {
    state.issues.push(
      issue(
        path,
        'FILTER_TOO_LARGE',
        `dynamic groups name dynamic groups at most ${GROUP_MAX_NESTING} deep; here: ${chain([...state.stack, group.id])} → …`,
        {
          limit: GROUP_MAX_NESTING,
        },
      ),
    );
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
    state.issues.push(issue(path, 'INVALID_FILTER', `dynamic group ${quote(group.name)} has no filter`));
    return raw('FALSE');
  }
  // Problems inside the group's own filter are reported at the place that names the group.
  const innerState: CompileState = { env: state.env, issues: [], stack: [...state.stack, group.id], totals: state.totals, childHeight: 0 };
  const before = { conditions: state.totals.conditions, values: state.totals.values };
  const predicate = sql`(${compileNode(group.filter, [], innerState)})`;
  for (const inner of innerState.issues) {
    const where = inner.path.length > 0 ? ` (at ${inner.path.join('.')})` : '';
    state.issues.push({ ...inner, path, message: `group ${quote(group.name)}: ${inner.message}${where}` });
  }
  const height = innerState.childHeight + 1;
  state.totals.memo.set(group.id, {
    predicate,
    conditions: state.totals.conditions - before.conditions,
    values: state.totals.values - before.values,
    height,
  });
  state.childHeight = Math.max(state.childHeight, height);
  return predicate;
}
