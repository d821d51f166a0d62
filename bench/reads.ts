/**
 * `npm run bench:reads [-- CONTACTS] [--runs N] [--audience-seconds S]` (default 1,000,000 contacts, 3 runs): the reads of a
 * large workspace through the HTTP API on the embedded PostgreSQL (or DATABASE_URL), each against
 * a baseline in the same run. The workspace is seeded with COPY: contacts with a country (five)
 * and a SELECT field Tier (three options), a phone each (one in ten opted out on every channel), an
 * email for half, the tag `vip` for one in ten, and two dynamic groups: "Gold in GB" (country GB and
 * Tier Gold, one contact in fifteen) and "Everyone" (createdAt is set: every contact).
 *
 * Timed, min / median / max (counts and pages over max(5, N) runs, streams over N):
 * - `count(*)` of the workspace's contacts and the count of its active contacts (SQL baselines);
 * - "Gold in GB" `activeContactCount`, and the first page of 50 of its `members`, through the API;
 * - the SMS audience of "Everyone": all its sendable addresses downloaded as one CSV from the
 *   `recipientsUrl` the query gives (recipients/s over the whole download, against a target of
 *   200,000); and, for comparison, its `addresses` page after page at the largest page size the API
 *   allows, one request per page, to the end or for at most `--audience-seconds` (default 10) per
 *   run;
 * - a CSV export of all contacts (every default column) downloaded from the URL `contactExport`
 *   gives, against `COPY (SELECT …) TO STDOUT` of the same columns in the same order.
 *
 * Seeding takes minutes. With BENCH_DATA_DIR set (e.g. `BENCH_DATA_DIR=data/bench-reads`), the
 * embedded PostgreSQL keeps its cluster there and the seeded database (`bench_reads_<CONTACTS>`) is
 * kept after the run; the next run with the same directory and count reuses it, applying any new
 * migration first. Delete the directory to start over.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { BenchApi } from './api-client.ts';
import { figureTable, ratio, seconds, whole, type FigureRow } from './figures.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { activeContactSql } from '../src/domain/detail-status.ts';
import { sql, type Sql } from '../src/domain/sql.ts';
import { LocalFileStore } from '../src/files/local-file-store.ts';
import { JobEvents } from '../src/db/job-events.ts';
import { buildApp } from '../src/server/app.ts';
import { createApiKey } from '../src/services/api-keys.ts';
import { createField } from '../src/services/fields.ts';
import { createGroup } from '../src/services/groups.ts';
import { createWorkspace } from '../src/services/workspaces.ts';

const { count, runs, audienceSeconds } = parseArguments(process.argv.slice(2));
const QUICK_RUNS = Math.max(5, runs);
const COUNTRIES = ['GB', 'US', 'FR', 'DE', 'IN'];
const TIERS = ['Gold', 'Silver', 'Bronze'];
const GOLD_IN_GB = 'Gold in GB';
/** Made last by the seeding: a kept database that has it is seeded completely. */
const EVERYONE = 'Everyone';
/** The largest page of audience addresses the API gives. */
const AUDIENCE_PAGE = 1000;

