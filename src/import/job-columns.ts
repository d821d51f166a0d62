import type { ErrorCode } from '../domain/error-codes.ts';
import type { ColumnSuggestion } from '../domain/import-column-suggestions.ts';
import type { ImportPlan } from '../domain/import-options.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import type { CsvLayout } from './csv-source.ts';

// What an import job's JSON columns hold, read in one place: the database stores them as JSON, and
// only the job store writes them (from these same types).

/** What a job keeps besides its columns (`options`): the source's layout, and what its write has set up. */
export interface JobState {
  layout: Omit<CsvLayout, 'samples'>;
  /** For an XLSX workbook: its sheets in tab order (the one read is the job's `sheetName`). */
  sheetNames?: string[] | null;
  /** The automatic batch tag given to every imported contact, when not turned off. */
  batchTag?: string | null;
  /** The group this import made, once made. */
  newGroupId?: string | null;
}

/** A reason rows are skipped, with row numbers written as N, its code, and how many rows it covers. */
export interface SkipReason {
  reason: string;
  code: ErrorCode;
  count: number;
}

/** The mapping and options the client set (`mapping`); null while the job waits for them. */
export function jobPlan(job: Pick<ImportJob, 'mapping'>): ImportPlan | null {
  return job.mapping as unknown as ImportPlan | null;
}

/** The plan of a job the worker runs: every such job was mapped before it could be validated. */
export function mappedPlan(job: Pick<ImportJob, 'id' | 'mapping'>): ImportPlan {
  const plan = jobPlan(job);
  if (!plan) throw new Error(`import job ${job.id} has no mapping`);
  return plan;
}

export function jobState(job: Pick<ImportJob, 'options'>): JobState {
  return job.options as unknown as JobState;
}

/** The source's layout, to read its rows again (without the samples taken at upload). */
export function jobLayout(job: Pick<ImportJob, 'options'>): CsvLayout {
  return { ...jobState(job).layout, samples: [] };
}

/** The source's columns, with samples and a suggested field each (`columns`). */
export function jobColumns(job: Pick<ImportJob, 'columns'>): ColumnSuggestion[] {
  return job.columns as unknown as ColumnSuggestion[];
}

/** The skip reasons kept on a job once it ended (`skip_reasons`); null before, when its staged rows hold them. */
export function jobSkipReasons(job: Pick<ImportJob, 'skipReasons'>): SkipReason[] | null {
  return job.skipReasons as unknown as SkipReason[] | null;
}
