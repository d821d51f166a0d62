import type { ImportStatus } from './import-status.ts';

/**
 * The three phases of a job that move rows: validation (every row of the file is read and decided),
 * the write (every row again, committed in batches) and the revert (every contact of the undo
 * journal). A job is in one of them, waiting for one (MAPPING waits for validation, QUEUED for the
 * write, a revert for its worker), or has ended in one.
 */
export const IMPORT_PHASES = ['VALIDATING', 'WRITING', 'REVERTING'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** What a job's progress is read from. `processedRows` counts the current phase's rows (the store resets it as each phase starts). */
export interface ProgressFacts {
  status: ImportStatus;
  totalRows: number;
  revertTotal: number;
  processedRows: number;
  phaseStartedAt: Date | null;
  confirmedAt: Date | null;
  revertRequestedAt: Date | null;
}

export interface JobProgress {
  phase: ImportPhase;
  /** Rows (contacts, for a revert) of the phase done so far. */
  processedRows: number;
  /** Rows (contacts, for a revert) the phase goes through. */
  totalRows: number;
  /** Since the phase started; null unless rows are moving now. */
  rowsPerSecond: number | null;
  /** Whole seconds left at that rate, rounded up; null when the rate is. */
  etaSeconds: number | null;
}

/** The statuses in which a worker is moving rows: the only ones with a rate. */
const MOVING: readonly ImportStatus[] = ['VALIDATING', 'IMPORTING', 'REVERTING'];

/** The phase a job is in, waits for or ended in: a revert once one was asked for, the write once the job was confirmed, else validation. */
export function importPhase(job: Pick<ProgressFacts, 'confirmedAt' | 'revertRequestedAt'>): ImportPhase {
  if (job.revertRequestedAt) return 'REVERTING';
  if (job.confirmedAt) return 'WRITING';
  return 'VALIDATING';
}

/** A job's progress at `nowMs`. */
export function jobProgress(job: ProgressFacts, nowMs: number): JobProgress {
  const phase = importPhase(job);
  const totalRows = phase === 'REVERTING' ? job.revertTotal : job.totalRows;
  const { processedRows } = job;
  const elapsedMs = job.phaseStartedAt ? nowMs - job.phaseStartedAt.getTime() : 0;
  if (!MOVING.includes(job.status) || processedRows === 0 || elapsedMs <= 0) {
    return { phase, processedRows, totalRows, rowsPerSecond: null, etaSeconds: null };
  }
  const remaining = totalRows - processedRows;
  return {
    phase,
    processedRows,
    totalRows,
    rowsPerSecond: (processedRows * 1000) / elapsedMs,
    // Integers divided once: no float noise, and a second left is a whole second.
    etaSeconds: Math.ceil((remaining * elapsedMs) / (processedRows * 1000)),
  };
}
