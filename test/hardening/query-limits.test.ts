import { getIntrospectionQuery, print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_PATH } from '../../src/server/app.ts';
import { MAX_ALIASES, MAX_DIRECTIVES, MAX_QUERY_COST, MAX_QUERY_DEPTH, MAX_TOKENS } from '../../src/server/operation-limits.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { createContact, createGroup } from '../support/operations.ts';

/**
 * No single operation can hold the server: documents are limited in tokens, aliases, directives and
 * depth, and their cost grows with every page size they ask for, so nested pages multiply. Each
 * refusal names its limit and comes before anything runs, over HTTP, SSE and WebSocket alike, while
 * another workspace's ordinary query answers. Without a key, neither the schema nor a subscription
 * is served.
 */

const LimitsBystander = graphql(`
  query LimitsBystander {
    contacts(first: 20) { totalCount edges { node { id name details { kind value status } } } }
  }
`);

/** A contact's groups' members' groups: 100 × 10 × 500 members read, one query per group. */
const LimitsNestedPages = graphql(`
  query LimitsNestedPages {
    contacts(first: 100) { edges { node { groups { members(first: 500) { edges { node { groups { name } } } } } } } }
  }
`);

/** The same nesting with the page size in a variable. */
const LimitsNestedBySize = graphql(`
  query LimitsNestedBySize($size: Int) {
    contacts(first: $size) { edges { node { groups { name members(first: $size) { edges { node { name } } } } } } }
  }
`);

const LimitsTypename = graphql(`
  query LimitsTypename {
    __typename
  }
`);

const app = useTestApp({ worker: false });
let attacker: TestWorkspace;
let bystander: TestWorkspace;

beforeAll(async () => {
  attacker = await app.createWorkspace('Attacker');
  bystander = await app.createWorkspace('Bystander');
  for (const workspace of [attacker, bystander]) {
    await createContact(app, workspace.keys.WRITE, { name: 'Ada Lovelace', details: [{ kind: 'EMAIL', value: 'ada@example.com' }] });
    await createGroup(app, workspace.keys.WRITE, { name: 'Everyone', type: 'STATIC' });
  }
});

