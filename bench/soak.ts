/**
 * `npm run soak [-- --seconds N]` (default 60, at most 240): several workspaces use the server at
 * once — importing, querying, subscribing to progress, exporting, receiving webhooks — while an
 * abusive client runs the attacks the server was hardened against, all on 127.0.0.1, on the
 * embedded PostgreSQL (or DATABASE_URL). It stops by itself, then prints the requests the
 * well-behaved clients got served, their latency (p50/p99), their errors (there should be none),
 * the attacks by how the server answered them, webhook deliveries, the process's peak RSS, and
 * checks that every import's rows are in the contact book exactly once.
 */
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { openBenchServer } from './bench-database.ts';
import { BenchApi } from './api-client.ts';
import { MIB, sampleRss } from './figures.ts';
import { LocalFileStore } from '../src/files/local-file-store.ts';
import { JobEvents } from '../src/db/job-events.ts';
import { startImportWorker } from '../src/import/worker.ts';
import { buildApp } from '../src/server/app.ts';
import { startWebhookDelivery } from '../src/services/webhook-delivery.ts';
import { createWorkspace } from '../src/services/workspaces.ts';

const TENANTS = 3;
const ROWS_PER_IMPORT = 2_000;
/** Contacts of the abusive workspace: enough that an export of them outgrows the socket buffers. */
const ABUSER_CONTACTS = 100_000;
const MAX_SECONDS = 240;
const NAMES = ['Ada', 'Bob', 'Cleo', 'Dan', 'Eve', 'Femi', 'Gus', 'Hana'];

const seconds = parseSeconds(process.argv.slice(2));
const rss = sampleRss();
const server = await openBenchServer();
const { db } = await server.createDatabase('soak');
const files = new LocalFileStore(path.join(server.work, 'files'));
const events = new JobEvents(db.url);
await events.start();
const worker = await startImportWorker({ db, files });
// The receivers are on this machine: the development switch lets webhooks post to 127.0.0.1.
const webhookSettings = { secretKey: Buffer.alloc(32, 7), allowInsecure: true };
const webhooks = startWebhookDelivery({ db, settings: webhookSettings });
const app = buildApp({ db, files, events, webhooks: webhookSettings });
const origin = await app.start({ host: '127.0.0.1', port: 0 });

// ---------------------------------------------------------------------------------------------
// Receivers: one that answers (the tenants'), one that never does (the abuser's).

const delivered = new Map<string, number>();
const receiver = await listen(
  createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const jobId = safeJson(body)?.job?.id ?? 'unknown';
      delivered.set(jobId, Date.now());
      res.writeHead(204).end();
    });
  }),
);
const hanging = await listen(createServer(() => {}));

// ---------------------------------------------------------------------------------------------
// Well-behaved tenants

interface TenantFigures {
  latencies: number[];
  errors: Map<string, number>;
  imported: number;
  jobs: { id: string; finishedAt: number }[];
}

const tenants = await Promise.all(
  Array.from({ length: TENANTS }, async (_, index) => {
    const { workspace, admin } = await createWorkspace(db, { name: `Tenant ${index + 1}` });
    const api = new BenchApi(origin, admin.secret);
    await api.gql(`mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { __typename } }`, {
      input: { url: `http://127.0.0.1:${port(receiver)}/hook` },
    });
    return { index, workspaceId: workspace.id, api, figures: { latencies: [], errors: new Map(), imported: 0, jobs: [] } as TenantFigures };
  }),
);

const { workspace: abuserWorkspace, admin: abuserAdmin } = await createWorkspace(db, { name: 'Mallory' });
await db.pool.query(
  `INSERT INTO contacts (workspace_id, first_name, last_name, name, custom_fields)
   SELECT $1, 'First' || i, 'Last' || i, 'First' || i || ' Last' || i, '{}' FROM generate_series(1, $2::int) AS i`,
  [abuserWorkspace.id, ABUSER_CONTACTS],
);
await db.pool.query('ANALYZE contacts');

