import { readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { buildApp } from './server/app.ts';
import { ensureDefaultWorkspace } from './services/workspaces.ts';

/** `npm start`: the API on the configured or embedded database, until SIGINT or SIGTERM. */
const config = readConfig();
const connection = await connect(config, { log: (line) => console.log(line) });
if (connection.embedded) console.log(`Embedded PostgreSQL: data in ${config.dataDir}`);

const app = buildApp({ db: connection.db });
const url = await app.start({ host: config.host, port: config.port });
console.log(`Switchboard is listening: GraphiQL at ${url}/graphql, health at ${url}/healthz`);

const admin = await ensureDefaultWorkspace(connection.db);
if (admin) {
  console.log('\nA default workspace was created. Its admin API key (shown only this once):\n');
  console.log(`  ${admin.secret}\n`);
  console.log('Use it as the header  Authorization: Bearer <key>  (in GraphiQL: the Headers tab).\n');
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await app.stop();
  await connection.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
