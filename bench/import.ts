/**
 * `npm run bench:import [-- ROWS] [--runs N] [--baseline-at MIGRATION] [--storage s3]` (default
 * 200,000 rows, 3 runs): a whole CSV import through the HTTP API — multipart upload, mapping with
 * the suggested fields, background validation, confirm, write — on the embedded PostgreSQL (or
 * DATABASE_URL), server and worker in this process, against a baseline measured in the same run.
 *
 * The file (bench/import-data.ts): names, mobile numbers of eight countries in national and
 * international form with a Country column, ~5% invalid phones, ~3% rows repeating an earlier
 * row's phone in the other form, emails in mixed case, three typed custom fields (NUMBER, DATE,
 * SELECT, made in the workspace first) and Tags. Each run, in a fresh database:
 *   (a) the file into an empty workspace; (b) the same file again into it (every contact updated).
 * With `--storage s3`, also, in another fresh database: (c) the file into a new workspace as in (a),
 * but through an app and worker whose file store is an S3 bucket on s3rver (started by the bench on
 * 127.0.0.1 in this process, on a temporary folder removed at the end: its work counts in (c)'s
 * times and RSS); the table prints (c)'s phases and their ratio to (a)'s, the local folder's.
 * All in ADD_AND_UPDATE by PHONE with inFileDuplicates KEEP_FIRST (see IN_FILE_DUPLICATES_NOTE).
 * Then, in another fresh database, the baseline (bench/import-baseline.ts): the same final rows
 * COPYed into a staging table and merged set-based into the same tables, into a new workspace and
 * again into it. With `--baseline-at MIGRATION` (a folder name under prisma/migrations), the same
 * baseline is also measured on the schema as that migration left it, to compare data models.
 *
 * Printed per figure: min / median / max over the runs. Phases: upload + detection (upload sent →
 * job returned), validation (mapping sent → REVIEW), write (confirm sent → COMPLETED), whole import
 * (upload sent → COMPLETED); rows/s are the file's rows over those seconds. Progress: the job's
 * `contactImportProgress` over SSE, each event timed as it arrives. Peak RSS of this process
 * (server and worker) sampled every 50 ms during the import.
 *
 * Over 400 lines: the scenarios, the progress watch and the printed table share their figures.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { openBenchServer, type BenchServer } from './bench-database.ts';
import { BenchApi } from './api-client.ts';
import { figureTable, median, MIB, oneDecimal, ratio, sampleRss, seconds, whole, type FigureRow } from './figures.ts';
import { loadFinalRowsBaseline, writeFinalRows, type BaselineTimes } from './import-baseline.ts';
import { CUSTOM_FIELDS, HEADER, writeImportCsv, type GeneratedFile } from './import-data.ts';
import type { ImportPlan } from '../src/domain/import-options.ts';
import { importBatchTag } from '../src/domain/tag.ts';
import type { Database } from '../src/db/client.ts';
import type { FileStore } from '../src/files/file-store.ts';
import { LocalFileStore } from '../src/files/local-file-store.ts';
import { JobEvents } from '../src/db/job-events.ts';
import { startImportWorker } from '../src/import/worker.ts';
import { buildApp } from '../src/server/app.ts';
import { createWorkspace } from '../src/services/workspaces.ts';
import { startS3Server } from '../test/support/s3-server.ts';

const IN_FILE_DUPLICATES = 'KEEP_FIRST';
const IN_FILE_DUPLICATES_NOTE =
  'inFileDuplicates KEEP_FIRST: a repeated phone is the same person entered again, so the first row is imported and the repeat ' +
  'skipped (REJECT_ALL would fail both rows, MERGE would fold the repeat into the first for no gain here)';
const PROGRESS = `subscription($jobId: ID!) { contactImportProgress(jobId: $jobId) {
  status progress { processedRows rowsPerSecond etaSeconds } } }`;
const FAILED = ['FAILED', 'CANCELLED', 'EXPIRED'];

const { rows, runs, baselineAt, storage } = parseArguments(process.argv.slice(2));

const server = await openBenchServer();
const s3 = storage === 's3' ? await startS3Server() : undefined;
const csvPath = path.join(server.work, 'contacts.csv');
const finalRowsPath = path.join(server.work, 'final-rows.copy');

interface ScenarioFigures {
  upload: number;
  validation: number;
  write: number;
  whole: number;
  firstEvent: number;
  firstRows: number;
  eventsPerSecond: number;
  longestGap: number;
  /** Share of the write's events after the first rows that carry rows/s and an ETA. */
  withRate: number;
  peakRss: number;
  counts: Counts;
}
interface Counts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}
interface RunFigures {
  a: ScenarioFigures;
  b: ScenarioFigures;
  /** (a) again through the S3 store, with `--storage s3`. */
  c?: ScenarioFigures;
  baselineNew: BaselineTimes;
  baselineAgain: BaselineTimes;
  /** The same baseline on the schema of `--baseline-at`'s migration, when asked for. */
  earlier?: Baselines;
}
interface Baselines {
  baselineNew: BaselineTimes;
  baselineAgain: BaselineTimes;
}

