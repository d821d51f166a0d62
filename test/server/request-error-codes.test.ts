import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';

/**
 * Request errors carry a code whatever the transport: a variable that does not fit its type
 * `BAD_USER_INPUT`, a document that does not parse `GRAPHQL_PARSE_FAILED`, one that does not
 * validate `GRAPHQL_VALIDATION_FAILED`.
 */

const FirstContacts = graphql(`
  query FirstContacts($first: Int) {
    contacts(first: $first) { totalCount }
  }
`);

const RequiredFirst = graphql(`
  query RequiredFirst($first: Int!) {
    contacts(first: $first) { totalCount }
  }
`);

const WatchJobById = graphql(`
  subscription WatchJobById($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status }
  }
`);

const app = useTestApp({ worker: false });
let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await app.createWorkspace();
});

/** The cases: a request, and the code its one error carries. */
const CASES = [
  { name: 'a variable of the wrong type', query: print(FirstContacts), variables: { first: 'x' }, code: 'BAD_USER_INPUT' },
  { name: 'a required variable missing', query: print(RequiredFirst), variables: {}, code: 'BAD_USER_INPUT' },
  { name: 'a subscription variable of the wrong type', query: print(WatchJobById), variables: { jobId: { id: 1 } }, code: 'BAD_USER_INPUT' },
  { name: 'a document that does not parse', query: 'query { contacts( }', variables: {}, code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'an argument literal of the wrong type',
    query: 'query { contacts(first: "x") { totalCount } }',
    variables: {},
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'an unknown field', query: 'query { nope }', variables: {}, code: 'GRAPHQL_VALIDATION_FAILED' },
];

async function post(body: { query: string; variables: unknown }, accept: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${workspace.keys.READ}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('request errors over HTTP', () => {
  it.each(CASES.filter((entry) => !entry.name.startsWith('a subscription')))(
    '$name: $code, 400 with application/graphql-response+json',
    async ({ query, variables, code }) => {
      const { status, body } = await post({ query, variables }, 'application/graphql-response+json');
      expect(status).toBe(400);
      expect(body).not.toHaveProperty('data');
      expect(body.errors).toEqual([{ message: expect.any(String), locations: expect.any(Array), extensions: { code } }]);
    },
  );

  it('answers 200 with the same codes to a client that accepts only application/json', async () => {
    for (const { query, variables, code } of CASES.filter((entry) => !entry.name.startsWith('a subscription'))) {
      const { status, body } = await post({ query, variables }, 'application/json');
      expect(status, query).toBe(200);
      expect(body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual([code]);
    }
  });

  it('names the variable and the type it needs', async () => {
    const { body } = await post({ query: print(FirstContacts), variables: { first: 'x' } }, 'application/graphql-response+json');
    expect(body.errors[0].message).toBe('Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"');
  });

  it('leaves a request with fitting variables alone', async () => {
    const { status, body } = await post({ query: print(FirstContacts), variables: { first: 5 } }, 'application/graphql-response+json');
    expect({ status, body }).toEqual({ status: 200, body: { data: { contacts: { totalCount: 0 } } } });
  });
});

describe('request errors over WebSocket', () => {
  it.each(CASES)('$name: $code', async ({ query, variables, code }) => {
    const client = app.wsClient({ authorization: `Bearer ${workspace.keys.READ}` });
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query, variables: variables as Record<string, unknown> },
        { next: (result) => resolve(result.errors), error: (error) => resolve(error), complete: () => resolve('completed without errors') },
      );
    });
    expect(errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: expect.objectContaining({ code }) })]);
  });
});
