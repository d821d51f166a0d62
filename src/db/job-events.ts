import { AsyncResource } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { ImportJob } from '../generated/prisma/client.ts';

/**
 * Import progress across processes: whoever changes a job (the worker, a mutation) sends
 * `pg_notify('import_job', '<jobId>')`; each API process keeps one LISTEN connection and tells its
 * subscribers. A worker in another process therefore reaches every API's subscribers.
 */
export const JOB_CHANNEL = 'import_job';

/**
 * Key revocations, on the same LISTEN connection: whoever revokes a key (an API process, the CLI)
 * sends `pg_notify('api_key_revoked', '<keyId>')` in the revoking transaction, and every API process
 * ends that key's live connections and subscriptions.
 */
export const KEY_REVOKED_CHANNEL = 'api_key_revoked';

/** While a job works, its subscribers hear from it at least this often. */
export const PROGRESS_INTERVAL_MS = 500;

/** Statuses in which a job moves by itself, so it is polled as well as listened to. */
const WORKING_STATUSES: ImportJob['status'][] = ['VALIDATING', 'QUEUED', 'IMPORTING', 'REVERTING'];
/** Statuses a job never leaves: a subscription ends once it has sent one. */
const FINAL_STATUSES: ImportJob['status'][] = ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REVERTED'];

/** Sends the change of one job to every listening process (inside the caller's transaction, if any). */
export async function notifyJobChanged(client: pg.Pool | pg.PoolClient | pg.Client, jobId: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [JOB_CHANNEL, jobId]);
}

export class JobEvents {
  private readonly emitter = new EventEmitter();
  /** One watch per job that has subscribers in this process, by workspace and job id. */
  private readonly watches = new Map<string, JobWatch>();
  /**
   * The async context JobEvents was made in (start-up). A watch reads its job in it rather than in
   * the request of the subscriber that happened to start it: the watch serves every subscriber and
   * outlives that request, so the request's scope (its abort signal, its workspace's share of
   * connections) must not reach the watch's reads and timers.
   */
  private readonly detached = new AsyncResource('JobEvents');
  private client: pg.Client | undefined;
  private connectedOnce = false;
  private reconnecting = false;
  private stopped = false;

  constructor(private readonly connectionString: string) {
    this.emitter.setMaxListeners(0);
  }

  /** Opens the LISTEN connection; it reconnects by itself if the connection drops. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (!message.payload) return;
      if (message.channel === JOB_CHANNEL) this.emitter.emit(`job:${message.payload}`);
      else if (message.channel === KEY_REVOKED_CHANNEL) this.emitter.emit('key-revoked', message.payload);
    });
    client.on('error', () => this.scheduleReconnect());
    client.on('end', () => this.scheduleReconnect());
    await client.connect();
    await client.query(`LISTEN ${JOB_CHANNEL}; LISTEN ${KEY_REVOKED_CHANNEL}`);
    this.client = client;
    // Whatever was sent while the connection was down is lost: every watched job is read again and
    // the holders of live keys check them again.
    if (this.connectedOnce) {
      for (const watch of this.watches.values()) watch.refresh();
      this.emitter.emit('reconnected');
    }
    this.connectedOnce = true;
  }

  /**
   * The job's states for one subscriber: the current one first, then every change, and every
   * `PROGRESS_INTERVAL_MS` while the job works; it ends after a final status, or when the job is
   * gone. Null when the workspace has no such job.
   *
   * All the subscribers of a job in this process share one watch: one LISTEN handler, at most one
   * poll timer and one read at a time, whatever their number. A subscriber's `return()` takes
   * effect at once (a pending `next()` resolves as done) and the watch ends with its last subscriber.
   */
  async follow(options: {
    workspaceId: string;
    jobId: string;
    load: () => Promise<ImportJob | null>;
  }): Promise<AsyncIterableIterator<ImportJob> | null> {
    const key = `${options.workspaceId}:${options.jobId}`;
    let watch = this.watches.get(key);
    if (!watch) {
      const event = `job:${options.jobId}`;
      const created: JobWatch = new JobWatch(options.load, this.detached, () => {
        this.emitter.off(event, refresh);
        this.watches.delete(key);
      });
      const refresh = () => created.refresh();
      this.emitter.on(event, refresh);
      this.watches.set(key, created);
      created.refresh();
      watch = created;
    }
    const follower = watch.join();
    try {
      await watch.loaded;
      const state = watch.state!;
      if ('error' in state) throw state.error;
      if (!state.job) {
        await follower.return();
        return null;
      }
    } catch (error) {
      await follower.return();
      throw error;
    }
    return follower;
  }