/** One POST of a raw GraphQL request. */
async function post(body: Record<string, unknown>, key: string | null, accept = 'application/graphql-response+json') {
  const response = await fetch(`${app.url}${GRAPHQL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, bytes: text.length, text, body: accept.includes('json') ? JSON.parse(text) : undefined };
}

/** The bystander's ordinary page of contacts, and /healthz: the server still answers others. */
async function othersStillServed() {
  expect((await app.data(LimitsBystander, {}, bystander.keys.READ)).contacts.edges).toHaveLength(1);
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
}

describe('introspection', () => {
  it('is refused without a key, even aliased 200 times, and answers with a key', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Contact") { name } }']) {
      const { body } = await post({ query }, null);
      expect(body.data ?? null).toBeNull();
      expect(body.errors[0]).toMatchObject({ message: expect.stringContaining('Authorization: Bearer'), extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect((await app.request(LimitsTypename, {}, null)).body.data).toEqual({ __typename: 'Query' });

    const aliased = Array.from({ length: 200 }, (_, index) => `s${index}: __schema { types { name } }`).join(' ');
    const refused = await post({ query: `{ ${aliased} }` }, null);
    expect(refused.body.errors[0]).toMatchObject({
      message: `The document has 200 aliases, more than the limit of ${MAX_ALIASES}`,
      extensions: { code: 'TOO_MANY_ALIASES', limit: MAX_ALIASES },
    });
    expect(refused.bytes).toBeLessThan(2_000);

    const keyed = await post({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }, attacker.keys.READ);
    expect(keyed.status).toBe(200);
    expect(keyed.body.errors).toBeUndefined();
    expect(keyed.body.data.__schema.types.map((type: { name: string }) => type.name)).toContain('Contact');
    await othersStillServed();
  });
});

describe('query cost', () => {
  it('refuses nested pages by their multiplied cost before running them, while another workspace is served', async () => {
    const [refused, other] = await Promise.all([
      app.request(LimitsNestedPages, {}, attacker.keys.READ),
      app.data(LimitsBystander, {}, bystander.keys.READ),
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    const [error] = refused.body.errors!;
    expect(error!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: MAX_QUERY_COST });
    expect(error!.extensions!.cost).toBeGreaterThan(6_000_000);
    expect(error!.message).toBe(
      `Query cost ${(error!.extensions!.cost as number).toLocaleString('en')} exceeds the limit of ${MAX_QUERY_COST.toLocaleString('en')}: ask for smaller pages (first) or fewer nested lists`,
    );
    expect(other.contacts.totalCount).toBe(1);
    await othersStillServed();
  });

  it('counts page sizes given in variables', async () => {
    const large = await app.request(LimitsNestedBySize, { size: 500 }, attacker.keys.READ);
    expect(large.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: MAX_QUERY_COST });
    const small = await app.data(LimitsNestedBySize, { size: 5 }, attacker.keys.READ);
    expect(small.contacts.edges[0]!.node.groups).toEqual([]);
  });

  it('refuses many aliases of a large page by their count, and fewer of them by their summed cost', async () => {
    const page = 'contacts(first: 500) { edges { node { id name tags details { kind value } } } }';
    const forty = await post({ query: `{ ${Array.from({ length: 40 }, (_, index) => `p${index}: ${page}`).join(' ')} }` }, attacker.keys.READ);
    expect(forty.body.errors[0]).toMatchObject({
      message: `The document has 40 aliases, more than the limit of ${MAX_ALIASES}`,
      extensions: { code: 'TOO_MANY_ALIASES' },
    });

    const withinAliases = await post(
      { query: `{ ${Array.from({ length: MAX_ALIASES }, (_, index) => `p${index}: ${page}`).join(' ')} }` },
      attacker.keys.READ,
    );
    expect(withinAliases.body.data).toBeUndefined();
    expect(withinAliases.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: MAX_QUERY_COST });
    await othersStillServed();
  });
});

describe('document shape', () => {
  it('refuses a selection nested deeper than the depth limit', async () => {
    let selection = 'id';
    for (let level = 0; level < 4; level++) selection = `groups { members(first: 1) { edges { node { ${selection} } } } }`;
    const { body } = await post({ query: `{ contacts(first: 1) { edges { node { ${selection} } } } }` }, attacker.keys.READ);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`^Query depth \\d+ exceeds the limit of ${MAX_QUERY_DEPTH}`)),
      extensions: { code: 'QUERY_TOO_DEEP', limit: MAX_QUERY_DEPTH },
    });
  });

  it('refuses a document of more tokens than the limit before parsing it', async () => {
    const { status, body } = await post({ query: `{ contacts(first: 1) { edges { node { ${'id '.repeat(MAX_TOKENS)} } } } }` }, attacker.keys.READ);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: `The document has more than ${MAX_TOKENS.toLocaleString('en')} tokens, the limit: send a shorter operation`,
      extensions: { code: 'TOO_MANY_TOKENS', limit: MAX_TOKENS },
    });
  });

  it('refuses more directives than the limit', async () => {
    const { body } = await post({ query: `{ workspace { ${'name @include(if: true) '.repeat(MAX_DIRECTIVES + 1)} } }` }, attacker.keys.READ);
    expect(body.errors[0]).toMatchObject({
      message: `The document has ${MAX_DIRECTIVES + 1} directives, more than the limit of ${MAX_DIRECTIVES}`,
      extensions: { code: 'TOO_MANY_DIRECTIVES', limit: MAX_DIRECTIVES },
    });
  });
});

interface SseEvent {
  event: string;
  data?: { errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The events of a Yoga SSE response, parsed. */
async function sseEvents(body: Record<string, unknown>, key: string | null): Promise<{ status: number; events: SseEvent[] }> {
  const { status, text } = await post(body, key, 'text/event-stream');
  const events = text
    .split('\n\n')
    .filter((block) => block.trim() && !block.startsWith(':'))
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return { event, data: data ? JSON.parse(data) : undefined };
    });
  return { status, events };
}

const COSTLY_SUBSCRIPTION =
  'subscription { contactImportProgress(jobId: "00000000-0000-4000-8000-000000000000") { id preview(first: 100000) { rowNumber values } } }';

describe('subscriptions and WebSocket operations', () => {
  it('refuses a subscription without a key over SSE with the answer a query gets, not a 500', async () => {
    const { status, events } = await sseEvents(
      { query: 'subscription { contactImportProgress(jobId: "00000000-0000-4000-8000-000000000000") { id status } }' },
      null,
    );
    expect(status).not.toBe(500);
    const errors = events.flatMap((event) => event.data?.errors ?? []);
    expect(errors[0]).toMatchObject({ message: expect.stringContaining('Authorization: Bearer'), extensions: { code: 'UNAUTHENTICATED' } });
    expect(JSON.stringify(events)).not.toContain('Unexpected error');
  });

  it('closes a keyless graphql-ws connection with the authentication code before any operation runs', async () => {
    const client = app.wsClient({});
    await expect(
      client.iterate({ query: 'subscription { contactImportProgress(jobId: "00000000-0000-4000-8000-000000000000") { id } }' }).next(),
    ).rejects.toMatchObject({
      code: 4401,
    });
  });

  it('applies the cost limit to a subscription over SSE', async () => {
    const { events } = await sseEvents({ query: COSTLY_SUBSCRIPTION }, attacker.keys.READ);
    const errors = events.flatMap((event) => event.data?.errors ?? []);
    expect(errors[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: MAX_QUERY_COST });
  });

  it('applies every limit over graphql-ws, then serves the socket as before', async () => {
    const client = app.wsClient({ authorization: `Bearer ${attacker.keys.READ}` });
    const first = async (query: string) => {
      try {
        return (await client.iterate({ query }).next()).value;
      } catch (errors) {
        return { errors };
      }
    };
    const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

    expect(codeOf(await first(print(LimitsNestedPages)))).toBe('QUERY_TOO_COMPLEX');
    expect(codeOf(await first(COSTLY_SUBSCRIPTION))).toBe('QUERY_TOO_COMPLEX');
    expect(codeOf(await first(`{ ${Array.from({ length: MAX_ALIASES + 1 }, (_, index) => `a${index}: __typename`).join(' ')} }`))).toBe(
      'TOO_MANY_ALIASES',
    );
    expect(codeOf(await first(`{ workspace { ${'name '.repeat(MAX_TOKENS)} } }`))).toBe('TOO_MANY_TOKENS');
    expect(await first('{ workspace { name } }')).toEqual({ data: { workspace: { name: 'Attacker' } } });
    await othersStillServed();
  });
});
