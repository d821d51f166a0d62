import type { ImportJob } from '../generated/prisma/client.ts';
import { readCsvRows } from './csv-source.ts';
import { jobLayout } from './job-columns.ts';
import type { JobRunContext } from './job-run.ts';

const PAGE_SIZE = 5000;

/** What separates the codes of a staged row's reason (`codes`), as "; " separates the reason's parts. */
export const CODE_SEPARATOR = '; ';

/** The codes of a staged row's reason, in order. */
export function splitCodes(codes: string | null): string[] {
  return codes ? codes.split(CODE_SEPARATOR) : [];
}

export interface StagedDecision {
  rowNumber: number;
  action: 'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR';
  message: string | null;
  /** The codes of `message`'s parts, separated by {@link CODE_SEPARATOR}. */
  codes: string | null;
  note: string | null;
}

/**
 * The source file's rows next to their staged decisions, in file order, both streamed: the file
 * (a local copy of the job's source, at `source`) is read again and the decisions are read in
 * pages, merged on the row number. With `actions`, only rows with one of those decisions are yielded.
 */
export async function* rowsInOrder(
  context: Pick<JobRunContext, 'db'>,
  job: ImportJob,
  source: string,
  filter: { actions?: StagedDecision['action'][] } = {},
): AsyncGenerator<{ cells: string[]; row: StagedDecision }> {
  let page: StagedDecision[] = [];
  let next = 0;
  let after = 0;
  let exhausted = false;
  const nextDecision = async (): Promise<StagedDecision | undefined> => {
    if (next >= page.length && !exhausted) {
      const { rows } = await context.db.pool.query(
        `SELECT row_number AS "rowNumber", action, message, codes, note FROM import_rows
         WHERE workspace_id = $1 AND job_id = $2 AND row_number > $3 AND ($4::text[] IS NULL OR action::text = ANY($4))
         ORDER BY row_number LIMIT ${PAGE_SIZE}`,
        [job.workspaceId, job.id, after, filter.actions ?? null],
      );
      page = rows;
      next = 0;
      exhausted = rows.length < PAGE_SIZE;
      if (rows.length > 0) after = rows[rows.length - 1].rowNumber;
    }
    return page[next];
  };

  let decision = await nextDecision();
  for await (const { rowNumber, cells } of readCsvRows(source, jobLayout(job))) {
    if (!decision) return;
    if (rowNumber < decision.rowNumber) continue;
    yield { cells, row: decision };
    next += 1;
    decision = await nextDecision();
  }
}