const kept = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
const work = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
await chmod(work, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(kept ?? path.join(work, 'db'), { persistent: kept !== undefined });
const adminUrl = process.env.DATABASE_URL ?? server!.url('postgres');
const admin = new pg.Client(adminUrl);
await admin.connect();
const dbName = kept ? `bench_reads_${count}` : `bench_reads_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;

try {
  const seeded = kept ? await seededWorkspace() : undefined;
  if (!seeded) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
  }
  const db = openDatabase(url.toString());
  try {
    await migrate(db.pool);
    if (seeded) console.log(`reusing ${count.toLocaleString('en')} seeded contacts in ${dbName} (${kept})`);
    const workspaceId = seeded ?? (await seed(db));
    await measure(db, workspaceId);
  } finally {
    await db.close();
  }
  if (!kept) await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
} finally {
  await admin.end();
  await server?.stop();
  await rm(work, { recursive: true, force: true });
}

/** The workspace of a kept database whose seeding finished, if any. */
async function seededWorkspace(): Promise<string | undefined> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (!rowCount) return undefined;
  const client = new pg.Client(url.toString());
  await client.connect();
  try {
    const { rows } = await client.query<{ workspaceId: string }>('SELECT workspace_id AS "workspaceId" FROM groups WHERE name = $1', [EVERYONE]);
    return rows[0]?.workspaceId;
  } finally {
    await client.end();
  }
}

/** Streams `rows` lines of COPY text made by `line` into `table (columns)`. */
async function copyRows(db: Database, table: string, columns: string, rows: number, line: (i: number) => string | null): Promise<void> {
  const client = await db.pool.connect();
  function* chunks() {
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      chunk += line(i) ?? '';
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  try {
    await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
  } finally {
    client.release();
  }
}

/** Seeds the workspace, its Tier field, the contacts and the two groups; returns the workspace's id. */
async function seed(db: Database): Promise<string> {
  const { workspace } = await createWorkspace(db, { name: 'Bench' });
  const workspaceId = workspace.id;
  await createField(db, { workspaceId, label: 'Tier', type: 'SELECT', options: TIERS });
  const ids = Array.from({ length: count }, () => randomUUID());
  const phone = (i: number) => `+1202${String(2_000_000 + i).padStart(7, '0')}`;
  const seedStart = performance.now();
  // One second apart, so that the newest-first order of lists and exports is the contacts' order.
  const created = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  await copyRows(db, 'contacts', 'workspace_id, id, first_name, last_name, name, country, custom_fields, created_at, updated_at', count, (i) => {
    const tier = TIERS[i % TIERS.length];
    return `${workspaceId}\t${ids[i]}\tFirst\tLast${i}\tFirst Last${i}\t${COUNTRIES[i % COUNTRIES.length]}\t{"tier":"${tier}"}\t${created(i)}\t${created(i)}\n`;
  });
  await copyRows(
    db,
    'contact_details',
    'workspace_id, id, contact_id, kind, value, raw_value, is_primary',
    count,
    (i) => `${workspaceId}\t${randomUUID()}\t${ids[i]}\tPHONE\t${phone(i)}\t${phone(i)}\ttrue\n`,
  );
  await copyRows(db, 'contact_details', 'workspace_id, id, contact_id, kind, value, raw_value, is_primary', count, (i) =>
    i % 2 === 0 ? `${workspaceId}\t${randomUUID()}\t${ids[i]}\tEMAIL\tc${i}@example.com\tc${i}@example.com\ttrue\n` : null,
  );
  const tagId = randomUUID();
  await db.pool.query('INSERT INTO tags (workspace_id, id, name) VALUES ($1, $2, $3)', [workspaceId, tagId, 'vip']);
  await copyRows(db, 'contact_tags', 'workspace_id, contact_id, tag_id', count, (i) =>
    i % 10 === 0 ? `${workspaceId}\t${ids[i]}\t${tagId}\n` : null,
  );
  await copyRows(db, 'opt_outs', 'workspace_id, address, kind, channel, source', count, (i) =>
    i % 10 === 3 ? `${workspaceId}\t${phone(i)}\tPHONE\tALL\tAPI\n` : null,
  );
  await db.pool.query('VACUUM ANALYZE');
  await createGroup(db, {
    workspaceId,
    input: { name: GOLD_IN_GB, type: 'DYNAMIC', filter: { and: [{ field: { key: 'country', eq: 'GB' } }, { field: { key: 'tier', eq: 'Gold' } }] } },
  });
  await createGroup(db, { workspaceId, input: { name: EVERYONE, type: 'DYNAMIC', filter: { field: { key: 'createdAt', isSet: true } } } });
  console.log(`seeded ${count.toLocaleString('en')} contacts with COPY in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  return workspaceId;
}