const deadline = Date.now() + seconds * 1000;
const running = () => Date.now() < deadline;
console.log(
  `soak: ${seconds} s, ${TENANTS} tenants importing ${ROWS_PER_IMPORT.toLocaleString('en')}-row files, one abusive client; server at ${origin}`,
);

/**
 * Times one request of a well-behaved client (a subscription, which lasts as long as the job, is
 * not timed); a failure counts as an error of its kind.
 */
async function timed<T>(tenant: (typeof tenants)[number], kind: string, work: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    return await work();
  } catch (error) {
    const key = `${kind}: ${(error as Error).message.slice(0, 120)}`;
    tenant.figures.errors.set(key, (tenant.figures.errors.get(key) ?? 0) + 1);
    return undefined;
  } finally {
    if (kind !== 'progress') tenant.figures.latencies.push(performance.now() - started);
  }
}

async function importLoop(tenant: (typeof tenants)[number]): Promise<void> {
  for (let round = 0; running(); round++) {
    const file = path.join(server.work, `tenant-${tenant.index}-${round}.csv`);
    const lines = ['First Name,Email'];
    for (let row = 0; row < ROWS_PER_IMPORT; row++) lines.push(`${NAMES[row % NAMES.length]},t${tenant.index}-r${round}-${row}@soak.test`);
    await writeFile(file, `${lines.join('\n')}\n`);
    const started = await timed(tenant, 'upload', () =>
      tenant.api.upload(
        `mutation($input: StartContactImportInput!) { startContactImport(input: $input) {
          __typename ... on ImportJob { id columns { index suggestedFieldKey } } ... on Error { message } } }`,
        'variables.input.file',
        file,
      ),
    );
    const job = started?.startContactImport;
    if (job?.__typename !== 'ImportJob') continue;
    const columns = job.columns.map((column: { index: number; suggestedFieldKey: string }) => ({
      index: column.index,
      fieldKey: column.suggestedFieldKey,
    }));
    await timed(tenant, 'mapping', () =>
      tenant.api.gql(`mutation($input: SetContactImportMappingInput!) { setContactImportMapping(input: $input) { __typename } }`, {
        input: { jobId: job.id, columns, purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' },
      }),
    );
    if ((await follow(tenant, job.id, 'REVIEW')) !== 'REVIEW') continue;
    await timed(tenant, 'confirm', () => tenant.api.gql(`mutation($id: ID!) { confirmContactImport(jobId: $id) { __typename } }`, { id: job.id }));
    if ((await follow(tenant, job.id, 'COMPLETED')) === 'COMPLETED') {
      const { importJob } = await tenant.api.gql(
        `query($id: ID!) { importJob(id: $id) { ... on ImportJob { counts { created errors skipped } } } }`,
        { id: job.id },
      );
      if (importJob.counts.created !== ROWS_PER_IMPORT) console.log(JSON.stringify(importJob.counts));
      tenant.figures.imported += ROWS_PER_IMPORT;
      tenant.figures.jobs.push({ id: job.id, finishedAt: Date.now() });
    }
  }
}

/** Follows the job's progress over SSE until it reaches `until` or ends; returns the last status. */
async function follow(tenant: (typeof tenants)[number], jobId: string, until: string): Promise<string | undefined> {
  let status: string | undefined;
  await timed(tenant, 'progress', async () => {
    for await (const event of tenant.api.subscribe(`subscription($id: ID!) { contactImportProgress(jobId: $id) { status } }`, { id: jobId })) {
      status = event.contactImportProgress.status;
      if (status === until || ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'].includes(status!)) return;
    }
  });
  return status;
}

async function readLoop(tenant: (typeof tenants)[number]): Promise<void> {
  while (running()) {
    await timed(tenant, 'contacts', () => tenant.api.gql(`{ contacts(first: 50) { totalCount edges { node { id name } } } }`));
    await timed(tenant, 'search', () => tenant.api.gql(`{ contacts(first: 20, search: "ada") { edges { node { id } } } }`));
    const exported = await timed(tenant, 'export', () => tenant.api.gql(`{ contactExport(input: {}) { ... on ContactExport { url } } }`));
    if (exported?.contactExport?.url) await timed(tenant, 'download', () => tenant.api.download(exported.contactExport.url));
  }
}

// ---------------------------------------------------------------------------------------------
// The abusive client: each attack once per round, each outcome counted by how the server answered.

const outcomes = new Map<string, number>();
const count = (attack: string, outcome: string) => outcomes.set(`${attack} → ${outcome}`, (outcomes.get(`${attack} → ${outcome}`) ?? 0) + 1);
const stalledDownloads: (() => void)[] = [];

async function answer(attack: string, key: string | null, body: unknown): Promise<void> {
  try {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const parsed = safeJson(text);
    const code = parsed?.errors?.[0]?.extensions?.code ?? firstTypename(parsed?.data) ?? 'data';
    count(attack, `${response.status} ${code}`);
  } catch (error) {
    count(attack, `failed: ${(error as Error).name}`);
  }
}

const abuser = {
  async introspectionAliases() {
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    await answer('200 aliased introspections, no key', null, { query });
  },
  async nestedMembers() {
    await answer('groups → members → groups nested pages', abuserAdmin.secret, {
      query: `{ contacts(first: 100) { edges { node { groups { members(first: 500) { edges { node { groups { name } } } } } } } } }`,
    });
  },
  async aliasedPages() {
    await answer('40 aliases of contacts(first: 500)', abuserAdmin.secret, {
      query: `{ ${Array.from({ length: 40 }, (_, i) => `p${i}: contacts(first: 500) { edges { node { id name } } }`).join(' ')} }`,
    });
  },
  async hugeSearch() {
    await answer('1 MB search', abuserAdmin.secret, {
      query: `query($s: String!) { contacts(first: 10, search: $s) { totalCount } }`,
      variables: { s: 'x'.repeat(2 ** 20) },
    });
  },
  async hostileFilters() {
    const and = Array.from({ length: 100_000 }, () => ({ active: true }));
    await answer('filter of 100,000 conditions', abuserAdmin.secret, {
      query: `query($f: ContactFilterInput) { contacts(first: 1, filter: $f) { totalCount } }`,
      variables: { f: { and } },
    });
    await answer('NUL byte in a search', abuserAdmin.secret, {
      query: `query($s: String!) { contacts(first: 1, search: $s) { totalCount } }`,
      variables: { s: 'a\u0000b' },
    });
    await answer('field key __proto__', abuserAdmin.secret, {
      query: `query($f: ContactFilterInput) { contacts(first: 1, filter: $f) { totalCount } }`,
      variables: { f: { field: { key: '__proto__', eq: 'x' } } },
    });
  },
  async stalledExport() {
    // A download that is never read: the server must neither hold a pool connection for it for
    // ever nor let ten of them starve the others.
    const data = await new BenchApi(origin, abuserAdmin.secret)
      .gql(`{ contactExport(input: {}) { ... on ContactExport { url } } }`)
      .catch(() => undefined);
    const url = data?.contactExport?.url;
    if (!url) return count('export never read', 'no URL');
    const request = httpRequest(url, { headers: { authorization: `Bearer ${abuserAdmin.secret}` } }, (response) => {
      count('export never read', `${response.statusCode} started`);
      response.pause();
    });
    request.on('error', () => count('export never read', 'cut by the server'));
    request.end();
    stalledDownloads.push(() => request.destroy());
  },
  async webSockets() {
    for (const [attack, params, size] of [
      ['WebSocket without a key', {}, 0],
      ['WebSocket with a 2 MB connection_init', { authorization: `Bearer ${abuserAdmin.secret}` }, 2 * MIB],
    ] as const) {
      const socket = new WebSocket(`${origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      const closed = once(socket, 'close').then(([code]) => code as number);
      socket.on('error', () => {});
      await once(socket, 'open').catch(() => {});
      const payload = size > 0 ? { ...params, padding: 'x'.repeat(size) } : params;
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'connection_init', payload }));
      const code = await Promise.race([closed, delay(10_000).then(() => 'still open')]);
      socket.terminate();
      count(attack, `closed ${code}`);
    }
  },
  async subscriptionFlood() {
    // 150 subscriptions on one socket to a job waiting in MAPPING, then the socket goes.
    const started = await new BenchApi(origin, abuserAdmin.secret)
      .gql(`mutation { startContactImport(input: { text: "Email\\nx@y.test" }) { ... on ImportJob { id } ... on Error { message } } }`)
      .catch(() => undefined);
    const jobId = started?.startContactImport?.id;
    if (!jobId) return count('150 subscriptions on one socket', `no job: ${started?.startContactImport?.message ?? 'request failed'}`);
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('error', () => {});
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${abuserAdmin.secret}` } }));
    let refused = 0;
    socket.on('message', (message) => {
      const parsed = safeJson(String(message));
      if (parsed?.type === 'error' || parsed?.payload?.errors) refused++;
    });
    await delay(200);
    for (let i = 0; i < 150; i++) {
      socket.send(
        JSON.stringify({
          id: String(i),
          type: 'subscribe',
          payload: { query: `subscription { contactImportProgress(jobId: "${jobId}") { status } }` },
        }),
      );
    }
    await delay(1_000);
    socket.close();
    count('150 subscriptions on one socket', `${refused} refused`);
    await new BenchApi(origin, abuserAdmin.secret)
      .gql(`mutation($id: ID!) { cancelContactImport(jobId: $id) { __typename } }`, { id: jobId })
      .catch(() => {});
  },
  async oneLineOptOutUpload() {
    const file = path.join(server.work, 'one-line.txt');
    await writeFile(file, 'x'.repeat(20 * MIB));
    try {
      const data = await new BenchApi(origin, abuserAdmin.secret).upload(
        `mutation($input: BulkOptOutInput!) { bulkOptOut(input: $input) { __typename ... on Error { message } } }`,
        'variables.input.file',
        file,
        'text/plain',
      );
      count('20 MB opt-out list of one line', data.bulkOptOut.__typename);
    } catch (error) {
      // The server answers a refused upload at once and closes the connection without reading the
      // rest; a client still sending then sees the connection reset rather than the answer.
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message.slice(0, 60);
      count('20 MB opt-out list of one line', `connection closed while sending (${cause})`);
    }
  },
  async hangingWebhook() {
    await new BenchApi(origin, abuserAdmin.secret)
      .gql(`mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { __typename } }`, {
        input: { url: `http://127.0.0.1:${port(hanging)}/never` },
      })
      .then(() => count('webhook to a receiver that never answers', 'registered'))
      .catch(() => count('webhook to a receiver that never answers', 'refused'));
  },
};

