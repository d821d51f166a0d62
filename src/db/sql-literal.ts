import { escapeLiteral } from 'pg';

/**
 * A value as an SQL literal, for statements that cannot take bind parameters (COPY): the text
 * node-postgres would send for it as a parameter, quoted by node-postgres' own escapeLiteral (quotes
 * and backslashes doubled, an E'' string when there is a backslash). The literal is untyped, as a
 * parameter is: PostgreSQL gives it the type its place asks for (`'…'::uuid[]`, `c.name = '…'`), so
 * a statement means the same with its values inlined as with them bound.
 *
 * Strings, finite numbers, booleans, null and arrays of them (written as PostgreSQL array literals,
 * elements quoted as node-postgres quotes them) are taken; anything else, and any text holding a
 * NUL (which PostgreSQL refuses in text, bound or not), is an error rather than a guess.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return escapeLiteral(parameterText(value));
}

function parameterText(value: unknown): string {
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('a text holding a NUL character cannot be written in SQL');
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be written in SQL`);
    return String(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return arrayText(value);
  throw new Error(`a ${Object.prototype.toString.call(value)} cannot be written in SQL`);
}

/** `{"a","b",NULL}`: each element in double quotes, its backslashes and double quotes escaped. */
function arrayText(values: readonly unknown[]): string {
  const elements = values.map((element) => {
    if (element === null || element === undefined) return 'NULL';
    if (Array.isArray(element)) return arrayText(element);
    return `"${parameterText(element).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${elements.join(',')}}`;
}
