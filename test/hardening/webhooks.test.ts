import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../../src/domain/webhook.ts';
import { MAX_IN_FLIGHT_PER_WORKSPACE, startWebhookDelivery } from '../../src/services/webhook-delivery.ts';
import { graphql } from '../generated/gql.ts';
import { startTestApp, type TestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { validateCsv } from '../support/imports.ts';
import { captureLogs } from '../support/logs.ts';
import { startReceiver, verifyReceived, type Receiver } from '../support/webhook-receiver.ts';

/**
 * Webhooks cannot be turned against the server's network nor one tenant against the others: URLs
 * and resolved addresses must be public, errors stored say nothing of the network, each request is
 * signed with its time (a replay fails), secrets are sealed at rest, a workspace's hanging
 * receivers do not hold up the others' deliveries, and a failing webhook is paused.
 */

const WebhookHardeningCreate = graphql(`
  mutation WebhookHardeningCreate($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      __typename
      ... on CreatedWebhook { secret webhook { id url } }
      ... on ValidationError { message issues { path message } }
      ... on Error { message }
    }
  }
`);

const WebhookHardeningList = graphql(`
  query WebhookHardeningList {
    webhooks {
      id
      url
      consecutiveFailures
      pausedUntil
      deliveries(first: 10) { edges { node { id status attempts lastError nextAttemptAt } } }
    }
  }
`);

const WebhookHardeningCancel = graphql(`
  mutation WebhookHardeningCancel($jobId: ID!) {
    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const WebhookHardeningTypeFields = graphql(`
  query WebhookHardeningTypeFields {
    webhook: __type(name: "Webhook") { fields { name } }
  }
`);

const CSV = 'Name,Phone\nAda Lovelace,+12025550101\n';
const OPTIONS = { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' } as const;
const UNREACHABLE = 'delivery failed: the receiver could not be reached';

/** The development switch on (receivers on 127.0.0.1), as the other webhook tests run. */
let app: TestApp;
/** The production default: https to public addresses only. */
let secure: TestApp;
let receiver: Receiver;
/** Paths answering 503 while listed here. */
const failing = new Set<string>();

beforeAll(async () => {
  [app, secure, receiver] = await Promise.all([
    startTestApp(),
    startTestApp({ webhooks: { allowInsecure: false } }),
    startReceiver((path) => {
      if (path.startsWith('/hang')) return null;
      if (path === '/forbidden') return 403;
      if (path === '/moved') return 302;
      return path === '/down' || failing.has(path) ? 503 : 204;
    }),
  ]);
});
afterAll(async () => {
  await receiver?.close();
  await Promise.all([app?.close(), secure?.close()]);
});

async function created(target: TestApp, workspace: TestWorkspace, input: { url: string; secret?: string }) {
  const { createWebhook } = await target.data(WebhookHardeningCreate, { input }, workspace.keys.ADMIN);
  if (createWebhook.__typename !== 'CreatedWebhook') throw new Error(createWebhook.message);
  return createWebhook;
}

/** Ends an import of the workspace at once (validated, then cancelled): one delivery per webhook. */
async function endAnImport(target: TestApp, workspace: TestWorkspace) {
  const job = await validateCsv(target, workspace.keys.WRITE, CSV, OPTIONS);
  const { cancelContactImport } = await target.data(WebhookHardeningCancel, { jobId: job.id }, workspace.keys.WRITE);
  expect(cancelContactImport).toMatchObject({ status: 'CANCELLED' });
}

async function webhooksOf(target: TestApp, workspace: TestWorkspace) {
  return (await target.data(WebhookHardeningList, {}, workspace.keys.ADMIN)).webhooks;
}

async function healthy(target: TestApp) {
  expect((await fetch(`${target.url}/healthz`)).status).toBe(200);
}

describe('webhook URLs, without the development switch', () => {
  it('refuses every spelling of a non-public address at creation, naming the rule; the server stays up', async () => {
    const workspace = await secure.createWorkspace();
    const refused: [string, RegExp][] = [
      ['https://127.0.0.1/hook', /127\.0\.0\.1 is loopback/],
      ['https://[::1]/hook', /\[::1\] is loopback/],
      ['https://2130706433/hook', /127\.0\.0\.1 is loopback/],
      ['https://0x7f.1/hook', /127\.0\.0\.1 is loopback/],
      ['https://localhost:4000/hook', /localhost is loopback/],
      ['https://10.0.0.5/hook', /10\.0\.0\.5 is private \(RFC 1918\)/],
      ['https://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is link-local/],
      ['https://100.64.1.1/hook', /shared address space \(CGNAT\)/],
      ['https://[fd00::5]/hook', /unique local/],
      ['https://[::ffff:10.0.0.5]/hook', /private \(RFC 1918\) \(IPv4-mapped\)/],
      ['https://0.0.0.0/hook', /unspecified/],
      ['https://239.1.1.1/hook', /multicast/],
      ['http://example.com/hook', /must use https/],
    ];
    for (const [url, rule] of refused) {
      const { createWebhook } = await secure.data(WebhookHardeningCreate, { input: { url } }, workspace.keys.ADMIN);
      expect(createWebhook, url).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['input', 'url'], message: expect.stringMatching(rule) }],
      });
    }
    const accepted = await created(secure, workspace, { url: 'https://hooks.example.com/switchboard' });
    expect((await webhooksOf(secure, workspace)).map((webhook) => webhook.id)).toEqual([accepted.webhook.id]);
    await healthy(secure);
  });

  it('refuses at connect time a name that resolves to a non-public address (DNS rebinding), storing a generic error', async () => {
    const workspace = await secure.createWorkspace();
    // Public-looking names, so creation takes them; what they resolve to is only known on connecting.
    await created(secure, workspace, { url: `https://rebound.example:${receiver.port}/rebound` });
    await created(secure, workspace, { url: `https://mixed.example:${receiver.port}/mixed` });
    const answers: Record<string, { address: string; family: number }[]> = {
      'rebound.example': [{ address: '127.0.0.1', family: 4 }],
      'mixed.example': [
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.8', family: 4 },
      ],
    };
    const asked: string[] = [];
    const resolve = ((hostname, _options, callback) => {
      asked.push(hostname);
      callback(null, answers[hostname] ?? []);
    }) as LookupFunction;
    const log = captureLogs();
    await endAnImport(secure, workspace);
    const delivery = startWebhookDelivery({
      db: secure.db,
      settings: secure.webhooks,
      resolve,
      retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      pollIntervalMs: 20,
      logger: log.logger,
    });
    try {
      await expect
        .poll(async () => (await webhooksOf(secure, workspace)).map((webhook) => webhook.deliveries.edges[0]?.node), { timeout: 10_000 })
        .toEqual([
          expect.objectContaining({ status: 'FAILED', lastError: UNREACHABLE }),
          expect.objectContaining({ status: 'FAILED', lastError: UNREACHABLE }),
        ]);
    } finally {
      await delivery.stop();
    }
    expect(new Set(asked)).toEqual(new Set(['rebound.example', 'mixed.example']));
    expect(receiver.to('/rebound')).toEqual([]);
    expect(receiver.to('/mixed')).toEqual([]);
    // The operator's log says why; it names no URL or port.
    expect(log.text()).toMatch(/resolves to 127\.0\.0\.1, loopback/);
    expect(log.text()).toMatch(/resolves to 10\.0\.0\.8, private \(RFC 1918\)/);
    expect(log.text()).not.toContain(String(receiver.port));
    await healthy(secure);
  });
});

