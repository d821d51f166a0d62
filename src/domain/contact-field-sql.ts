/**
 * The fields a filter or a sort can name, as SQL over the contact row `c`: a column, the contact's
 * phones or emails, or a custom field's stored value; and the operators each field type takes.
 */
import type { FieldOperator, FilterEnvironment } from './contact-filter.ts';
import type { DetailKind } from './detail-status.ts';
import type { FieldDefinition, FieldType } from './field-value.ts';
import { raw, sql, type Sql } from './sql.ts';

/** How a field is read in SQL, and which operators it takes. */
export type FieldAccess =
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

/** The field a key names: a built-in one, else a custom field of the workspace; undefined for neither. */
export function accessOf(key: string, env: Pick<FilterEnvironment, 'fields'>): FieldAccess | undefined {
  const builtIn = BUILT_IN_ACCESS.get(key);
  if (builtIn) return builtIn;
  const field = env.fields.get(key);
  return field && { kind: 'custom', field };
}

/** The type a field's values are read as. */
export function typeOf(access: FieldAccess): FieldType {
  if (access.kind === 'column') return access.type;
  if (access.kind === 'detail') return access.detail === 'PHONE' ? 'PHONE' : 'EMAIL';
  return access.field.type;
}

/** A field's value in SQL, and the type it is compared as (a sort's cursor values are cast back to it). */
export interface FieldExpression {
  expression: Sql;
  cast: 'text' | 'numeric' | 'boolean' | 'date' | 'timestamptz';
}

/** The stored value of a custom field read for comparing, NULL when unset or of another JSON type. */
export function customFieldSql(field: FieldDefinition): FieldExpression {
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
