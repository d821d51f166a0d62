import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { creationDecision, decideRow } from '../domain/import-row-decision.ts';
import { mergeDuplicateRows, normalizeImportRow, type ImportRowResult, type RowData, type RowRuleSettings } from '../domain/import-row.ts';
import { timeOrderedId } from '../domain/ids.ts';
import type { ImportPlan } from '../domain/import-options.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import { readCsvRows } from './csv-source.ts';
import { importFileKeys, writeCsvFile } from '../files/file-store.ts';
import { jobLayout, mappedPlan } from './job-columns.ts';
import { CODE_SEPARATOR, rowsInOrder } from './job-rows.ts';
import { finishValidation, recordValidated, startValidating } from './job-store.ts';
import type { JobRunContext } from './job-run.ts';

/** Rows normalized, looked up and staged per round trip to the database. */
export const VALIDATION_BATCH_SIZE = 2000;
/** Row numbers a duplicate's message lists; a message per row listing them all would grow as n². */
const LISTED_DUPLICATES = 10;
/** Groups of duplicate rows merged per round trip. */
const MERGE_PAGE_SIZE = 1000;

/**
 * Validation: every row is read, normalized and decided (create, update, skip or error) without
 * touching contacts. Decisions are staged in `import_rows` with COPY, one batch at a time, then
 * in-file duplicates are settled with set-based SQL, the counts taken and the error file written.
 * Validation writes no contacts, so a restarted worker simply starts it over.
 *
 * The decisions are the review's preview. A row whose decision rests on who its identifier matches
 * is staged with `lookup` set, its values and, should it have to create, what stops it from doing so
 * (`create_error`): the write settles it again against the contact book as it is then.
 */
