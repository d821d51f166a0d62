import { describe, expect, it } from 'vitest';
import { parseId, timeOrderedId } from '../../src/domain/ids.ts';

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
