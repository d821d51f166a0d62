import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkDateRange } from '../../src/domain/date-range.ts';
import {
  breakerPauseMs,
  failureOfStatus,
  openSecret,
  parseSecretKey,
  parseWebhookUrl,
  retryDelayMs,
  sealSecret,
  signWebhook,
  verifyWebhook,
  webhookSecret,
} from '../../src/domain/webhook.ts';

const SECURE = { allowInsecure: false };
const INSECURE = { allowInsecure: true };

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };

  it('doubles the wait after each failed attempt, up to the cap, and stops after the last attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy))).toEqual([1000, 2000, 4000, 5000, null]);
  });
});

describe('breakerPauseMs', () => {
  it('pauses from the threshold on, doubling the pause with each further failure up to the cap', () => {
    const policy = { threshold: 3, basePauseMs: 1000, maxPauseMs: 5000 };
    expect([1, 2, 3, 4, 5, 6, 1000].map((failures) => breakerPauseMs(failures, policy))).toEqual([null, null, 1000, 2000, 4000, 5000, 5000]);
  });
});

describe('failureOfStatus', () => {
  it('delivers on 2xx and names the class of any other status', () => {
    expect([200, 204, 299, 301, 404, 403, 500, 503, 100, 600].map(failureOfStatus)).toEqual([
      null,
      null,
      null,
      'REDIRECT',
      'CLIENT_ERROR',
      'CLIENT_ERROR',
      'SERVER_ERROR',
      'SERVER_ERROR',
      'UNEXPECTED_STATUS',
      'UNEXPECTED_STATUS',
    ]);
  });
});

describe('parseWebhookUrl', () => {
  it('keeps absolute https URLs to public hosts, normalized', () => {
    expect(parseWebhookUrl(' https://Example.com/hooks?x=1 ', ['url'], SECURE)).toBe('https://example.com/hooks?x=1');
    expect(parseWebhookUrl('https://93.184.215.14:8443/hook', ['url'], SECURE)).toBe('https://93.184.215.14:8443/hook');
    expect(parseWebhookUrl('https://[2606:4700::1111]/hook', ['url'], SECURE)).toBe('https://[2606:4700::1111]/hook');
  });

  it('takes http and any address only with the development switch', () => {
    expect(parseWebhookUrl('http://127.0.0.1:8080', ['url'], INSECURE)).toBe('http://127.0.0.1:8080/');
    expect(() => parseWebhookUrl('http://example.com/hook', ['url'], SECURE)).toThrow(/must use https/);
  });

  it.each([
    ['https://127.0.0.1/hook', /127\.0\.0\.1 is loopback/],
    ['https://[::1]/hook', /is loopback/],
    ['https://2130706433/hook', /127\.0\.0\.1 is loopback/],
    ['https://0x7f.1/hook', /127\.0\.0\.1 is loopback/],
    ['https://0177.0.0.1/hook', /is loopback/],
    ['https://localhost:8080/hook', /localhost is loopback/],
    ['https://api.LOCALHOST./hook', /loopback \(localhost\)/],
    ['https://10.1.2.3/hook', /private \(RFC 1918\)/],
    ['https://192.168.0.10/hook', /private/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['https://100.64.0.1/hook', /CGNAT/],
    ['https://[fd00::1]/hook', /unique local/],
    ['https://[::ffff:127.0.0.1]/hook', /loopback \(IPv4-mapped\)/],
    ['https://0.0.0.0/hook', /unspecified/],
    ['https://224.0.0.1/hook', /multicast/],
  ])('refuses %s without the switch, naming the rule', (url, rule) => {
    expect(() => parseWebhookUrl(url, ['input', 'url'], SECURE)).toThrow(rule);
    expect(() => parseWebhookUrl(url, ['input', 'url'], SECURE)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['input', 'url'] })] }),
    );
  });

  it.each(['ftp://example.com', 'file:///etc/passwd', '/relative', 'https://u:p@example.com', `https://example.com/${'a'.repeat(2100)}`])(
    'refuses %s, naming the input',
    (url) => {
      expect(() => parseWebhookUrl(url, ['input', 'url'], INSECURE)).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ path: ['input', 'url'] })] }),
      );
    },
  );
});

