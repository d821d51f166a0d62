import { parseArgs } from 'node:util';
import { describeDatabaseUrl, readConfig, type Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { createLogger } from '../db/logger.ts';
import type { EmbeddedServer } from '../db/embedded-postgres.ts';
import { DomainError } from '../domain/errors.ts';
import { parseId } from '../domain/ids.ts';
import type { ApiKeyScope } from '../generated/prisma/enums.ts';
import { createApiKey, revokeApiKey } from '../services/api-keys.ts';
import { createWorkspace } from '../services/workspaces.ts';

const USAGE = `Usage: npm run --silent cli -- <command>

  workspace create NAME                                  make a workspace; prints {"workspaceId","apiKey"} (an ADMIN key)
  key create --workspace ID [--name NAME] [--scope READ|WRITE|ADMIN]
                                                         make a key; prints {"keyId","apiKey","scope"}
  key revoke --workspace ID KEY_ID                       revoke a key; prints {"keyId","revokedAt"}
  db migrate                                             apply pending migrations

Works on DATABASE_URL, or on the embedded database in DATA_DIR (default ./data), also while the
server runs: give the CLI the same DATABASE_URL or DATA_DIR as the server, or the keys it makes
are unknown to the server. Results are JSON on stdout; messages (the database used first) go to
stderr.`;

const SCOPES: readonly ApiKeyScope[] = ['READ', 'WRITE', 'ADMIN'];

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { workspace: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    // An unknown option or a missing option value is bad usage, like an unknown command.
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseCommandLine(argv);
  const [area, verb, ...rest] = positionals;
  const command = `${area ?? ''} ${verb ?? ''}`;
  if (values.help || !['workspace create', 'key create', 'key revoke', 'db migrate'].includes(command)) throw new UsageError(USAGE);
  // Usage is checked before anything starts: a typo must not start the embedded database.
  const name = rest.join(' ');
  if (command === 'workspace create' && !name) throw new UsageError('workspace create needs a NAME');
  const scope = (values.scope ?? 'WRITE').toUpperCase() as ApiKeyScope;
  if (command === 'key create' && !SCOPES.includes(scope)) throw new UsageError(`--scope must be one of ${SCOPES.join(', ')}`);

  const config = readConfig();
  // Its log (the migrations it applied) goes to stderr: stdout holds the result alone.
  const connection = await connect(config, { logger: createLogger({ ...config.logging, destination: process.stderr }) });
  try {
    for (const line of databaseNotice(config, connection.embedded)) console.error(line);
    const { db } = connection;
    switch (command) {
      case 'workspace create': {
        const { workspace, admin } = await createWorkspace(db, { name });
        return { workspaceId: workspace.id, apiKey: admin.secret };
      }
      case 'key create': {
        const workspaceId = parseId(values.workspace ?? '', ['--workspace']);
        if (!(await db.prisma.workspace.findUnique({ where: { id: workspaceId } }))) throw new UsageError(`workspace ${workspaceId} does not exist`);
        const { key, secret } = await createApiKey(db, { workspaceId, name: values.name ?? `${scope.toLowerCase()} key`, scope });
        return { keyId: key.id, apiKey: secret, scope: key.scope };
      }
      case 'key revoke': {
        const workspaceId = parseId(values.workspace ?? '', ['--workspace']);
        const key = await revokeApiKey(db, { workspaceId, id: parseId(rest[0] ?? '', ['KEY_ID']) });
        return { keyId: key.id, revokedAt: key.revokedAt };
      }
      default:
        return { migrated: true };
    }
  } finally {
    await connection.close();
  }
}

/**
 * Which database the command works on. A CLI run without the server's DATA_DIR (or DATABASE_URL)
 * works on another database, whose keys get 401 from the server: the notice makes that visible,
 * and a data folder initialised by this very command gets a warning.
 */
function databaseNotice(config: Config, embedded: EmbeddedServer | undefined): string[] {
  if (!embedded) return [`using DATABASE_URL (${describeDatabaseUrl(config.databaseUrl ?? '')})`];
  const how = embedded.owned
    ? 'started for this command and stopped after it'
    : `already running on port ${embedded.port} under another process (a server on the same DATA_DIR)`;
  const lines = [`using the embedded database in ${config.dataDir}, ${how} (DATABASE_URL not set)`];
  if (embedded.created) {
    lines.push(
      `warning: this started a new, empty database in ${config.dataDir}; if your server runs with another DATA_DIR, ` +
        'run the CLI with the same DATA_DIR (or with the same DATABASE_URL if the server has one)',
    );
  }
  return lines;
}

try {
  const result = await run(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  if (error instanceof UsageError || error instanceof DomainError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
