import { serverAudits, type AuditResult } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_PATH } from '../../src/server/app.ts';
import { useTestApp } from '../support/app.ts';

/**
 * GraphQL over HTTP conformance, checked with graphql-http's server audits against the real listening
 * server. Every audit must pass — MUST and SHOULD, and the MAY ones too, since the server meets them
 * all and each is behaviour worth keeping (no mutations over GET, 400 for malformed parameters).
 *
 * The audits only send `__typename` and `__type(...)`; they run once with a READ key and once without
 * a key, so authenticating does not change the protocol. Without a key the schema is not served, so
 * the audits that send `__type(...)` are checked to be refused instead.
 */
const testApp = useTestApp();
let readKey: string;

beforeAll(async () => {
  readKey = (await testApp.createWorkspace('Audit workspace')).keys.READ;
});

/** The audits whose request asks for `__type(...)`: a caller without a key gets UNAUTHENTICATED. */
const INTROSPECTING_AUDITS = ['BF61', '2EA1', '28B9', 'D6D5', '6A70'];

const callers = [
  { name: 'without an API key', authorization: () => undefined, keyless: true },
  { name: 'with a READ key', authorization: () => `Bearer ${readKey}`, keyless: false },
];

describe.each(callers)('graphql-http server audits $name', ({ authorization, keyless }) => {
  const audits = serverAudits({
    url: () => `${testApp.url}${GRAPHQL_PATH}`,
    fetchFn: (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      const value = authorization();
      if (value) headers.set('authorization', value);
      return fetch(input, { ...init, headers });
    },
  });

  for (const audit of audits) {
    if (keyless && INTROSPECTING_AUDITS.includes(audit.id)) continue;
    it(`${audit.id} ${audit.name}`, async () => {
      expect(await describeResult(await audit.fn())).toBe('ok');
    });
  }
});

it("refuses the introspecting audits' `__type` query without a key", async () => {
  const response = await fetch(`${testApp.url}${GRAPHQL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: 'query Type($name: String!) { __type(name: $name) { name } }', variables: { name: 'sometype' } }),
  });
  expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

/** `ok`, or the audit's reason with the response that failed it, so a failure explains itself. */
async function describeResult(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  const body = await result.response.text().catch(() => '(body already read)');
  return `${result.status}: ${result.reason}; HTTP ${result.response.status} ${result.response.headers.get('content-type')}: ${body.slice(0, 500)}`;
}