async function measure(db: Database, workspaceId: string): Promise<void> {
  const events = new JobEvents(url.toString());
  await events.start();
  const app = buildApp({
    db,
    files: new LocalFileStore(path.join(work, 'files')),
    events,
    webhooks: { secretKey: randomBytes(32), allowInsecure: false },
  });
  const origin = await app.start({ host: '127.0.0.1', port: 0 });
  try {
    const key = await createApiKey(db, { workspaceId, name: 'bench', scope: 'READ' });
    const api = new BenchApi(origin, key.secret);
    const { rows: groups } = await db.pool.query<{ id: string; name: string }>('SELECT id, name FROM groups WHERE workspace_id = $1', [workspaceId]);
    const groupId = (name: string) => groups.find((group) => group.name === name)!.id;
    const table: FigureRow[] = [];
    const results: string[] = [];
    /** Times `run` `times` times; its result (the same every time) is noted beside the figure. */
    const time = async (label: string, times: number, run: () => Promise<unknown>) => {
      const values: number[] = [];
      let result: unknown;
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        result = await run();
        values.push((performance.now() - started) / 1000);
      }
      table.push({ label: `${label}, s`, values, format: seconds });
      results.push(`${label}: ${typeof result === 'number' ? result.toLocaleString('en') : String(result)}`);
      return values;
    };

    const scalar = async (statement: Sql) => (await db.pool.query<{ count: number }>(statement.text, statement.values)).rows[0]!.count;
    const allContacts = sql`SELECT count(*)::int AS count FROM contacts c WHERE c.workspace_id = ${workspaceId}::uuid`;
    await time('baseline: count(*) of the contacts', QUICK_RUNS, () => scalar(allContacts));
    await time('baseline: active contacts of the workspace', QUICK_RUNS, () => scalar(sql`${allContacts} AND ${activeContactSql('c')}`));

    const gold = groupId(GOLD_IN_GB);
    await time(`"${GOLD_IN_GB}" activeContactCount (API)`, QUICK_RUNS, async () => {
      const { group } = await api.gql(`query($id: ID!) { group(id: $id) { ... on Group { activeContactCount } } }`, { id: gold });
      return group.activeContactCount;
    });
    await time(`"${GOLD_IN_GB}" first page of 50 members (API)`, QUICK_RUNS, async () => {
      const { group } = await api.gql(
        `query($id: ID!) { group(id: $id) { ... on Group { members(first: 50) { edges { node { id name tags details { kind value } } } } } } }`,
        { id: gold },
      );
      return `${group.members.edges.length} contacts`;
    });

    const everyone = groupId(EVERYONE);
    const audienceInput = { channel: 'SMS', groupIds: [everyone] };
    const streams: { recipients: number; seconds: number; complete: boolean; sendableCount: number; recipientsUrl: string }[] = [];
    for (let i = 0; i < runs; i++) streams.push(await streamAudience(api, audienceInput));
    const { sendableCount, recipientsUrl } = streams[0]!;
    const downloads: { recipients: number; seconds: number; bytes: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const { bytes, lines } = await api.post(recipientsUrl, audienceInput);
      // One line per recipient after the header.
      downloads.push({ recipients: lines - 1, seconds: (performance.now() - started) / 1000, bytes });
      if (lines - 1 !== sendableCount) throw new Error(`the download holds ${lines - 1} recipients, sendableCount says ${sendableCount}`);
    }
    table.push(
      {
        label: `audience of "${EVERYONE}" on SMS: every sendable address downloaded (API, one streamed CSV), s`,
        values: downloads.map((run) => run.seconds),
        format: seconds,
      },
      { label: '**audience download, recipients/s** (target 200,000)', values: downloads.map((run) => run.recipients / run.seconds), format: whole },
      {
        label: `audience of "${EVERYONE}" on SMS: sendable addresses paged through (API, pages of ${AUDIENCE_PAGE}), s`,
        values: streams.map((run) => run.seconds),
        format: seconds,
      },
      { label: 'audience paged, recipients/s', values: streams.map((run) => run.recipients / run.seconds), format: whole },
    );
    const partial = streams.some((run) => !run.complete);
    results.push(
      `audience of "${EVERYONE}" on SMS: ${sendableCount.toLocaleString('en')} sendable; downloaded ` +
        `${downloads.map((run) => `${run.recipients.toLocaleString('en')} (${(run.bytes / 2 ** 20).toFixed(1)} MiB)`).join(', ')}; paged ` +
        `${streams.map((run) => run.recipients.toLocaleString('en')).join(', ')}` +
        (partial ? ` (a paged run stops after ${audienceSeconds} s: --audience-seconds N to change)` : ''),
    );

    const copySeconds = await time('baseline: COPY (SELECT …) TO STDOUT of the export columns', runs, () => copyExportColumns(db, workspaceId));
    const exportSeconds = await time('CSV export of all contacts (API)', runs, async () => {
      const { contactExport } = await api.gql(
        `query { contactExport(input: { format: CSV }) { ... on ContactExport { url } ... on Error { message } } }`,
      );
      if (!contactExport.url) throw new Error(`contactExport: ${contactExport.message}`);
      return `${((await api.download(contactExport.url)) / 2 ** 20).toFixed(1)} MiB`;
    });
    table.push({ label: 'CSV export, rows/s', values: exportSeconds.map((s) => count / s), format: whole });
    table.push({ label: '**CSV export / COPY**', values: exportSeconds.map((s, i) => s / copySeconds[i]!), format: ratio });

    console.log(`\n${count.toLocaleString('en')} contacts, ${runs} run(s) (${QUICK_RUNS} for counts and pages)\n`);
    console.log(figureTable(table));
    console.log(`\n${results.join('\n')}`);
  } finally {
    await app.stop();
    await events.stop();
  }
}

