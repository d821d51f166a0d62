/**
 * `npm run bench:import [-- ROWS]` (default 200,000): a whole CSV import through the HTTP API —
 * multipart upload, mapping, background validation, confirm, write — on the embedded PostgreSQL
 * (or DATABASE_URL), against a baseline in the same run: a plain COPY of the same file into a
 * table of text columns. Prints wall times, rows per second, the ratio to the baseline and the
 * peak RSS of the process (server and worker together), sampled every 50 ms.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { openBenchDatabase } from './bench-database.ts';
import { FileStore } from '../src/import/file-store.ts';
import { JobEvents } from '../src/import/progress.ts';
import { startImportWorker } from '../src/import/worker.ts';
import { buildApp } from '../src/server/app.ts';
import { createWorkspace } from '../src/services/workspaces.ts';

const rows = Number(process.argv[2] ?? 200_000);
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const { work, db, close } = await openBenchDatabase('import');

const csvPath = path.join(work, 'contacts.csv');
await writeCsv(csvPath, rows);
const { size } = await stat(csvPath);

// Baseline: the same bytes COPYed into a table of text columns.
const baselineStart = performance.now();
await db.pool.query('CREATE UNLOGGED TABLE copy_baseline (first_name text, last_name text, phone text, email text, country text, tier text)');
const client = await db.pool.connect();
await pipeline(createReadStream(csvPath), client.query(copyFrom('COPY copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)')));
client.release();
const baselineSeconds = (performance.now() - baselineStart) / 1000;

const files = new FileStore(path.join(work, 'files'));
const events = new JobEvents(db.url);
await events.start();
const worker = await startImportWorker({ db, files });
const app = buildApp({ db, files, events });
const base = await app.start({ host: '127.0.0.1', port: 0 });
const { admin: key } = await createWorkspace(db, { name: 'Bench' });
await db.pool.query(`INSERT INTO fields (workspace_id, key, label, type, options) SELECT id, 'tier', 'Tier', 'SELECT', '{Gold,Silver,Bronze}' FROM workspaces`);

async function gql(query: string, variables: unknown) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function waitWhile(id: string, states: string[]): Promise<{ status: string; counts: Record<string, number> }> {
  for (;;) {
    const { importJob } = await gql(`query($id: ID!) { importJob(id: $id) { ... on ImportJob { status counts { toCreate errors created failed } } } }`, { id });
    if (!states.includes(importJob.status)) return importJob;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const started = performance.now();
const form = new FormData();
form.append('operations', JSON.stringify({ query: 'mutation($input: StartContactImportInput!) { startContactImport(input: $input) { ... on ImportJob { id totalRows } ... on Error { message } } }', variables: { input: { file: null } } }));
form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
form.append('0', await openAsBlob(csvPath), 'contacts.csv');
const upload = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${key.secret}` }, body: form })).json();
const jobId = upload.data.startContactImport.id;
const uploaded = performance.now();

await gql(
  `mutation($input: SetContactImportMappingInput!) { setContactImportMapping(input: $input) { ... on Error { message } } }`,
  {
    input: {
      jobId,
      purpose: 'ADD_AND_UPDATE',
      identifier: 'PHONE',
      columns: ['firstName', 'lastName', 'phone', 'email', 'country', 'tier'].map((fieldKey, index) => ({ index, fieldKey })),
    },
  },
);
const review = await waitWhile(jobId, ['VALIDATING']);
const validated = performance.now();
await gql(`mutation($id: ID!) { confirmContactImport(jobId: $id) { ... on Error { message } } }`, { id: jobId });
const done = await waitWhile(jobId, ['QUEUED', 'IMPORTING']);
const written = performance.now();
clearInterval(sampler);

const seconds = (from: number, to: number) => (to - from) / 1000;
const total = seconds(started, written);
console.log(`rows: ${rows.toLocaleString('en')} (${(size / 1e6).toFixed(1)} MB CSV) on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`);
console.log(`baseline COPY of the file into text columns: ${baselineSeconds.toFixed(2)} s (${Math.round(rows / baselineSeconds).toLocaleString('en')} rows/s)`);
console.log(`upload + detection:  ${seconds(started, uploaded).toFixed(2)} s`);
console.log(`validation:          ${seconds(uploaded, validated).toFixed(2)} s  (review: ${JSON.stringify(review.counts)})`);
console.log(`write:               ${seconds(validated, written).toFixed(2)} s  (status ${done.status}: ${JSON.stringify(done.counts)})`);
console.log(`whole import:        ${total.toFixed(2)} s (${Math.round(rows / total).toLocaleString('en')} rows/s), ${(total / baselineSeconds).toFixed(1)}× the baseline COPY`);
console.log(`peak RSS:            ${Math.round(peakRss / 2 ** 20)} MiB`);

await app.stop();
await worker.stop();
await events.stop();
await close();

async function writeCsv(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('First Name,Last Name,Mobile,Email,Country,Tier\n');
  const tiers = ['Gold', 'silver', 'BRONZE'];
  const areas = [202, 212, 213, 312, 415, 617, 718, 305, 404, 503];
  for (let i = 0; i < count; i++) {
    // Unique numbers written the way people write them: (area) exchange-line.
    const rest = Math.floor(i / areas.length);
    const phone = `(${areas[i % areas.length]}) ${230 + (rest % 700)}-${String(Math.floor(rest / 700) % 10000).padStart(4, '0')}`;
    const line = `${letters(i)},${letters(i % 977)}son,${phone},person${i}@example.com,US,${tiers[i % 3]}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** A name made of letters only (names with digits are row errors): 0 → A, 26 → Ba, … */
function letters(n: number): string {
  let name = '';
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26);
  } while (n > 0);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

async function openAsBlob(file: string): Promise<Blob> {
  const { openAsBlob: open } = await import('node:fs');
  return open(file, { type: 'text/csv' });
}
