import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../domain/errors.ts';
import type { UploadLimit } from '../domain/upload-limit.ts';
import { createCsvStreamWriter, type CsvWriter } from './csv-output.ts';
import { countUploadBytes } from './upload-stream.ts';

/**
 * Where import files live, named by keys: `/`-separated names (`<workspaceId>/<jobId>/source`),
 * each part letters, digits, `_`, `-` and `.`, never starting with a dot. A store deals in keys and
 * streams only, so the pipeline runs the same on a local folder (local-file-store.ts) and on an
 * S3 bucket (s3-file-store.ts).
 *
 * A save is all or nothing: the file appears under its key once it is complete, a failed save
 * leaves the key as it was, and a reader never sees half a file.
 */
export interface FileStore {
  /** Where the files are, as an operator reads it: a folder's path, or `s3://bucket/prefix`. */
  readonly description: string;
  /**
   * What the database records of where a stored file is: its path for a folder, its object key in
   * a bucket. The code never reads it back (files are found by their keys); it tells an operator
   * where to look.
   */
  location(key: string): string;
  /** Stores everything `content` gives under `key`, replacing what was there; resolves to the bytes stored. */
  save(key: string, content: NodeJS.ReadableStream): Promise<{ size: number }>;
  /** The file's bytes as a stream; rejects with `FileNotFoundError` when nothing is stored under `key`. */
  read(key: string): Promise<Readable>;
  /**
   * The file as a local file, for readers that need random access or read it more than once: the
   * caller calls `remove()` when done. A folder store hands out its own file (remove leaves it);
   * a bucket store streams the object to a temporary file. Rejects with `FileNotFoundError` when
   * nothing is stored under `key`.
   */
  localCopy(key: string): Promise<LocalCopy>;
  /** The keys of the files below `folder` (a key's leading parts: `<workspaceId>` or `<workspaceId>/<jobId>`), in no particular order. */
  list(folder: string): Promise<string[]>;
  /** Deletes the files; keys with nothing stored under them are fine. */
  delete(keys: readonly string[]): Promise<void>;
  /** Deletes every file under `folder`; an empty folder is fine. */
  deleteFolder(folder: string): Promise<void>;
  /** Writes a small file and deletes it again (readiness); rejects with the store's own error (its `code` or `name` says why) when it cannot. */
  probe(): Promise<void>;
}

/** A local file standing for a stored one; `remove()` once done with it. */
export interface LocalCopy {
  path: string;
  remove(): Promise<void>;
}

/** Nothing is stored under the key (never saved, or deleted since). */
export class FileNotFoundError extends Error {
  override name = 'FileNotFoundError';
  constructor(readonly key: string) {
    super(`No file is stored under ${key}`);
  }
}

/** A part of a key: no `..`, no `/`, nothing hidden. */
const KEY_PART = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** Returns `key`, or throws when it is not a key (see {@link FileStore}): ids become key parts, and must not climb out of the store. */
export function checkKey(key: string): string {
  if (!key.split('/').every((part) => KEY_PART.test(part))) throw new Error(`Unsafe file key: ${JSON.stringify(key)}`);
  return key;
}

/**
 * The keys of an import job's files, all under one folder per job in one per workspace, so
 * removing a job (or a workspace) is removing one folder.
 */
export function importFileKeys(workspaceId: string, jobId: string) {
  const folder = `${checkKey(workspaceId)}/${checkKey(jobId)}`;
  return {
    folder,
    /** The uploaded or pasted source, as CSV rows (a workbook's sheet converted). */
    source: `${folder}/source`,
    /** The rows that failed validation, with an `Error` column. */
    errors: `${folder}/errors.csv`,
    /** Every row with its `Import Status` and `Errors`. */
    result: `${folder}/result.csv`,
  };
}

/**
 * Stores an upload under `key` as it streams in, counting bytes (see `countUploadBytes`). Past
 * `limit` it stops reading and throws `LimitExceededError`; an empty upload throws
 * `ValidationError` (path `file`). Either way nothing is left under `key`.
 */
export async function saveUpload(files: FileStore, key: string, upload: NodeJS.ReadableStream, limit: UploadLimit): Promise<{ size: number }> {
  const counted = countUploadBytes(upload, limit);
  // A failure of either stream reaches the store through `counted`, which pipeline destroys with it.
  pipeline(upload, counted).catch(() => {});
  const { size } = await files.save(key, counted);
  if (size === 0) {
    await files.delete([key]);
    throw ValidationError.of(['file'], 'EMPTY_FILE', 'The file is empty');
  }
  return { size };
}

/**
 * Writes a CSV file into the store, row by row as `fill` gives them (laid out by
 * `createCsvStreamWriter`): the bytes go to the store as they are produced, and the file is there
 * once `fill` has returned and the store has it all. If `fill` throws, the save is abandoned and
 * the key left as it was; if the store fails, `fill`'s next write throws.
 */
export async function writeCsvFile(files: FileStore, key: string, headers: string[], fill: (writer: CsvWriter) => Promise<void>): Promise<void> {
  const body = new PassThrough();
  const saving = files.save(key, body);
  saving.catch((error: Error) => body.destroy(error));
  const writer = createCsvStreamWriter(body, headers);
  try {
    await fill(writer);
    await writer.close();
  } catch (error) {
    body.destroy(error as Error);
    await saving.catch(() => {});
    throw error;
  }
  await saving;
}

/**
 * A private temporary folder (in the system's, `TMPDIR`) for the scratch files of one task, and
 * its removal.
 */
export async function scratchFolder(): Promise<{ path: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'switchboard-'));
  return { path: folder, remove: () => rm(folder, { recursive: true, force: true }) };
}
