import { describeDatabaseUrl, readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { createLogger } from './db/logger.ts';
import { openFileStore } from './files/open-file-store.ts';
import { JobEvents } from './db/job-events.ts';
import { startImportSweeper } from './import/sweeper.ts';
import { startImportWorker } from './import/worker.ts';
import { runUntilSignal } from './run-until-signal.ts';
import { buildApp } from './server/app.ts';
import { Metrics } from './server/metrics.ts';
import { startMetricsServer } from './server/metrics-server.ts';
import { startWebhookDelivery } from './services/webhook-delivery.ts';
import { loadWebhookSecretKey } from './services/webhooks.ts';
import { ensureDefaultWorkspace } from './services/workspaces.ts';

/**
 * `npm start`: the API and an import worker on the configured or embedded database, until a
 * signal. With WORKER_CONCURRENCY=0 the API runs alone and `npm run worker` processes do the imports.
 */
const config = readConfig();
const logger = createLogger(config.logging);

async function start() {
  const connection = await connect(config, { logger });
  if (connection.embedded) logger.info({ dataDir: config.dataDir }, 'Embedded PostgreSQL running');
  else logger.info({ database: describeDatabaseUrl(config.databaseUrl ?? '') }, 'using DATABASE_URL');
  const webhookSettings = {
    secretKey: await loadWebhookSecretKey({ configured: config.webhooks.secretKey, dataDir: config.dataDir }),
    allowInsecure: config.webhooks.allowInsecure,
  };
  if (webhookSettings.allowInsecure) logger.warn('WEBHOOKS_ALLOW_INSECURE=1: webhooks may use http and post to private addresses (development only)');

  const files = openFileStore(config);
  logger.info({ files: files.description }, `import files are kept in ${files.description}`);
  const events = new JobEvents(connection.db.url);
  await events.start();
  // One registry for the process: the API's requests, the worker's rows, the webhook deliveries.
  const metrics = new Metrics(connection.db);
  const worker =
    config.workerConcurrency === 0
      ? undefined
      : await startImportWorker({ db: connection.db, files, concurrency: config.workerConcurrency, logger, metrics: metrics.imports });
  // Both are safe to run in every process: they claim their rows with SKIP LOCKED.
  const sweeper = startImportSweeper({ db: connection.db, files, logger });
  const webhooks = startWebhookDelivery({ db: connection.db, settings: webhookSettings, logger, metrics: metrics.webhookDelivery() });
  const app = buildApp({
    db: connection.db,
    files,
    events,
    limits: config.limits,
    webhooks: webhookSettings,
    corsOrigins: config.corsOrigins,
    metrics,
    metricsToken: config.metrics.token,
    publicUrl: config.publicUrl,
    downloadLinkTtlSeconds: config.downloadLinkTtlSeconds,
    logger,
  });
  const metricsServer =
    config.metrics.port === undefined ? undefined : await startMetricsServer(metrics, { host: config.metrics.host, port: config.metrics.port });
  if (metricsServer) logger.info({ url: metricsServer.url }, `Metrics at ${metricsServer.url}`);
  const url = await app.start({ host: config.host, port: config.port });
  logger.info({ url }, `Switchboard is listening: GraphiQL at ${url}/graphql, health at ${url}/healthz`);

  const admin = await ensureDefaultWorkspace(connection.db);
  if (admin) {
    // Printed for the person starting the server, once, and never logged: the log has no keys.
    process.stdout.write(
      '\nA default workspace was created. Its admin API key (shown only this once):\n\n' +
        `  ${admin.secret}\n\n` +
        'Use it as the header  Authorization: Bearer <key>  (in GraphiQL: the Headers tab).\n\n',
    );
  }
  return { connection, events, worker, sweeper, webhooks, app, metricsServer };
}

await runUntilSignal(
  'Switchboard',
  logger,
  start,
  async ({ app, worker, sweeper, webhooks, events, connection, metricsServer }) => {
    // /readyz answers 503 from now on, so that a load balancer sends no more requests; those that
    // still come are answered while the running import jobs reach a batch boundary and are released.
    app.markShuttingDown();
    await Promise.all([worker?.stop(), sweeper.stop(), webhooks.stop()]);
    await app.stop();
    await metricsServer?.stop();
    await events.stop();
    await connection.close();
  },
  { timeoutSeconds: config.shutdownTimeoutSeconds },
);