export async function validateJob(context: JobRunContext, job: ImportJob): Promise<void> {
  const { db } = context;
  const plan = mappedPlan(job);
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: job.workspaceId } });
  const settings: RowRuleSettings = {
    requireFirstName: workspace.requireFirstName,
    requirePhoneWithCountry: workspace.requirePhoneWithCountry,
    headerCount: jobLayout(job).headers.length,
  };

  await db.pool.query('DELETE FROM import_rows WHERE workspace_id = $1 AND job_id = $2', [job.workspaceId, job.id]);
  await startValidating(db.pool, job);

  // One batch is staged in the database while the next is read and normalized: the database's
  // work and this process's overlap, on two cores. At most one batch is in flight.
  let batch: StagedRow[] = [];
  let processed = 0;
  let staging: Promise<void> = Promise.resolve();
  const flush = async () => {
    await staging;
    const rows = batch;
    batch = [];
    staging = (async () => {
      await decideBatch(context, job, plan, settings, rows);
      processed += rows.length;
      await recordValidated(db.pool, job, processed);
      context.metrics?.rowsValidated(rows.length);
      await context.heartbeat();
    })();
    // Its failure is met at the next `await staging`; this only keeps it from counting as unhandled meanwhile.
    staging.catch(() => {});
  };
  // The source is read twice, for the rows and for the error file: from a local copy.
  const source = await context.files.localCopy(importFileKeys(job.workspaceId, job.id).source);
  let errorFilePath: string | null;
  let counts: Record<'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR', number>;
  try {
    for await (const { rowNumber, cells } of readCsvRows(source.path, jobLayout(job))) {
      batch.push({ rowNumber, ...normalizeImportRow(cells, plan, settings) });
      if (batch.length >= VALIDATION_BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    await staging;
    // Fresh statistics for the set-based statements that follow, here and in the write.
    await db.pool.query('ANALYZE import_rows');

    if (plan.purpose !== 'ADD_ALL_DESPITE_DUPLICATES') await settleInFileDuplicates(context, job, plan, settings);
    counts = await countActions(context, job);
    errorFilePath = counts.ERROR > 0 ? await writeErrorFile(context, job, source.path) : null;
  } finally {
    await source.remove();
  }

  await finishValidation(db.pool, job, { counts, errorFilePath, reviewTtlSeconds: workspace.reviewTtlSeconds });
}

type StagedRow = ImportRowResult & { rowNumber: number };

/** Looks the batch's identifiers up in one query, decides each row and COPYs the decisions in. */
async function decideBatch(context: JobRunContext, job: ImportJob, plan: ImportPlan, settings: RowRuleSettings, rows: StagedRow[]): Promise<void> {
  const matches = await lookUpIdentifiers(context, job, plan, rows);
  const lines: string[] = [];
  for (const row of rows) {
    const found = row.identifier ? matches.get(row.identifier) : undefined;
    const { action, reason, codes } = decideRow(row, found?.count ?? 0, plan.purpose, settings);
    const lookup = plan.identifier !== null && row.identifier !== null && row.errors.length === 0;
    // An update, a skip or an ambiguous row keeps the contact it matched, so the write can tell what changed.
    const contactId = action === 'CREATE' ? timeOrderedId() : lookup ? (found?.contactId ?? null) : null;
    const data = action === 'ERROR' && !lookup ? null : JSON.stringify(row.data);
    const creation = lookup ? creationDecision(row.data, settings) : null;
    lines.push(
      [
        job.workspaceId,
        job.id,
        row.rowNumber,
        action,
        contactId,
        row.identifier,
        data,
        reason,
        joinCodes(codes),
        lookup ? 't' : 'f',
        creation?.reason ?? null,
        creation?.codes[0] ?? null,
      ]
        .map(copyText)
        .join('\t'),
    );
  }
  const client = await context.db.pool.connect();
  try {
    await pipeline(
      Readable.from([`${lines.join('\n')}\n`]),
      client.query(
        copyFrom(
          'COPY import_rows (workspace_id, job_id, row_number, action, contact_id, identifier, data, message, codes, lookup, create_error, create_error_code) FROM STDIN',
        ),
      ),
    );
  } finally {
    client.release();
  }
}

/** For each identifier of the batch: how many existing contacts share it, and one of them. */
async function lookUpIdentifiers(
  context: JobRunContext,
  job: ImportJob,
  plan: ImportPlan,
  rows: StagedRow[],
): Promise<Map<string, { count: number; contactId: string }>> {
  const identifiers = [...new Set(rows.map((row) => row.identifier).filter((value): value is string => value !== null))];
  if (identifiers.length === 0 || !plan.identifier) return new Map();
  const query =
    plan.identifier === 'CONTACT_ID'
      ? `SELECT id::text AS identifier, 1 AS count, id::text AS contact_id FROM contacts WHERE workspace_id = $1 AND id::text = ANY($2::text[])`
      : `SELECT value AS identifier, count(DISTINCT contact_id)::int AS count, min(contact_id::text) AS contact_id
         FROM contact_details WHERE workspace_id = $1 AND kind = $3 AND value = ANY($2::text[]) GROUP BY value`;
  const params = plan.identifier === 'CONTACT_ID' ? [job.workspaceId, identifiers] : [job.workspaceId, identifiers, plan.identifier];
  const { rows: found } = await context.db.pool.query(query, params);
  return new Map(found.map((row) => [row.identifier, { count: Number(row.count), contactId: row.contact_id }]));
}

/**
 * Rows of the file that share an identifier (the mapping's inFileDuplicates): REJECT_ALL makes every
 * one of them an error; KEEP_FIRST / KEEP_LAST keep one and skip the others;
 * MERGE folds them into the first (its values win, later rows fill its blanks). The rows set aside
 * no longer rest on a lookup: the write never settles them again, so a file's duplicates can never
 * create a contact twice, whatever the contact book holds by then. KEEP and MERGE look at the rows
 * without errors in their values, whatever the review decided for them.
 */
async function settleInFileDuplicates(context: JobRunContext, job: ImportJob, plan: ImportPlan, settings: RowRuleSettings): Promise<void> {
  const { pool } = context.db;
  const params = [job.workspaceId, job.id];
  switch (plan.inFileDuplicates) {
    case 'REJECT_ALL':
      // The groups are computed once (MATERIALIZED): the planner, meeting freshly COPYed rows, may
      // otherwise re-run the aggregate per row.
      await pool.query(
        `WITH d AS MATERIALIZED (
           SELECT identifier, array_agg(row_number ORDER BY row_number) AS rows
           FROM import_rows WHERE workspace_id = $1 AND job_id = $2 AND identifier IS NOT NULL
           GROUP BY identifier HAVING count(*) > 1)
         UPDATE import_rows r SET action = 'ERROR', data = NULL, lookup = false, contact_id = NULL,
           codes = concat_ws('${CODE_SEPARATOR}', r.codes, 'DUPLICATE_IN_FILE'),
           message = concat_ws('; ', r.message, format('the file has %s rows (%s) with the identifier %s; none of them is imported', cardinality(d.rows),
             array_to_string(d.rows[1:${LISTED_DUPLICATES}], ', ') || CASE WHEN cardinality(d.rows) > ${LISTED_DUPLICATES} THEN ', …' ELSE '' END, r.identifier))
         FROM d WHERE r.workspace_id = $1 AND r.job_id = $2 AND r.identifier = d.identifier`,
        params,
      );
      return;
    case 'KEEP_FIRST':
    case 'KEEP_LAST': {
      const keep = plan.inFileDuplicates === 'KEEP_FIRST' ? 'min' : 'max';
      await pool.query(
        `WITH d AS MATERIALIZED (
           SELECT identifier, ${keep}(row_number) AS kept FROM import_rows
           WHERE workspace_id = $1 AND job_id = $2 AND lookup
           GROUP BY identifier HAVING count(*) > 1)
         UPDATE import_rows r SET action = 'SKIP', lookup = false, contact_id = NULL, codes = 'DUPLICATE_IN_FILE',
           message = format('duplicate of row %s in the file, which is imported instead', d.kept)
         FROM d WHERE r.workspace_id = $1 AND r.job_id = $2 AND r.identifier = d.identifier AND r.lookup AND r.row_number <> d.kept`,
        params,
      );
      return;
    }
    case 'MERGE': {
      // Page by page, so that a file full of duplicates is never held in memory at once.
      let after = '';
      for (;;) {
        const { rows: groups } = await pool.query<{ identifier: string; rows: number[]; data: RowData[] }>(
          `SELECT identifier, array_agg(row_number ORDER BY row_number) AS rows, array_agg(data ORDER BY row_number) AS data
           FROM import_rows WHERE workspace_id = $1 AND job_id = $2 AND identifier > $3 AND lookup
           GROUP BY identifier HAVING count(*) > 1 ORDER BY identifier LIMIT ${MERGE_PAGE_SIZE}`,
          [...params, after],
        );
        if (groups.length === 0) return;
        const merged = groups.map((group) => mergeDuplicateRows(group.data));
        const creations = merged.map((data) => creationDecision(data, settings));
        // The merged row may now hold what a new contact needs (a first name from a later row): a
        // row that failed only for that creates after all.
        await pool.query(
          `UPDATE import_rows r SET data = m.data::jsonb, create_error = m.create_error, create_error_code = m.create_error_code,
             action = CASE WHEN r.action = 'ERROR' AND r.contact_id IS NULL AND m.create_error IS NULL THEN 'CREATE' ELSE r.action END,
             contact_id = CASE WHEN r.action = 'ERROR' AND r.contact_id IS NULL AND m.create_error IS NULL THEN uuidv7() ELSE r.contact_id END,
             message = CASE WHEN r.action = 'ERROR' AND r.contact_id IS NULL AND m.create_error IS NULL THEN NULL ELSE r.message END,
             codes = CASE WHEN r.action = 'ERROR' AND r.contact_id IS NULL AND m.create_error IS NULL THEN NULL ELSE r.codes END
           FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS m(row_number, data, create_error, create_error_code)
           WHERE r.workspace_id = $1 AND r.job_id = $2 AND r.row_number = m.row_number`,
          [
            ...params,
            groups.map((group) => group.rows[0]),
            merged.map((data) => JSON.stringify(data)),
            creations.map((creation) => creation.reason),
            creations.map((creation) => creation.codes[0] ?? null),
          ],
        );
        const folded = groups.flatMap((group) => group.rows.slice(1).map((row) => [row, group.rows[0]!] as const));
        await pool.query(
          `UPDATE import_rows r SET action = 'SKIP', lookup = false, contact_id = NULL, codes = 'MERGED_IN_FILE', message = format('merged into row %s of the file', m.kept)
           FROM unnest($3::int[], $4::int[]) AS m(row_number, kept)
           WHERE r.workspace_id = $1 AND r.job_id = $2 AND r.row_number = m.row_number`,
          [...params, folded.map(([row]) => row), folded.map(([, kept]) => kept)],
        );
        if (groups.length < MERGE_PAGE_SIZE) return;
        after = groups.at(-1)!.identifier;
      }
    }
  }
}

async function countActions(context: JobRunContext, job: ImportJob): Promise<Record<'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR', number>> {
  const { rows } = await context.db.pool.query(
    'SELECT action, count(*)::int AS count FROM import_rows WHERE workspace_id = $1 AND job_id = $2 GROUP BY action',
    [job.workspaceId, job.id],
  );
  const counts = { CREATE: 0, UPDATE: 0, SKIP: 0, ERROR: 0 };
  for (const row of rows) counts[row.action as keyof typeof counts] = row.count;
  return counts;
}

/**
 * The original rows that fail, with an `Error` column added and, after it, `Error Codes` (the codes
 * of the error's parts, in their order); returns where the store keeps it.
 */
async function writeErrorFile(context: JobRunContext, job: ImportJob, source: string): Promise<string> {
  const key = importFileKeys(job.workspaceId, job.id).errors;
  await writeCsvFile(context.files, key, [...jobLayout(job).headers, 'Error', 'Error Codes'], async (writer) => {
    for await (const { cells, row } of rowsInOrder(context, job, source, { actions: ['ERROR'] })) {
      await writer.write([...cells, row.message ?? '', row.codes ?? '']);
    }
  });
  return context.files.location(key);
}

/** The codes of a reason as stored (`codes`): separated like the reason's parts, null for none. */
function joinCodes(codes: readonly string[]): string | null {
  return codes.length > 0 ? codes.join(CODE_SEPARATOR) : null;
}

/** A value in COPY's text format: `\N` for null, with backslash, tab and newlines escaped. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!);
}
