import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { GraphQLScalarType } from 'graphql';
import type { FileUpload } from 'graphql-upload-minimal';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFileKeys, saveUpload } from '../../src/files/file-store.ts';
import { LocalFileStore } from '../../src/files/local-file-store.ts';
import { uploadScalarConfig } from '../../src/schema/upload-scalar.ts';
import { useStreamingUploads } from '../../src/server/upload.ts';

type NodeContext = { req: IncomingMessage; res: ServerResponse };
const WORKSPACE = randomUUID();
const MB = 1024 * 1024;
const UPLOAD_MUTATION = 'mutation ($file: Upload!, $maxBytes: Float) { uploadSize(file: $file, maxBytes: $maxBytes) }';

let root: string;
let store: LocalFileStore;
/** Every path a resolver saved to, to check that rejected uploads leave nothing behind. */
const targets: string[] = [];
const servers: Server[] = [];

/** A one-field API that stores the upload in a file store (`saveUpload`) and answers its size. */
async function startServer(options: { maxFileSize: number; maxRequestBodySize?: number }): Promise<string> {
  const schema = createSchema<NodeContext>({
    typeDefs: /* GraphQL */ `
      scalar Upload
      type Query {
        ok: Boolean
      }
      type Mutation {
        uploadSize(file: Upload!, maxBytes: Float): Float
        echo(text: String!): Int
      }
    `,
    resolvers: {
      Upload: new GraphQLScalarType({ name: 'Upload', ...uploadScalarConfig }),
      Query: { ok: () => true },
      Mutation: {
        uploadSize: async (_: unknown, args: { file: Promise<FileUpload>; maxBytes?: number }) => {
          const upload = await args.file;
          const key = importFileKeys(WORKSPACE, randomUUID()).source;
          targets.push(store.location(key));
          const { size } = await saveUpload(store, key, upload.createReadStream(), {
            bytes: args.maxBytes ?? options.maxFileSize,
            setBy: 'workspace',
          });
          return size;
        },
        echo: (_: unknown, args: { text: string }) => args.text.length,
      },
    },
  });
  const yoga = createYoga<NodeContext>({
    schema,
    plugins: [useStreamingUploads(options)],
    multipart: false,
    maxRequestBodySize: false,
    maskedErrors: false,
    logging: false,
  });
  const server = createServer((req, res) => void yoga(req, res, { req, res }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

let bigUrl: string;
let smallUrl: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'upload-'));
  store = new LocalFileStore(root);
  bigUrl = await startServer({ maxFileSize: 400 * MB });
  smallUrl = await startServer({ maxFileSize: 1 * MB, maxRequestBodySize: 10_000 });
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await rm(root, { recursive: true, force: true });
});

interface UploadResponse {
  data?: unknown;
  errors?: { message: string }[];
}

/** A standard client's multipart request: FormData with the file as a Blob. */
async function sendForm(url: string, file: Blob, variables: Record<string, unknown> = {}): Promise<{ status: number; body: UploadResponse }> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: UPLOAD_MUTATION, variables: { ...variables, file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', file, 'contacts.csv');
  const response = await fetch(url, { method: 'POST', body: form });
  return { status: response.status, body: await response.json() };
}

/**
 * A multipart request whose file part is generated while it is sent: neither side of the test
 * holds the file.
 */
function streamedUpload(
  size: number,
  variables: Record<string, unknown> = {},
): { body: ReadableStream<Uint8Array>; contentType: string; length: number } {
  const boundary = `----switchboard-${randomUUID()}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n` +
    `${JSON.stringify({ query: UPLOAD_MUTATION, variables: { ...variables, file: null } })}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const line = Buffer.from('Ada Lovelace,+12025550143,ada@example.com\n');
  const chunk = Buffer.alloc(256 * 1024);
  for (let offset = 0; offset < chunk.length; offset += line.length) line.copy(chunk, offset);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(Buffer.from(head));
    },
    pull(controller) {
      if (sent >= size) {
        controller.enqueue(Buffer.from(tail));
        controller.close();
        return;
      }
      const length = Math.min(chunk.length, size - sent);
      sent += length;
      // The same bytes each time, never copied: 300 MB of discarded copies would linger in RSS
      // (V8 is slow to collect memory outside its heap) and blur what the server does.
      controller.enqueue(chunk.subarray(0, length));
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}`, length: Buffer.byteLength(head) + size + tail.length };
}

