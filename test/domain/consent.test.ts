import { describe, expect, it } from 'vitest';
import { readRawAddresses } from '../../src/domain/audience.ts';
import {
  channelConsentStatus,
  inboundKeyword,
  optOutIsNew,
  parseAddress,
  parseListLine,
  planReinstate,
  requireNotOptedOut,
  withdrawnChannels,
} from '../../src/domain/consent.ts';
import { InvalidStateError } from '../../src/domain/errors.ts';

const phone = { kind: 'PHONE' as const, address: '+12025550143' };

describe('parseAddress', () => {
  it('reads a phone in any format to E.164 and an email lower-cased', () => {
    expect(parseAddress('(202) 555-0143', 'US')).toEqual({ ok: true, value: phone });
    expect(parseAddress('+1 202 555 0143')).toEqual({ ok: true, value: phone });
    expect(parseAddress(' Ada@Example.COM ')).toEqual({ ok: true, value: { kind: 'EMAIL', address: 'ada@example.com' } });
  });

  it('names what is wrong', () => {
    expect(parseAddress('202 555 0143')).toMatchObject({ ok: false, error: expect.stringContaining('no country') });
    expect(parseAddress('nobody@')).toMatchObject({ ok: false, error: expect.stringContaining('not a valid email') });
    expect(parseAddress('  ')).toEqual({ ok: false, code: 'REQUIRED', error: 'no address given' });
  });
});

describe('opt-out rules', () => {
  it('an opt-out already covered by the same channel or ALL is not new', () => {
    expect(optOutIsNew([], 'SMS')).toBe(true);
    expect(optOutIsNew(['SMS'], 'SMS')).toBe(false);
    expect(optOutIsNew(['ALL'], 'WHATSAPP')).toBe(false);
    expect(optOutIsNew(['SMS'], 'ALL')).toBe(true);
  });

  it('an opt-out withdraws the opt-ins of the channels it covers', () => {
    expect(withdrawnChannels('PHONE', 'ALL')).toEqual(['SMS', 'WHATSAPP']);
    expect(withdrawnChannels('PHONE', 'WHATSAPP')).toEqual(['WHATSAPP']);
    expect(withdrawnChannels('EMAIL', 'ALL')).toEqual(['EMAIL']);
  });

  it('refuses an opt-in under a covering opt-out', () => {
    expect(() => requireNotOptedOut(phone, ['ALL'], 'WHATSAPP')).toThrow(InvalidStateError);
    expect(() => requireNotOptedOut(phone, ['SMS'], 'WHATSAPP')).not.toThrow();
  });
});

describe('planReinstate', () => {
  it('ALL lifts every opt-out of the address', () => {
    expect(planReinstate(phone, ['SMS', 'ALL'], 'ALL')).toEqual({ lift: ['SMS', 'ALL'], keep: [] });
  });

  it('one channel splits an ALL opt-out so the other channels stay closed', () => {
    expect(planReinstate(phone, ['ALL'], 'SMS')).toEqual({ lift: ['ALL'], keep: ['WHATSAPP'] });
    expect(planReinstate(phone, ['ALL', 'WHATSAPP'], 'SMS')).toEqual({ lift: ['ALL'], keep: [] });
    expect(planReinstate(phone, ['SMS', 'WHATSAPP'], 'SMS')).toEqual({ lift: ['SMS'], keep: [] });
  });

  it('nothing to lift is an InvalidStateError', () => {
    expect(() => planReinstate(phone, [], 'ALL')).toThrow(InvalidStateError);
    expect(() => planReinstate(phone, ['WHATSAPP'], 'SMS')).toThrow(/not opted out of SMS/);
  });
});

describe('channelConsentStatus', () => {
  it('opted out first, then a missing opt-in where the workspace requires one', () => {
    expect(channelConsentStatus('WHATSAPP', ['ALL'], ['WHATSAPP'], ['WHATSAPP'])).toBe('OPTED_OUT');
    expect(channelConsentStatus('WHATSAPP', [], [], ['WHATSAPP'])).toBe('NO_OPT_IN');
    expect(channelConsentStatus('WHATSAPP', [], ['WHATSAPP'], ['WHATSAPP'])).toBe('SENDABLE');
    expect(channelConsentStatus('SMS', [], [], ['WHATSAPP'])).toBe('SENDABLE');
  });
});

describe('inboundKeyword', () => {
  it.each([
    ['STOP', 'STOP'],
    [' stop ', 'STOP'],
    ['Unsubscribe!', 'STOP'],
    ['quit.', 'STOP'],
    ['START', 'START'],
    ['unstop', 'START'],
  ])('%j is %s', (text, family) => {
    expect(inboundKeyword(text)?.family).toBe(family);
  });

  it.each(['please stop texting me', 'stopping by later', 'yes', ''])('%j is no keyword', (text) => {
    expect(inboundKeyword(text)).toBeNull();
  });
});

describe('parseListLine', () => {
  it('skips blank lines, strips a BOM and checks the kind against the channel', () => {
    expect(parseListLine('   ', 'ALL', null)).toBeNull();
    expect(parseListLine('\uFEFF+12025550143', 'SMS', null)).toEqual({ ok: true, value: phone });
    expect(parseListLine('a@example.com', 'SMS', null)).toMatchObject({ ok: false, error: expect.stringContaining('not reached on SMS') });
  });
});

describe('readRawAddresses', () => {
  it('deduplicates by normalized address and sorts out the other kind and the invalid', () => {
    const read = readRawAddresses(['+1 202 555 0143', '(202) 555-0143', 'a@example.com', 'garbage', 'garbage', ''], 'SMS', 'US');
    expect(read).toEqual({ addresses: ['+12025550143'], otherKind: ['a@example.com'], invalid: ['garbage'] });
  });
});