describe('stored errors', () => {
  it('are one of a fixed few, whatever the network said: no port, address or error code', async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise((done) => closed.close(done));

    const workspace = await app.createWorkspace();
    const urls = {
      closed: `http://127.0.0.1:${closedPort}/closed`,
      forbidden: `${receiver.url}/forbidden`,
      moved: `${receiver.url}/moved`,
      down: `${receiver.url}/down`,
      hanging: `${receiver.url}/hang-errors`,
    };
    for (const url of Object.values(urls)) await created(app, workspace, { url });
    await endAnImport(app, workspace);
    const log = captureLogs();
    const delivery = startWebhookDelivery({
      db: app.db,
      settings: app.webhooks,
      retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      timeoutMs: 300,
      pollIntervalMs: 20,
      logger: log.logger,
    });
    const errors = async () =>
      Object.fromEntries((await webhooksOf(app, workspace)).map((webhook) => [webhook.url, webhook.deliveries.edges[0]?.node.lastError]));
    try {
      await expect.poll(errors, { timeout: 10_000 }).toEqual({
        [urls.closed]: UNREACHABLE,
        [urls.forbidden]: 'receiver answered 4xx',
        [urls.moved]: 'receiver answered 3xx (redirects are not followed)',
        [urls.down]: 'receiver answered 5xx',
        [urls.hanging]: 'delivery failed: no answer in time',
      });
    } finally {
      await delivery.stop();
    }
    expect(receiver.to('/redirected')).toEqual([]);
    // The detail is for the operator's log only.
    expect(log.text()).toMatch(/ECONNREFUSED/);
  });
});

