/**
 * `npm run bench:groups [-- CONTACTS]` (default 1,000,000): seeds a fresh database on the embedded
 * PostgreSQL (or DATABASE_URL) with COPY — contacts with a country and a SELECT custom field, a
 * phone each (one in fifty opted out), an email for half, a tag for one in ten — then times the
 * active-contact count of a two-condition dynamic group (country = GB and tier = Gold), as the
 * `groups { activeContactCount }` field computes it, against two baselines in the same run: a plain
 * count(*) of the workspace's contacts, and the count of its active contacts. Each is run 5 times;
 * the median is printed.
 *
 * Seeding takes minutes. With BENCH_DATA_DIR set (e.g. `BENCH_DATA_DIR=data/bench-groups`), the
 * embedded PostgreSQL keeps its cluster there and the seeded database (`bench_groups_<CONTACTS>`)
 * is kept after the run; the next run with the same directory and count reuses it, applying any
 * new migration first. Delete the directory to start over.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, type Database } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { activeContactSql } from '../src/domain/detail-status.ts';
import { sql, type Sql } from '../src/domain/sql.ts';
import { createField } from '../src/services/fields.ts';
import { activeContactCounts, createGroup } from '../src/services/groups.ts';
import { createWorkspace } from '../src/services/workspaces.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const RUNS = 5;
const COUNTRIES = ['GB', 'US', 'FR', 'DE', 'IN'];
const TIERS = ['Gold', 'Silver', 'Bronze'];

const GROUP_NAME = 'Gold in GB';
const kept = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;

const work = kept ? undefined : await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
if (work) await chmod(work, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(kept ?? path.join(work!, 'db'), { persistent: kept !== undefined });
const adminUrl = process.env.DATABASE_URL ?? server!.url('postgres');
const admin = new pg.Client(adminUrl);
await admin.connect();
const dbName = kept ? `bench_groups_${count}` : `bench_groups_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const seeded = kept ? await seededGroup() : undefined;
if (!seeded) {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
}
const db = openDatabase(url.toString());
await migrate(db.pool);
if (seeded) console.log(`reusing ${count.toLocaleString('en')} seeded contacts in ${dbName} (${kept})`);
const workspaceId = seeded?.workspaceId ?? (await seed());
const groupId =
  seeded?.groupId ??
  (
    await createGroup(db, {
      workspaceId,
      input: {
        name: GROUP_NAME,
        type: 'DYNAMIC',
        filter: { and: [{ field: { key: 'country', eq: 'GB' } }, { field: { key: 'tier', eq: 'Gold' } }] },
      },
    })
  ).id;

/** The workspace and group of a kept database whose seeding finished (the group is made last), if any. */
async function seededGroup(): Promise<{ workspaceId: string; groupId: string } | undefined> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (!rowCount) return undefined;
  const client = new pg.Client(url.toString());
  await client.connect();
  try {
    const { rows } = await client.query<{ workspaceId: string; groupId: string }>(
      'SELECT workspace_id AS "workspaceId", id AS "groupId" FROM groups WHERE name = $1',
      [GROUP_NAME],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Streams `rows` lines of COPY text made by `line` into `table (columns)`. */
async function copyRows(database: Database, table: string, columns: string, rows: number, line: (i: number) => string | null): Promise<void> {
  const client = await database.pool.connect();
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

/** Seeds the workspace, its Tier field and the contacts; returns the workspace's id. */
async function seed(): Promise<string> {
  const { workspace } = await createWorkspace(db, { name: 'Bench' });
  const workspaceId = workspace.id;
  await createField(db, { workspaceId, label: 'Tier', type: 'SELECT', options: TIERS });
  const ids = Array.from({ length: count }, () => randomUUID());
  const phone = (i: number) => `+1202${String(2_000_000 + i).padStart(7, '0')}`;
  const seedStart = performance.now();
  await copyRows(db, 'contacts', 'workspace_id, id, first_name, last_name, name, country, custom_fields', count, (i) => {
    const tier = TIERS[i % TIERS.length];
    return `${workspaceId}\t${ids[i]}\tFirst\tLast${i}\tFirst Last${i}\t${COUNTRIES[i % COUNTRIES.length]}\t{"tier":"${tier}"}\n`;
  });
  await copyRows(db, 'contact_details', 'workspace_id, id, contact_id, kind, value, raw_value, is_primary', count, (i) =>
    `${workspaceId}\t${randomUUID()}\t${ids[i]}\tPHONE\t${phone(i)}\t${phone(i)}\ttrue\n`,
  );
  await copyRows(db, 'contact_details', 'workspace_id, id, contact_id, kind, value, raw_value, is_primary', count, (i) =>
    i % 2 === 0 ? `${workspaceId}\t${randomUUID()}\t${ids[i]}\tEMAIL\tc${i}@example.com\tc${i}@example.com\ttrue\n` : null,
  );
  const tagId = randomUUID();
  await db.pool.query('INSERT INTO tags (workspace_id, id, name) VALUES ($1, $2, $3)', [workspaceId, tagId, 'vip']);
  await copyRows(db, 'contact_tags', 'workspace_id, contact_id, tag_id', count, (i) => (i % 10 === 0 ? `${workspaceId}\t${ids[i]}\t${tagId}\n` : null));
  await copyRows(db, 'opt_outs', 'workspace_id, address, kind, channel, source', count, (i) =>
    i % 50 === 0 ? `${workspaceId}\t${phone(i)}\tPHONE\tALL\tAPI\n` : null,
  );
  await db.pool.query('VACUUM ANALYZE');
  console.log(`seeded ${count.toLocaleString('en')} contacts with COPY in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  return workspaceId;
}

async function time(label: string, run: () => Promise<number | null | undefined>): Promise<void> {
  const seconds: number[] = [];
  let result: number | null | undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = await run();
    seconds.push((performance.now() - started) / 1000);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} ${String(result?.toLocaleString('en')).padStart(9)}  median ${sorted[Math.floor(RUNS / 2)]!.toFixed(3)} s  ` +
      `(runs ${seconds.map((s) => s.toFixed(3)).join(', ')})`,
  );
}

const scalar = async (statement: Sql) => (await db.pool.query<{ count: number }>(statement.text, statement.values)).rows[0]!.count;
const allContacts = sql`SELECT count(*)::int AS count FROM contacts c WHERE c.workspace_id = ${workspaceId}::uuid`;
await time('baseline: count(*) of the contacts', () => scalar(allContacts));
await time('baseline: active contacts of the workspace', () => scalar(sql`${allContacts} AND ${activeContactSql('c')}`));
await time('group "GB and Gold": activeContactCount', async () => (await activeContactCounts(db, workspaceId, [groupId])).get(groupId));

await db.close();
if (!kept) await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
await admin.end();
await server?.stop();
if (work) await rm(work, { recursive: true, force: true });
