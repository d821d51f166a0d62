import { describe, expect, it } from 'vitest';
import {
  enteredFrom,
  IMPORT_END_STATUSES,
  IMPORT_START_STATUS,
  IMPORT_STATUSES,
  IMPORT_TRANSITIONS,
  type ImportStatus,
} from '../../src/domain/import-status.ts';
import { ImportStatus as DatabaseStatus } from '../../src/generated/prisma/enums.ts';

const movesFrom = (status: ImportStatus): readonly ImportStatus[] => IMPORT_TRANSITIONS[status];

/** The statuses reachable from `start` (itself included), by the table's moves. */
function reachableFrom(start: ImportStatus): Set<ImportStatus> {
  const seen = new Set<ImportStatus>([start]);
  const queue: ImportStatus[] = [start];
  for (let status = queue.shift(); status; status = queue.shift()) {
    for (const next of movesFrom(status)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('the import statuses', () => {
  it("are the database enum's, in its order", () => {
    expect(IMPORT_STATUSES).toEqual(Object.values(DatabaseStatus));
  });

  it('have a row each in the table, naming only known statuses, none twice and none the status itself', () => {
    expect(Object.keys(IMPORT_TRANSITIONS).sort()).toEqual([...IMPORT_STATUSES].sort());
    for (const status of IMPORT_STATUSES) {
      const moves = movesFrom(status);
      expect(new Set(moves).size).toBe(moves.length);
      expect(moves).not.toContain(status);
      for (const next of moves) expect(IMPORT_STATUSES).toContain(next);
    }
  });

  it('are all reachable from the start, MAPPING', () => {
    expect(IMPORT_START_STATUS).toBe('MAPPING');
    expect([...reachableFrom('MAPPING')].sort()).toEqual([...IMPORT_STATUSES].sort());
  });

  it('lead to an end from every status: no job is stuck', () => {
    for (const status of IMPORT_STATUSES) {
      expect([...reachableFrom(status)].some((reached) => (IMPORT_END_STATUSES as readonly ImportStatus[]).includes(reached))).toBe(true);
    }
  });

  it('end nowhere but in an undo: FAILED, EXPIRED and REVERTED move nowhere, COMPLETED and CANCELLED only to REVERTING', () => {
    expect(IMPORT_END_STATUSES).toEqual(['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REVERTED']);
    expect(IMPORT_END_STATUSES.filter((status) => movesFrom(status).length === 0)).toEqual(['FAILED', 'EXPIRED', 'REVERTED']);
    for (const status of IMPORT_END_STATUSES) for (const next of movesFrom(status)) expect(next).toBe('REVERTING');
    expect(enteredFrom('REVERTING')).toEqual(['COMPLETED', 'CANCELLED']);
  });

  it('are never entered again once left, but for a new mapping of a job in review', () => {
    const cycles = IMPORT_STATUSES.filter((status) => movesFrom(status).some((next) => reachableFrom(next).has(status)));
    expect(cycles).toEqual(['VALIDATING', 'REVIEW']);
  });

  it('leave no way to cancel a revert, and enter MAPPING only as a new job', () => {
    expect(movesFrom('REVERTING')).not.toContain('CANCELLED');
    expect(enteredFrom('MAPPING')).toEqual([]);
  });
});

describe('enteredFrom', () => {
  it('is the table read backwards, in the order of the statuses', () => {
    for (const to of IMPORT_STATUSES) {
      expect(enteredFrom(to)).toEqual(IMPORT_STATUSES.filter((from) => movesFrom(from).includes(to)));
    }
  });

  it("gives the statuses the job store's status checks name", () => {
    expect(enteredFrom('VALIDATING')).toEqual(['MAPPING', 'REVIEW']);
    expect(enteredFrom('QUEUED')).toEqual(['REVIEW']);
    expect(enteredFrom('IMPORTING')).toEqual(['QUEUED']);
    expect(enteredFrom('CANCELLED')).toEqual(['MAPPING', 'VALIDATING', 'REVIEW', 'QUEUED', 'IMPORTING']);
    expect(enteredFrom('EXPIRED')).toEqual(['MAPPING', 'REVIEW']);
    expect(enteredFrom('FAILED')).toEqual(['VALIDATING', 'REVIEW', 'QUEUED', 'IMPORTING', 'REVERTING']);
  });
});
