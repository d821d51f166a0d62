/** A bench's client of the HTTP API, as any client calls it: GraphQL over POST, multipart uploads, SSE subscriptions. */
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { sseEvents } from '../test/support/sse.ts';

export class BenchApi {
  constructor(
    readonly origin: string,
    private readonly key: string,
  ) {}

  /** One operation; GraphQL errors are thrown. */
  // biome-ignore lint/suspicious/noExplicitAny: a bench's queries are plain strings, and their data is read as the query shapes it.
  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.origin}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  /** A GraphQL multipart request with `file` as the variable at `variablePath`. */
  // biome-ignore lint/suspicious/noExplicitAny: as for gql.
  async upload<T = any>(query: string, variablePath: string, file: string, type = 'text/csv'): Promise<T> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables: { input: { file: null } } }));
    form.append('map', JSON.stringify({ 0: [variablePath] }));
    form.append('0', await openAsBlob(file, { type }), path.basename(file));
    const response = await fetch(`${this.origin}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${this.key}` }, body: form });
    const body = await response.json();
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  /** A subscription over SSE (POST, Accept: text/event-stream): each event's data, until the server completes it. */
  // biome-ignore lint/suspicious/noExplicitAny: as for gql.
  async *subscribe<T = any>(query: string, variables: Record<string, unknown>): AsyncGenerator<T> {
    const response = await fetch(`${this.origin}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
    });
    if (!response.headers.get('content-type')?.includes('text/event-stream')) throw new Error(`no event stream: ${await response.text()}`);
    for await (const { event, data } of sseEvents(response.body)) {
      if (event === 'complete') return;
      if (!data) continue;
      const body = JSON.parse(data);
      if (body.errors) throw new Error(`subscription errors: ${JSON.stringify(body.errors)}`);
      yield body.data;
    }
  }

  /** POSTs `body` as JSON to `url` and reads the answer to its end, counting its bytes and lines (LF-ended). */
  async post(url: string, body: unknown): Promise<{ bytes: number; lines: number }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
    }
    return { bytes, lines };
  }

  /** Downloads a file URL the API handed out, counting its bytes. */
  async download(url: string): Promise<number> {
    const response = await fetch(url, { headers: { authorization: `Bearer ${this.key}` } });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    return bytes;
  }
}
