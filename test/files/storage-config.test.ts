import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { LocalFileStore } from '../../src/files/local-file-store.ts';
import { openFileStore } from '../../src/files/open-file-store.ts';
import { S3FileStore } from '../../src/files/s3-file-store.ts';

describe('STORAGE and the S3_ variables, as read at start-up', () => {
  it('keeps files in DATA_DIR/files by default', () => {
    const config = readConfig({ DATA_DIR: '/srv/switchboard' });
    expect(config.storage).toEqual({ kind: 'local' });
    const files = openFileStore(config);
    expect(files).toBeInstanceOf(LocalFileStore);
    expect(files.description).toBe(path.resolve('/srv/switchboard/files'));
  });

  it('keeps them in a bucket with STORAGE=s3, the prefix ending with one slash', () => {
    const config = readConfig({
      STORAGE: 's3',
      S3_BUCKET: 'acme-contacts',
      S3_PREFIX: '/switchboard/files/',
      S3_ENDPOINT: 'https://minio.example.com:9000',
      S3_REGION: 'eu-west-3',
      S3_FORCE_PATH_STYLE: '1',
    });
    expect(config.storage).toEqual({
      kind: 's3',
      bucket: 'acme-contacts',
      prefix: 'switchboard/files/',
      endpoint: 'https://minio.example.com:9000',
      region: 'eu-west-3',
      forcePathStyle: true,
    });
    const files = openFileStore(config);
    expect(files).toBeInstanceOf(S3FileStore);
    expect(files.description).toBe('s3://acme-contacts/switchboard/files/');
    expect(files.location('ws/job/source')).toBe('switchboard/files/ws/job/source');
  });

  it("takes AWS's endpoint, AWS_REGION (else us-east-1) and no prefix unless told", () => {
    expect(readConfig({ STORAGE: 's3', S3_BUCKET: 'b' }).storage).toEqual({
      kind: 's3',
      bucket: 'b',
      prefix: '',
      endpoint: undefined,
      region: 'us-east-1',
      forcePathStyle: false,
    });
    expect(readConfig({ STORAGE: 's3', S3_BUCKET: 'b', AWS_REGION: 'ap-south-1' }).storage).toMatchObject({ region: 'ap-south-1' });
  });

  it('refuses a start that would not keep files where the operator meant, naming the variable', () => {
    const refusals: [NodeJS.ProcessEnv, string][] = [
      [{ STORAGE: 'gcs' }, 'STORAGE must be local or s3, got "gcs"'],
      [{ STORAGE: 's3' }, 'STORAGE=s3 needs S3_BUCKET, the name of the bucket to keep files in'],
      [{ S3_BUCKET: 'b' }, 'S3_BUCKET is set but STORAGE is not s3: set STORAGE=s3 to keep files in the bucket, or unset S3_BUCKET'],
      [
        { STORAGE: 's3', S3_BUCKET: 'b', S3_PREFIX: 'a//b' },
        'S3_PREFIX must be a key prefix like switchboard/files (no empty, . or .. parts), got "a//b"',
      ],
      [{ STORAGE: 's3', S3_BUCKET: 'b', S3_PREFIX: '../up' }, 'S3_PREFIX must be a key prefix'],
      [
        { STORAGE: 's3', S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' },
        'S3_ENDPOINT must be an http(s) URL like https://minio.example.com:9000, got "minio:9000"',
      ],
      [{ STORAGE: 's3', S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE must be 1 (on) or 0 (off), got "yes"'],
    ];
    for (const [env, message] of refusals) expect(() => readConfig(env)).toThrow(message);
  });
});