async function abuseLoop(): Promise<void> {
  await abuser.hangingWebhook();
  while (running()) {
    for (const attack of Object.values(abuser)) {
      if (!running()) return;
      if (attack === abuser.hangingWebhook) continue;
      await attack();
    }
  }
}

await Promise.all([...tenants.flatMap((tenant) => [importLoop(tenant), readLoop(tenant)]), abuseLoop()]);
for (const stop of stalledDownloads) stop();

// ---------------------------------------------------------------------------------------------
// Afterwards: the server still answers, and every import is there exactly once.

const health = await fetch(`${origin}/healthz`).then(
  (response) => response.status,
  () => 0,
);
await delay(3_000); // the last webhooks
const peak = rss.stop();

const latencies = tenants.flatMap((tenant) => tenant.figures.latencies).sort((a, b) => a - b);
const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
console.log(
  `\nwell-behaved clients: ${latencies.length.toLocaleString('en')} requests served, p50 ${quantile(0.5).toFixed(0)} ms, p99 ${quantile(0.99).toFixed(0)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms`,
);
const errors = new Map<string, number>();
for (const tenant of tenants) for (const [kind, n] of tenant.figures.errors) errors.set(kind, (errors.get(kind) ?? 0) + n);
console.log(`their errors: ${errors.size === 0 ? 'none' : ''}`);
for (const [kind, n] of errors) console.log(`  ${n} × ${kind}`);

