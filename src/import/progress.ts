import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Import progress across processes: whoever changes a job (the worker, a mutation) sends
 * `pg_notify('import_job', '<jobId>')`; each API process keeps one LISTEN connection and tells its
 * subscribers. A worker in another process therefore reaches every API's subscribers.
 */
export const JOB_CHANNEL = 'import_job';

/** Sends the change of one job to every listening process (inside the caller's transaction, if any). */
export async function notifyJobChanged(client: pg.Pool | pg.PoolClient | pg.Client, jobId: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [JOB_CHANNEL, jobId]);
}

export class JobEvents {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | undefined;
  private reconnecting = false;
  private stopped = false;

  constructor(private readonly connectionString: string) {
    this.emitter.setMaxListeners(0);
  }

  /** Opens the LISTEN connection; it reconnects by itself if the connection drops. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.channel === JOB_CHANNEL && message.payload) this.emitter.emit(message.payload);
    });
    client.on('error', () => this.scheduleReconnect());
    client.on('end', () => this.scheduleReconnect());
    await client.connect();
    await client.query(`LISTEN ${JOB_CHANNEL}`);
    this.client = client;
  }

  /** Calls `listener` whenever the job changes; returns the function that stops it. */
  onJobChanged(jobId: string, listener: () => void): () => void {
    this.emitter.on(jobId, listener);
    return () => this.emitter.off(jobId, listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => {});
  }

  /** Subscribers poll while work runs, so the events missed while reconnecting cost no more than a tick. */
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
