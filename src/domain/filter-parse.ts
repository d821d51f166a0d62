/**
 * Reading a filter tree (a GraphQL input or a stored group filter): its shape and its size. Field
 * names, types and groups are checked later, against the workspace, when it is compiled.
 */
import type { Channel } from './detail-status.ts';
import { issue, ValidationError, type InputIssue } from './errors.ts';
import {
  FIELD_OPERATORS,
  type ContactFilter,
  type FieldCondition,
  type FieldOperator,
  type FilterScalar,
  type SetCondition,
} from './contact-filter.ts';
import { quote } from './result.ts';

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
/** Longest relative-date window, in days (about 1,000 years). */
const MAX_DAYS = 366_000;

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
 * checked later, against the workspace, by contactFilterSql (filter-compile.ts).
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
    issues.push(issue(at, 'INVALID_FILTER', message));
    return undefined;
  };
  if (state.tooLarge) return undefined;
  if (depth > MAX_DEPTH) {
    issues.push(issue(path, 'FILTER_TOO_LARGE', `a filter nests at most ${MAX_DEPTH} levels`, { limit: MAX_DEPTH }));
    return undefined;
  }
  if (++state.conditions > FILTER_MAX_CONDITIONS)
    return overSize(state, path, `a filter has at most ${FILTER_MAX_CONDITIONS} conditions (and, or and not count too)`, FILTER_MAX_CONDITIONS);
  if (!isRecord(raw)) return fail('a filter condition is an object with one key');
  const keys = presentKeys(raw);
  const unknown = keys.filter((key) => !(NODE_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) return fail(`unknown condition ${quote(unknown[0]!)} (expected one of ${NODE_KEYS.join(', ')})`, [...path, unknown[0]!]);
  if (keys.length !== 1)
    return fail(`a filter condition has exactly one of ${NODE_KEYS.join(', ')}; got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
  const key = keys[0] as (typeof NODE_KEYS)[number];
  const value = raw[key];
  const at = [...path, key];
  switch (key) {
    case 'and':
    case 'or': {
      if (!Array.isArray(value) || value.length === 0) return fail(`${key} takes a non-empty list of conditions`, at);
      if (value.length > FILTER_MAX_CONDITIONS)
        return overSize(state, at, `a filter has at most ${FILTER_MAX_CONDITIONS} conditions (and, or and not count too)`, FILTER_MAX_CONDITIONS);
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
        issues.push(issue(at, 'INVALID_CHOICE', `expected a channel: ${CHANNELS.join(', ')}`, { allowed: CHANNELS }));
        return undefined;
      }
      return { [key]: value as Channel } as ContactFilter;
    case 'active':
      if (typeof value !== 'boolean') return fail('expected true or false', at);
      return { active: value };
  }
}

/** Records a size limit the filter is over, and stops reading it. */
function overSize(state: ParseState, path: string[], message: string, limit: number): undefined {
  state.issues.push(issue(path, 'FILTER_TOO_LARGE', message, { limit }));
  state.tooLarge = true;
  return undefined;
}

/** Counts a list of values against the limits; false (with the issue recorded) when it is over one. */
function countValues(list: readonly unknown[], path: string[], state: ParseState): boolean {
  if (list.length > FILTER_MAX_LIST_LENGTH) {
    overSize(state, path, `a list holds at most ${FILTER_MAX_LIST_LENGTH} values; this one has ${list.length}`, FILTER_MAX_LIST_LENGTH);
    return false;
  }
  state.values += list.length;
  if (state.values > FILTER_MAX_VALUES) {
    overSize(state, path, `a filter lists at most ${FILTER_MAX_VALUES} values in all`, FILTER_MAX_VALUES);
    return false;
  }
  return true;
}

function parseSet(raw: Json, path: string[], state: ParseState): SetCondition | undefined {
  const { issues } = state;
  if (!isRecord(raw)) {
    issues.push(issue(path, 'INVALID_FILTER', 'expected one of any, all, none with a list'));
    return undefined;
  }
  const keys = presentKeys(raw);
  if (keys.length !== 1 || !(SET_KEYS as readonly string[]).includes(keys[0]!)) {
    issues.push(issue(path, 'INVALID_FILTER', `expected exactly one of ${SET_KEYS.join(', ')}`));
    return undefined;
  }
  const key = keys[0] as (typeof SET_KEYS)[number];
  const list = raw[key];
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
    issues.push(issue([...path, key], 'INVALID_FILTER', 'expected a non-empty list of strings'));
    return undefined;
  }
  if (!countValues(list, [...path, key], state)) return undefined;
  return { [key]: list as string[] };
}

function parseFieldCondition(raw: Json, path: string[], state: ParseState): ContactFilter | undefined {
  const { issues } = state;
  const fail = (message: string, at = path) => {
    issues.push(issue(at, 'INVALID_FILTER', message));
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