describe('useStreamingUploads', () => {
  it('stores a multipart upload from a standard client', async () => {
    const content = 'name,phone\nAda,+12025550143\n';
    const { status, body } = await sendForm(bigUrl, new Blob([content], { type: 'text/csv' }));
    expect(status).toBe(200);
    expect(body).toEqual({ data: { uploadSize: Buffer.byteLength(content) } });
    expect(await readFile(targets.at(-1)!, 'utf8')).toBe(content);
  });

  it('streams a 300 MB upload to disk without the server holding it', { timeout: 120_000 }, async () => {
    const size = 300 * MB;
    const { body, contentType } = streamedUpload(size);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const response = await fetch(bigUrl, { method: 'POST', headers: { 'content-type': contentType }, body, duplex: 'half' } as RequestInit);
      expect(await response.json()).toEqual({ data: { uploadSize: size } });
    } finally {
      clearInterval(sampler);
    }
    const after = process.memoryUsage().rss;
    const growth = (peak - before) / MB;
    console.log(
      `upload: ${size / MB} MB; RSS ${(before / MB).toFixed(0)} MB before, ${(after / MB).toFixed(0)} MB after, peak growth ${growth.toFixed(1)} MB`,
    );
    // Client and server share this process; buffering the upload on either side would add 300 MB.
    expect(growth).toBeLessThan(100);
    await rm(targets.at(-1)!);
  });

  it('refuses a file over maxFileSize and keeps nothing of it', async () => {
    const { status, body } = await sendForm(smallUrl, new Blob([Buffer.alloc(3 * MB, 'a')]));
    expect(status).toBe(200);
    expect(body.data).toEqual({ uploadSize: null });
    expect(body.errors?.[0]?.message).toBe(`The file is larger than the workspace limit of ${MB} bytes (1 MB)`);
    expect(existsSync(targets.at(-1)!)).toBe(false);
  });

  it('refuses a file over the workspace limit given to saveUpload, below the server’s cap', async () => {
    const { body } = await sendForm(bigUrl, new Blob([Buffer.alloc(2 * MB, 'a')]), { maxBytes: 1_000_000 });
    expect(body.errors?.[0]?.message).toBe('The file is larger than the workspace limit of 1000000 bytes (1 MB)');
    expect(existsSync(targets.at(-1)!)).toBe(false);
  });

  it('closes the connection of a refused upload instead of reading the rest of it', { timeout: 30_000 }, async () => {
    // A raw HTTP/1.1 client that sends the whole body whatever the answer, as curl does (fetch
    // stops sending once answered).
    const upload = streamedUpload(50 * MB, { maxBytes: 1_000_000 });
    const socket = connect(Number(new URL(bigUrl).port), '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.setEncoding('utf8').on('data', (data: string) => (received += data));
    // The server resets the connection: a write error, then `close`.
    socket.on('error', () => {});
    const closed = new Promise((resolve) => socket.once('close', resolve));
    let sent = 0;
    const write = (chunk: string | Uint8Array) =>
      new Promise<boolean>((resolve) => {
        if (socket.destroyed) return resolve(false);
        socket.write(chunk, (error) => resolve(!error));
      });
    await write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${upload.contentType}\r\nContent-Length: ${upload.length}\r\n\r\n`);
    for await (const chunk of Readable.fromWeb(upload.body as NodeReadableStream)) {
      if (!(await write(chunk))) break;
      sent += chunk.length;
    }
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received.toLowerCase()).toContain('connection: close');
    expect(received).toMatch(/The file is larger than the workspace limit of 1000000 bytes/);
    expect(sent).toBeLessThan(upload.length / 2);
    expect(existsSync(targets.at(-1)!)).toBe(false);
    const next = await fetch(bigUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    expect(await next.json()).toEqual({ data: { ok: true } });
  });

  it('refuses an empty file and keeps nothing of it', async () => {
    const { body } = await sendForm(bigUrl, new Blob([]));
    expect(body.errors?.[0]?.message).toBe('file: The file is empty');
    expect(existsSync(targets.at(-1)!)).toBe(false);
  });

  it('refuses more than one file per request', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: UPLOAD_MUTATION, variables: { file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'], 1: ['variables.other'] }));
    form.set('0', new Blob(['a']), 'a.csv');
    form.set('1', new Blob(['b']), 'b.csv');
    const response = await fetch(bigUrl, { method: 'POST', body: form });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].message).toBe('1 max file uploads exceeded.');
  });

  it('refuses an Upload written in the query', async () => {
    const response = await fetch(bigUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { uploadSize(file: "x") }' }),
    });
    expect((await response.json()).errors[0].message).toMatch(/Upload cannot be written in the query/);
  });

  it('still serves ordinary JSON requests', async () => {
    const response = await fetch(bigUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ok }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ok: true } });
  });

  it('limits the body of other requests, with or without a Content-Length', async () => {
    const query = { query: 'mutation ($text: String!) { echo(text: $text) }', variables: { text: 'x'.repeat(20_000) } };
    const sized = await fetch(smallUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query) });
    expect(sized.status).toBe(413);
    const chunked = await fetch(smallUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Readable.toWeb(Readable.from([JSON.stringify(query)])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const small = await fetch(smallUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...query, variables: { text: 'short' } }),
    });
    expect(await small.json()).toEqual({ data: { echo: 5 } });
  });
});
