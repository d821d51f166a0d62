import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { S3FileStore } from '../../src/files/s3-file-store.ts';

/** An S3-protocol server on 127.0.0.1 (s3rver, on a temporary folder), with one bucket. */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** A store on the bucket under `prefix` (empty, or ending with `/`), addressed by path as S3-compatible servers want. */
  store(prefix?: string): S3FileStore;
  stop(): Promise<void>;
}

export const TEST_BUCKET = 'switchboard-test';

export async function startS3Server(): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'switchboard-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: TEST_BUCKET }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket: TEST_BUCKET,
    store: (prefix = '') =>
      new S3FileStore({
        bucket: TEST_BUCKET,
        prefix,
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        // s3rver's own pair; it checks the signature.
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      }),
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
