import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_PATH } from '../../src/server/app.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/**
 * GraphQL over HTTP conformance, checked with graphql-http's server audits against the real listening
 * server. Every audit must pass — MUST and SHOULD, and the MAY ones too, since the server meets them
 * all and each is behaviour worth keeping (no mutations over GET, 400 for malformed parameters).
 *
 * The audits only send `__typename` and `__type(...)`, which a caller without a key may run; they run
 * once without a key and once with a READ key, so authenticating does not change the protocol.
 */
let testApp: TestApp;
let readKey: string;

beforeAll(async () => {
  testApp = await startTestApp();
  readKey = (await testApp.createWorkspace('Audit workspace')).keys.READ;
});

afterAll(async () => {
  await testApp?.close();
});

const callers = [
  { name: 'without an API key', authorization: () => undefined },
  { name: 'with a READ key', authorization: () => `Bearer ${readKey}` },
];

describe.each(callers)('graphql-http server audits $name', ({ authorization }) => {
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
    it(`${audit.id} ${audit.name}`, async () => {
      expect(await describeResult(await audit.fn())).toBe('ok');
    });
  }
});

/** `ok`, or the audit's reason with the response that failed it, so a failure explains itself. */
async function describeResult(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  const body = await result.response.text().catch(() => '(body already read)');
  return `${result.status}: ${result.reason}; HTTP ${result.response.status} ${result.response.headers.get('content-type')}: ${body.slice(0, 500)}`;
}