console.log('\nattacks, by how the server answered:');
for (const [outcome, n] of [...outcomes].sort()) console.log(`  ${n} × ${outcome}`);

const jobs = tenants.flatMap((tenant) => tenant.figures.jobs);
const delays = jobs.map((job) => (delivered.get(job.id) ?? Number.NaN) - job.finishedAt);
const late = delays.filter((delay) => Number.isNaN(delay));
console.log(
  `\nwebhooks of the tenants' completed imports: ${jobs.length - late.length} of ${jobs.length} delivered` +
    (jobs.length > late.length
      ? `, slowest ${Math.max(...delays.filter((delay) => !Number.isNaN(delay))).toFixed(0)} ms after the job ended (as the client saw it)`
      : ''),
);

let allThere = true;
for (const tenant of tenants) {
  const { rows } = await db.pool.query<{ contacts: number; emails: number; duplicates: number }>(
    `SELECT (SELECT count(*)::int FROM contacts WHERE workspace_id = $1) AS contacts,
            (SELECT count(*)::int FROM contact_details WHERE workspace_id = $1 AND kind = 'EMAIL') AS emails,
            (SELECT count(*)::int FROM (SELECT value FROM contact_details WHERE workspace_id = $1 GROUP BY value HAVING count(*) > 1) d) AS duplicates`,
    [tenant.workspaceId],
  );
  const { contacts, emails, duplicates } = rows[0]!;
  const ok = contacts === tenant.figures.imported && emails === tenant.figures.imported && duplicates === 0;
  allThere &&= ok;
  console.log(
    `tenant ${tenant.index + 1}: ${tenant.figures.jobs.length} imports completed, ${tenant.figures.imported.toLocaleString('en')} rows; ` +
      `${contacts.toLocaleString('en')} contacts, ${emails.toLocaleString('en')} emails, ${duplicates} duplicated — ${ok ? 'all there exactly once' : 'MISMATCH'}`,
  );
}
console.log(`\n/healthz after the run: ${health}; peak RSS of the process (server, worker and clients): ${Math.round(peak / MIB)} MiB`);

