import type { Database } from '../db/client.ts';
import type { FileStore } from '../files/file-store.ts';

/** What a phase of a job needs. */
export interface JobRunContext {
  db: Database;
  files: FileStore;
  /**
   * Called at every batch boundary: tells subscribers the job changed, and throws
   * `JobInterrupted` when the job must stop there (cancelled, worker stopping, lease lost).
   */
  heartbeat(): Promise<void>;
  /** Told what the job got done, for the process's metrics; absent, nothing is counted. */
  metrics?: ImportMetrics;
}

/** What the import pipeline reports as it goes, for the process's metrics (rows per second, queue wait). */
export interface ImportMetrics {
  /** A batch of rows was validated and staged. */
  rowsValidated(count: number): void;
  /** A batch of the write committed, with this many rows. */
  rowsWritten(count: number): void;
  /** A worker took a confirmed import to write it, this long after its confirmation. */
  writeClaimed(waitSeconds: number): void;
}

/**
 * Why a job stops at a batch boundary: the client cancelled it, this worker is shutting down (the
 * job is released and resumes from its checkpoint elsewhere), or another worker took it over.
 */
export class JobInterrupted extends Error {
  constructor(readonly reason: 'cancelled' | 'stopping' | 'lease lost') {
    super(`the job stopped: ${reason}`);
  }
}