let file: GeneratedFile;
const results: RunFigures[] = [];
let finalRows: number | undefined;
let idleRss: number | undefined;
try {
  const generateStarted = performance.now();
  file = await writeImportCsv(csvPath, rows);
  console.log(
    `file: ${rows.toLocaleString('en')} rows, ${(file.bytes / 1e6).toFixed(1)} MB — ${file.people.toLocaleString('en')} people, ` +
      `${file.invalid.toLocaleString('en')} invalid phones (${percent(file.invalid / rows)}), ` +
      `${file.repeats.toLocaleString('en')} repeated phones in the other form (${percent(file.repeats / rows)}); ` +
      `${file.checked.toLocaleString('en')} phones checked with libphonenumber; generated in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s`,
  );
  console.log(`${IN_FILE_DUPLICATES_NOTE}.`);
  console.log(
    `database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}; ` +
      `${s3 ? `(c)'s files on s3rver at ${s3.endpoint}; ` : ''}${runs} run(s), each in fresh databases\n`,
  );
  for (let run = 1; run <= runs; run++) {
    const imports = await runImports(server, run);
    const baselines = await runBaselines(server, `baseline_${run}`);
    const earlier = baselineAt ? await runBaselines(server, `baseline_earlier_${run}`, baselineAt) : undefined;
    const figures = { ...imports, ...baselines, earlier };
    results.push(figures);
    console.log(
      `run ${run}: whole import (a) ${seconds(figures.a.whole)} s, (b) ${seconds(figures.b.whole)} s` +
        `${figures.c ? `, (c) ${seconds(figures.c.whole)} s` : ''}; ` +
        `baseline new ${seconds(figures.baselineNew.seconds)} s, again ${seconds(figures.baselineAgain.seconds)} s`,
    );
  }
  printFigures();
} finally {
  await s3?.stop();
  await server.close();
}

async function runImports(bench: BenchServer, run: number): Promise<Pick<RunFigures, 'a' | 'b' | 'c'>> {
  const intoEmpty = { created: file.people, updated: 0, skipped: file.repeats, failed: file.invalid };
  const filesDir = path.join(bench.work, `files-${run}`);
  const local = await openImportApp(bench, `import_${run}`, new LocalFileStore(filesDir));
  idleRss ??= process.memoryUsage.rss();

  const a = await importScenario(local.api);
  check('(a) into an empty workspace', a.counts, intoEmpty);
  const b = await importScenario(local.api);
  check('(b) the same file again', b.counts, { created: 0, updated: file.people, skipped: file.repeats, failed: file.invalid });

  if (finalRows === undefined) {
    // The final rows, normalized once with the plan the import used: the baseline's input.
    const { rows: jobs } = await local.db.pool.query<{ mapping: ImportPlan }>('SELECT mapping FROM import_jobs ORDER BY created_at LIMIT 1');
    finalRows = await writeFinalRows(local.db.pool, csvPath, jobs[0]!.mapping, HEADER.length, finalRowsPath);
    if (finalRows !== file.people) console.log(`NOTE: ${finalRows} final rows, but the file has ${file.people} people`);
  }
  await local.close();
  await rm(filesDir, { recursive: true, force: true });

  if (!s3) return { a, b };
  const remote = await openImportApp(bench, `import_s3_${run}`, s3.store(`run-${run}/`));
  const c = await importScenario(remote.api);
  check('(c) into an empty workspace, S3 store', c.counts, intoEmpty);
  await remote.close();
  return { a, b, c };
}

/**
 * A fresh database with a new workspace holding the bench's custom fields, served over HTTP by an
 * app and an import worker in this process whose files are in `files`.
 */
