import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, FileNotFoundError, type FileStore, type LocalCopy } from './file-store.ts';

/**
 * Files in a folder (`DATA_DIR/files`), a key's parts as folders: `<root>/<workspaceId>/<jobId>/`
 * holds a job's files. Every process using one needs the same folder (one machine, or a shared
 * volume).
 */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  get description(): string {
    return this.root;
  }

  location(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  /** Written beside its target under a name of its own, then renamed over it: a reader sees the old file or the whole new one. */
  async save(key: string, content: NodeJS.ReadableStream): Promise<{ size: number }> {
    const target = this.location(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    const output = createWriteStream(partial);
    try {
      await pipeline(content, output);
      await rename(partial, target);
      return { size: output.bytesWritten };
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const stream = createReadStream(this.location(key));
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new FileNotFoundError(key) : error));
    });
    return stream;
  }

  async localCopy(key: string): Promise<LocalCopy> {
    const file = this.location(key);
    await access(file).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new FileNotFoundError(key) : error;
    });
    return { path: file, remove: async () => {} };
  }

  async list(folder: string): Promise<string[]> {
    const entries = await readdir(this.location(folder), { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.location(key), { force: true })));
  }

  async deleteFolder(folder: string): Promise<void> {
    await rm(this.location(folder), { recursive: true, force: true });
  }

  async probe(): Promise<void> {
    const file = path.join(this.root, `readiness-probe-${randomUUID()}`);
    try {
      await mkdir(this.root, { recursive: true });
      await writeFile(file, 'ok');
    } finally {
      await rm(file, { force: true });
    }
  }
}
