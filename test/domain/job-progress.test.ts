import { describe, expect, it } from 'vitest';
import { importPhase, jobProgress, type ProgressFacts } from '../../src/domain/job-progress.ts';

const STARTED = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => STARTED.getTime() + seconds * 1000;

function job(facts: Partial<ProgressFacts>): ProgressFacts {
  return {
    status: 'MAPPING',
    totalRows: 1000,
    revertTotal: 0,
    processedRows: 0,
    phaseStartedAt: null,
    confirmedAt: null,
    revertRequestedAt: null,
    ...facts,
  };
}

describe('an import job progress', () => {
  it('names the phase a job is in, waits for or ended in', () => {
    expect(importPhase(job({}))).toBe('VALIDATING');
    expect(importPhase(job({ confirmedAt: STARTED }))).toBe('WRITING');
    expect(importPhase(job({ confirmedAt: STARTED, revertRequestedAt: STARTED }))).toBe('REVERTING');
  });

  it('has a rate and an eta only while rows move', () => {
    const moving = job({ status: 'VALIDATING', processedRows: 250, phaseStartedAt: STARTED });
    expect(jobProgress(moving, at(10))).toEqual({ phase: 'VALIDATING', processedRows: 250, totalRows: 1000, rowsPerSecond: 25, etaSeconds: 30 });
    for (const status of ['MAPPING', 'REVIEW', 'QUEUED', 'COMPLETED', 'CANCELLED', 'FAILED', 'EXPIRED', 'REVERTED'] as const) {
      expect(jobProgress({ ...moving, status }, at(10)), status).toMatchObject({ rowsPerSecond: null, etaSeconds: null });
    }
    expect(jobProgress({ ...moving, processedRows: 0 }, at(10))).toMatchObject({ rowsPerSecond: null, etaSeconds: null });
    expect(jobProgress({ ...moving, phaseStartedAt: null }, at(10))).toMatchObject({ rowsPerSecond: null, etaSeconds: null });
  });

  it('gives the eta in whole seconds, rounded up, without float noise', () => {
    const writing = job({ status: 'IMPORTING', confirmedAt: STARTED, phaseStartedAt: STARTED, totalRows: 30_000 });
    expect(jobProgress({ ...writing, processedRows: 10_000 }, at(0.3)).etaSeconds).toBe(1);
    expect(jobProgress({ ...writing, processedRows: 3 }, at(0.1)).etaSeconds).toBe(1000);
    expect(jobProgress({ ...writing, processedRows: 7 }, at(0.3)).etaSeconds).toBe(1286);
    expect(jobProgress({ ...writing, processedRows: 30_000 }, at(2)).etaSeconds).toBe(0);
  });

  it("counts a revert's contacts", () => {
    const reverting = job({
      status: 'REVERTING',
      confirmedAt: STARTED,
      revertRequestedAt: STARTED,
      revertTotal: 40,
      processedRows: 10,
      phaseStartedAt: STARTED,
    });
    expect(jobProgress(reverting, at(1))).toEqual({ phase: 'REVERTING', processedRows: 10, totalRows: 40, rowsPerSecond: 10, etaSeconds: 3 });
  });
});
