import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';

const WorkspaceName = graphql(`
  query WorkspaceName {
    workspace { id name }
  }
`);

const AddContact = graphql(`
  mutation AddContact($input: CreateContactInput!) {
    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }
  }
`);

const ReadContact = graphql(`
  query ReadContact($id: ID!) {
    contact(id: $id) { __typename ... on Contact { id name } ... on Error { message } }
  }
`);

const ContactCount = graphql(`
  query ContactCount {
    contacts(first: 1) { totalCount }
  }
`);

const RenameContact = graphql(`
  mutation RenameContact($input: UpdateContactInput!) {
    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }
  }
`);

const RemoveContact = graphql(`
  mutation RemoveContact($id: ID!) {
    deleteContact(id: $id) { __typename ... on Error { message } }
  }
`);

const NewKey = graphql(`
  mutation NewKey($name: String!, $scope: ApiKeyScope!) {
    createApiKey(name: $name, scope: $scope) {
      __typename
      ... on CreatedApiKey { secret apiKey { id name scope prefix } }
      ... on Error { message }
    }
  }
`);

const Revoke = graphql(`
  mutation Revoke($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { message } }
  }
`);

const Keys = graphql(`
  query Keys {
    apiKeys { id name scope revokedAt }
  }
`);

const Typename = graphql(`
  query Typename {
    __typename
  }
`);

const app = useTestApp();
let acme: TestWorkspace;
let globex: TestWorkspace;
let acmeContactId: string;

beforeAll(async () => {
  acme = await app.createWorkspace('Acme');
  globex = await app.createWorkspace('Globex');
  const { createContact } = await app.data(
    AddContact,
    { input: { name: 'Wile E', details: [{ kind: 'EMAIL', value: 'wile@acme.test' }] } },
    acme.keys.WRITE,
  );
  if (createContact.__typename !== 'Contact') throw new Error(createContact.message);
  acmeContactId = createContact.id;
});

describe('API keys over HTTP', () => {
  it('answers __typename without a key but refuses data, saying how to authenticate', async () => {
    expect((await app.request(Typename, {}, null)).body.data).toEqual({ __typename: 'Query' });
    const { body } = await app.request(WorkspaceName, {}, null);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('Authorization: Bearer'), extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an unknown key and a malformed header with HTTP 401', async () => {
    const unknown = await app.request(WorkspaceName, {}, 'sb_not-a-real-key');
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.message).toBe('The API key is unknown or has been revoked');

    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].message).toContain('Bearer');
  });

  it('lets READ keys read but not write, and WRITE keys write but not manage keys', async () => {
    expect(await app.data(WorkspaceName, {}, acme.keys.READ)).toEqual({ workspace: { id: acme.id, name: 'Acme' } });
    const write = await app.request(AddContact, { input: { details: [{ kind: 'EMAIL', value: 'read@acme.test' }] } }, acme.keys.READ);
    expect(write.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('READ key'), extensions: { code: 'FORBIDDEN' } });
    const { rows } = await app.db.pool.query("SELECT count(*)::int AS n FROM contact_details WHERE value = 'read@acme.test'");
    expect(rows[0].n).toBe(0);

    const keys = await app.request(NewKey, { name: 'ci', scope: 'READ' }, acme.keys.WRITE);
    expect(keys.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('issues and revokes keys with an ADMIN key; a revoked key gets 401', async () => {
    const { createApiKey } = await app.data(NewKey, { name: 'deploy', scope: 'WRITE' }, acme.keys.ADMIN);
    if (createApiKey.__typename !== 'CreatedApiKey') throw new Error(createApiKey.message);
    expect(createApiKey.secret).toMatch(/^sb_/);
    expect(createApiKey.apiKey).toMatchObject({ name: 'deploy', scope: 'WRITE', prefix: createApiKey.secret.slice(0, 10) });
    expect((await app.data(WorkspaceName, {}, createApiKey.secret)).workspace.name).toBe('Acme');

    const { rows } = await app.db.pool.query('SELECT secret_hash FROM api_keys WHERE id = $1', [createApiKey.apiKey.id]);
    expect(rows[0].secret_hash).not.toContain(createApiKey.secret);

    const { revokeApiKey } = await app.data(Revoke, { id: createApiKey.apiKey.id }, acme.keys.ADMIN);
    expect(revokeApiKey).toMatchObject({ __typename: 'ApiKey', revokedAt: expect.any(String) });
    expect((await app.request(WorkspaceName, {}, createApiKey.secret)).status).toBe(401);
    const { apiKeys } = await app.data(Keys, {}, acme.keys.ADMIN);
    expect(apiKeys.find((key) => key.id === createApiKey.apiKey.id)?.revokedAt).toBeTruthy();
  });
});

