import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../domain/errors.ts';
import type { UploadLimit } from '../domain/upload-limit.ts';
import { countUploadBytes } from './upload-stream.ts';

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
   * Streams `stream` into `target`, counting bytes (see `countUploadBytes`). Past `limit` it stops
   * reading, deletes the partial file and throws `LimitExceededError`; an empty stream throws
   * `ValidationError` (path `file`) and leaves nothing either.
   */
  async saveStream(stream: NodeJS.ReadableStream, target: string, limit: UploadLimit): Promise<{ size: number }> {
    await mkdir(path.dirname(target), { recursive: true });
    const output = createWriteStream(target);
    try {
      await pipeline(stream, countUploadBytes(stream, limit), output);
      if (output.bytesWritten === 0) throw ValidationError.of(['file'], 'The file is empty');
      return { size: output.bytesWritten };
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  }

  /** Deletes everything of a job; nothing to delete is fine. */
  async removeJob(workspaceId: string, jobId: string): Promise<void> {
    await rm(this.jobDir(workspaceId, jobId), { recursive: true, force: true });
  }
}

function segment(id: string): string {
  if (!SAFE_SEGMENT.test(id)) throw new Error(`Unsafe id for a file path: ${JSON.stringify(id)}`);
  return id;
}
