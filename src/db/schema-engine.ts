import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, DriverAdapterError, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { MIGRATIONS_DIR, readMigrations } from './migrate.ts';

/**
 * Prisma's schema engine, compiled to WebAssembly, driven through `pg`. The Prisma CLI's `migrate`
 * commands need a native engine downloaded from Prisma's binary host; the wasm build needs nothing
 * but a driver adapter, so this is how migrations are diffed here (and anywhere else).
 */

/** The datamodel every diff goes to. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

/** What a diff starts from. */
export interface DiffOptions {
  /**
   * A database the engine connects to. With `from: 'database'` it is the one diffed; otherwise the
   * engine only reads its server's version from it. Nothing is written to it.
   */
  url: string;
  /**
   * `database`: the live database at `url`. `empty`: nothing, so the diff is the whole schema.
   * `migrations`: the migrations folder, replayed on a scratch database on `url`'s server.
   */
  from: 'database' | 'empty' | 'migrations';
  /** The scratch database of `from: 'migrations'`, created and dropped again; `<db>_shadow` by default. */
  shadowDatabase?: string;
  /** Another migrations folder than `prisma/migrations`. */
  migrationsDir?: string;
  /** Another datamodel than `prisma/schema.prisma`. */
  schemaPath?: string;
}

/**
 * The SQL script that takes the `from` database to the datamodel of `prisma/schema.prisma`: what
 * the next migration should contain. Empty when they already describe the same database.
 */
export async function diffToSchema(options: DiffOptions): Promise<string> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const schemaFile = { path: schemaPath, content: await readFile(schemaPath, 'utf8') };

  let from: DiffTarget;
  let shadowUrl: string | undefined;
  switch (options.from) {
    case 'empty':
      from = { tag: 'empty' };
      break;
    case 'database':
      // The datasource of the schema, reached through the adapter's main connection.
      from = { tag: 'schemaDatasource', files: [schemaFile], configDir: path.dirname(schemaPath) };
      break;
    case 'migrations':
      from = { tag: 'migrations', ...(await migrationList(options.migrationsDir ?? MIGRATIONS_DIR)) };
      shadowUrl = withDatabase(options.url, options.shadowDatabase ?? `${databaseOf(options.url)}_shadow`);
      // It is dropped and recreated below: never the database the caller works in.
      if (databaseOf(shadowUrl) === databaseOf(options.url)) {
        throw new Error('The shadow database must not be the main one.');
      }
      break;
  }

  // Migrations must replay on an empty database: make a fresh one rather than trust a reset.
  if (shadowUrl) await recreateDatabase(options.url, shadowUrl);
  try {
    const result = await withEngine(options.url, shadowUrl, (engine) =>
      engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [schemaFile] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    const script = result.stdout ?? '';
    // When nothing differs the engine still says so in a comment.
    return /^\s*(-- This is an empty migration\.\s*)?$/.test(script) ? '' : script;
  } finally {
    if (shadowUrl) await dropDatabase(options.url, shadowUrl);
  }
}

// ---------------------------------------------------------------------------------------------
// The engine

/** The slice of `@prisma/schema-engine-wasm`'s API used here (its own typings ship with it). */
type DiffTarget =
  | { tag: 'empty' }
  | { tag: 'schemaDatasource'; files: SchemaFile[]; configDir: string }
  | { tag: 'schemaDatamodel'; files: SchemaFile[] }
  | ({ tag: 'migrations' } & MigrationList);
interface SchemaFile {
  path: string;
  content: string;
}
interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: 'ok'; value: string } } }[];
}
interface WasmSchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface SchemaEngineGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] | undefined }, log: (line: string) => void, adapter: object) => Promise<WasmSchemaEngine>;
  };
}

let glue: Promise<SchemaEngineGlue> | undefined;

/**
 * Instantiates the wasm module once per process, by hand: the wasm-bindgen glue
 * (`schema_engine_bg.js` from `@prisma/schema-engine-wasm`) is the module's import object, and the
 * binary is the one the `prisma` CLI package ships, so that diffs are those of the installed CLI.
 */
