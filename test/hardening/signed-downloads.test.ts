import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { graphql } from '../generated/gql.ts';
import type { SignedLinksQuery } from '../generated/graphql.ts';
import { useTestApp, type TestApp, type TestWorkspace } from '../support/app.ts';
import { download, importCsv } from '../support/imports.ts';

/**
 * The file links the API returns carry a short-lived signature, so a plain GET without the
 * Authorization header (a browser's `<a href download>`) downloads them: only that path, for that
 * workspace, until the link expires or its key is revoked. The bearer key works as before.
 */

const SignedLinks = graphql(`
  query SignedLinks($jobId: ID!) {
    importTemplateUrl
    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }
    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }
  }
`);

const TemplateLink = graphql(`
  query TemplateLink {
    importTemplateUrl
  }
`);

const NewReadKey = graphql(`
  mutation NewReadKey($name: String!) {
    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }
  }
`);

const RevokeKey = graphql(`
  mutation RevokeKey($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }
  }
`);

interface Links {
  template: string;
  export: string;
  errors: string;
  result: string;
}

async function linksOf(app: TestApp, key: string, jobId: string): Promise<Links> {
  const data: SignedLinksQuery = await app.data(SignedLinks, { jobId }, key);
  const { contactExport, importJob } = data;
  if (contactExport.__typename !== 'ContactExport' || importJob.__typename !== 'ImportJob') throw new Error(JSON.stringify(data));
  return { template: data.importTemplateUrl, export: contactExport.url, errors: importJob.errorFileUrl!, result: importJob.resultFileUrl! };
}

async function workspaceWithImport(app: TestApp): Promise<{ workspace: TestWorkspace; jobId: string }> {
  const workspace = await app.createWorkspace();
  const job = await importCsv(app, workspace.keys.WRITE, 'Email,First Name\nada@signed.test,Ada\nnope,Bad\n', {
    purpose: 'ADD_NEW_ONLY',
    identifier: 'EMAIL',
  });
  return { workspace, jobId: job.id };
}

/** A plain GET, as a browser following a link sends it: no Authorization header. */
async function plainGet(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: (await response.text()).replace(/^\uFEFF/, '') };
}

/** The refusal of a signed link: 403 and a JSON body naming why. */
async function refusal(url: string): Promise<{ status: number; reason: unknown }> {
  const response = await fetch(url);
  const body = (await response.json()) as { error: string; reason: string };
  expect(body.error).toEqual(expect.any(String));
  return { status: response.status, reason: body.reason };
}

function withParam(url: string, name: string, value: string): string {
  const changed = new URL(url);
  changed.searchParams.set(name, value);
  return changed.toString();
}

