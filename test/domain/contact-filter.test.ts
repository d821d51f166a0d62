import { describe, expect, it } from 'vitest';
import { referencedGroupIds, type FilterEnvironment } from '../../src/domain/contact-filter.ts';
import { phoneSearchCandidates } from '../../src/domain/contact-search.ts';
import { contactFilterSql } from '../../src/domain/filter-compile.ts';
import { parseContactFilter } from '../../src/domain/filter-parse.ts';
import { afterSql, contactSort, decodeCursor, encodeCursor, orderBySql } from '../../src/domain/contact-order.ts';
import { ValidationError } from '../../src/domain/errors.ts';

const env: FilterEnvironment = {
  fields: new Map([['score', { key: 'score', label: 'Score', type: 'NUMBER', options: [] }]]),
  groups: new Map(),
  now: new Date('2026-11-22T12:00:00Z'),
};

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseContactFilter', () => {
  it('drops the nulls a GraphQL input carries', () => {
    expect(parseContactFilter({ and: [{ field: { key: 'score', gt: 1, lt: null }, tags: null }] })).toEqual({
      and: [{ field: { key: 'score', gt: 1 } }],
    });
  });

  it('names the path of every shape problem', () => {
    expect(issuesOf(() => parseContactFilter({ or: [{ nope: 1 }, { field: { key: '' } }] }, ['input', 'filter']))).toEqual([
      { path: ['input', 'filter', 'or', '0', 'nope'], code: 'INVALID_FILTER', message: expect.stringContaining('unknown condition') },
      { path: ['input', 'filter', 'or', '1', 'field', 'key'], code: 'INVALID_FILTER', message: 'a field condition needs the key of a field' },
    ]);
  });

  it('refuses filters nested too deep', () => {
    let filter: unknown = { active: true };
    for (let i = 0; i < 40; i++) filter = { not: filter };
    expect(issuesOf(() => parseContactFilter(filter))[0]!.message).toMatch(/at most 32 levels/);
  });

  it('finds the groups a filter names', () => {
    expect(referencedGroupIds(parseContactFilter({ or: [{ groups: { any: ['a'] } }, { not: { groups: { none: ['b', 'c'] } } }] }))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('contactFilterSql', () => {
  it('binds every value and keeps the text free of them', () => {
    const hostile = "x'); DROP TABLE contacts; --";
    const query = contactFilterSql(
      parseContactFilter({ and: [{ field: { key: 'firstName', eq: hostile } }, { field: { key: 'score', gte: 5 } }] }),
      env,
    );
    expect(query.text).not.toContain('DROP');
    expect(query.values).toEqual([hostile, 'score', 'score', '5']);
  });

  it('reads relative dates from the time it is given', () => {
    const query = contactFilterSql(parseContactFilter({ field: { key: 'createdAt', withinLastDays: 2 } }), env);
    expect(query.values).toEqual(['2026-11-20T12:00:00.000Z', '2026-11-22T12:00:00.000Z']);
  });

  it('reports a dynamic group cycle with the names of its groups', () => {
    const groups = new Map([
      ['a', { id: 'a', name: 'A', type: 'DYNAMIC' as const, filter: { groups: { any: ['b'] } } }],
      ['b', { id: 'b', name: 'B', type: 'DYNAMIC' as const, filter: { groups: { any: ['a'] } } }],
    ]);
    const issues = issuesOf(() => contactFilterSql({ groups: { any: ['a'] } }, { ...env, groups }));
    expect(issues).toEqual([
      { path: ['filter', 'groups', 'any', '0'], code: 'GROUP_CYCLE', message: expect.stringContaining('cycle: "A" → "B" → "A"') },
    ]);
  });
});

describe('search', () => {
  it('reads a national number in every country it is valid in, and an international one once', () => {
    expect(phoneSearchCandidates('+44 7400 123456')).toEqual(['+447400123456']);
    expect(phoneSearchCandidates('(202) 555-0143')).toContain('+12025550143');
    expect(phoneSearchCandidates('Ada')).toEqual([]);
  });
});

describe('keyset cursors', () => {
  const sort = contactSort([{ key: 'score', direction: 'DESC' }], env.fields);

  it('round-trip and belong to their order', () => {
    const cursor = encodeCursor(sort, { values: [null], id: '00000000-0000-4000-8000-000000000001' });
    expect(decodeCursor(sort, cursor, ['after'])).toEqual({ values: [null], id: '00000000-0000-4000-8000-000000000001' });
    const other = contactSort([{ key: 'score', direction: 'ASC' }], env.fields);
    expect(issuesOf(() => decodeCursor(other, cursor, ['after']))[0]!.message).toMatch(/another order/);
  });

  it('puts unset values last and nothing after them', () => {
    expect(orderBySql(sort).text).toMatch(/DESC NULLS LAST, c\.id DESC$/);
    const after = afterSql(sort, { values: [null], id: '00000000-0000-4000-8000-000000000001' });
    expect(after.text).toMatch(/^\(FALSE OR \(/);
  });
});