  /** How many jobs this process watches for subscribers right now (each with one listener and at most one timer). */
  watcherCount(): number {
    return this.watches.size;
  }

  /** Calls `listener` with the id of every key revoked anywhere; returns the function that stops it. */
  onKeyRevoked(listener: (keyId: string) => void): () => void {
    this.emitter.on('key-revoked', listener);
    return () => this.emitter.off('key-revoked', listener);
  }

  /** Calls `listener` after the LISTEN connection came back, when revocations may have been missed. */
  onReconnected(listener: () => void): () => void {
    this.emitter.on('reconnected', listener);
    return () => this.emitter.off('reconnected', listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => {});
  }

  /** Watched jobs are read again once it is back, so the events missed while reconnecting cost no more than a read. */
  private scheduleReconnect(): void {
    if (this.stopped || this.reconnecting) return;
    this.reconnecting = true;
    this.client = undefined;
    setTimeout(() => {
      this.reconnecting = false;
      this.start().catch(() => this.scheduleReconnect());
    }, 1000).unref();
  }
}

type JobState = { job: ImportJob | null } | { error: unknown };

/** One job as this process's subscribers see it: the last state read, numbered, and who follows it. */
class JobWatch {
  state: JobState | undefined;
  version = 0;
  /** Resolves once the job has been read for the first time. */
  readonly loaded: Promise<void>;
  private resolveLoaded!: () => void;
  private readonly followers = new Set<JobFollower>();
  private loading = false;
  private loadAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly load: () => Promise<ImportJob | null>,
    /** Where its reads and timers run, whoever asks for them (see `JobEvents.detached`). */
    private readonly context: AsyncResource,
    private readonly onClose: () => void,
  ) {
    this.loaded = new Promise((resolve) => (this.resolveLoaded = resolve));
  }

  join(): JobFollower {
    const follower = new JobFollower(this);
    this.followers.add(follower);
    return follower;
  }

  leave(follower: JobFollower): void {
    this.followers.delete(follower);
    if (this.followers.size > 0 || this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.onClose();
  }

  /** Reads the job now, or right after the read under way: changes never pile up reads. */
  refresh(): void {
    this.context.runInAsyncScope(() => this.read());
  }

  private read(): void {
    if (this.closed) return;
    if (this.loading) {
      this.loadAgain = true;
      return;
    }
    this.loading = true;
    clearTimeout(this.timer);
    this.load()
      .then(
        (job): JobState => ({ job }),
        (error: unknown): JobState => ({ error }),
      )
      .then((state) => {
        this.loading = false;
        if (this.closed) return;
        this.state = state;
        this.version += 1;
        this.resolveLoaded();
        for (const follower of this.followers) follower.wake();
        if (this.loadAgain) {
          this.loadAgain = false;
          this.refresh();
        } else if ('job' in state && state.job && WORKING_STATUSES.includes(state.job.status)) {
          this.timer = setTimeout(() => this.refresh(), PROGRESS_INTERVAL_MS);
        }
      });
  }
}

/**
 * One subscriber's view of a watched job. It sends a state when it is the first, when the job was
 * working (progress), or when the job changed; it skips states it had no time to send, keeping the
 * newest.
 */
class JobFollower implements AsyncIterableIterator<ImportJob> {
  private seen = 0;
  private last: ImportJob | undefined;
  private ended = false;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly watch: JobWatch) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<ImportJob> {
    return this;
  }

  async next(): Promise<IteratorResult<ImportJob>> {
    while (!this.ended && !(this.last && FINAL_STATUSES.includes(this.last.status))) {
      const state = this.watch.state;
      if (!state || this.watch.version === this.seen) {
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        this.wakeUp = undefined;
        continue;
      }
      this.seen = this.watch.version;
      if ('error' in state) {
        this.end();
        throw state.error;
      }
      const job = state.job;
      if (!job) break;
      const previous = this.last;
      if (
        !previous ||
        WORKING_STATUSES.includes(previous.status) ||
        previous.status !== job.status ||
        previous.updatedAt.getTime() !== job.updatedAt.getTime()
      ) {
        this.last = job;
        return { value: job, done: false };
      }
    }
    this.end();
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<ImportJob>> {
    this.end();
    return { value: undefined, done: true };
  }

  wake(): void {
    this.wakeUp?.();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.watch.leave(this);
    this.wakeUp?.();
  }
}
