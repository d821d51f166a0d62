import { describe, expect, it } from 'vitest';
import { contactIdCell, parseId, timeOrderedId } from '../../src/domain/ids.ts';

describe('timeOrderedId', () => {
  it('makes version 7 UUIDs that parse as ids and sort in the order they were made', () => {
    const before = Date.now();
    const ids = Array.from({ length: 20_000 }, () => timeOrderedId());
    const after = Date.now();
    for (const id of ids.slice(0, 100)) {
      expect(parseId(id, [])).toBe(id);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const millisecondsOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millisecondsOf(ids[0]!)).toBeGreaterThanOrEqual(before);
    // More than 4,096 ids in a millisecond borrow the following ones, a few at most here.
    expect(millisecondsOf(ids.at(-1)!)).toBeLessThanOrEqual(after + ids.length / 4096);
  });
});

describe('contactIdCell', () => {
  const uuid = '01a23be1-4664-7c2c-bfb6-04cf5cebae02';
  const as = (text: string) => Buffer.from(text).toString('base64');

  it('reads the global id of a contact as its UUID, and leaves a bare UUID as it is', () => {
    expect(contactIdCell(as(`Contact:${uuid}`))).toBe(uuid);
    expect(contactIdCell(uuid)).toBe(uuid);
  });

  it('leaves anything else for the id check to refuse: another type, a malformed id, text', () => {
    for (const cell of [as(`Group:${uuid}`), as('Contact:nope'), 'Ada', '', 'abcd']) {
      expect(contactIdCell(cell)).toBe(cell);
      if (cell !== uuid) expect(() => parseId(contactIdCell(cell), [])).toThrow(/is not a valid id/);
    }
  });
});
