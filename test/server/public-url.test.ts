import { request } from 'node:http';
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { graphql } from '../generated/gql.ts';
import type { PublicLinksQuery } from '../generated/graphql.ts';
import { useTestApp, type TestApp, type TestWorkspace } from '../support/app.ts';
import { download, importCsv } from '../support/imports.ts';
import { signedLink } from '../support/links.ts';

/** Every kind of link the API hands out: the import template, an export, audience recipients, an import's files. */
const PublicLinks = graphql(`
  query PublicLinks($jobId: ID!) {
    importTemplateUrl
    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }
    audience(input: { channel: SMS, addresses: ["+12025550143"] }) { __typename ... on Audience { recipientsUrl } ... on Error { message } }
    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }
  }
`);

/** The links, asked for over HTTP with `host` as the request's Host header. */
async function linksFor(app: TestApp, host: string, key: string, jobId: string): Promise<PublicLinksQuery> {
  const { hostname, port } = new URL(app.url);
  const body = JSON.stringify({ query: print(PublicLinks), variables: { jobId } });
  const text = await new Promise<string>((resolve, reject) => {
    const sent = request(
      {
        host: hostname,
        port,
        path: '/graphql',
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
      },
      (response) => {
        let received = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          received += chunk;
        });
        response.on('end', () => resolve(received));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
  return JSON.parse(text).data;
}

/** The links over graphql-ws, which has no Host header of its own to go by. */
async function linksOverWebSocket(app: TestApp, key: string, jobId: string): Promise<PublicLinksQuery> {
  const client = app.wsClient({ authorization: `Bearer ${key}` });
  const result = await client.iterate<PublicLinksQuery>({ query: print(PublicLinks), variables: { jobId } }).next();
  return result.value.data;
}

function links(data: PublicLinksQuery): string[] {
  const { importTemplateUrl, contactExport, audience, importJob } = data;
  if (contactExport.__typename !== 'ContactExport' || audience.__typename !== 'Audience' || importJob.__typename !== 'ImportJob') {
    throw new Error(JSON.stringify(data));
  }
  return [importTemplateUrl, contactExport.url, audience.recipientsUrl, importJob.errorFileUrl!, importJob.resultFileUrl!];
}

/** The links without the query of a signed one, which holds the moment it was signed (an export's request stays). */
function unsigned(handedOut: string[]): string[] {
  return handedOut.map((link) => link.replace(/[?&]expires=.*$/, ''));
}

/** A workspace with an import that has both an error file and a result file. */
async function workspaceWithImport(app: TestApp): Promise<{ workspace: TestWorkspace; jobId: string }> {
  const workspace = await app.createWorkspace();
  const job = await importCsv(app, workspace.keys.WRITE, 'Email\nada@links.test\nnope\n', { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
  return { workspace, jobId: job.id };
}

const PUBLIC_URL = 'https://contacts.example.com/switchboard';

describe('with PUBLIC_URL', () => {
  const app = useTestApp({ publicUrl: readConfig({ PUBLIC_URL: `${PUBLIC_URL}/` }).publicUrl });
  let workspace: TestWorkspace;
  let jobId: string;
  beforeAll(async () => {
    ({ workspace, jobId } = await workspaceWithImport(app));
  });

  it('every link starts with it, whatever Host the request names', async () => {
    const handedOut = links(await linksFor(app, 'evil.example', workspace.keys.READ, jobId));
    expect(handedOut).toEqual([
      expect.stringMatching(signedLink(`${PUBLIC_URL}/files/import-template.csv`)),
      expect.stringMatching(new RegExp(`^${PUBLIC_URL}/files/exports/contacts\\.csv\\?request=[A-Za-z0-9_-]+&expires=`)),
      `${PUBLIC_URL}/audiences/recipients.csv`,
      expect.stringMatching(signedLink(`${PUBLIC_URL}/files/imports/*/errors.csv`)),
      expect.stringMatching(signedLink(`${PUBLIC_URL}/files/imports/*/result.csv`)),
    ]);
    expect(unsigned(links(await linksOverWebSocket(app, workspace.keys.READ, jobId)))).toEqual(unsigned(handedOut));
  });

  it('names routes this server answers (behind a proxy that maps the URL onto it)', async () => {
    const [template, , , errors] = links(await linksFor(app, 'evil.example', workspace.keys.READ, jobId));
    expect(await download(`${app.url}${template!.slice(PUBLIC_URL.length)}`, workspace.keys.READ)).toContain('Email');
    expect(await download(`${app.url}${errors!.slice(PUBLIC_URL.length)}`, workspace.keys.READ)).toContain('nope');
  });
});

describe('without PUBLIC_URL', () => {
  const app = useTestApp();
  let workspace: TestWorkspace;
  let jobId: string;
  beforeAll(async () => {
    ({ workspace, jobId } = await workspaceWithImport(app));
  });

  it("links follow the request's Host header, and the address listened on over WebSocket", async () => {
    const overHttp = links(await linksFor(app, 'contacts.internal:8080', workspace.keys.READ, jobId));
    expect(overHttp.map((link) => new URL(link).origin)).toEqual(Array(5).fill('http://contacts.internal:8080'));
    const overWebSocket = links(await linksOverWebSocket(app, workspace.keys.READ, jobId));
    expect(overWebSocket.map((link) => new URL(link).origin)).toEqual(Array(5).fill(app.url));
  });
});

describe('PUBLIC_URL, as read at start-up', () => {
  it('is an absolute http(s) URL, with a path or not; trailing slashes are trimmed', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(readConfig({ PUBLIC_URL: 'https://contacts.example.com/' }).publicUrl).toBe('https://contacts.example.com');
    expect(readConfig({ PUBLIC_URL: 'http://10.0.0.5:4000' }).publicUrl).toBe('http://10.0.0.5:4000');
    expect(readConfig({ PUBLIC_URL: 'https://example.com/api/switchboard//' }).publicUrl).toBe('https://example.com/api/switchboard');
  });

  it('refuses anything else, naming the variable', () => {
    for (const value of [
      'contacts.example.com',
      '/switchboard',
      'ftp://contacts.example.com',
      'https://contacts.example.com/?tenant=1',
      'https://contacts.example.com/#top',
      'https://user:secret@contacts.example.com',
    ]) {
      expect(() => readConfig({ PUBLIC_URL: value })).toThrow(`PUBLIC_URL must be an absolute http(s) URL without query, fragment or credentials`);
    }
  });
});
