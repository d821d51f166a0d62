import { beforeAll, describe, expect, it } from 'vitest';
import type { BulkOptOutInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { sendFile } from '../support/operations.ts';
import { AddressConsentQuery, Audience, BulkOptOut, exclusions, keyId } from './consent-api.ts';

const app = useTestApp({ worker: false });
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await app.createWorkspace('Bulk');
});

/** Sends a list as a file, as a browser uploading it would. */
async function uploadList(content: string, input: Omit<BulkOptOutInput, 'file'>) {
  return (await sendFile(app, ws.keys.WRITE, BulkOptOut, input, { content, name: 'opt-outs.txt', type: 'text/plain' })).bulkOptOut;
}

describe('bulk opt-out', () => {
  it('normalizes pasted lines with the default country, reports invalid lines, and is idempotent', async () => {
    const text = ['(202) 555-0110', '+1 202 555 0110', '', 'Someone@Example.com', 'call me maybe', '202 555 01', '2025550111'].join('\r\n');
    const input = { text, defaultCountry: 'US', reason: 'paper list from the event' };
    const { bulkOptOut } = await app.data(BulkOptOut, { input }, ws.keys.WRITE);
    expect(bulkOptOut).toEqual({
      __typename: 'BulkOptOut',
      lines: 6,
      addresses: 3,
      optedOut: 3,
      alreadyOptedOut: 0,
      invalidCount: 2,
      invalid: [
        { line: 5, value: 'call me maybe', reason: expect.stringContaining('not a valid phone number') },
        { line: 6, value: '202 555 01', reason: expect.stringContaining('not a valid phone number') },
      ],
    });
    const again = await app.data(BulkOptOut, { input }, ws.keys.WRITE);
    expect(again.bulkOptOut).toMatchObject({ addresses: 3, optedOut: 0, alreadyOptedOut: 3 });

    const { addressConsent } = await app.data(AddressConsentQuery, { address: '+12025550110' }, ws.keys.READ);
    expect(addressConsent).toMatchObject({
      optOuts: [{ channel: 'ALL', source: 'BULK_LIST', reason: 'paper list from the event', actorKeyId: await keyId(app, ws, 'WRITE') }],
      history: { totalCount: 1, edges: [{ node: { type: 'OPT_OUT', source: 'BULK_LIST', reason: 'paper list from the event' } }] },
    });
  });

  it('refuses lines of the wrong kind for the channel, a bad default country, and text with a file', async () => {
    const { bulkOptOut } = await app.data(BulkOptOut, { input: { text: '+12025550112\nx@example.com', channel: 'SMS' } }, ws.keys.WRITE);
    expect(bulkOptOut).toMatchObject({ optedOut: 1, invalid: [{ line: 2, reason: expect.stringContaining('not reached on SMS') }] });
    const country = await app.data(BulkOptOut, { input: { text: '+12025550113', defaultCountry: 'USA' } }, ws.keys.WRITE);
    expect(country.bulkOptOut.__typename).toBe('ValidationError');
    const neither = await app.data(BulkOptOut, { input: {} }, ws.keys.WRITE);
    expect(neither.bulkOptOut.__typename).toBe('ValidationError');
    const { addressConsent } = await app.data(AddressConsentQuery, { address: '+12025550113' }, ws.keys.READ);
    expect(addressConsent).toMatchObject({ optOuts: [] });
  });

  it('takes an uploaded file, streamed', async () => {
    const result = await uploadList('\uFEFF+442079460000\n+442079460001\nnope\n', { channel: 'WHATSAPP' });
    expect(result).toMatchObject({ __typename: 'BulkOptOut', lines: 3, optedOut: 2, invalidCount: 1, invalid: [{ line: 3, value: 'nope' }] });
  });

  it('applies a list of 10,000 lines in one call, and the audience excludes every one', async () => {
    const numbers = Array.from({ length: 10_000 }, (_, index) => `+1 (212) 555-${String(index).padStart(4, '0')}`);
    const started = performance.now();
    const { bulkOptOut } = await app.data(BulkOptOut, { input: { text: numbers.join('\n'), reason: 'carrier list' } }, ws.keys.WRITE);
    const seconds = (performance.now() - started) / 1000;
    expect(bulkOptOut).toMatchObject({ lines: 10_000, addresses: 10_000, optedOut: 10_000, invalidCount: 0 });
    console.log(`bulk opt-out of 10,000 lines: ${seconds.toFixed(2)} s`);

    const again = performance.now();
    const repeat = await app.data(BulkOptOut, { input: { text: numbers.join('\n') } }, ws.keys.WRITE);
    expect(repeat.bulkOptOut).toMatchObject({ optedOut: 0, alreadyOptedOut: 10_000 });
    console.log(`the same 10,000 lines again: ${((performance.now() - again) / 1000).toFixed(2)} s`);

    const { audience } = await app.data(
      Audience,
      { input: { channel: 'SMS', addresses: numbers.slice(0, 500).map((n) => n.replace(/\D/g, '').slice(1)), defaultCountry: 'US' } },
      ws.keys.READ,
    );
    if (audience.__typename !== 'Audience') throw new Error(audience.message);
    expect(audience.sendableCount).toBe(0);
    expect(exclusions(audience.excluded)).toEqual({ OPTED_OUT: 500 });
  });
});