describe('signatures and secrets', () => {
  it('sign the id, the time and the body (Standard Webhooks): a request replayed later fails verification', async () => {
    const workspace = await app.createWorkspace();
    const { secret } = await created(app, workspace, { url: `${receiver.url}/signed` });
    await endAnImport(app, workspace);
    const delivery = startWebhookDelivery({ db: app.db, settings: app.webhooks, pollIntervalMs: 20 });
    try {
      await expect.poll(() => receiver.to('/signed').length, { timeout: 10_000 }).toBe(1);
    } finally {
      await delivery.stop();
    }
    const [request] = receiver.to('/signed');
    const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = request!.headers;
    expect(id).toBe(JSON.parse(request!.body).id);
    expect(Number(timestamp)).toBeCloseTo(request!.at / 1000, -1);
    // Recomputed by hand, as a receiver without a library would.
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    expect(signature).toBe(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${request!.body}`).digest('base64')}`);

    expect(verifyReceived(secret, request!)).toBe('valid');
    // The same request, captured and sent again ten minutes later: too old.
    expect(verifyReceived(secret, request!, Number(timestamp) + 600)).toBe('stale');
    // With its timestamp brought up to date, the signature no longer matches.
    const refreshed = { ...request!, headers: { ...request!.headers, 'webhook-timestamp': String(Number(timestamp) + 600) } };
    expect(verifyReceived(secret, refreshed, Number(timestamp) + 600)).toBe('invalid');
  });

  it('are shown once, at creation, and stored sealed', async () => {
    const workspace = await app.createWorkspace();
    const { secret, webhook } = await created(app, workspace, { url: `${receiver.url}/sealed` });
    const { rows } = await app.db.pool.query('SELECT plain_secret, sealed_secret FROM webhooks WHERE workspace_id = $1 AND id = $2', [
      workspace.id,
      uuidOf(webhook.id),
    ]);
    expect(rows[0].plain_secret).toBeNull();
    expect(rows[0].sealed_secret.includes(Buffer.from(secret))).toBe(false);
    expect(rows[0].sealed_secret.includes(Buffer.from(secret.slice('whsec_'.length), 'base64'))).toBe(false);
    expect(openSecret(app.webhooks.secretKey, rows[0].sealed_secret, workspace.id)).toBe(secret);
    const { webhook: type } = await app.data(WebhookHardeningTypeFields, {}, workspace.keys.ADMIN);
    expect(type!.fields!.map((field) => field.name)).not.toContainEqual(expect.stringMatching(/secret/i));
  });

  it('stored in plain text before the upgrade are sealed by the delivery loop, and still sign', async () => {
    const workspace = await app.createWorkspace();
    // A row as the previous version left it: a secret of the client's choosing, in plain text.
    await app.db.pool.query('INSERT INTO webhooks (workspace_id, url, plain_secret) VALUES ($1, $2, $3)', [
      workspace.id,
      `${receiver.url}/legacy`,
      'a-secret-of-our-own',
    ]);
    await endAnImport(app, workspace);
    const delivery = startWebhookDelivery({ db: app.db, settings: app.webhooks, pollIntervalMs: 20 });
    try {
      await expect.poll(() => receiver.to('/legacy').length, { timeout: 10_000 }).toBe(1);
    } finally {
      await delivery.stop();
    }
    const { rows } = await app.db.pool.query('SELECT plain_secret, sealed_secret FROM webhooks WHERE workspace_id = $1', [workspace.id]);
    expect(rows[0].plain_secret).toBeNull();
    expect(openSecret(app.webhooks.secretKey, rows[0].sealed_secret, workspace.id)).toBe('a-secret-of-our-own');
    expect(verifyReceived('a-secret-of-our-own', receiver.to('/legacy')[0]!)).toBe('valid');
  });
});