await app.stop();
await webhooks.stop();
await worker.stop();
await events.stop();
receiver.close();
hanging.closeAllConnections();
hanging.close();
await server.close();
process.exitCode = allThere && health === 200 && errors.size === 0 ? 0 : 1;

// ---------------------------------------------------------------------------------------------

function parseSeconds(args: string[]): number {
  const index = args.indexOf('--seconds');
  const value = index >= 0 ? Number(args[index + 1]) : 60;
  if (!(value > 0 && value <= MAX_SECONDS) || (index < 0 && args.length > 0)) {
    throw new Error(`usage: npm run soak [-- --seconds N] (N at most ${MAX_SECONDS})`);
  }
  return value;
}

async function listen(http: Server): Promise<Server> {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return http;
}

function port(http: Server): number {
  return (http.address() as { port: number }).port;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What the soak reads of a JSON message: a GraphQL response, a graphql-ws message, a webhook's body. */
interface JsonMessage {
  type?: string;
  payload?: { errors?: unknown };
  job?: { id?: string };
  data?: Record<string, { __typename?: string } | null> | null;
  errors?: { extensions?: { code?: string } }[];
}

function safeJson(text: string): JsonMessage | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function firstTypename(data: JsonMessage['data']): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  return Object.values(data)[0]?.__typename;
}
