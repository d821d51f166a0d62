import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.ts';
import { decodeGroupCursor, encodeGroupCursor, groupOrderSql, groupPageWindow, groupsAfterSql } from '../../src/domain/group.ts';

const id = '0b0f4a8e-3c1d-4f5e-9a7b-1c2d3e4f5a6b';

describe('the group list order', () => {
  it('sorts by the lower-cased name, then the name, then the id, in either direction', () => {
    expect(groupOrderSql().text).toBe('lower(g.name) ASC, g.name ASC, g.id ASC');
    expect(groupOrderSql(true).text).toBe('lower(g.name) DESC, g.name DESC, g.id DESC');
  });

  it('continues after a cursor by the same three values, binding the name and id', () => {
    const after = groupsAfterSql({ name: 'Dyn VIP gold', id });
    expect(after.text).toBe('(lower(g.name), g.name, g.id) > (lower($1::text), $2::text, $3::uuid)');
    expect(after.values).toEqual(['Dyn VIP gold', 'Dyn VIP gold', id]);
    expect(groupsAfterSql({ name: 'x', id }, true).text).toContain(') < (');
  });
});

describe('group list cursors', () => {
  it('read back what they were made from', () => {
    expect(decodeGroupCursor(encodeGroupCursor({ name: 'Ünïcode "quoted"', id }), ['after'])).toEqual({ name: 'Ünïcode "quoted"', id });
  });

  it('refuse anything else at the argument named', () => {
    const contactCursor = Buffer.from(JSON.stringify(['createdAt:DESC', ['2026-01-01'], id])).toString('base64url');
    for (const cursor of ['garbage', contactCursor, Buffer.from(JSON.stringify(['group', 'A', 'not-an-id'])).toString('base64url')]) {
      expect(() => decodeGroupCursor(cursor, ['before']), cursor).toThrow(ValidationError);
      try {
        decodeGroupCursor(cursor, ['before']);
      } catch (error) {
        expect((error as ValidationError).issues[0]!.path).toEqual(['before']);
      }
    }
  });
});

describe('groupPageWindow', () => {
  it('defaults to 20 forward, goes backwards with last, and bounds the size', () => {
    expect(groupPageWindow({})).toEqual({ size: 20, backwards: false });
    expect(groupPageWindow({ first: 5 })).toEqual({ size: 5, backwards: false });
    expect(groupPageWindow({ last: 3 })).toEqual({ size: 3, backwards: true });
    expect(() => groupPageWindow({ first: 501 })).toThrow('a page holds 0 to 500 groups');
    expect(() => groupPageWindow({ last: -1 })).toThrow(ValidationError);
    expect(() => groupPageWindow({ first: 1, last: 1 })).toThrow('give first or last, not both');
  });
});
