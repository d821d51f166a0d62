import path from 'node:path';
import { readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { FileStore } from './files/file-store.ts';
import { DEFAULT_CONCURRENCY, startImportWorker } from './import/worker.ts';
import { runUntilSignal } from './run-until-signal.ts';

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

await runUntilSignal('The Switchboard worker', start, async ({ worker, connection }) => {
  await worker.stop();
  await connection.close();
});
