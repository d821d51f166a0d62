import type { ResultOf } from '@graphql-typed-document-node/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { importCsv } from '../support/imports.ts';
import { addContactsToGroup, createContact, createGroup, deleteContact } from '../support/operations.ts';
import { AddressConsentQuery, Audience, exclusions, OptIn, OptOut, Reinstate } from '../opt-outs/consent-api.ts';
import type { AudienceInput, CreateGroupInput } from '../generated/graphql.ts';

const GroupsByName = graphql(`
  query AudienceGroups {
    groups(first: 50) { edges { node { id name } } }
  }
`);

const app = useTestApp();
let ws: TestWorkspace;
let other: TestWorkspace;
const ids = {} as Record<'ann' | 'ben' | 'cal' | 'dee' | 'eve' | 'fay', string>;
let staticGroup: string;
let dynamicGroup: string;

const contact = (name: string, details: { kind: 'PHONE' | 'EMAIL'; value: string; primary?: boolean }[], tags: string[] = [], workspace = ws) =>
  createContact(app, workspace.keys.WRITE, { firstName: name, details, tags });

const group = (input: CreateGroupInput, workspace = ws) => createGroup(app, workspace.keys.WRITE, input);

type Resolved = Extract<ResultOf<typeof Audience>['audience'], { __typename: 'Audience' }>;

async function audience(input: AudienceInput, page: { first?: number; after?: string | null } = {}, workspace = ws): Promise<Resolved> {
  const { audience: result } = await app.data(Audience, { input, ...page }, workspace.keys.READ);
  if (result.__typename !== 'Audience') throw new Error(result.message);
  return result;
}

const addresses = (resolved: Resolved) => resolved.addresses.edges.map((edge) => edge.node.address);

beforeAll(async () => {
  ws = await app.createWorkspace('Audience');
  other = await app.createWorkspace('Other');
  ids.ann = await contact(
    'Ann',
    [
      { kind: 'PHONE', value: '+12025550120' },
      { kind: 'EMAIL', value: 'ann@example.com' },
    ],
    ['vip'],
  );
  ids.ben = await contact('Ben', [{ kind: 'PHONE', value: '+12025550121' }]);
  ids.cal = await contact('Cal', [{ kind: 'PHONE', value: '+1 (202) 555-0121' }]);
  ids.dee = await contact('Dee', [{ kind: 'EMAIL', value: 'dee@example.com' }]);
  ids.eve = await contact('Eve', [
    { kind: 'PHONE', value: '+12025550123' },
    { kind: 'PHONE', value: '+12025550124' },
  ]);
  ids.fay = await contact('Fay', [{ kind: 'PHONE', value: '+12025550125' }], ['vip']);
  staticGroup = await group({ name: 'Customers', type: 'STATIC' });
  await addContactsToGroup(app, ws.keys.WRITE, { groupId: staticGroup, contactIds: [ids.ann, ids.ben, ids.dee, ids.eve] });
  dynamicGroup = await group({ name: 'VIPs', type: 'DYNAMIC', filter: { tags: { any: ['vip'] } } });
  await app.data(OptOut, { input: { address: '+12025550121', reason: 'asked' } }, ws.keys.WRITE);
  await app.data(OptOut, { input: { address: '+12025550123', channel: 'SMS' } }, ws.keys.WRITE);
});