describe('workspace isolation', () => {
  it("treats another workspace's contact exactly like one that does not exist", async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const read = await app.data(ReadContact, { id: acmeContactId }, globex.keys.WRITE);
    const readMissing = await app.data(ReadContact, { id: missing }, globex.keys.WRITE);
    expect(read.contact).toEqual({ __typename: 'NotFoundError', message: `Contact ${acmeContactId} was not found` });
    expect(readMissing.contact).toEqual({ __typename: 'NotFoundError', message: `Contact ${missing} was not found` });

    const update = await app.data(RenameContact, { input: { id: acmeContactId, name: 'Hijacked' } }, globex.keys.WRITE);
    expect(update.updateContact.__typename).toBe('NotFoundError');
    const remove = await app.data(RemoveContact, { id: acmeContactId }, globex.keys.WRITE);
    expect(remove.deleteContact.__typename).toBe('NotFoundError');

    expect(await app.data(ReadContact, { id: acmeContactId }, acme.keys.READ)).toEqual({
      contact: { __typename: 'Contact', id: acmeContactId, name: 'Wile E' },
    });
    expect((await app.data(ContactCount, {}, globex.keys.READ)).contacts.totalCount).toBe(0);
  });

  it("cannot revoke another workspace's key", async () => {
    const { rows } = await app.db.pool.query('SELECT id FROM api_keys WHERE workspace_id = $1 AND revoked_at IS NULL LIMIT 1', [acme.id]);
    const { revokeApiKey } = await app.data(Revoke, { id: rows[0].id }, globex.keys.ADMIN);
    expect(revokeApiKey.__typename).toBe('NotFoundError');
    const still = await app.db.pool.query('SELECT revoked_at FROM api_keys WHERE id = $1', [rows[0].id]);
    expect(still.rows[0].revoked_at).toBeNull();
  });
});

describe('GraphQL over WebSocket (graphql-ws)', () => {
  it('runs queries and mutations with the key from the connection params', async () => {
    const client = app.wsClient({ authorization: `Bearer ${acme.keys.WRITE}` });
    const query = await client.iterate({ query: '{ workspace { name } }' }).next();
    expect(query.value).toEqual({ data: { workspace: { name: 'Acme' } } });

    const mutation = await client
      .iterate({
        query: 'mutation($input: CreateContactInput!) { createContact(input: $input) { __typename ... on Contact { name } } }',
        variables: { input: { name: 'Over Socket', details: [{ kind: 'EMAIL', value: 'ws@acme.test' }] } },
      })
      .next();
    expect(mutation.value).toEqual({ data: { createContact: { __typename: 'Contact', name: 'Over Socket' } } });
  });

  it('applies the same scopes as HTTP', async () => {
    const client = app.wsClient({ authorization: `Bearer ${acme.keys.READ}` });
    const result = await client.iterate({ query: 'mutation { deleteContact(id: "00000000-0000-4000-8000-000000000000") { __typename } }' }).next();
    expect(result.value.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('closes a connection that presents an unknown key', async () => {
    const client = app.wsClient({ authorization: 'Bearer sb_wrong' });
    await expect(client.iterate({ query: '{ workspace { name } }' }).next()).rejects.toMatchObject({ code: 4403 });
  });
});
