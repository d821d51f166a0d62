/**
 * One check of every text a client sends, before any resolver reads it: each string of an
 * argument, of an input field, and inside a JSON value (its object keys too) is at most a number of
 * characters and holds no NUL character, which PostgreSQL cannot store in text. A field whose
 * result union has ValidationError gets one naming each offending input; any other field gets a
 * GraphQL error with code VALIDATION_FAILED and the same issues.
 *
 * The limit is {@link INPUT_TEXT_MAX_LENGTH} unless the argument or input field sets its own with
 * `extensions: textLimit(n)`. The domain's own, smaller limits (a tag, a group name, a search)
 * still apply after this one.
 */
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { issue, issueWithParams, ValidationError, type InputIssue } from '../domain/errors.ts';

/** Longest text an input takes unless it says otherwise: more than any name, address, label or key. */
export const INPUT_TEXT_MAX_LENGTH = 1_000;

/** Longest text people write at length: a message received, a note kept in a custom field. */
export const LONG_TEXT_MAX_LENGTH = 10_000;

/**
 * Longest cursor: a cursor carries the sort values of a row (up to five, a custom text value among
 * them), so it may be longer than other inputs.
 */
export const CURSOR_MAX_LENGTH = 100_000;

/** Most issues one refusal lists: enough to fix the input, not a second copy of it. */
const MAX_ISSUES = 20;

const LIMIT_EXTENSION = 'maxTextLength';

/** The extensions of an argument or input field that takes texts of up to `characters` (Infinity: any length). */
export function textLimit(characters: number): Record<string, number> {
  return { [LIMIT_EXTENSION]: characters };
}

function limitOf(input: GraphQLArgument | GraphQLInputField, inherited: number): number {
  const own = input.extensions?.[LIMIT_EXTENSION];
  return typeof own === 'number' ? own : inherited;
}

/** Characters (code points) of a text known to be longer than `limit` UTF-16 units. */
function characterCount(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

/**
 * Where a value sits in the arguments, as a chain to its parent: the path of an issue is spelled
 * out only when there is one, not for each of the many values that are fine.
 */
interface Place {
  parent: Place | undefined;
  key: string;
}

function pathOf(place: Place | undefined): string[] {
  const path: string[] = [];
  for (let at = place; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

function checkText(text: string, place: Place, limit: number, issues: InputIssue[]): void {
  if (text.includes('\u0000')) {
    issues.push(issue(pathOf(place), 'NUL_CHARACTER', 'must not contain the NUL character (U+0000)'));
  } else if (text.length > limit) {
    const length = characterCount(text);
    if (length > limit) issues.push(issue(pathOf(place), 'TOO_LONG', `at most ${limit} characters; this one has ${length}`, { limit, length }));
  }
}

/** The texts of a JSON value: its strings and its object keys, walked without recursion. */
function checkJson(value: unknown, place: Place, limit: number, issues: InputIssue[]): void {
  const pending: [unknown, Place][] = [[value, place]];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const [current, at] = pending.pop()!;
    if (typeof current === 'string') {
      checkText(current, at, limit, issues);
    } else if (Array.isArray(current)) {
      for (const [index, item] of current.entries()) pending.push([item, { parent: at, key: String(index) }]);
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        checkText(key, at, limit, issues);
        pending.push([item, { parent: at, key }]);
      }
    }
  }
}

function checkValue(value: unknown, type: GraphQLInputType, place: Place, limit: number, issues: InputIssue[]): void {
  if (value === null || value === undefined || issues.length >= MAX_ISSUES) return;
  if (isNonNullType(type)) {
    checkValue(value, type.ofType, place, limit, issues);
    return;
  }
  if (isListType(type)) {
    if (!Array.isArray(value)) checkValue(value, type.ofType, place, limit, issues);
    else for (const [index, item] of value.entries()) checkValue(item, type.ofType, { parent: place, key: String(index) }, limit, issues);
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const name of Object.keys(value as object)) {
      const field = fields[name];
      if (field)
        checkValue((value as Record<string, unknown>)[name], field.type, { parent: place, key: name }, limitOf(field, INPUT_TEXT_MAX_LENGTH), issues);
    }
    return;
  }
  if (isScalarType(type)) {
    if (type.name === 'JSON') checkJson(value, place, limit, issues);
    else if (typeof value === 'string') checkText(value, place, limit, issues);
  }
}

/** The problems of the texts in a field's arguments, as the field's definition reads them. */
function argumentIssues(info: GraphQLResolveInfo, args: Record<string, unknown>): InputIssue[] {
  const definitions = info.parentType.getFields()[info.fieldName]?.args ?? [];
  const issues: InputIssue[] = [];
  for (const argument of definitions) {
    checkValue(args[argument.name], argument.type, { parent: undefined, key: argument.name }, limitOf(argument, INPUT_TEXT_MAX_LENGTH), issues);
  }
  return issues.slice(0, MAX_ISSUES);
}

function refusal(issues: InputIssue[]): GraphQLError {
  const error = new ValidationError(issues);
  return new GraphQLError(error.message, { extensions: { code: error.code, params: error.params, issues: issues.map(issueWithParams) } });
}

export class PothosInputLimitsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    const errorTypes = (fieldConfig.extensions?.pothosErrors ?? []) as (abstract new (...args: never[]) => Error)[];
    // Only a field whose union has ValidationError (the errors plugin wraps this resolver) can return one.
    const inUnion = errorTypes.some((type) => type === ValidationError || ValidationError.prototype instanceof type);
    return (parent, args, context, info) => {
      const issues = argumentIssues(info, args as Record<string, unknown>);
      if (issues.length > 0) throw inUnion ? new ValidationError(issues) : refusal(issues);
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!subscribe || Object.keys(fieldConfig.args).length === 0) return subscribe;
    return (parent, args, context, info) => {
      const issues = argumentIssues(info, args as Record<string, unknown>);
      if (issues.length > 0) throw refusal(issues);
      return subscribe(parent, args, context, info);
    };
  }
}

const pluginName = 'inputLimits';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputLimits: PothosInputLimitsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosInputLimitsPlugin);

export default pluginName;
