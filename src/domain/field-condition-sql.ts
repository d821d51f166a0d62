/**
 * One field condition of a filter (`{ key, <operator>: value }`) as a predicate over the contact row
 * `c`, its values read by the field's type and bound as parameters.
 */
import { accessOf, OPERATORS_BY_TYPE, customFieldSql, typeOf, type FieldAccess } from './contact-field-sql.ts';
import { FIELD_OPERATORS, type FieldCondition, type FieldOperator, type FilterEnvironment, type FilterScalar } from './contact-filter.ts';
import type { DetailKind } from './detail-status.ts';
import { normalizeEmail } from './email.ts';
import { coerceFieldValue, type FieldDefinition, type FieldType, type FieldValue } from './field-value.ts';
import { normalizePhone } from './phone-number.ts';
import { issue, rejection, type InputIssue } from './errors.ts';
import { quote, reworded } from './result.ts';
import { escapeLike, join, raw, sql, type Sql } from './sql.ts';

/** Thrown inside compilation: one issue of the ValidationError the compilation ends with. */
export class FilterProblem {
  constructor(readonly issue: InputIssue) {}
}

/** The predicate of one field condition; a FilterProblem when the field, operator or a value is wrong. */
export function compileField(condition: FieldCondition, path: string[], env: FilterEnvironment): Sql {
  const access = accessOf(condition.key, env);
  if (!access) {
    throw new FilterProblem(
      issue([...path, 'key'], 'UNKNOWN_FIELD', `no field has the key ${quote(condition.key)} (it may have been deleted)`, { key: condition.key }),
    );
  }
  const operator = FIELD_OPERATORS.find((name) => condition[name] !== undefined)!;
  const type = typeOf(access);
  const allowed = OPERATORS_BY_TYPE[type];
  if (!allowed.includes(operator)) {
    throw new FilterProblem(
      issue(
        [...path, operator],
        'INVALID_FILTER',
        `${operator} does not apply to ${quote(condition.key)}, a ${type} field (it takes ${allowed.join(', ')})`,
      ),
    );
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
  throw new FilterProblem(issue(path, 'INVALID_FILTER', 'expected a single value'));
}

/** The LIKE pattern of `contains` (anywhere in the value) or `startsWith`, the text's own wildcards escaped. */
function likePattern(operator: FieldOperator, part: string): string {
  return operator === 'contains' ? `%${escapeLike(part)}%` : `${escapeLike(part)}%`;
}

function list(value: unknown): FilterScalar[] {
  return Array.isArray(value) ? (value as FilterScalar[]) : [value as FilterScalar];
}

function compileDetail(kind: DetailKind, operator: FieldOperator, value: unknown, path: string[]): Sql {
  const normalize = (item: unknown, at: string[]): string => {
    const given = text(item, at);
    if (kind === 'EMAIL') {
      const email = normalizeEmail(given);
      if (!email.ok) throw new FilterProblem(rejection(at, email));
      return email.value;
    }
    const phone = normalizePhone(given);
    if (!phone.ok)
      throw new FilterProblem(rejection(at, reworded(phone, `${phone.error}; write the number in international form, e.g. +12025550143`)));
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
      if (part === '') throw new FilterProblem(issue(path, 'INVALID_FILTER', 'expected some digits of a phone number'));
      return detailExists(kind, sql`fd.value LIKE ${likePattern(operator, part)}`);
    }
  }
}

/** The start of day `days` before `now`'s UTC day, as YYYY-MM-DD. */
function daysBefore(now: Date, days: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

function compileColumn(access: Extract<FieldAccess, { kind: 'column' }>, operator: FieldOperator, value: unknown, path: string[], now: Date): Sql {
  const column = raw(`c.${access.column}`);
  if (access.type === 'TEXT')
    return access.upperCase ? compileUpperCase(column, operator, value, path) : compileText(column, operator, value, path, true);
  const instant = (item: unknown, at: string[]): string => {
    const coerced = coerceFieldValue({ key: 'datetime', label: 'value', type: 'DATETIME', options: [] }, text(item, at));
    if (!coerced.ok) throw new FilterProblem(rejection(at, coerced));
    if (coerced.empty) throw new FilterProblem(issue(at, 'REQUIRED', 'a date-time is needed'));
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
    case 'startsWith':
      return guard(sql`${expression} ILIKE ${likePattern(operator, text(value, path))}`);
    default:
      throw new FilterProblem(issue(path, 'INVALID_FILTER', `${operator} does not apply to text`));
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
      throw new FilterProblem(issue(path, 'INVALID_FILTER', `${operator} does not apply to a ${type} field`));
  }
}

function compileCustom(field: FieldDefinition, operator: FieldOperator, value: unknown, path: string[], now: Date): Sql {
  const coerce = (item: unknown, at: string[]): FieldValue => {
    const coerced = coerceFieldValue(field, text(item, at));
    if (!coerced.ok) throw new FilterProblem(rejection(at, coerced));
    if (coerced.empty) throw new FilterProblem(issue(at, 'REQUIRED', 'a value is needed'));
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
        return sql`COALESCE(${expression} ILIKE ${likePattern(operator, text(value, path))}, FALSE)`;
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
          const match = sql`(${join(
            options(value, path).map((option) => contains([option])),
            ' OR ',
          )})`;
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
