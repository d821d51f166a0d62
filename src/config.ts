import path from 'node:path';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './db/logger.ts';
import { DEFAULT_DOWNLOAD_LINK_TTL_SECONDS, MAX_DOWNLOAD_LINK_TTL_SECONDS } from './domain/download-link.ts';
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
  /** Where uploads and import files are kept: a folder (STORAGE=local, the default) or an S3 bucket (STORAGE=s3). */
  storage: StorageConfig;
  /**
   * PUBLIC_URL: the base of every link the API hands out (`https://contacts.example.com`), as
   * clients reach the server through a proxy or load balancer. Unset, links use the request's own
   * origin (its Host header), or the address listened on over WebSocket.
   */
  publicUrl: string | undefined;
  /**
   * DOWNLOAD_LINK_TTL_SECONDS: how long the signed file links the API returns work without the
   * Authorization header (1 second to a day; 15 minutes by default).
   */
  downloadLinkTtlSeconds: number;
  /** Who may read the Prometheus metrics, and where they are served. */
  metrics: MetricsConfig;
  /**
   * SHUTDOWN_TIMEOUT_SECONDS: how long a stop (on SIGTERM or SIGINT) may take before the process
   * exits without waiting for the rest (exit code 1).
   */
  shutdownTimeoutSeconds: number;
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
  /** LOG_LEVEL (default info) and LOG_FORMAT (json or pretty; unset, pretty at a terminal and JSON otherwise). */
  logging: { level: LogLevel; format: LogFormat | undefined };
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

/**
 * Where the Prometheus metrics (`/metrics`) are served: on the API port to a scraper that sends
 * METRICS_TOKEN as its bearer token, or on METRICS_PORT (on METRICS_HOST) without a token and not
 * on the API port; with neither, nowhere. An `npm run worker` serves its own on WORKER_METRICS_PORT.
 */
export interface MetricsConfig {
  /** METRICS_TOKEN: the bearer token a scraper sends to read /metrics on the API port. */
  token: string | undefined;
  /** METRICS_PORT: a listener of their own, without a token (0: any free port). */
  port: number | undefined;
  /** METRICS_HOST: the interface of METRICS_PORT and WORKER_METRICS_PORT (127.0.0.1 by default). */
  host: string;
  /** WORKER_METRICS_PORT: where `npm run worker` serves its metrics (0: any free port). */
  workerPort: number | undefined;
}

/** Long enough for a batch of an import to commit: a job stops at its next batch boundary. */
export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 30;

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
    storage: storageConfig(env),
    publicUrl: publicUrl(env.PUBLIC_URL),
    downloadLinkTtlSeconds: downloadLinkTtl(env),
    metrics: metricsConfig(env, port),
    shutdownTimeoutSeconds: positiveInteger(env, 'SHUTDOWN_TIMEOUT_SECONDS', DEFAULT_SHUTDOWN_TIMEOUT_SECONDS),
    logging: { level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS) ?? 'info', format: oneOf(env, 'LOG_FORMAT', LOG_FORMATS) },
  };
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[]): T | undefined {
  const text = env[name];
  if (!text) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${text}"`);
  return text as T;
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

function metricsConfig(env: NodeJS.ProcessEnv, apiPort: number): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && !/^[\x21-\x7e]{16,}$/.test(token)) {
    throw new Error('METRICS_TOKEN must be at least 16 printable characters without spaces (e.g. `openssl rand -hex 32`)');
  }
  const port = optionalPort(env, 'METRICS_PORT');
  if (token !== undefined && port !== undefined) {
    throw new Error('Set METRICS_TOKEN (metrics on the API port, with the token) or METRICS_PORT (metrics on a port of their own), not both');
  }
  if (port !== undefined && port !== 0 && port === apiPort) throw new Error(`METRICS_PORT must differ from PORT (both are ${port})`);
  const host = env.METRICS_HOST || '127.0.0.1';
  return { token, port, host, workerPort: optionalPort(env, 'WORKER_METRICS_PORT') };
}

function optionalPort(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (!text) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number (0 to 65535), got "${text}"`);
  return port;
}

function webhookSecretKey(text: string | undefined): Buffer | undefined {
  if (!text) return undefined;
  const key = parseSecretKey(text.trim());
  if (!key) throw new Error('WEBHOOK_SECRET_KEY must be the base64 or hex of 32 bytes (e.g. `openssl rand -base64 32`)');
  return key;
}

function downloadLinkTtl(env: NodeJS.ProcessEnv): number {
  const seconds = positiveInteger(env, 'DOWNLOAD_LINK_TTL_SECONDS', DEFAULT_DOWNLOAD_LINK_TTL_SECONDS);
  if (seconds > MAX_DOWNLOAD_LINK_TTL_SECONDS) {
    throw new Error(`DOWNLOAD_LINK_TTL_SECONDS must be at most ${MAX_DOWNLOAD_LINK_TTL_SECONDS} (a day), got "${env.DOWNLOAD_LINK_TTL_SECONDS}"`);
  }
  return seconds;
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

/** A folder of this machine (`DATA_DIR/files`), or an S3 bucket (see `docs/configuration.md`, Object storage). */
export type StorageConfig =
  | { kind: 'local' }
  | { kind: 's3'; bucket: string; prefix: string; endpoint: string | undefined; region: string; forcePathStyle: boolean };

function storageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = env.STORAGE || 'local';
  if (kind === 'local') {
    if (env.S3_BUCKET) throw new Error('S3_BUCKET is set but STORAGE is not s3: set STORAGE=s3 to keep files in the bucket, or unset S3_BUCKET');
    return { kind };
  }
  if (kind !== 's3') throw new Error(`STORAGE must be local or s3, got "${kind}"`);
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error('STORAGE=s3 needs S3_BUCKET, the name of the bucket to keep files in');
  const prefix = (env.S3_PREFIX ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix !== '' && prefix.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`S3_PREFIX must be a key prefix like switchboard/files (no empty, . or .. parts), got "${env.S3_PREFIX}"`);
  }
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint !== undefined && !isHttpUrl(endpoint))
    throw new Error(`S3_ENDPOINT must be an http(s) URL like https://minio.example.com:9000, got "${endpoint}"`);
  return {
    kind,
    bucket,
    prefix: prefix ? `${prefix}/` : '',
    endpoint,
    region: env.S3_REGION || env.AWS_REGION || 'us-east-1',
    forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE'),
  };
}

/** PUBLIC_URL, its trailing slashes trimmed: an absolute http(s) URL, with a path or not, without query or fragment. */
function publicUrl(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const url = isHttpUrl(text) ? new URL(text) : undefined;
  if (!url || text.includes('?') || text.includes('#') || url.username || url.password) {
    throw new Error(
      `PUBLIC_URL must be an absolute http(s) URL without query, fragment or credentials, like https://contacts.example.com, got "${text}"`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol, host } = new URL(text);
    return (protocol === 'http:' || protocol === 'https:') && host !== '';
  } catch {
    return false;
  }
}
