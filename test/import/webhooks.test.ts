import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookDelivery } from '../../src/services/webhook-delivery.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { importCsv, validateCsv, waitWhile } from '../support/imports.ts';
import { startReceiver, verifyReceived, type Received, type Receiver } from '../support/webhook-receiver.ts';

const CreateWebhook = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      __typename
      ... on CreatedWebhook { secret webhook { id url createdAt } }
      ... on ValidationError { message issues { path message } }
      ... on Error { message }
    }
  }
`);

const DeleteWebhook = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id) {
      __typename
      ... on Webhook { id url }
      ... on Error { message }
    }
  }
`);

const Webhooks = graphql(`
  query Webhooks {
    webhooks {
      id
      url
      deliveries(first: 10) {
        totalCount
        edges { node { id status event jobStatus attempts nextAttemptAt deliveredAt gaveUpAt lastError payload job { id status } } }
      }
    }
  }
`);

const CancelImport = graphql(`
  mutation CancelForWebhook($jobId: ID!) {
    cancelContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { id status }
      ... on Error { message }
    }
  }
`);

const RevertImport = graphql(`
  mutation RevertForWebhook($jobId: ID!) {
    revertContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { id status }
      ... on Error { message }
    }
  }
`);

/** What a receiver does by hand: recompute the HMAC-SHA256 of "id.timestamp.body" keyed with the bytes of the secret. */
function signatureIsValid(secret: string, request: Received): boolean {
  const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
  const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
    .update(signed)
    .digest('base64');
  return request.headers['webhook-signature'] === `v1,${expected}`;
}

/** A secret of the client's own choosing, in the Standard Webhooks form. */
const OWN_SECRET = `whsec_${Buffer.from('a secret of our own, 32 bytes!!!').toString('base64')}`;

const CSV = 'Name,Phone\nAda Lovelace,+12025550101\nGrace Hopper,+12025550102\n';
const OPTIONS = { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' } as const;

const app = useTestApp();
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

async function created(workspace: TestWorkspace, input: { url: string; secret?: string }) {
  const { createWebhook } = await app.data(CreateWebhook, { input }, workspace.keys.ADMIN);
  if (createWebhook.__typename !== 'CreatedWebhook') throw new Error(createWebhook.message);
  return createWebhook;
}

describe('managing webhooks', () => {
  let workspace: TestWorkspace;
  beforeAll(async () => {
    workspace = await app.createWorkspace();
  });

  it('needs an ADMIN key', async () => {
    const { body } = await app.request(CreateWebhook, { input: { url: 'https://example.com/hook' } }, workspace.keys.WRITE);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await app.request(Webhooks, {}, workspace.keys.READ);
    expect(list.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses URLs that are not absolute http or https, and secrets too short', async () => {
    for (const url of ['ftp://example.com/hook', 'example.com/hook', 'https://user:pw@example.com/hook', 'javascript:alert(1)']) {
      const { createWebhook } = await app.data(CreateWebhook, { input: { url } }, workspace.keys.ADMIN);
      expect(createWebhook).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'url'] }] });
    }
    const { createWebhook } = await app.data(CreateWebhook, { input: { url: 'https://example.com/hook', secret: 'short' } }, workspace.keys.ADMIN);
    expect(createWebhook).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'secret'] }] });
    expect((await app.data(Webhooks, {}, workspace.keys.ADMIN)).webhooks).toEqual([]);
  });

  it('creates (showing the secret once), lists and deletes, within the workspace only', async () => {
    const generated = await created(workspace, { url: 'https://example.com/a' });
    expect(generated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const given = await created(workspace, { url: 'http://example.com/b', secret: OWN_SECRET });
    expect(given.secret).toBe(OWN_SECRET);

    const { webhooks } = await app.data(Webhooks, {}, workspace.keys.ADMIN);
    expect(webhooks.map((webhook) => webhook.url)).toEqual(['https://example.com/a', 'http://example.com/b']);

    const other = await app.createWorkspace('Other');
    expect((await app.data(Webhooks, {}, other.keys.ADMIN)).webhooks).toEqual([]);
    const { deleteWebhook: foreign } = await app.data(DeleteWebhook, { id: generated.webhook.id }, other.keys.ADMIN);
    expect(foreign).toMatchObject({ __typename: 'NotFoundError' });
    const { deleteWebhook: malformed } = await app.data(DeleteWebhook, { id: 'nope' }, workspace.keys.ADMIN);
    expect(malformed).toMatchObject({ __typename: 'ValidationError' });

    const { deleteWebhook } = await app.data(DeleteWebhook, { id: generated.webhook.id }, workspace.keys.ADMIN);
    expect(deleteWebhook).toEqual({ __typename: 'Webhook', id: generated.webhook.id, url: 'https://example.com/a' });
    expect((await app.data(Webhooks, {}, workspace.keys.ADMIN)).webhooks.map((webhook) => webhook.id)).toEqual([given.webhook.id]);
  });
});