function loadGlue(): Promise<SchemaEngineGlue> {
  glue ??= (async () => {
    const require = createRequire(import.meta.url);
    let gluePath: string;
    try {
      gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    } catch (error) {
      throw new Error('The schema engine needs @prisma/schema-engine-wasm (its JS glue) as a dev dependency.', {
        cause: error,
      });
    }
    const prismaDir = path.dirname(require.resolve('prisma/package.json'));
    const wasmPath = path.join(prismaDir, 'build', 'schema_engine_bg.wasm');
    const bindings = (await import(pathToFileURL(gluePath).href)) as SchemaEngineGlue;
    const module = await WebAssembly.compile(await readFile(wasmPath));
    let instance: WebAssembly.Instance;
    try {
      const imports = { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports };
      instance = new WebAssembly.Instance(module, imports);
    } catch (error) {
      throw new Error(`${wasmPath} does not fit the glue in ${gluePath}: install the glue built with the prisma CLI.`, {
        cause: error,
      });
    }
    // The glue reports a Rust panic's message through this global before the panic unwinds.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => console.error(`schema engine panicked: ${message}`),
    };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return glue;
}

/**
 * Runs `work` with an engine whose main connection is `mainUrl` and whose shadow connection is
 * `shadowUrl`, then frees the engine and closes every pool it opened (freeing it does not).
 */
async function withEngine<T>(mainUrl: string, shadowUrl: string | undefined, work: (engine: WasmSchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadGlue();
  const pools: pg.Pool[] = [];
  const connect = (url: string | undefined, role: string) => {
    if (!url) throw new Error(`This diff has no ${role} database.`);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pools.push(pool);
    return connectAdapter(pool);
  };
  // adapter-pg's own `connectToShadowDb()` creates its shadow database next to the main one, yet
  // connects to the main one when given a URL: this factory connects where it is told.
  const adapter = bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(mainUrl, 'main'),
    connectToShadowDb: () => connect(shadowUrl, 'shadow'),
  });
  // Errors thrown by the adapter cross the wasm boundary as ids of this registry: turn them back.
  const unwrap = (error: unknown): never => {
    const id = /External error id#(\d+)/.exec(String((error as Error | null)?.message))?.[1];
    const original = id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id))?.error;
    throw original ?? error;
  };
  try {
    const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter).catch(unwrap);
    try {
      return await work(engine).catch(unwrap);
    } finally {
      engine.free();
    }
  } finally {
    await Promise.all(pools.map((pool) => (pool.ending ? undefined : pool.end())));
  }
}

// ---------------------------------------------------------------------------------------------
// The driver adapter

async function connectAdapter(pool: pg.Pool): Promise<SqlDriverAdapter> {
  pool.on('error', () => {}); // an idle client's lost connection is the pool's business
  pool.on('connect', reportCharAsText);
  const adapter = await new PrismaPg(pool).connect();
  return Object.assign(adapter, {
    // adapter-pg splits scripts on `;`, which breaks `$$` bodies and string literals: send the
    // whole script in one simple-protocol query instead, as the native engine does.
    async executeScript(script: string) {
      try {
        await pool.query(script);
      } catch (error) {
        throw toAdapterError(error);
      }
    },
  });
}

/** Postgres' internal one-byte `"char"` type, used all over the catalogs (`pg_class.relkind`…). */
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * adapter-pg refuses results with a column type it has no mapping for, and the engine's
 * introspection queries read `"char"` catalog columns. Their values already arrive as strings, so
 * declaring the columns text is all it takes.
 */
function reportCharAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patch = (result: unknown) => {
    for (const r of Array.isArray(result) ? result : [result]) {
      const queryResult = r as pg.QueryResult | undefined;
      for (const field of queryResult?.fields ?? []) {
        if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      }
      // PostgreSQL 18 lists NOT NULL constraints in pg_constraint (contype 'n'). This engine build
      // predates them and panics on the unknown type; nullability is read from the columns anyway.
      const column = queryResult?.fields?.findIndex((field) => field.name === 'constraint_type') ?? -1;
      if (queryResult && column >= 0) {
        // adapter-pg reads rows as arrays.
        queryResult.rows = queryResult.rows.filter((row) => (Array.isArray(row) ? row[column] : row.constraint_type) !== 'n');
        queryResult.rowCount = queryResult.rows.length;
      }
    }
    return result;
  };
  client.query = ((...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, patch(result));
      return query(...args);
    }
    const returned = query(...args);
    return returned instanceof Promise ? returned.then(patch) : returned;
  }) as typeof client.query;
}

function toAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code ?? 'N/A',
    severity: error.severity ?? 'N/A',
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

// ---------------------------------------------------------------------------------------------
// Migrations and scratch databases

async function migrationList(migrationsDir: string): Promise<MigrationList> {
  const lockfile = await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(() => null);
  const migrations = await readMigrations(migrationsDir);
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.script } },
    })),
  };
}

function databaseOf(url: string): string {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database) throw new Error(`The database URL ${new URL(url).host} names no database.`);
  return database;
}

function withDatabase(url: string, database: string): string {
  const result = new URL(url);
  result.pathname = `/${encodeURIComponent(database)}`;
  return result.href;
}

/** Runs a statement about another database of the server, from a connection to `url`. */
async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quoted = (url: string) => `"${databaseOf(url).replaceAll('"', '""')}"`;

async function dropDatabase(url: string, scratchUrl: string): Promise<void> {
  await onServer(url, `DROP DATABASE IF EXISTS ${quoted(scratchUrl)} WITH (FORCE)`);
}

async function recreateDatabase(url: string, scratchUrl: string): Promise<void> {
  await dropDatabase(url, scratchUrl);
  await onServer(url, `CREATE DATABASE ${quoted(scratchUrl)}`);
}
