import { describe, expect, it } from 'vitest';
import { join, raw, sql } from '../../src/domain/sql.ts';

describe('sql fragments', () => {
  it('binds values as numbered parameters, through nested fragments', () => {
    const where = join([sql`c.first_name = ${'Ada'}`, sql`c.country = ${'GB'}`], ' AND ');
    const query = sql`SELECT id FROM ${raw('contacts')} c WHERE ${where} AND c.workspace_id = ${'w1'}`;
    expect(query.text).toBe('SELECT id FROM contacts c WHERE c.first_name = $1 AND c.country = $2 AND c.workspace_id = $3');
    expect(query.values).toEqual(['Ada', 'GB', 'w1']);
  });

  it('never puts a value into the text', () => {
    const hostile = "'; DROP TABLE contacts; --";
    const query = sql`SELECT 1 WHERE name = ${hostile}`;
    expect(query.text).toBe('SELECT 1 WHERE name = $1');
    expect(query.values).toEqual([hostile]);
  });

  it('joins nothing into an empty fragment', () => {
    const query = sql`SELECT 1${join([], ', ')}`;
    expect(query.text).toBe('SELECT 1');
    expect(query.values).toEqual([]);
  });
});
