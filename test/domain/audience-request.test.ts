import { describe, expect, it } from 'vitest';
import { AUDIENCE_INPUT_LIMIT, checkAudienceRequest, readAudienceRequestJson } from '../../src/domain/audience.ts';
import { LimitExceededError, ValidationError } from '../../src/domain/errors.ts';

const GROUP = '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('no ValidationError');
}

describe('an audience request', () => {
  it('reads a JSON body into the checked request the GraphQL input gives', () => {
    const body = { channel: 'SMS', groupIds: [GROUP], contactIds: null, addresses: [' (202) 555-0143 '], defaultCountry: 'us' };
    expect(readAudienceRequestJson(body)).toEqual({
      channel: 'SMS',
      groupIds: [GROUP.toLowerCase()],
      contactIds: [],
      addresses: [' (202) 555-0143 '],
      defaultCountry: 'US',
    });
    expect(readAudienceRequestJson(body)).toEqual(
      checkAudienceRequest({ channel: 'SMS', groupIds: [GROUP], addresses: [' (202) 555-0143 '], defaultCountry: 'us' }, ['input']),
    );
    expect(readAudienceRequestJson({ channel: 'EMAIL' })).toEqual({
      channel: 'EMAIL',
      groupIds: [],
      contactIds: [],
      addresses: [],
      defaultCountry: null,
    });
  });

  it('names each entry the checks refuse under the path of its input', () => {
    expect(issuesOf(() => checkAudienceRequest({ channel: 'SMS', contactIds: [GROUP, 'x'] }, ['input']))).toEqual([
      { path: ['input', 'contactIds', '1'], code: 'INVALID_ID', message: '"x" is not a valid id' },
    ]);
    expect(issuesOf(() => readAudienceRequestJson({ channel: 'SMS', groupIds: [42] }))).toEqual([
      { path: ['groupIds', '0'], code: 'INVALID_ID', message: '"42" is not a valid id' },
    ]);
    expect(issuesOf(() => readAudienceRequestJson({ channel: 'SMS', defaultCountry: 'Narnia' }))).toEqual([
      { path: ['defaultCountry'], code: 'INVALID_COUNTRY', message: expect.stringMatching(/is not an ISO 3166-1 alpha-2 country code/) },
    ]);
  });

  it('names every misshapen field of a JSON body at once', () => {
    expect(
      issuesOf(() => readAudienceRequestJson({ channel: 'sms', contactIds: {}, addresses: ['+1', null], defaultCountry: ['US'], extra: 1 })),
    ).toEqual([
      {
        path: ['extra'],
        code: 'UNKNOWN_FIELD',
        message: 'unknown field; an audience has channel, groupIds, contactIds, addresses, defaultCountry',
        params: { key: 'extra' },
      },
      {
        path: ['channel'],
        code: 'INVALID_CHOICE',
        message: '"sms" is not a channel: one of SMS, WHATSAPP, EMAIL',
        params: { allowed: ['SMS', 'WHATSAPP', 'EMAIL'] },
      },
      { path: ['contactIds'], code: 'WRONG_TYPE', message: 'must be a list, each entry an id' },
      { path: ['addresses', '1'], code: 'WRONG_TYPE', message: 'must be a string' },
      { path: ['defaultCountry'], code: 'WRONG_TYPE', message: 'must be a string' },
    ]);
    for (const body of [null, [], 'SMS', 3]) {
      expect(issuesOf(() => readAudienceRequestJson(body))).toEqual([
        { path: [], code: 'WRONG_TYPE', message: expect.stringMatching(/^the audience must be a JSON object/) },
      ]);
    }
  });

  it('holds every list to the limit, before reading its entries', () => {
    const tooMany = Array.from({ length: AUDIENCE_INPUT_LIMIT + 1 }, () => 'not an id');
    expect(() => readAudienceRequestJson({ channel: 'SMS', groupIds: tooMany })).toThrow(
      new LimitExceededError('TOO_MANY_ITEMS', `an audience names at most ${AUDIENCE_INPUT_LIMIT} groupIds`, AUDIENCE_INPUT_LIMIT, {
        count: AUDIENCE_INPUT_LIMIT + 1,
      }),
    );
    expect(() => checkAudienceRequest({ channel: 'SMS', addresses: tooMany }, ['input'])).toThrow(LimitExceededError);
    expect(checkAudienceRequest({ channel: 'SMS', addresses: tooMany.slice(1) }, ['input']).addresses).toHaveLength(AUDIENCE_INPUT_LIMIT);
  });
});
