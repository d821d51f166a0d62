import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitExceededError, ValidationError } from '../../src/domain/errors.ts';
import { FileNotFoundError, saveUpload, writeCsvFile, type FileStore } from '../../src/files/file-store.ts';
import { LocalFileStore } from '../../src/files/local-file-store.ts';
import { S3FileStore } from '../../src/files/s3-file-store.ts';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';

const MB = 1024 * 1024;

let s3: TestS3Server;
let folder: string;

beforeAll(async () => {
  s3 = await startS3Server();
  folder = await mkdtemp(path.join(tmpdir(), 'file-store-'));
});

afterAll(async () => {
  await s3.stop();
  await rm(folder, { recursive: true, force: true });
});

/** `size` bytes of a repeated pattern, in chunks of 256 KiB, each chunk made as it is read. */
function bytes(size: number, options: { failAt?: number } = {}): Readable {
  const pattern = Buffer.from('Ada Lovelace,+12025550143,ada@example.com\n');
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += 256 * 1024) {
        if (options.failAt !== undefined && sent >= options.failAt) throw new Error('the source broke');
        const chunk = Buffer.alloc(Math.min(256 * 1024, size - sent));
        for (let offset = 0; offset < chunk.length; offset += pattern.length) pattern.copy(chunk, offset);
        yield chunk;
      }
    })(),
  );
}

async function digest(stream: NodeJS.ReadableStream): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