describe('signed download links', () => {
  const app = useTestApp();
  let acme: TestWorkspace;
  let acmeJob: string;
  let globex: TestWorkspace;
  let globexJob: string;
  let links: Links;
  beforeAll(async () => {
    ({ workspace: acme, jobId: acmeJob } = await workspaceWithImport(app));
    ({ workspace: globex, jobId: globexJob } = await workspaceWithImport(app));
    links = await linksOf(app, acme.keys.READ, acmeJob);
  });

  it('carry an expiry, the workspace, the key and a signature', () => {
    for (const link of Object.values(links)) {
      const params = new URL(link).searchParams;
      expect(Number(params.get('expires'))).toBeGreaterThan(Date.now() / 1000 + 890);
      expect(Number(params.get('expires'))).toBeLessThanOrEqual(Date.now() / 1000 + 900);
      expect(params.get('workspace')).toBe(acme.id);
      expect(params.get('key')).toEqual(expect.any(String));
      expect(params.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('download with a plain GET, without the Authorization header', async () => {
    expect(await plainGet(links.template)).toMatchObject({ status: 200, text: expect.stringContaining('First name') });
    expect(await plainGet(links.errors)).toMatchObject({ status: 200, text: expect.stringContaining('nope') });
    expect(await plainGet(links.result)).toMatchObject({ status: 200, text: expect.stringContaining('ada@signed.test') });
    const exported = await plainGet(links.export);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('ada@signed.test');
    const head = await fetch(links.result, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('refuse a link whose path, export request, workspace or key was changed', async () => {
    const otherFile = links.errors.replace('/errors.csv?', '/result.csv?');
    expect(await refusal(otherFile)).toEqual({ status: 403, reason: 'bad signature' });
    const otherRequest = withParam(links.export, 'request', new URL(links.export).searchParams.get('request')!.slice(0, -2));
    expect(await refusal(otherRequest)).toEqual({ status: 403, reason: 'bad signature' });
    expect(await refusal(withParam(links.result, 'workspace', globex.id))).toEqual({ status: 403, reason: 'bad signature' });
    expect(await refusal(withParam(links.result, 'expires', String(Number(new URL(links.result).searchParams.get('expires')) + 3600)))).toEqual({
      status: 403,
      reason: 'bad signature',
    });
    expect(await refusal(withParam(links.result, 'sig', 'A'.repeat(43)))).toEqual({ status: 403, reason: 'bad signature' });
    expect(await refusal(withParam(links.result, 'sig', '%%'))).toEqual({ status: 403, reason: 'bad signature' });
  });

  it("refuse another workspace's path under a valid signature", async () => {
    const theirs = await linksOf(app, globex.keys.READ, globexJob);
    for (const [mine, other] of [
      [links.result, theirs.result],
      [links.errors, theirs.errors],
    ] as const) {
      const borrowed = new URL(other);
      borrowed.search = new URL(mine).search;
      expect(await refusal(borrowed.toString())).toEqual({ status: 403, reason: 'bad signature' });
    }
    // The same workspace's file named by the other workspace's key id: the signature no longer fits.
    expect(await refusal(withParam(links.result, 'key', new URL(theirs.result).searchParams.get('key')!))).toEqual({
      status: 403,
      reason: 'bad signature',
    });
  });

  it('refuse a link missing part of its signature, and a plain path with 401', async () => {
    const partial = new URL(links.result);
    partial.searchParams.delete('expires');
    expect(await refusal(partial.toString())).toEqual({ status: 403, reason: 'incomplete link' });
    const bare = new URL(links.result);
    bare.search = '';
    const unsigned = await fetch(bare);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ error: expect.stringContaining('signed link') });
  });

  it("stop working once the link's key is revoked", async () => {
    const { createApiKey } = await app.data(NewReadKey, { name: 'browser' }, acme.keys.ADMIN);
    if (createApiKey.__typename !== 'CreatedApiKey') throw new Error(createApiKey.message);
    const own = await linksOf(app, createApiKey.secret, acmeJob);
    expect((await plainGet(own.result)).status).toBe(200);
    const { revokeApiKey } = await app.data(RevokeKey, { id: createApiKey.apiKey.id }, acme.keys.ADMIN);
    expect(revokeApiKey.__typename).toBe('ApiKey');
    expect(await refusal(own.result)).toEqual({ status: 403, reason: 'revoked key' });
    expect(await refusal(own.template)).toEqual({ status: 403, reason: 'revoked key' });
    expect(await refusal(own.export)).toEqual({ status: 403, reason: 'revoked key' });
  });

  it('still download with the bearer key, signed or not', async () => {
    const bare = new URL(links.result);
    bare.search = '';
    expect(await download(bare.toString(), acme.keys.READ)).toContain('ada@signed.test');
    expect(await download(links.errors, acme.keys.READ)).toContain('nope');
    // The bearer decides when both are there: another workspace's key does not see this job.
    const foreign = await fetch(links.result, { headers: { authorization: `Bearer ${globex.keys.READ}` } });
    expect(foreign.status).toBe(404);
  });
});

describe('signed download links with DOWNLOAD_LINK_TTL_SECONDS=1', () => {
  const app = useTestApp({ worker: false, downloadLinkTtlSeconds: readConfig({ DOWNLOAD_LINK_TTL_SECONDS: '1' }).downloadLinkTtlSeconds });
  let workspace: TestWorkspace;
  beforeAll(async () => {
    workspace = await app.createWorkspace();
  });

  it('work until their second has passed, then answer 403 expired', async () => {
    const { importTemplateUrl } = await app.data(TemplateLink, {}, workspace.keys.READ);
    const expires = Number(new URL(importTemplateUrl).searchParams.get('expires'));
    expect(expires).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
    expect((await plainGet(importTemplateUrl)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, (expires + 1) * 1000 - Date.now() + 50));
    expect(await refusal(importTemplateUrl)).toEqual({ status: 403, reason: 'expired' });
  });
});

describe('DOWNLOAD_LINK_TTL_SECONDS', () => {
  it('is 15 minutes unless set, and between 1 second and a day', () => {
    expect(readConfig({}).downloadLinkTtlSeconds).toBe(900);
    expect(readConfig({ DOWNLOAD_LINK_TTL_SECONDS: '86400' }).downloadLinkTtlSeconds).toBe(86_400);
    expect(() => readConfig({ DOWNLOAD_LINK_TTL_SECONDS: '0' })).toThrow('DOWNLOAD_LINK_TTL_SECONDS must be a whole number of 1 or more');
    expect(() => readConfig({ DOWNLOAD_LINK_TTL_SECONDS: '86401' })).toThrow('DOWNLOAD_LINK_TTL_SECONDS must be at most 86400');
  });
});
