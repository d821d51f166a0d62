import path from 'node:path';
import { readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { FileStore } from './files/file-store.ts';
import { JobEvents } from './db/job-events.ts';
import { startImportSweeper } from './import/sweeper.ts';
import { startImportWorker } from './import/worker.ts';
import { runUntilSignal } from './run-until-signal.ts';
import { buildApp } from './server/app.ts';
import { startWebhookDelivery } from './services/webhook-delivery.ts';
import { loadWebhookSecretKey } from './services/webhooks.ts';
import { ensureDefaultWorkspace } from './services/workspaces.ts';

/**
 * `npm start`: the API and an import worker on the configured or embedded database, until a
 * signal. With WORKER_CONCURRENCY=0 the API runs alone and `npm run worker` processes do the imports.
 */
const config = readConfig();

async function start() {
  const connection = await connect(config, { log: (line) => console.log(line) });
  if (connection.embedded) console.log(`Embedded PostgreSQL: data in ${config.dataDir}`);
  const webhookSettings = {
    secretKey: await loadWebhookSecretKey({ configured: config.webhooks.secretKey, dataDir: config.dataDir }),
    allowInsecure: config.webhooks.allowInsecure,
  };
  if (webhookSettings.allowInsecure)
    console.warn('WEBHOOKS_ALLOW_INSECURE=1: webhooks may use http and post to private addresses (development only)');

  const files = new FileStore(path.join(config.dataDir, 'files'));
  const events = new JobEvents(connection.db.url);
  await events.start();
  const worker =
    config.workerConcurrency === 0
      ? undefined
      : await startImportWorker({ db: connection.db, files, concurrency: config.workerConcurrency, log: (line) => console.error(line) });
  // Both are safe to run in every process: they claim their rows with SKIP LOCKED.
  const sweeper = startImportSweeper({ db: connection.db, files, log: (line) => console.log(line) });
  const webhooks = startWebhookDelivery({ db: connection.db, settings: webhookSettings, log: (line) => console.error(line) });
  const app = buildApp({ db: connection.db, files, events, limits: config.limits, webhooks: webhookSettings, corsOrigins: config.corsOrigins });
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

await runUntilSignal('Switchboard', start, async ({ app, worker, sweeper, webhooks, events, connection }) => {
  await app.stop();
  await sweeper.stop();
  await webhooks.stop();
  await worker?.stop();
  await events.stop();
  await connection.close();
});
