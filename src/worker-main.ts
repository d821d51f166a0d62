import { describeDatabaseUrl, readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { createLogger } from './db/logger.ts';
import { openFileStore } from './files/open-file-store.ts';
import { DEFAULT_CONCURRENCY, startImportWorker } from './import/worker.ts';
import { runUntilSignal } from './run-until-signal.ts';
import { Metrics } from './server/metrics.ts';
import { startMetricsServer } from './server/metrics-server.ts';

/**
 * `npm run worker`: an import worker on its own, beside any number of API processes and other
 * workers on the same database and file store (the same DATA_DIR, or STORAGE=s3's bucket). It claims jobs from
 * PostgreSQL, and its progress reaches every API's subscribers through LISTEN/NOTIFY. On SIGTERM
 * its jobs stop at their next batch boundary and are released, to resume from there elsewhere.
 */
const config = readConfig();
const logger = createLogger(config.logging);

async function start() {
  const connection = await connect(config, { logger });
  if (connection.embedded) logger.info({ dataDir: config.dataDir }, 'Embedded PostgreSQL running');
  else logger.info({ database: describeDatabaseUrl(config.databaseUrl ?? '') }, 'using DATABASE_URL');
  const files = openFileStore(config);
  logger.info({ files: files.description }, `import files are kept in ${files.description}`);
  const concurrency = config.workerConcurrency || DEFAULT_CONCURRENCY;
  const metrics = new Metrics(connection.db);
  const metricsServer =
    config.metrics.workerPort === undefined
      ? undefined
      : await startMetricsServer(metrics, { host: config.metrics.host, port: config.metrics.workerPort });
  if (metricsServer) logger.info({ url: metricsServer.url }, `Metrics at ${metricsServer.url}`);
  const worker = await startImportWorker({ db: connection.db, files, concurrency, logger, metrics: metrics.imports });
  logger.info({ workerId: worker.id, concurrency }, `Switchboard import worker ${worker.id} is running (${concurrency} jobs at a time)`);
  return { connection, worker, metricsServer };
}

await runUntilSignal(
  'The Switchboard worker',
  logger,
  start,
  async ({ worker, connection, metricsServer }) => {
    await worker.stop();
    await metricsServer?.stop();
    await connection.close();
  },
  { timeoutSeconds: config.shutdownTimeoutSeconds },
);