describe('webhook secrets and signatures', () => {
  const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

  it('makes a random whsec_ secret when none is given and checks the form of a given one', () => {
    expect(webhookSecret(null, ['secret'])).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecret(null, ['secret'])).not.toBe(webhookSecret(null, ['secret']));
    expect(webhookSecret(secret, ['secret'])).toBe(secret);
    for (const bad of [
      'a-secret-of-our-own-choosing',
      `whsec_${Buffer.alloc(16).toString('base64')}`,
      `whsec_${Buffer.alloc(65).toString('base64')}`,
      'whsec_not base64!',
    ]) {
      expect(() => webhookSecret(bad, ['secret'])).toThrow(/base64 of 24 to 64 random bytes/);
    }
  });

  it('signs "id.timestamp.body" with the HMAC-SHA256 keyed by the bytes the secret encodes (Standard Webhooks)', () => {
    const content = { id: 'msg_1', timestamp: 1_700_000_000, body: '{"a":1}' };
    const expected = createHmac('sha256', Buffer.alloc(32, 7)).update('msg_1.1700000000.{"a":1}').digest('base64');
    expect(signWebhook(secret, content)).toBe(`v1,${expected}`);
  });

  it('verifies a fresh request, refuses a replay after the tolerance and any altered part', () => {
    const content = { id: 'msg_1', timestamp: 1_700_000_000, body: '{"a":1}' };
    const request = { id: content.id, timestamp: String(content.timestamp), signature: signWebhook(secret, content), body: content.body };
    expect(verifyWebhook(secret, request, { nowSeconds: 1_700_000_100 })).toBe('valid');
    expect(verifyWebhook(secret, { ...request, signature: `v1,bm9wZQ== ${request.signature}` }, { nowSeconds: 1_700_000_000 })).toBe('valid');
    expect(verifyWebhook(secret, request, { nowSeconds: 1_700_000_301 })).toBe('stale');
    expect(verifyWebhook(secret, { ...request, timestamp: '1700000300' }, { nowSeconds: 1_700_000_301 })).toBe('invalid');
    expect(verifyWebhook(secret, { ...request, body: '{"a":2}' }, { nowSeconds: 1_700_000_000 })).toBe('invalid');
    expect(verifyWebhook(secret, { ...request, id: 'msg_2' }, { nowSeconds: 1_700_000_000 })).toBe('invalid');
    expect(verifyWebhook(`whsec_${Buffer.alloc(32, 8).toString('base64')}`, request, { nowSeconds: 1_700_000_000 })).toBe('invalid');
  });
});

describe('sealed secrets', () => {
  const key = randomBytes(32);

  it('open with the key and workspace they were sealed for, and with nothing else', () => {
    const sealed = sealSecret(key, 'whsec_abc', 'workspace-a');
    expect(sealed.includes(Buffer.from('whsec_abc'))).toBe(false);
    expect(openSecret(key, sealed, 'workspace-a')).toBe('whsec_abc');
    expect(() => openSecret(key, sealed, 'workspace-b')).toThrow();
    expect(() => openSecret(randomBytes(32), sealed, 'workspace-a')).toThrow();
    expect(sealSecret(key, 'whsec_abc', 'workspace-a').equals(sealed)).toBe(false);
  });

  it('take their key as base64 or hex of 32 bytes', () => {
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey('short')).toBeNull();
  });
});

describe('checkDateRange', () => {
  const path = { after: ['after'], before: ['before'] };

  it('accepts open and non-empty ranges and names both ends of an empty one', () => {
    expect(() => checkDateRange({ after: new Date('2026-01-01T00:00:00Z') }, path)).not.toThrow();
    expect(() => checkDateRange({ after: new Date('2026-01-01T00:00:00Z'), before: new Date('2026-01-01T00:00:01Z') }, path)).not.toThrow();
    expect(() => checkDateRange({ after: new Date('2026-01-02T00:00:00Z'), before: new Date('2026-01-01T00:00:00Z') }, path)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['after'] }), expect.objectContaining({ path: ['before'] })] }),
    );
  });
});
