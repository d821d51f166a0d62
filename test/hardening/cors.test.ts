import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { GRAPHQL_PATH } from '../../src/server/app.ts';
import { CSRF_HEADER } from '../../src/server/cross-origin.ts';
import { startTestApp, type TestApp, type TestWorkspace } from '../support/app.ts';

/**
 * Browsers: only the pages of the origins in CORS_ORIGINS may read the API's answers (no origin is
 * reflected), and a POST a page could send without a preflight (a multipart upload, a form) is
 * refused unless it carries a key or the CSRF header.
 */
const ALLOWED = 'https://app.example.com';
const REFUSED = 'https://evil.example.net';

let app: TestApp;
let unconfigured: TestApp;
let workspace: TestWorkspace;

beforeAll(async () => {
  [app, unconfigured] = await Promise.all([startTestApp({ worker: false, corsOrigins: [ALLOWED] }), startTestApp({ worker: false })]);
  workspace = await app.createWorkspace('CORS');
});

afterAll(() => Promise.all([app?.close(), unconfigured?.close()]));

function preflight(target: TestApp, origin: string) {
  return fetch(`${target.url}${GRAPHQL_PATH}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

function query(target: TestApp, origin: string, key?: string) {
  return fetch(`${target.url}${GRAPHQL_PATH}`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: '{ workspace { name } }' }),
  });
}

function upload(headers: Record<string, string>) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: 'mutation($file: Upload!) { startContactImport(input: { file: $file }) { __typename ... on ImportJob { totalRows } } }',
      variables: { file: null },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob(['Name,Phone\nAda,+12025550143\n'], { type: 'text/csv' }), 'contacts.csv');
  return fetch(`${app.url}${GRAPHQL_PATH}`, { method: 'POST', headers, body: form });
}

describe('CORS', () => {
  it('answers the preflight of a listed origin with its CORS headers, and a refused origin with none', async () => {
    const allowed = await preflight(app, ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const refused = await preflight(app, REFUSED);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('gives the answer to a listed origin only, and says it varies with the origin', async () => {
    const allowed = await query(app, ALLOWED, workspace.keys.READ);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('vary')).toContain('Origin');
    expect(await allowed.json()).toEqual({ data: { workspace: { name: 'CORS' } } });

    const refused = await query(app, REFUSED, workspace.keys.READ);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('vary')).toContain('Origin');
  });

  it('reflects no origin when none is configured', async () => {
    for (const origin of [ALLOWED, REFUSED, 'null']) {
      expect((await preflight(unconfigured, origin)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await query(unconfigured, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('lets a listed origin fetch the downloads with its key: preflight, file, and the file name exposed', async () => {
    const routes = [
      { path: '/files/import-template.csv', method: 'GET', methods: 'GET, HEAD' },
      { path: '/files/exports/contacts.csv?request=x', method: 'GET', methods: 'GET' },
      { path: '/audiences/recipients.csv', method: 'POST', methods: 'POST' },
    ];
    for (const { path, method, methods } of routes) {
      const ask = (target: TestApp, origin: string) =>
        fetch(`${target.url}${path}`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' },
        });
      const allowed = await ask(app, ALLOWED);
      expect(allowed.status, path).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin'), path).toBe(ALLOWED);
      expect(allowed.headers.get('access-control-allow-methods'), path).toBe(methods);
      expect(allowed.headers.get('access-control-allow-headers'), path).toBe('authorization, content-type');
      expect(allowed.headers.get('vary'), path).toContain('Origin');
      for (const refused of [await ask(app, REFUSED), await ask(unconfigured, ALLOWED)]) {
        expect(refused.status, path).toBe(204);
        expect(refused.headers.get('access-control-allow-origin'), path).toBeNull();
        expect(refused.headers.get('access-control-allow-methods'), path).toBeNull();
      }
    }

    const template = await fetch(`${app.url}/files/import-template.csv`, {
      headers: { origin: ALLOWED, authorization: `Bearer ${workspace.keys.READ}` },
    });
    expect(template.status).toBe(200);
    expect(template.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(template.headers.get('access-control-expose-headers')).toContain('content-disposition');
    expect(template.headers.get('content-disposition')).toContain('import-template.csv');
    expect(await template.text()).toContain('First name,Last name');

    const elsewhere = await fetch(`${app.url}/files/import-template.csv`, {
      headers: { origin: REFUSED, authorization: `Bearer ${workspace.keys.READ}` },
    });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins', () => {
    expect(readConfig({ CORS_ORIGINS: ` ${ALLOWED}, http://localhost:3000 ` }).corsOrigins).toEqual([ALLOWED, 'http://localhost:3000']);
    expect(readConfig({}).corsOrigins).toEqual([]);
    expect(() => readConfig({ CORS_ORIGINS: 'https://app.example.com/path' })).toThrow('CORS_ORIGINS must list origins');
    expect(() => readConfig({ CORS_ORIGINS: '*' })).toThrow('got "*"');
  });
});

describe('CSRF', () => {
  it('refuses a multipart or plain-text POST with neither a key nor the CSRF header, before reading it', async () => {
    const form = await upload({ origin: REFUSED });
    expect(form.status).toBe(403);
    expect((await form.json()).errors[0]).toMatchObject({
      message: `A POST with multipart/form-data must carry the header "${CSRF_HEADER}" (any value)`,
      extensions: { code: 'CSRF_HEADER_MISSING' },
    });

    const text = await fetch(`${app.url}${GRAPHQL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(text.status).toBe(403);
  });

  it('lets an upload with a key through, and a keyless one with the header reach the usual authentication answer', async () => {
    const keyed = await upload({ authorization: `Bearer ${workspace.keys.WRITE}` });
    expect(await keyed.json()).toEqual({ data: { startContactImport: { __typename: 'ImportJob', totalRows: 1 } } });

    const keyless = await upload({ [CSRF_HEADER]: '1' });
    expect((await keyless.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('leaves GET and JSON requests as they are', async () => {
    const get = await fetch(`${app.url}${GRAPHQL_PATH}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const json = await query(app, REFUSED);
    expect(json.status).not.toBe(403);
  });
});
