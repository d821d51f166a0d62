import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlLiteral } from '../../src/db/sql-literal.ts';
import { sql } from '../../src/domain/sql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

/**
 * COPY takes no bind parameters, so the recipients download writes its values into the statement.
 * Each value must mean there exactly what it means bound: these statements are run both ways on
 * the real server and must agree, whatever the text holds.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await db?.drop();
});

const TRICKY_TEXT = [
  "O'Brien",
  "'; DROP TABLE contacts; --",
  'back\\slash \\\\ and \\',
  "\\'",
  "E'\\x41'",
  '$1 $$ $tag$ ?',
  'line\nbreak\r\ttab',
  '"double" quotes, commas {braces}',
  'NULL',
  '',
  'Müller 日本 👩‍👩‍👧 \u200b',
  '%_ like * patterns',
];

/** What PostgreSQL makes of a statement's values, written in (`inline`) and bound (`text`/`values`). */
async function bothWays(statement: ReturnType<typeof sql>) {
  const inlined = await db.pool.query({ text: statement.inline(sqlLiteral), rowMode: 'array' });
  const bound = await db.pool.query({ text: statement.text, values: statement.values, rowMode: 'array' });
  return { inlined: inlined.rows, bound: bound.rows };
}

describe('a value written into SQL', () => {
  it('is the same text as the value bound, for text that tries to break out', async () => {
    for (const text of TRICKY_TEXT) {
      const { inlined, bound } = await bothWays(sql`SELECT ${text}::text, length(${text}), ${text} = 'NULL', ${text}::text IS NULL, 'x' || ${text}`);
      expect(inlined).toEqual(bound);
      expect(inlined[0]![0]).toBe(text);
    }
  });

  it('takes the type its place asks for, as a parameter does', async () => {
    const statement = sql`SELECT ${'5c1d1c5e-2f0a-4b6e-9d3a-0c1d2e3f4a5b'}::uuid, ${42}::int + 1, ${'2026-12-03T10:00:00Z'}::timestamptz,
      ${'{"a": "x\\"y"}'}::jsonb ->> 'a', ${true}::boolean, ${2.5}::numeric * 2, now() > ${'2000-01-01'}, ${null}::text IS NULL`;
    const { inlined, bound } = await bothWays(statement);
    expect(inlined).toEqual(bound);
    expect(inlined[0]).toEqual(['5c1d1c5e-2f0a-4b6e-9d3a-0c1d2e3f4a5b', 43, new Date('2026-12-03T10:00:00Z'), 'x"y', true, '5.0', true, true]);
  });

  it('writes arrays as PostgreSQL reads them bound, elements and all', async () => {
    for (const values of [
      TRICKY_TEXT,
      [],
      ['a', null, 'b'],
      [
        ['x', 'y'],
        ['"', '\\'],
      ],
    ]) {
      const { inlined, bound } = await bothWays(sql`SELECT ${values}::text[], cardinality(${values}::text[])`);
      expect(inlined).toEqual(bound);
    }
    const { inlined } = await bothWays(sql`SELECT ${TRICKY_TEXT}::text[]`);
    expect(inlined[0]![0]).toEqual(TRICKY_TEXT);
    const ids = ['5c1d1c5e-2f0a-4b6e-9d3a-0c1d2e3f4a5b', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'];
    expect((await bothWays(sql`SELECT ${ids}::uuid[]`)).inlined).toEqual([[ids]]);
  });

  it('refuses what it cannot write exactly, rather than guess', () => {
    for (const value of [new Date(), Buffer.from('x'), { a: 1 }, Number.NaN, Infinity, 'nul\0byte', ['nul\0']]) {
      expect(() => sqlLiteral(value)).toThrow(/cannot be written in SQL/);
    }
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
  });
});
