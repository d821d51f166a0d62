import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFileKeys } from '../../src/files/file-store.ts';
import { sweepImports } from '../../src/import/sweeper.ts';
import { graphql } from '../generated/gql.ts';
import type { SetContactImportMappingInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { confirmAndWait, download, fetchJob, SetMapping, uploadCsv, validateCsv, waitWhile } from '../support/imports.ts';
import { uuidOf } from '../support/global-ids.ts';

/**
 * The import flow on each file store: a local folder, and an S3 bucket (s3rver on 127.0.0.1).
 * Uploads stream to the store, the worker reads them from there and writes its error and result
 * files there, downloads stream back through the API, and the sweeper deletes from the store.
 */

const StoreFlowContacts = graphql(`
  query StoreFlowContacts {
    contacts(first: 5) { totalCount }
  }
`);

const ROWS = 2000;
/** Each row carries 3 KB of notes: the upload and the result file (6 MB) go to a bucket in several parts. */
const NOTES = 'n'.repeat(3000);

function peopleCsv(): string {
  const lines = ['First Name,Email,Notes'];
  for (let i = 0; i < ROWS; i++) lines.push(`Ada${'abcdefghij'[i % 10]},ada${i}@s3.test,${NOTES}`);
  lines.push('Bad,not-an-email,');
  return lines.join('\r\n');
}

const MAPPING: Omit<SetContactImportMappingInput, 'jobId'> = {
  purpose: 'ADD_NEW_ONLY',
  identifier: 'EMAIL',
  columns: [
    { index: 0, fieldKey: 'firstName' },
    { index: 1, fieldKey: 'email' },
    { index: 2, ignore: true },
  ],
};
/** For the small pasted imports: each column to its suggested field. */
const BY_EMAIL = { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' } as const;

describe.each(['local', 's3'] as const)('imports with their files in a %s store', (storage) => {
  const app = useTestApp({ storage });
  let workspace: TestWorkspace;

  /** What the import_jobs row records of the job's files. */
  async function recordedFiles(jobId: string) {
    const { rows } = await app.db.pool.query('SELECT file_path, error_file_path, result_file_path FROM import_jobs WHERE id = $1', [uuidOf(jobId)]);
    return rows[0];
  }

  async function mapAndReview(key: string, jobId: string) {
    const { setContactImportMapping } = await app.data(SetMapping, { input: { jobId, ...MAPPING } }, key);
    expect(setContactImportMapping).toMatchObject({ __typename: 'ImportJob', status: 'VALIDATING' });
    return waitWhile(app, key, jobId, ['VALIDATING']);
  }

  it('a CSV: upload to the store, review with its error file, confirm, result file, each read back through the API', async () => {
    workspace = await app.createWorkspace();
    const key = workspace.keys.WRITE;
    const started = await uploadCsv(app, key, peopleCsv(), 'people.csv');
    expect(started).toMatchObject({ __typename: 'ImportJob', status: 'MAPPING', totalRows: ROWS + 1 });
    if (started.__typename !== 'ImportJob') return;
    const files = importFileKeys(workspace.id, uuidOf(started.id));
    expect(await app.files.list(files.folder)).toEqual([files.source]);

    const review = await mapAndReview(key, started.id);
    expect(review).toMatchObject({ status: 'REVIEW', counts: { toCreate: ROWS, errors: 1 } });
    const errors = (await download(review.errorFileUrl!, key)).trim().split('\r\n');
    expect(errors).toEqual([
      'First Name,Email,Notes,Error,Error Codes',
      expect.stringMatching(/^Bad,not-an-email,,".*not-an-email.*",INVALID_EMAIL$/),
    ]);

    const written = await confirmAndWait(app, key, started.id);
    expect(written.counts).toMatchObject({ created: ROWS, failed: 1 });
    const result = (await download(written.resultFileUrl!, key)).trim().split('\r\n');
    expect(result[0]).toBe('First Name,Email,Notes,Import Status,Errors,Notes,Error Codes');
    expect(result).toHaveLength(ROWS + 2);
    expect(result[1]).toBe(`Adaa,ada0@s3.test,${NOTES},Imported,,,`);
    expect((await app.data(StoreFlowContacts, {}, key)).contacts.totalCount).toBe(ROWS);

    expect((await app.files.list(files.folder)).sort()).toEqual([files.errors, files.result, files.source]);
    // Where the files are: their paths in the folder, their keys in the bucket.
    expect(await recordedFiles(started.id)).toEqual({
      file_path: app.files.location(files.source),
      error_file_path: app.files.location(files.errors),
      result_file_path: app.files.location(files.result),
    });
    expect(app.files.location(files.source)).toMatch(
      storage === 's3' ? /^files\/[0-9a-f-]+\/[0-9a-f-]+\/source$/ : /^\/.+\/[0-9a-f-]+\/[0-9a-f-]+\/source$/,
    );
  });

  it('an XLSX workbook: its sheet converted to CSV rows in the store, written, with a result file', async () => {
    const key = workspace.keys.WRITE;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('People');
    sheet.addRow(['First Name', 'Email', 'Notes']);
    sheet.addRow(['Zoë', 'zoe@s3.test', 'from a workbook']);
    sheet.addRow(['Bad', 'nope', '']);
    const started = await uploadCsv(app, key, new Uint8Array(await book.xlsx.writeBuffer()), 'people.xlsx');
    expect(started).toMatchObject({ __typename: 'ImportJob', status: 'MAPPING', totalRows: 2 });
    if (started.__typename !== 'ImportJob') return;
    const files = importFileKeys(workspace.id, uuidOf(started.id));
    const stored = await app.files.localCopy(files.source);
    try {
      expect(await readFile(stored.path, 'utf8')).toBe('\uFEFF"First Name","Email","Notes"\n"Zoë","zoe@s3.test","from a workbook"\n"Bad","nope",\n');
    } finally {
      await stored.remove();
    }

    const review = await mapAndReview(key, started.id);
    expect(review).toMatchObject({ status: 'REVIEW', counts: { toCreate: 1, errors: 1 } });
    expect(await download(review.errorFileUrl!, key)).toMatch(/^First Name,Email,Notes,Error,Error Codes\r\nBad,nope,,".*nope.*",INVALID_EMAIL\r\n$/);
    const written = await confirmAndWait(app, key, started.id);
    expect((await download(written.resultFileUrl!, key)).split('\r\n').slice(0, 2)).toEqual([
      'First Name,Email,Notes,Import Status,Errors,Notes,Error Codes',
      'Zoë,zoe@s3.test,from a workbook,Imported,,,',
    ]);
  });

  it('refuses an upload over the workspace limit as it streams in, and keeps nothing of it', async () => {
    const limited = await app.createWorkspace('Limited');
    await app.db.pool.query('UPDATE workspaces SET import_max_bytes = 1048576 WHERE id = $1', [limited.id]);
    const refused = await uploadCsv(app, limited.keys.WRITE, peopleCsv(), 'people.csv');
    expect(refused).toMatchObject({ __typename: 'LimitExceededError', limit: 1048576 });
    expect(await app.files.list(limited.id)).toEqual([]);
  });

  it('answers 404 for a file gone from the store, and never serves another workspace its files', async () => {
    const key = workspace.keys.WRITE;
    const job = await validateCsv(app, key, 'Email\nada@gone.test\nnope\n', BY_EMAIL);
    const other = await app.createWorkspace('Other');
    const foreign = await fetch(job.errorFileUrl!, { headers: { authorization: `Bearer ${other.keys.READ}` } });
    expect(foreign.status).toBe(404);

    await app.files.delete([importFileKeys(workspace.id, uuidOf(job.id)).errors]);
    const gone = await fetch(job.errorFileUrl!, { headers: { authorization: `Bearer ${key}` } });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: `Import ${uuidOf(job.id)}'s errors file is no longer stored` });
  });

  it('the sweeper deletes from the store: the source when a review expires, every file when retention runs out', async () => {
    const swept = await app.createWorkspace('Swept');
    const key = swept.keys.WRITE;
    await app.db.pool.query('UPDATE workspaces SET review_ttl_seconds = 60 WHERE id = $1', [swept.id]);
    const waiting = await validateCsv(app, key, 'Email\nada@swept.test\nnope\n', BY_EMAIL);
    const files = importFileKeys(swept.id, uuidOf(waiting.id));
    expect((await app.files.list(files.folder)).sort()).toEqual([files.errors, files.source]);

    await app.db.pool.query(`UPDATE import_jobs SET review_expires_at = now() - interval '1 second' WHERE id = $1`, [uuidOf(waiting.id)]);
    expect(await sweepImports({ db: app.db, files: app.files })).toEqual({ expired: 1, purged: 0 });
    expect(await app.files.list(files.folder)).toEqual([files.errors]);
    expect(await fetchJob(app, key, waiting.id)).toMatchObject({ status: 'EXPIRED', errorFileUrl: expect.any(String) });

    const written = await confirmAndWait(app, key, (await validateCsv(app, key, 'Email\nbob@swept.test\n', BY_EMAIL)).id);
    await app.db.pool.query(`UPDATE import_jobs SET files_expire_at = now() - interval '1 second' WHERE workspace_id = $1`, [swept.id]);
    expect(await sweepImports({ db: app.db, files: app.files })).toEqual({ expired: 0, purged: 2 });
    expect(await app.files.list(swept.id)).toEqual([]);
    expect(await fetchJob(app, key, written.id)).toMatchObject({ errorFileUrl: null, resultFileUrl: null });
    expect((await fetch(written.resultFileUrl!, { headers: { authorization: `Bearer ${key}` } })).status).toBe(404);
  });
});
