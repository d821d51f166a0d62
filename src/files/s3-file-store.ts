import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { checkKey, FileNotFoundError, scratchFolder, type FileStore, type LocalCopy } from './file-store.ts';

/** The size of a multipart upload's parts: S3's smallest. A file under it is sent with one PUT. */
const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
const UPLOAD_PARTS_IN_FLIGHT = 2;

export interface S3FileStoreOptions {
  bucket: string;
  /** Put before every key: empty, or ending with `/` (`switchboard/`). */
  prefix: string;
  /** An S3-compatible server's URL (MinIO, Ceph, R2, …); AWS's own endpoint when undefined. */
  endpoint: string | undefined;
  region: string;
  /** Buckets addressed as `endpoint/bucket/key` rather than `bucket.endpoint/key`, as most S3-compatible servers want. */
  forcePathStyle: boolean;
  /** The SDK's own lookup (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role) when undefined. */
  credentials?: S3ClientConfig['credentials'];
}

/**
 * Files as objects in an S3 bucket, under a prefix. Every process of an installation reads and
 * writes the same bucket, so API and worker processes need no shared disk. Saves stream: a file is
 * sent in parts as its bytes come (a multipart upload, a single PUT for one under a part's size),
 * and appears in the bucket only once complete; a failed save aborts the upload.
 */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3FileStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
    });
  }

  get description(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  location(key: string): string {
    return `${this.prefix}${checkKey(key)}`;
  }

  async save(key: string, content: NodeJS.ReadableStream): Promise<{ size: number }> {
    const objectKey = this.location(key);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    // The content's own failure (an upload over its limit, a CSV writer given up) is what the
    // caller must see, rather than the upload's report of a broken body or of the abort that follows.
    let contentError: unknown;
    content.once('error', (error) => {
      contentError ??= error;
    });
    pipeline(content, counter).catch(() => {});
    // Two parts in flight and one filling: a save holds some 15 MiB in memory at most.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: objectKey, Body: counter },
      queueSize: UPLOAD_PARTS_IN_FLIGHT,
      partSize: UPLOAD_PART_BYTES,
    });
    try {
      await upload.done();
    } catch (error) {
      const cause = contentError ?? error;
      // The upload stopped reading: the content is not read any further.
      counter.destroy();
      throw cause;
    }
    return { size };
  }

  async read(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.location(key) }));
      return object.Body as Readable;
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') throw new FileNotFoundError(key);
      throw error;
    }
  }

  async localCopy(key: string): Promise<LocalCopy> {
    const folder = await scratchFolder();
    const file = path.join(folder.path, path.basename(key));
    try {
      await pipeline(await this.read(key), createWriteStream(file));
    } catch (error) {
      await folder.remove();
      throw error;
    }
    return { path: file, remove: folder.remove };
  }

  async list(folder: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.location(folder)}/`, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(this.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /** One DELETE per object: multi-object delete is not offered by every S3-compatible server, and a job has three files. */
  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.location(key) }))));
  }

  async deleteFolder(folder: string): Promise<void> {
    await this.delete(await this.list(folder));
  }

  async probe(): Promise<void> {
    const key = `${this.prefix}readiness-probe-${randomUUID()}`;
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: 'ok' }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