async function openImportApp(bench: BenchServer, name: string, files: FileStore): Promise<{ db: Database; api: BenchApi; close(): Promise<void> }> {
  const { db, url, drop } = await bench.createDatabase(name);
  const events = new JobEvents(url);
  await events.start();
  const worker = await startImportWorker({ db, files });
  const app = buildApp({ db, files, events, webhooks: { secretKey: randomBytes(32), allowInsecure: false } });
  const origin = await app.start({ host: '127.0.0.1', port: 0 });
  const { admin: key } = await createWorkspace(db, { name: 'Bench' });
  const api = new BenchApi(origin, key.secret);
  for (const field of CUSTOM_FIELDS) {
    const { createField } = await api.gql(
      `mutation($input: CreateFieldInput!) { createField(input: $input) { __typename ... on Error { message } } }`,
      { input: { label: field.label, type: field.type, options: field.options.length ? field.options : undefined } },
    );
    if (createField.__typename !== 'Field') throw new Error(`createField ${field.label}: ${createField.message}`);
  }
  return {
    db,
    api,
    async close() {
      await app.stop();
      await worker.stop();
      await events.stop();
      await drop();
    },
  };
}

/** The baseline, into a new workspace and again into it, in a fresh database (migrated through `migratedThrough` if given). */
async function runBaselines(bench: BenchServer, name: string, migratedThrough?: string): Promise<Baselines> {
  const { db, drop } = await bench.createDatabase(name, { migratedThrough });
  // Plain SQL, not the services: an earlier schema may lack columns today's client knows.
  const { rows: workspaces } = await db.pool.query<{ id: string }>(`INSERT INTO workspaces (name) VALUES ('Baseline') RETURNING id`);
  const workspace = workspaces[0]!;
  const target = async () => {
    const { rows: jobs } = await db.pool.query<{ id: string; created_at: Date }>(
      `INSERT INTO import_jobs (workspace_id, status, source_kind, file_name, file_size, total_rows, confirmed_at, finished_at)
       VALUES ($1, 'COMPLETED', 'CSV', 'contacts.csv', $2, $3, now(), now()) RETURNING id, created_at`,
      [workspace.id, file.bytes, rows],
    );
    const job = jobs[0]!;
    return {
      workspaceId: workspace.id,
      jobId: job.id,
      batchTag: importBatchTag({ id: job.id, createdAt: job.created_at, fileName: 'contacts.csv' }),
    };
  };
  const baselineNew = await loadFinalRowsBaseline(db.pool, await target(), finalRowsPath);
  const baselineAgain = await loadFinalRowsBaseline(db.pool, await target(), finalRowsPath);
  await drop();
  return { baselineNew, baselineAgain };
}

interface ProgressEvent {
  at: number;
  status: string;
  processedRows: number;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
}

/** One import of the bench file through the API, from upload to COMPLETED, with its progress events. */
async function importScenario(api: BenchApi): Promise<ScenarioFigures> {
  const rss = sampleRss(50);
  const started = performance.now();
  const { startContactImport: job } = await api.upload(
    `mutation($input: StartContactImportInput!) { startContactImport(input: $input) {
       __typename ... on ImportJob { id totalRows columns { index header suggestedFieldKey } } ... on Error { message } } }`,
    'variables.input.file',
    csvPath,
  );
  const uploaded = performance.now();
  if (job.__typename !== 'ImportJob') throw new Error(`startContactImport: ${job.message}`);
  const columns = job.columns as { index: number; header: string; suggestedFieldKey: string | null }[];
  const unmapped = columns.filter((column) => !column.suggestedFieldKey);
  if (unmapped.length) throw new Error(`no suggested field for ${unmapped.map((column) => column.header).join(', ')}`);

  const events: ProgressEvent[] = [];
  const watch = watchJob(api, job.id, events);
  await watch.until(() => events.length > 0);

  const mapped = performance.now();
  const { setContactImportMapping: mapping } = await api.gql(
    `mutation($input: SetContactImportMappingInput!) { setContactImportMapping(input: $input) { __typename ... on Error { message } } }`,
    {
      input: {
        jobId: job.id,
        columns: columns.map((column) => ({ index: column.index, fieldKey: column.suggestedFieldKey })),
        purpose: 'ADD_AND_UPDATE',
        identifier: 'PHONE',
        inFileDuplicates: IN_FILE_DUPLICATES,
      },
    },
  );
  if (mapping.__typename !== 'ImportJob') throw new Error(`setContactImportMapping: ${mapping.message}`);
  const review = await watch.until(() => events.find((event) => event.status === 'REVIEW'));

  const confirmed = performance.now();
  const { confirmContactImport: confirm } = await api.gql(
    `mutation($jobId: ID!) { confirmContactImport(jobId: $jobId) { __typename ... on Error { message } } }`,
    { jobId: job.id },
  );
  if (confirm.__typename !== 'ImportJob') throw new Error(`confirmContactImport: ${confirm.message}`);
  const done = await watch.until(() => events.find((event) => event.status === 'COMPLETED'));
  const peakRss = rss.stop();

  const { importJob } = await api.gql(`query($id: ID!) { importJob(id: $id) { ... on ImportJob { counts { created updated skipped failed } } } }`, {
    id: job.id,
  });
  const afterConfirm = events.filter((event) => event.at >= confirmed);
  const firstEvent = afterConfirm.find((event) => event.status === 'IMPORTING');
  const firstRows = afterConfirm.find((event) => event.status === 'IMPORTING' && event.processedRows > 0);
  const writing = firstEvent ? afterConfirm.filter((event) => event.at >= firstEvent.at && event.at <= done.at) : [];
  const gaps = writing.slice(1).map((event, index) => event.at - writing[index]!.at);
  const reporting = writing.filter((event) => event.status === 'IMPORTING' && event.processedRows > 0);
  return {
    upload: (uploaded - started) / 1000,
    validation: (review.at - mapped) / 1000,
    write: (done.at - confirmed) / 1000,
    whole: (done.at - started) / 1000,
    firstEvent: firstEvent ? (firstEvent.at - confirmed) / 1000 : Number.NaN,
    firstRows: firstRows ? (firstRows.at - confirmed) / 1000 : Number.NaN,
    eventsPerSecond: firstEvent && done.at > firstEvent.at ? (writing.length - 1) / ((done.at - firstEvent.at) / 1000) : Number.NaN,
    longestGap: gaps.length ? Math.max(...gaps) / 1000 : Number.NaN,
    withRate: reporting.length
      ? reporting.filter((event) => event.rowsPerSecond !== null && event.etaSeconds !== null).length / reporting.length
      : Number.NaN,
    peakRss,
    counts: importJob.counts,
  };
}

