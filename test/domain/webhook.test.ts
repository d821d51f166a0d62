import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkDateRange } from '../../src/domain/date-range.ts';
import { parseWebhookUrl, retryDelayMs, signBody, webhookSecret } from '../../src/domain/webhook.ts';

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };

  it('doubles the wait after each failed attempt, up to the cap, and stops after the last attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy))).toEqual([1000, 2000, 4000, 5000, null]);
  });
});

describe('parseWebhookUrl', () => {
  it('keeps absolute http and https URLs, normalized', () => {
    expect(parseWebhookUrl(' https://Example.com/hooks?x=1 ', ['url'])).toBe('https://example.com/hooks?x=1');
    expect(parseWebhookUrl('http://127.0.0.1:8080', ['url'])).toBe('http://127.0.0.1:8080/');
  });

  it.each(['ftp://example.com', 'file:///etc/passwd', '/relative', 'https://u:p@example.com', `https://example.com/${'a'.repeat(2100)}`])(
    'refuses %s, naming the input',
    (url) => {
      expect(() => parseWebhookUrl(url, ['input', 'url'])).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ['input', 'url'] })] }));
    },
  );
});

describe('webhook secrets and signatures', () => {
  it('makes a random secret when none is given and checks the length of a given one', () => {
    expect(webhookSecret(null, ['secret'])).not.toBe(webhookSecret(null, ['secret']));
    expect(webhookSecret('sixteen-chars-ok', ['secret'])).toBe('sixteen-chars-ok');
    expect(() => webhookSecret('too-short', ['secret'])).toThrow(/16 to 256/);
  });

  it('signs with the hex HMAC-SHA256 of the body', () => {
    expect(signBody('key', '{"a":1}')).toBe(`sha256=${createHmac('sha256', 'key').update('{"a":1}').digest('hex')}`);
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