describe('delivering', () => {
  it('posts a signed summary when an import completes, and retries after a failed attempt', async () => {
    const workspace = await app.createWorkspace();
    const webhook = await created(workspace, { url: `${receiver.url}/flaky`, secret: OWN_SECRET });
    const delivery = startWebhookDelivery({
      db: app.db,
      settings: app.webhooks,
      retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000 },
      pollIntervalMs: 20,
    });
    try {
      const job = await importCsv(app, workspace.keys.WRITE, CSV, OPTIONS);
      await expect.poll(() => receiver.received.filter((request) => request.path === '/flaky').length, { timeout: 10_000 }).toBe(2);
      const [first, second] = receiver.received.filter((request) => request.path === '/flaky');
      for (const request of [first!, second!]) {
        expect(signatureIsValid(OWN_SECRET, request)).toBe(true);
        expect(verifyReceived(OWN_SECRET, request)).toBe('valid');
        expect(request.headers).toMatchObject({ 'content-type': 'application/json', 'x-switchboard-event': 'import.finished' });
        expect(Number(request.headers['webhook-timestamp'])).toBeCloseTo(request.at / 1000, -1);
      }
      expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(200);
      expect(signatureIsValid(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, first!)).toBe(false);

      const payload = JSON.parse(second!.body);
      expect(payload).toMatchObject({
        id: first!.headers['webhook-id'],
        event: 'import.finished',
        workspaceId: workspace.id,
        // The payload names the job by its bare UUID, as files do.
        job: {
          id: uuidOf(job.id),
          status: 'COMPLETED',
          totalRows: 2,
          counts: { created: 2, updated: 0, skipped: 0, failed: 0 },
          failureReason: null,
        },
      });
      expect(payload.job.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

      await expect
        .poll(async () => (await app.data(Webhooks, {}, workspace.keys.ADMIN)).webhooks[0]!.deliveries.edges.map((edge) => edge.node))
        .toEqual([
          expect.objectContaining({
            id: payload.id,
            status: 'DELIVERED',
            attempts: 2,
            lastError: null,
            nextAttemptAt: null,
            job: { id: job.id, status: 'COMPLETED' },
          }),
        ]);
      expect(webhook.webhook.url).toBe(`${receiver.url}/flaky`);
    } finally {
      await delivery.stop();
    }
  });

  it('shows the event each delivery delivered, whatever became of the job since', async () => {
    const workspace = await app.createWorkspace();
    const key = workspace.keys.WRITE;
    await created(workspace, { url: `${receiver.url}/undone` });
    const delivery = startWebhookDelivery({ db: app.db, settings: app.webhooks, pollIntervalMs: 20 });
    const deliveries = async () => (await app.data(Webhooks, {}, workspace.keys.ADMIN)).webhooks[0]!.deliveries.edges.map((edge) => edge.node);
    try {
      const job = await importCsv(app, key, CSV, OPTIONS);
      await expect.poll(deliveries, { timeout: 10_000 }).toEqual([
        expect.objectContaining({
          status: 'DELIVERED',
          event: 'import.finished',
          jobStatus: 'COMPLETED',
          job: { id: job.id, status: 'COMPLETED' },
        }),
      ]);

      expect((await app.data(RevertImport, { jobId: job.id }, key)).revertContactImport).toMatchObject({ status: 'REVERTING' });
      await waitWhile(app, key, job.id, ['REVERTING']);
      await expect.poll(deliveries, { timeout: 10_000 }).toEqual([
        expect.objectContaining({ status: 'DELIVERED', event: 'import.finished', jobStatus: 'REVERTED', job: { id: job.id, status: 'REVERTED' } }),
        // The first delivery told of the completed import, and still says so; its job is the job now.
        expect.objectContaining({ status: 'DELIVERED', event: 'import.finished', jobStatus: 'COMPLETED', job: { id: job.id, status: 'REVERTED' } }),
      ]);
    } finally {
      await delivery.stop();
    }
  });

  it("gives up after the last attempt, recording each receiver's failure; other workspaces' webhooks hear nothing", async () => {
    const flakyBefore = receiver.received.filter((request) => request.path === '/flaky').length;
    const workspace = await app.createWorkspace();
    await created(workspace, { url: `${receiver.url}/down` });
    await created(workspace, { url: `${receiver.url}/slow` });
    const delivery = startWebhookDelivery({
      db: app.db,
      settings: app.webhooks,
      retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 50 },
      pollIntervalMs: 20,
      timeoutMs: 300,
    });
    try {
      await importCsv(app, workspace.keys.WRITE, CSV, OPTIONS);
      const deliveries = async () =>
        Object.fromEntries(
          (await app.data(Webhooks, {}, workspace.keys.ADMIN)).webhooks.map((webhook) => [
            new URL(webhook.url).pathname,
            webhook.deliveries.edges[0]?.node,
          ]),
        );
      await expect.poll(deliveries, { timeout: 10_000 }).toEqual({
        '/down': expect.objectContaining({
          status: 'FAILED',
          attempts: 2,
          lastError: 'receiver answered 5xx',
          nextAttemptAt: null,
          deliveredAt: null,
        }),
        '/slow': expect.objectContaining({ status: 'FAILED', attempts: 2, lastError: 'delivery failed: no answer in time' }),
      });
      const failed = await deliveries();
      expect(failed['/down']!.gaveUpAt).not.toBeNull();
    } finally {
      await delivery.stop();
    }
    expect(receiver.received.filter((request) => request.path === '/down')).toHaveLength(2);
    expect(receiver.received.filter((request) => request.path === '/flaky')).toHaveLength(flakyBefore);
  });
});