describe('fairness between workspaces', () => {
  it("a workspace whose receivers never answer does not hold up another workspace's delivery", async () => {
    const [slow, quick] = await Promise.all([app.createWorkspace('Slow receivers'), app.createWorkspace('Quick receiver')]);
    for (let index = 0; index < 10; index++) await created(app, slow, { url: `${receiver.url}/hang-slow-${index}` });
    await created(app, quick, { url: `${receiver.url}/quick` });
    await endAnImport(app, slow);
    const hanging = () => receiver.received.filter((request) => request.path.startsWith('/hang-slow-')).length;
    // The production timeout (5 s): the slow workspace's attempts stay under way through the test.
    const delivery = startWebhookDelivery({ db: app.db, settings: app.webhooks, pollIntervalMs: 50 });
    try {
      await expect.poll(hanging, { timeout: 10_000 }).toBe(MAX_IN_FLIGHT_PER_WORKSPACE);
      await endAnImport(app, quick);
      const ended = Date.now();
      await expect.poll(() => receiver.to('/quick').length, { timeout: 10_000, interval: 20 }).toBe(1);
      expect(receiver.to('/quick')[0]!.at - ended).toBeLessThan(2000);
      // The slow workspace never had more than its share under way.
      expect(hanging()).toBe(MAX_IN_FLIGHT_PER_WORKSPACE);
    } finally {
      await delivery.stop();
    }
    await healthy(app);
  });

  it('a breaker pauses a failing webhook: its deliveries wait, spending no attempts, and all go once it answers', async () => {
    const workspace = await app.createWorkspace();
    failing.add('/breaker');
    await created(app, workspace, { url: `${receiver.url}/breaker` });
    await endAnImport(app, workspace);
    await endAnImport(app, workspace);
    const delivery = startWebhookDelivery({
      db: app.db,
      settings: app.webhooks,
      retry: { maxAttempts: 10, baseDelayMs: 20, maxDelayMs: 20 },
      breaker: { threshold: 3, basePauseMs: 3000, maxPauseMs: 3000 },
      pollIntervalMs: 20,
    });
    try {
      await expect.poll(async () => (await webhooksOf(app, workspace))[0]!.pausedUntil, { timeout: 10_000, interval: 20 }).not.toBeNull();
      // An attempt under way when the breaker opened is recorded too: every request the receiver got counts.
      await expect
        .poll(async () => (await webhooksOf(app, workspace))[0]!.consecutiveFailures, { interval: 20 })
        .toBe(receiver.to('/breaker').length);
      const [paused] = await webhooksOf(app, workspace);
      const tried = receiver.to('/breaker').length;
      expect(paused!.consecutiveFailures).toBeGreaterThanOrEqual(3);
      expect(paused!.pausedUntil).not.toBeNull();

      await new Promise((wait) => setTimeout(wait, 500));
      expect(receiver.to('/breaker')).toHaveLength(tried);
      const waiting = (await webhooksOf(app, workspace))[0]!.deliveries.edges.map((edge) => edge.node);
      expect(waiting).toEqual([
        expect.objectContaining({ status: 'PENDING', lastError: 'receiver answered 5xx' }),
        expect.objectContaining({ status: 'PENDING', lastError: 'receiver answered 5xx' }),
      ]);
      expect(waiting.reduce((sum, node) => sum + node.attempts, 0)).toBe(tried);

      failing.delete('/breaker');
      await expect
        .poll(async () => (await webhooksOf(app, workspace))[0]!.deliveries.edges.map((edge) => edge.node.status), { timeout: 10_000 })
        .toEqual(['DELIVERED', 'DELIVERED']);
      expect(receiver.to('/breaker')[tried]!.at).toBeGreaterThanOrEqual(new Date(paused!.pausedUntil!).getTime() - 50);
      expect(await webhooksOf(app, workspace)).toEqual([expect.objectContaining({ consecutiveFailures: 0, pausedUntil: null })]);
    } finally {
      await delivery.stop();
    }
  });
});