type AudiencePage =
  | {
      sendableCount: number;
      recipientsUrl: string;
      addresses: { edges: { node: { address: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      message?: undefined;
    }
  | { addresses?: undefined; message: string };

/**
 * Pages through the audience's sendable addresses, one request per page, until the last page or
 * until `audienceSeconds` have passed; returns how many addresses came, in how long, and what the
 * query says of the whole audience.
 */
async function streamAudience(
  api: BenchApi,
  input: object,
): Promise<{ recipients: number; seconds: number; complete: boolean; sendableCount: number; recipientsUrl: string }> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let after: string | null = null;
  let recipients = 0;
  for (;;) {
    const { audience }: { audience: AudiencePage } = await api.gql(
      `query($input: AudienceInput!, $after: String) { audience(input: $input) {
         ... on Audience { sendableCount recipientsUrl
           addresses(first: ${AUDIENCE_PAGE}, after: $after) { edges { node { address contactId } } pageInfo { hasNextPage endCursor } } }
         ... on Error { message } } }`,
      { input, after },
    );
    if (!audience.addresses) throw new Error(`audience: ${audience.message}`);
    recipients += audience.addresses.edges.length;
    const complete = !audience.addresses.pageInfo.hasNextPage;
    if (complete || elapsed() >= audienceSeconds) {
      return { recipients, seconds: elapsed(), complete, sendableCount: audience.sendableCount, recipientsUrl: audience.recipientsUrl };
    }
    after = audience.addresses.pageInfo.endCursor;
  }
}

/**
 * The export's default columns straight from PostgreSQL, in the export's order (newest first): names,
 * primary phone and email, country, tags and groups joined with ", " (the groups are the two seeded
 * dynamic groups, their filters written out), created and updated times, Tier. Returns the bytes.
 */
async function copyExportColumns(db: Database, workspaceId: string): Promise<string> {
  const client = await db.pool.connect();
  try {
    const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    // COPY takes no bind parameters; the workspace id is a uuid this script read from the database.
    const stream = client.query(
      copyTo(`COPY (
        SELECT c.first_name, c.last_name, c.name, p.value, e.value, c.country, tg.names,
               concat_ws(', ', '${EVERYONE}', CASE WHEN c.country = 'GB' AND c.custom_fields @> '{"tier": "Gold"}' THEN '${GOLD_IN_GB}' END),
               ${iso('c.created_at')}, ${iso('c.updated_at')}, c.custom_fields->>'tier'
        FROM contacts c
        LEFT JOIN contact_details p ON p.workspace_id = c.workspace_id AND p.contact_id = c.id AND p.kind = 'PHONE' AND p.is_primary
        LEFT JOIN contact_details e ON e.workspace_id = c.workspace_id AND e.contact_id = c.id AND e.kind = 'EMAIL' AND e.is_primary
        LEFT JOIN (SELECT ct.contact_id, string_agg(t.name, ', ' ORDER BY t.name) AS names FROM contact_tags ct
                   JOIN tags t ON t.workspace_id = ct.workspace_id AND t.id = ct.tag_id
                   WHERE ct.workspace_id = '${workspaceId}' GROUP BY ct.contact_id) tg ON tg.contact_id = c.id
        WHERE c.workspace_id = '${workspaceId}'
        ORDER BY c.created_at DESC, c.id DESC) TO STDOUT WITH (FORMAT csv, HEADER true)`),
    );
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  } finally {
    client.release();
  }
}

function parseArguments(args: string[]): { count: number; runs: number; audienceSeconds: number } {
  let contacts = 1_000_000;
  let times = 3;
  let audience = 10;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=');
    const value = () => Number(inline ?? args[++i]);
    if (flag === '--runs') times = value();
    else if (flag === '--audience-seconds') audience = value();
    else contacts = Number(args[i]!.replaceAll('_', '').replaceAll(',', ''));
  }
  if (![contacts, times].every((n) => Number.isInteger(n) && n >= 1) || !(audience > 0)) {
    throw new Error('usage: npm run bench:reads [-- CONTACTS] [--runs N] [--audience-seconds S]');
  }
  return { count: contacts, runs: times, audienceSeconds: audience };
}
