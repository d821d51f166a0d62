import path from 'node:path';
import type { Config } from '../config.ts';
import type { FileStore } from './file-store.ts';
import { LocalFileStore } from './local-file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

/** The file store the configuration asks for: `DATA_DIR/files`, or the S3 bucket of STORAGE=s3. */
export function openFileStore(config: Pick<Config, 'dataDir' | 'storage'>): FileStore {
  const { storage } = config;
  if (storage.kind === 'local') return new LocalFileStore(path.join(config.dataDir, 'files'));
  return new S3FileStore(storage);
}