/**
 * Subscribes to the job's progress over SSE, appending each event with its arrival time to
 * `events`; `until(found)` waits for the first time `found()` gives something, and fails if the job
 * fails or the subscription ends first.
 */
function watchJob(api: BenchApi, jobId: string, events: ProgressEvent[]) {
  const waiters = new Set<() => void>();
  let ended: Error | null = null;
  void (async () => {
    try {
      for await (const data of api.subscribe(PROGRESS, { jobId })) {
        const job = data.contactImportProgress;
        events.push({ at: performance.now(), status: job.status, ...job.progress });
        if (FAILED.includes(job.status)) throw new Error(`the import ended ${job.status}`);
        for (const wake of waiters) wake();
      }
      throw new Error('the progress subscription ended');
    } catch (error) {
      ended = error as Error;
      for (const wake of waiters) wake();
    }
  })();
  return {
    until<T>(found: () => T | undefined | false): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const value = found();
          if (value) {
            waiters.delete(check);
            resolve(value);
          } else if (ended) {
            waiters.delete(check);
            reject(ended);
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

function check(scenario: string, counts: Counts, expected: Counts): void {
  const differs = (Object.keys(expected) as (keyof Counts)[]).filter((key) => counts[key] !== expected[key]);
  if (differs.length) console.log(`NOTE ${scenario}: counts ${JSON.stringify(counts)}, the file says ${JSON.stringify(expected)}`);
}

function printFigures(): void {
  const column = <T>(pick: (run: RunFigures) => T) => results.map(pick);
  interface ScenarioFigure {
    label: string;
    of: (figures: ScenarioFigures) => number;
    format: (value: number) => string;
  }
  const phases: ScenarioFigure[] = [
    { label: 'upload + detection, s', of: (f) => f.upload, format: seconds },
    { label: 'validation, s', of: (f) => f.validation, format: seconds },
    { label: 'validation, rows/s', of: (f) => rows / f.validation, format: whole },
    { label: 'write, s', of: (f) => f.write, format: seconds },
    { label: 'write, rows/s', of: (f) => rows / f.write, format: whole },
    { label: 'whole import, s', of: (f) => f.whole, format: seconds },
    { label: 'whole import, rows/s', of: (f) => rows / f.whole, format: whole },
  ];
  const progress: ScenarioFigure[] = [
    { label: 'first progress event after confirm, s', of: (f) => f.firstEvent, format: seconds },
    { label: 'first event with rows written, s', of: (f) => f.firstRows, format: seconds },
    { label: 'progress events per second while writing', of: (f) => f.eventsPerSecond, format: oneDecimal },
    { label: 'longest gap between progress events, s', of: (f) => f.longestGap, format: seconds },
    { label: 'events with rows/s and ETA, %', of: (f) => f.withRate * 100, format: whole },
  ];
  const peakRss: ScenarioFigure = { label: 'peak RSS (server + worker), MiB', of: (f) => f.peakRss / MIB, format: whole };
  const scenarioRows = (name: 'a' | 'b' | 'c', title: string, figures: ScenarioFigure[]): FigureRow[] =>
    figures.map((figure, index) => ({
      label: index === 0 ? `**(${name}) ${title}**: ${figure.label}` : `(${name}) ${figure.label}`,
      values: column((run) => figure.of(run[name]!)),
      format: figure.format,
    }));
  const overA = (label: string, of: (figures: ScenarioFigures) => number): FigureRow => ({
    label,
    values: column((run) => of(run.c!) / of(run.a)),
    format: ratio,
  });
  const finalCount = finalRows ?? Number.NaN;
  const table: FigureRow[] = [
    ...scenarioRows('a', 'into an empty workspace', [...phases, ...progress, peakRss]),
    ...(s3
      ? [
          ...scenarioRows('c', 'as (a), through the S3 store', [...phases, peakRss]),
          overA('(c) / (a) upload + detection', (f) => f.upload),
          overA('(c) / (a) validation', (f) => f.validation),
          overA('(c) / (a) write', (f) => f.write),
          overA('**(c) / (a) whole import**', (f) => f.whole),
          overA('(c) / (a) peak RSS', (f) => f.peakRss),
        ]
      : []),
    ...scenarioRows('b', 'the same file again (updates)', [...phases, ...progress, peakRss]),
    { label: '**baseline**: COPY of the final rows into staging, s', values: column((run) => run.baselineNew.copySeconds), format: seconds },
    { label: 'baseline new: COPY + merge, s', values: column((run) => run.baselineNew.seconds), format: seconds },
    { label: 'baseline new, final rows/s', values: column((run) => finalCount / run.baselineNew.seconds), format: whole },
    { label: 'baseline again (updates): COPY + merge, s', values: column((run) => run.baselineAgain.seconds), format: seconds },
    { label: 'baseline again, final rows/s', values: column((run) => finalCount / run.baselineAgain.seconds), format: whole },
    ...(baselineAt
      ? [
          {
            label: `baseline new on the schema through ${baselineAt}, s`,
            values: column((run) => run.earlier!.baselineNew.seconds),
            format: seconds,
          },
          {
            label: `baseline again on the schema through ${baselineAt}, s`,
            values: column((run) => run.earlier!.baselineAgain.seconds),
            format: seconds,
          },
        ]
      : []),
    { label: '**(a) whole import / baseline new**', values: column((run) => run.a.whole / run.baselineNew.seconds), format: ratio },
    { label: '**(b) whole import / baseline again**', values: column((run) => run.b.whole / run.baselineAgain.seconds), format: ratio },
  ];
  console.log(
    `\n${rows.toLocaleString('en')} rows (${(file.bytes / 1e6).toFixed(1)} MB), ${finalCount.toLocaleString('en')} final rows (contacts); ` +
      `${results.length} run(s); RSS with server and worker idle before the first import: ${Math.round((idleRss ?? 0) / MIB)} MiB\n`,
  );
  console.log(figureTable(table));
  console.log(
    `\nrows/s at ${rows.toLocaleString('en')}: (a) ${whole(median(column((run) => rows / run.a.whole)))}, ` +
      `(b) ${whole(median(column((run) => rows / run.b.whole)))}` +
      `${s3 ? `, (c) ${whole(median(column((run) => rows / run.c!.whole)))}` : ''} (median whole import)`,
  );
}

function parseArguments(args: string[]): { rows: number; runs: number; baselineAt: string | undefined; storage: string } {
  let rows = 200_000;
  let runs = 3;
  let baselineAt: string | undefined;
  let storage = 'local';
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=');
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--runs') runs = Number(value());
    else if (flag === '--baseline-at') baselineAt = value();
    else if (flag === '--storage') storage = value();
    else rows = Number(args[i]!.replaceAll('_', '').replaceAll(',', ''));
  }
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1 || baselineAt === '' || !['local', 's3'].includes(storage)) {
    throw new Error('usage: npm run bench:import [-- ROWS] [--runs N] [--baseline-at MIGRATION] [--storage s3]');
  }
  return { rows, runs, baselineAt, storage };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
