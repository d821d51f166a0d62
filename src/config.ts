import path from 'node:path';
import { parseSecretKey } from './domain/webhook.ts';

/** Settings read from the environment once, at start-up. */
export interface Config {
  /** A PostgreSQL server to use; without it an embedded one runs on `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded database and stored files live. */
  dataDir: string;
  host: string;
  port: number;
  /**
   * Import jobs a worker runs at once: `npm start`'s in-process worker (0: none, the API only, for
   * when separate `npm run worker` processes do the imports) and each `npm run worker`.
   */
  workerConcurrency: number | undefined;
  /** Ceilings on what uploads and workspace settings may ask of this server. */
  limits: OperatorLimits;
  /** CORS_ORIGINS: comma-separated origins (`https://app.example.com`) whose pages may call the API from a browser; none by default, beyond the server's own. */
  corsOrigins: string[];
  webhooks: {
    /**
     * WEBHOOK_SECRET_KEY: the AES-256 key (base64 or hex of 32 bytes) sealing webhook signing
     * secrets in the database. Unset, one is generated in `dataDir` on first start; processes on one
     * database must share it.
     */
    secretKey: Buffer | undefined;
    /**
     * WEBHOOKS_ALLOW_INSECURE=1, for development only: webhooks may use plain http and post to
     * loopback and private addresses (a receiver on this machine). Off by default: https to public
     * addresses only.
     */
    allowInsecure: boolean;
  };
}

/**
 * What the operator allows every workspace, whatever its own settings: a workspace ADMIN may set
 * limits below these, never above.
 */
export interface OperatorLimits {
  /** MAX_UPLOAD_BYTES: the largest upload (import file or opt-out list) the server reads, and the most a workspace's import size setting may be. */
  maxUploadBytes: number;
  /** MAX_REVIEW_TTL_SECONDS: the longest a workspace may let an import wait for its mapping or its confirmation. */
  maxReviewTtlSeconds: number;
  /** MAX_ACTIVE_IMPORTS_PER_WORKSPACE: imports one workspace may have under way at once (from upload until they end); more are refused at upload. */
  maxActiveImportsPerWorkspace: number;
}

export const DEFAULT_OPERATOR_LIMITS: Readonly<OperatorLimits> = {
  // 1 GiB, the default import size of a workspace.
  maxUploadBytes: 2 ** 30,
  // One day: the default review wait is an hour.
  maxReviewTtlSeconds: 86_400,
  // Enough for a team working side by side; each parks an upload on disk until it ends.
  maxActiveImportsPerWorkspace: 10,
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const workerConcurrency = env.WORKER_CONCURRENCY ? Number(env.WORKER_CONCURRENCY) : undefined;
  if (workerConcurrency !== undefined && !(Number.isInteger(workerConcurrency) && workerConcurrency >= 0)) {
    throw new Error(`WORKER_CONCURRENCY must be a whole number of jobs (0 or more), got "${env.WORKER_CONCURRENCY}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    host: env.HOST ?? '127.0.0.1',
    port,
    workerConcurrency,
    limits: {
      maxUploadBytes: positiveInteger(env, 'MAX_UPLOAD_BYTES', DEFAULT_OPERATOR_LIMITS.maxUploadBytes),
      maxReviewTtlSeconds: positiveInteger(env, 'MAX_REVIEW_TTL_SECONDS', DEFAULT_OPERATOR_LIMITS.maxReviewTtlSeconds),
      maxActiveImportsPerWorkspace: positiveInteger(env, 'MAX_ACTIVE_IMPORTS_PER_WORKSPACE', DEFAULT_OPERATOR_LIMITS.maxActiveImportsPerWorkspace),
    },
    webhooks: { secretKey: webhookSecretKey(env.WEBHOOK_SECRET_KEY), allowInsecure: flag(env, 'WEBHOOKS_ALLOW_INSECURE') },
    corsOrigins: origins(env.CORS_ORIGINS),
  };
}

function origins(text: string | undefined): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== entry) throw new Error(`CORS_ORIGINS must list origins like https://app.example.com (scheme, host and port only), got "${entry}"`);
  }
  return entries;
}

function webhookSecretKey(text: string | undefined): Buffer | undefined {
  if (!text) return undefined;
  const key = parseSecretKey(text.trim());
  if (!key) throw new Error('WEBHOOK_SECRET_KEY must be the base64 or hex of 32 bytes (e.g. `openssl rand -base64 32`)');
  return key;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = env[name];
  if (!text || text === '0') return false;
  if (text === '1') return true;
  throw new Error(`${name} must be 1 (on) or 0 (off), got "${text}"`);
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more, got "${text}"`);
  return value;
}

/**
 * Where a database URL points, without its user name and password: `host:port/database`, as the
 * CLI says which database it used.
 */
export function describeDatabaseUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return 'a URL that does not parse';
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return `${url.host || 'localhost'}/${database}`;
}
