import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';

/**
 * Downloads streamed from the database hold a pool connection while their client reads: clients
 * that never read cannot take more than their slots, the others (and /healthz) go on, and every
 * download has a deadline.
 */

const DownloadExportUrl = graphql(`
  query DownloadExportUrl {
    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }
  }
`);

/** Enough contacts that their export outgrows the socket buffers of a client that never reads. */
const CONTACTS = 60_000;
const DEADLINE_MS = 4_000;

const app = useTestApp({ worker: false, downloadLimits: { total: 3, perWorkspace: 2, deadlineMs: DEADLINE_MS } });
let crowded: TestWorkspace;
let other: TestWorkspace;
const open: ClientRequest[] = [];

beforeAll(async () => {
  crowded = await app.createWorkspace();
  other = await app.createWorkspace();
  await app.db.pool.query(
    `INSERT INTO contacts (workspace_id, first_name, last_name, name, custom_fields)
     SELECT $1, 'First' || i, repeat('Last', 200) || i, 'First' || i, '{}' FROM generate_series(1, $2::int) AS i`,
    [crowded.id, CONTACTS],
  );
});

afterAll(async () => {
  for (const request of open) request.destroy();
});

async function exportUrl(key: string): Promise<string> {
  const { contactExport } = await app.data(DownloadExportUrl, {}, key);
  if (contactExport.__typename !== 'ContactExport') throw new Error(JSON.stringify(contactExport));
  return contactExport.url;
}

/** Starts a download and never reads it; resolves with the response once its head arrived. */
function stalledDownload(url: string, key: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { authorization: `Bearer ${key}` } }, (response) => {
      response.pause();
      resolve(response);
    });
    request.on('error', reject);
    request.end();
    open.push(request);
  });
}

describe('database-streamed downloads', () => {
  it("refuse a workspace's third download at once while two never read, and serve the others meanwhile", async () => {
    const key = crowded.keys.READ;
    const url = await exportUrl(key);
    const first = await stalledDownload(url, key);
    const second = await stalledDownload(url, key);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);

    const refused = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: expect.stringContaining('At most 2 downloads of a workspace (3 in all)'),
      code: 'TOO_MANY_DOWNLOADS',
    });

    const started = performance.now();
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const otherDownload = await fetch(await exportUrl(other.keys.READ), { headers: { authorization: `Bearer ${other.keys.READ}` } });
    expect(otherDownload.status).toBe(200);
    expect((await otherDownload.text()).split('\r\n')).toHaveLength(2); // the header row of an empty list
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS);

    // A stalled download that goes frees its slot.
    first.destroy();
    await expect
      .poll(
        async () =>
          await fetch(url, { method: 'GET', headers: { authorization: `Bearer ${key}` } }).then(async (response) => {
            await response.body?.cancel();
            return response.status;
          }),
        { timeout: 5_000 },
      )
      .toBe(200);
    second.destroy();
  }, 60_000);

  it('cut a download that is still going at its deadline, and free its slot', async () => {
    // Test 1's downloads may still hold their slots for a moment: wait until the workspace has both.
    const key = crowded.keys.ADMIN;
    const url = new URL(await exportUrl(key));
    await expect.poll(() => app.app.downloads.running, { timeout: 10_000 }).toBe(0);
    // A raw socket that sends the request and reads nothing: the server's writes back up at once.
    const socket = connect(Number(url.port), url.hostname);
    socket.pause();
    socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${key}\r\n\r\n`);
    const started = performance.now();
    await expect.poll(() => app.app.downloads.running, { timeout: 2_000 }).toBe(1);
    // The server cuts it at the deadline (a client that reads nothing may not even notice), and its slot is free.
    await expect.poll(() => app.app.downloads.running, { timeout: DEADLINE_MS + 3_000, interval: 100 }).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(DEADLINE_MS - 500);
    socket.destroy();
    // Its slot is free again: the workspace can download twice at once.
    const key2 = crowded.keys.WRITE;
    const again = await Promise.all([stalledDownload(url.toString(), key2), stalledDownload(url.toString(), key2)]);
    expect(again.map((response) => response.statusCode)).toEqual([200, 200]);
  }, 30_000);
});
