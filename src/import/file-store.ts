import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LimitExceededError, ValidationError } from '../domain/errors.ts';

/** Ids become folder names: anything but a plain token could climb out of the root (`..`, `/`). */
const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * Where import files live: `<root>/<workspaceId>/<jobId>/` holds a job's uploaded source, its
 * error file and its result file, so removing a job (or a workspace) is removing one folder.
 */
export class FileStore {
  constructor(readonly root: string) {}

  jobDir(workspaceId: string, jobId: string): string {
    return path.join(this.root, segment(workspaceId), segment(jobId));
  }

  /** The uploaded or pasted source, as received. */
  sourcePath(workspaceId: string, jobId: string): string {
    return path.join(this.jobDir(workspaceId, jobId), 'source');
  }

  /** The rows that failed validation, with an `Error` column. */
  errorFilePath(workspaceId: string, jobId: string): string {
    return path.join(this.jobDir(workspaceId, jobId), 'errors.csv');
  }

  /** Every row with its `Import Status` and `Errors`. */
  resultFilePath(workspaceId: string, jobId: string): string {
    return path.join(this.jobDir(workspaceId, jobId), 'result.csv');
  }

  /**
   * Streams `stream` into `target`, counting bytes. Past `maxBytes` it stops, deletes the partial
   * file and throws `LimitExceededError`; an empty stream throws `ValidationError` (path `file`)
   * and leaves nothing either.
   *
   * A graphql-upload-minimal upload stream that hit the server's `maxFileSize` ends early, truncated,
   * and says so with a `limit` event: that too is `LimitExceededError`, reported with `maxBytes` —
   * so pass the smaller of the workspace limit and the server's upload cap.
   */
  async saveStream(stream: NodeJS.ReadableStream, target: string, maxBytes: number): Promise<{ size: number }> {
    await mkdir(path.dirname(target), { recursive: true });
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer | string, _encoding, callback) {
        size += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        if (size > maxBytes) callback(tooLarge(maxBytes));
        else callback(null, chunk);
      },
    });
    // graphql-upload-minimal unpipes the source on `limit`, which would leave the pipeline waiting
    // forever: fail it instead.
    const onLimit = () => counter.destroy(tooLarge(maxBytes));
    stream.once('limit', onLimit);
    try {
      await pipeline(stream, counter, createWriteStream(target));
      if ((stream as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
      if (size === 0) throw ValidationError.of(['file'], 'The file is empty');
      return { size };
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    } finally {
      stream.removeListener('limit', onLimit);
    }
  }

  /** Deletes everything of a job; nothing to delete is fine. */
  async removeJob(workspaceId: string, jobId: string): Promise<void> {
    await rm(this.jobDir(workspaceId, jobId), { recursive: true, force: true });
  }
}

function tooLarge(maxBytes: number): LimitExceededError {
  const megabytes = Number((maxBytes / 1_000_000).toFixed(1));
  return new LimitExceededError(`The file is larger than the workspace limit of ${maxBytes} bytes (${megabytes} MB)`, maxBytes);
}

function segment(id: string): string {
  if (!SAFE_SEGMENT.test(id)) throw new Error(`Unsafe id for a file path: ${JSON.stringify(id)}`);
  return id;
}