describe('the outbox', () => {
  it('records one delivery per webhook, with the final state, for every way a job ends', async () => {
    const workspace = await app.createWorkspace();
    const key = workspace.keys.WRITE;
    const webhook = await created(workspace, { url: 'http://127.0.0.1:9/not-listening' });

    const cancelled = await validateCsv(app, key, CSV, OPTIONS);
    expect((await app.data(CancelImport, { jobId: cancelled.id }, key)).cancelContactImport).toMatchObject({ status: 'CANCELLED' });
    const reverted = await importCsv(app, key, 'Name,Phone\nEve Example,+12025550199\n', OPTIONS);
    expect((await app.data(RevertImport, { jobId: reverted.id }, key)).revertContactImport).toMatchObject({ status: 'REVERTING' });
    await waitWhile(app, key, reverted.id, ['REVERTING']);

    const { webhooks } = await app.data(Webhooks, {}, workspace.keys.ADMIN);
    expect(webhooks.map((each) => each.id)).toEqual([webhook.webhook.id]);
    const events = webhooks[0]!.deliveries.edges.map((edge) => edge.node.payload as { job: { id: string; status: string } });
    expect(events.map((event) => [event.job.id, event.job.status]).reverse()).toEqual([
      [uuidOf(cancelled.id), 'CANCELLED'],
      [uuidOf(reverted.id), 'COMPLETED'],
      [uuidOf(reverted.id), 'REVERTED'],
    ]);
  });
});