describe('audience', () => {
  it('excludes an opted-out number reached through a group, a contact id, another contact or a raw address in another format', async () => {
    const byGroup = await audience({ channel: 'SMS', groupIds: [staticGroup] });
    expect(byGroup.sendableCount).toBe(2);
    expect(exclusions(byGroup.excluded)).toEqual({ OPTED_OUT: 1, NO_ADDRESS: 1 });
    // Eve's primary number is opted out of SMS: her other number is used.
    expect(addresses(byGroup)).toEqual(['+12025550120', '+12025550124']);
    expect(byGroup.addresses.edges.map((edge) => edge.node.contactId)).toEqual([ids.ann, ids.eve]);

    const byContact = await audience({ channel: 'SMS', contactIds: [ids.cal] });
    expect(byContact).toMatchObject({ sendableCount: 0, addresses: { totalCount: 0, edges: [] } });
    expect(exclusions(byContact.excluded)).toEqual({ OPTED_OUT: 1 });

    const byRaw = await audience({ channel: 'SMS', addresses: ['(202) 555-0121'], defaultCountry: 'US' });
    expect(byRaw.sendableCount).toBe(0);
    expect(exclusions(byRaw.excluded)).toEqual({ OPTED_OUT: 1 });
  });

  it('mixes groups (static and dynamic), contact ids and raw addresses, deduplicated, with every reason counted', async () => {
    const resolved = await audience({
      channel: 'SMS',
      groupIds: [staticGroup, dynamicGroup, staticGroup],
      contactIds: [
        ids.cal,
        ids.ann,
        '00000000-0000-4000-8000-000000000000',
        await contact('Zed', [{ kind: 'PHONE', value: '+12025550129' }], [], other),
      ],
      addresses: ['(202) 555-0120', '+1 202 555 0199', 'garbage', 'x@example.com', ''],
      defaultCountry: 'US',
    });
    expect(addresses(resolved)).toEqual(['+12025550120', '+12025550124', '+12025550125', '+12025550199']);
    expect(resolved.sendableCount).toBe(4);
    expect(resolved.addresses.totalCount).toBe(4);
    expect(resolved.addresses.edges.at(-1)!.node.contactId).toBeNull();
    // Ben and Cal share one opted-out number: one recipient. Dee has no phone, x@example.com is no phone.
    expect(resolved.excluded).toEqual([
      { reason: 'OPTED_OUT', count: 1 },
      { reason: 'NO_OPT_IN', count: 0 },
      { reason: 'NO_ADDRESS', count: 2 },
      { reason: 'INVALID_ADDRESS', count: 1 },
      { reason: 'UNKNOWN_CONTACT', count: 2 },
    ]);
  });

  it('requires an opt-in on WhatsApp but not on SMS by default, and opted out wins over no opt-in', async () => {
    const before = await audience({ channel: 'WHATSAPP', groupIds: [staticGroup] });
    expect(before.sendableCount).toBe(0);
    // Ann and Eve's second number lack an opt-in; Eve is counted on her primary, opted out of SMS only.
    expect(exclusions(before.excluded)).toEqual({ NO_OPT_IN: 2, OPTED_OUT: 1, NO_ADDRESS: 1 });

    await app.data(OptIn, { input: { address: '+12025550120', channel: 'WHATSAPP', reason: 'signed up' } }, ws.keys.WRITE);
    const after = await audience({ channel: 'WHATSAPP', groupIds: [staticGroup] });
    expect(addresses(after)).toEqual(['+12025550120']);
    expect(exclusions(after.excluded)).toEqual({ NO_OPT_IN: 1, OPTED_OUT: 1, NO_ADDRESS: 1 });

    const raw = await audience({ channel: 'WHATSAPP', addresses: ['+12025550120', '+12025550125'] });
    expect(addresses(raw)).toEqual(['+12025550120']);
    expect(exclusions(raw.excluded)).toEqual({ NO_OPT_IN: 1 });
  });

  it('reaches email addresses on EMAIL', async () => {
    const resolved = await audience({ channel: 'EMAIL', groupIds: [staticGroup], addresses: ['ANN@example.com', '+12025550120'] });
    expect(addresses(resolved)).toEqual(['ann@example.com', 'dee@example.com']);
    expect(exclusions(resolved.excluded)).toEqual({ NO_ADDRESS: 3 });
  });

  it('a reinstate brings the number back, and it is in the history', async () => {
    const hal = await contact('Hal', [{ kind: 'PHONE', value: '+12025550127' }]);
    await app.data(OptOut, { input: { address: '+12025550127', reason: 'asked' } }, ws.keys.WRITE);
    const before = await audience({ channel: 'SMS', contactIds: [hal], addresses: ['+1 202 555 0127'] });
    expect(exclusions(before.excluded)).toEqual({ OPTED_OUT: 1 });

    await app.data(Reinstate, { input: { address: '+12025550127', reason: 'customer called back' } }, ws.keys.WRITE);
    const after = await audience({ channel: 'SMS', contactIds: [hal], addresses: ['+1 202 555 0127'] });
    expect(addresses(after)).toEqual(['+12025550127']);
    expect(exclusions(after.excluded)).toEqual({});
    const { addressConsent } = await app.data(AddressConsentQuery, { address: '+12025550127' }, ws.keys.READ);
    expect(addressConsent).toMatchObject({
      history: { totalCount: 2, edges: [{ node: { type: 'OPT_OUT' } }, { node: { type: 'REINSTATE', reason: 'customer called back' } }] },
    });
  });

  it('keeps excluding a number re-imported after its contact was deleted', async () => {
    const gus = await contact('Gus', [{ kind: 'PHONE', value: '+12025550126' }]);
    await app.data(OptOut, { input: { address: '+12025550126', channel: 'SMS', reason: 'STOP by letter' } }, ws.keys.WRITE);
    await deleteContact(app, ws.keys.WRITE, gus);
    await importCsv(app, ws.keys.WRITE, 'First Name,Phone\nGus,(202) 555-0126\n', {
      purpose: 'ADD_AND_UPDATE',
      identifier: 'PHONE',
      defaultCountry: 'US',
      newGroupName: 'Reimported',
    });
    const { groups } = await app.data(GroupsByName, {}, ws.keys.READ);
    const reimported = groups.edges.find((edge) => edge.node.name === 'Reimported')!.node.id;
    const resolved = await audience({ channel: 'SMS', groupIds: [reimported] });
    expect(resolved.sendableCount).toBe(0);
    expect(exclusions(resolved.excluded)).toEqual({ OPTED_OUT: 1 });
  });

  it('pages the sendable addresses by cursor', async () => {
    const numbers = Array.from({ length: 25 }, (_, index) => `+1202555${String(3000 + index)}`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages++) {
      const page: Resolved = await audience({ channel: 'SMS', addresses: numbers }, { first: 10, after });
      expect(page.addresses.totalCount).toBe(25);
      seen.push(...addresses(page));
      if (!page.addresses.pageInfo.hasNextPage) {
        expect(pages).toBe(2);
        break;
      }
      after = page.addresses.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual([...numbers].sort());
  });

  it('answers unknown groups, and another workspace’s, with NotFoundError; malformed ids with ValidationError', async () => {
    const foreignGroup = await group({ name: 'Theirs', type: 'STATIC' }, other);
    for (const id of ['00000000-0000-4000-8000-000000000000', foreignGroup]) {
      const { audience: result } = await app.data(Audience, { input: { channel: 'SMS', groupIds: [id] } }, ws.keys.READ);
      expect(result).toMatchObject({ __typename: 'NotFoundError', entity: 'Group', id });
    }
    const malformed = await app.data(Audience, { input: { channel: 'SMS', contactIds: ['nope'] } }, ws.keys.READ);
    expect(malformed.audience.__typename).toBe('ValidationError');
    const badCountry = await app.data(Audience, { input: { channel: 'SMS', addresses: ['2025550120'], defaultCountry: 'XX' } }, ws.keys.READ);
    expect(badCountry.audience.__typename).toBe('ValidationError');
  });
});
