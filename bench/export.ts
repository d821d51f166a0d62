/**
 * `npm run bench:export [-- CONTACTS]` (default 200,000): a contact export of every default column
 * (each contact with a phone, an email and a custom field) through the HTTP server on the embedded
 * PostgreSQL (or DATABASE_URL), as CSV and then as XLSX, against a baseline in the same run: a plain
 * `COPY (SELECT …) TO STDOUT` of the same columns. Prints the wall time, rows per second, file
 * size and the process's peak RSS and heap. Run it with `node --max-old-space-size=N --import tsx
 * bench/export.ts` to check that a small heap exports as fast: memory does not grow with the list.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { to as copyTo } from 'pg-copy-streams';
import { openBenchDatabase } from './bench-database.ts';
import { LocalFileStore } from '../src/files/local-file-store.ts';
import { JobEvents } from '../src/db/job-events.ts';
import { buildApp } from '../src/server/app.ts';
import { createWorkspace } from '../src/services/workspaces.ts';

const count = Number(process.argv[2] ?? 200_000);
const { work, db, close } = await openBenchDatabase('export');
const { workspace, admin: key } = await createWorkspace(db, { name: 'Bench' });

await db.pool.query(`INSERT INTO fields (workspace_id, key, label, type) VALUES ($1, 'note', 'Note', 'TEXT')`, [workspace.id]);
await db.pool.query(
  `INSERT INTO contacts (workspace_id, first_name, last_name, name, country, custom_fields, created_at)
   SELECT $1, 'First' || i, 'Last' || i, 'First' || i || ' Last' || i, 'US', jsonb_build_object('note', 'note ' || i),
          timestamp '2026-01-01' + i * interval '1 second'
   FROM generate_series(1, $2::int) AS i`,
  [workspace.id, count],
);
await db.pool.query(
  `INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
   SELECT workspace_id, id, 'EMAIL'::"DetailKind", lower(first_name) || '@example.com', lower(first_name) || '@example.com', true
   FROM contacts WHERE workspace_id = $1
   UNION ALL
   SELECT workspace_id, id, 'PHONE'::"DetailKind", '+1202' || lpad((row_number() OVER ())::text, 7, '0'), 'bench', true
   FROM contacts WHERE workspace_id = $1`,
  [workspace.id],
);
await db.pool.query('ANALYZE');

const events = new JobEvents(db.url);
await events.start();
const app = buildApp({
  db,
  files: new LocalFileStore(path.join(work, 'files')),
  events,
  webhooks: { secretKey: randomBytes(32), allowInsecure: false },
});
const origin = await app.start({ host: '127.0.0.1', port: 0 });
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

const copyClient = await db.pool.connect();
const copyStarted = performance.now();
// COPY takes no bind parameters; the workspace id is the uuid this script just created.
const copy = copyClient.query(
  copyTo(`COPY (SELECT c.first_name, c.last_name, c.name, p.value, e.value, c.country, c.custom_fields->>'note', c.created_at, c.updated_at
    FROM contacts c
    LEFT JOIN contact_details p ON p.workspace_id = c.workspace_id AND p.contact_id = c.id AND p.kind = 'PHONE' AND p.is_primary
    LEFT JOIN contact_details e ON e.workspace_id = c.workspace_id AND e.contact_id = c.id AND e.kind = 'EMAIL' AND e.is_primary
    WHERE c.workspace_id = '${workspace.id}' ORDER BY c.created_at DESC, c.id DESC) TO STDOUT WITH (FORMAT csv)`),
);
let copyBytes = 0;
for await (const chunk of copy) copyBytes += (chunk as Buffer).length;
const copySeconds = (performance.now() - copyStarted) / 1000;
copyClient.release();
console.log(`baseline COPY (SELECT …) TO STDOUT of the same columns: ${copySeconds.toFixed(2)} s, ${mib(copyBytes)}`);

for (const format of ['CSV', 'XLSX'] as const) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key.secret}` },
    body: JSON.stringify({
      query: 'query ($format: ExportFormat!) { contactExport(input: { format: $format }) { ... on ContactExport { url } } }',
      variables: { format },
    }),
  });
  const exportUrl: string = (await response.json()).data.contactExport.url;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  const started = performance.now();
  const download = await fetch(exportUrl, { headers: { authorization: `Bearer ${key.secret}` } });
  const reader = download.body!.getReader();
  let bytes = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(
    `${format.padEnd(4)} ${count.toLocaleString('en')} contacts: ${seconds.toFixed(2)} s (${Math.round(count / seconds).toLocaleString('en')} rows/s), ` +
      `${(seconds / copySeconds).toFixed(1)}× the baseline, ${mib(bytes)}, peak RSS ${mib(peakRss)}, peak heap ${mib(peakHeap)}`,
  );
}

await app.stop();
await events.stop();
await close();