async function text(files: FileStore, key: string): Promise<string> {
  return (await collect(await files.read(key))).toString('utf8');
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A store of each kind, and what the test needs to look behind it: every name it holds, the store's own included. */
interface StoreUnderTest {
  files: FileStore;
  everything(): Promise<string[]>;
  /** A store of the same kind that cannot be written. */
  broken(): Promise<FileStore>;
}

const KINDS: { kind: string; open(): Promise<StoreUnderTest> }[] = [
  {
    kind: 'local folder',
    async open() {
      const root = path.join(folder, randomUUID());
      return {
        files: new LocalFileStore(root),
        everything: async () => (await readdir(root, { recursive: true }).catch(() => [])).map(String),
        async broken() {
          // A folder under a regular file cannot be made.
          const file = path.join(folder, `${randomUUID()}.txt`);
          await writeFile(file, 'not a folder');
          return new LocalFileStore(path.join(file, 'files'));
        },
      };
    },
  },
  {
    kind: 'S3 bucket',
    async open() {
      const prefix = `${randomUUID()}/`;
      const client = new S3Client({
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      return {
        files: s3.store(prefix),
        everything: async () => {
          const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
          return (listed.Contents ?? []).map((object) => object.Key!);
        },
        broken: async () =>
          new S3FileStore({
            bucket: 'no-such-bucket',
            prefix: '',
            endpoint: s3.endpoint,
            region: 'us-east-1',
            forcePathStyle: true,
            credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          }),
      };
    },
  },
];

describe.each(KINDS)('a file store on a $kind', ({ kind, open }) => {
  let store: StoreUnderTest;
  let files: FileStore;
  beforeAll(async () => {
    store = await open();
    files = store.files;
  });

  it('stores a stream under a key as it comes (12 MB: several parts in a bucket) and reads it back streamed', async () => {
    const expected = await digest(bytes(12 * MB));
    expect(await files.save('ws1/job1/source', bytes(12 * MB))).toEqual({ size: 12 * MB });
    expect(await digest(await files.read('ws1/job1/source'))).toEqual(expected);
    expect(await files.list('ws1')).toEqual(['ws1/job1/source']);
    expect(files.location('ws1/job1/source')).toMatch(kind === 'S3 bucket' ? /^[0-9a-f-]{36}\/ws1\/job1\/source$/ : /\/ws1\/job1\/source$/);
  });

  it('replaces a file whole; a save whose stream fails leaves the file before it and nothing else', async () => {
    await files.save('ws2/job/result.csv', Readable.from([Buffer.from('first version')]));
    await files.save('ws2/job/result.csv', Readable.from([Buffer.from('second version')]));
    expect(await text(files, 'ws2/job/result.csv')).toBe('second version');

    // Past a part's size, so a bucket has a multipart upload under way when the stream breaks.
    await expect(files.save('ws2/job/result.csv', bytes(12 * MB, { failAt: 6 * MB }))).rejects.toThrow('the source broke');
    await expect(files.save('ws2/job/other.csv', bytes(MB, { failAt: MB / 2 }))).rejects.toThrow('the source broke');
    expect(await text(files, 'ws2/job/result.csv')).toBe('second version');
    expect(await files.list('ws2')).toEqual(['ws2/job/result.csv']);
  });

  it('holds an upload to its limit as it streams in: over it, or empty, nothing is kept', async () => {
    const limit = { bytes: 2 * MB, setBy: 'workspace' } as const;
    expect(await saveUpload(files, 'ws3/job/source', bytes(2 * MB), limit)).toEqual({ size: 2 * MB });

    const tooLarge = saveUpload(files, 'ws3/big/source', bytes(12 * MB), limit);
    await expect(tooLarge).rejects.toBeInstanceOf(LimitExceededError);
    await expect(tooLarge).rejects.toThrow('The file is larger than the workspace limit of 2097152 bytes (2.1 MB)');
    const empty = saveUpload(files, 'ws3/empty/source', Readable.from([]), limit);
    await expect(empty).rejects.toBeInstanceOf(ValidationError);
    await expect(empty).rejects.toThrow('file: The file is empty');
    expect(await files.list('ws3')).toEqual(['ws3/job/source']);
  });

  it('says a key holds nothing with FileNotFoundError, to read and to copy', async () => {
    await expect(files.read('ws4/job/errors.csv')).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(files.localCopy('ws4/job/errors.csv')).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await files.list('ws4')).toEqual([]);
  });

  it('hands out a local copy to read at random; removing it leaves the stored file', async () => {
    await files.save('ws5/job/source', Readable.from([Buffer.from('PK\u0003\u0004 and the rest')]));
    const copy = await files.localCopy('ws5/job/source');
    expect(await readFile(copy.path, 'utf8')).toBe('PK\u0003\u0004 and the rest');
    await copy.remove();
    if (kind === 'S3 bucket') expect(existsSync(copy.path)).toBe(false);
    expect(await text(files, 'ws5/job/source')).toBe('PK\u0003\u0004 and the rest');
  });

  it("deletes files and a job's folder; what is not there is no error", async () => {
    for (const key of ['ws6/a/source', 'ws6/a/errors.csv', 'ws6/a/result.csv', 'ws6/b/source']) {
      await files.save(key, Readable.from([Buffer.from(key)]));
    }
    await files.delete(['ws6/a/errors.csv', 'ws6/a/never-saved.csv']);
    expect((await files.list('ws6/a')).sort()).toEqual(['ws6/a/result.csv', 'ws6/a/source']);
    await files.deleteFolder('ws6/a');
    await files.deleteFolder('ws6/none');
    expect(await files.list('ws6')).toEqual(['ws6/b/source']);
    expect(await text(files, 'ws6/b/source')).toBe('ws6/b/source');
  });

  it('refuses keys that could reach outside the store', async () => {
    for (const key of ['../escape', 'ws/../../escape', '/absolute', 'ws//double', '.hidden', 'ws/job/']) {
      await expect(files.save(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(`Unsafe file key: ${JSON.stringify(key)}`);
      expect(() => files.location(key)).toThrow('Unsafe file key');
    }
  });

  it('writes a CSV into the store as its rows come; a writer that fails leaves nothing', async () => {
    await writeCsvFile(files, 'ws7/job/result.csv', ['Name', 'Note'], async (writer) => {
      for (let row = 0; row < 100_000; row += 1) await writer.write([`Person ${row}`, row % 2 ? 'two\nlines' : '=1+1']);
    });
    const lines = (await text(files, 'ws7/job/result.csv')).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['\uFEFFName,Note', "Person 0,'=1+1", 'Person 1,"two\nlines"']);
    expect(lines).toHaveLength(100_002);

    const failed = writeCsvFile(files, 'ws7/job/errors.csv', ['Name'], async (writer) => {
      for (let row = 0; row < 200_000; row += 1) await writer.write([`Person ${row} ${'x'.repeat(40)}`]);
      throw new Error('the database went away');
    });
    await expect(failed).rejects.toThrow('the database went away');
    expect(await files.list('ws7')).toEqual(['ws7/job/result.csv']);
  });

  it('probes readiness by writing a small file and removing it, and names what failed when it cannot', async () => {
    const before = await store.everything();
    await files.probe();
    expect(await store.everything()).toEqual(before);

    const failure = await (await store.broken()).probe().then(
      () => undefined,
      (error: { code?: string; name: string }) => error.code ?? error.name,
    );
    expect(failure).toBe(kind === 'S3 bucket' ? 'NoSuchBucket' : 'ENOTDIR');
  });
});

describe('two stores on one bucket, under different prefixes', () => {
  it('keep apart', async () => {
    const [a, b] = [s3.store('a/'), s3.store('b/')];
    await a.save('ws/job/source', Readable.from([Buffer.from('in a')]));
    expect(await b.list('ws')).toEqual([]);
    await expect(b.read('ws/job/source')).rejects.toBeInstanceOf(FileNotFoundError);
    await b.deleteFolder('ws');
    expect(await text(a, 'ws/job/source')).toBe('in a');
  });
});
