import type { ResultOf } from '@graphql-typed-document-node/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { AddressConsentQuery, CreateContact, DeleteContact, GetContact, keyId, OptIn, OptOut, Reinstate } from './consent-api.ts';

const OptOutDetail = graphql(`
  mutation OptOutDetail($input: OptOutContactDetailInput!) {
    optOutContactDetail(input: $input) {
      __typename
      ... on AddressConsent { address optOuts { channel source reason } }
      ... on NotFoundError { entity id }
      ... on Error { message }
    }
  }
`);

const InboundKeyword = graphql(`
  mutation InboundKeyword($input: InboundKeywordInput!) {
    recordInboundKeyword(input: $input) {
      __typename
      ... on InboundKeyword {
        action
        keyword
        consent { optOuts { channel source reason } optIns { channel source } channels { channel status } }
      }
      ... on Error { message }
    }
  }
`);

const OptOutList = graphql(`
  query OptOutList($filter: OptOutFilter, $first: Int, $after: String) {
    optOuts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { address kind channel source reason actorKeyId } }
    }
  }
`);

const app = useTestApp({ worker: false });
let ws: TestWorkspace;
let other: TestWorkspace;
let writeKeyId: string;

beforeAll(async () => {
  ws = await app.createWorkspace('Consent');
  other = await app.createWorkspace('Other');
  writeKeyId = await keyId(app, ws, 'WRITE');
});

const optOutCount = async (workspace: TestWorkspace) => (await app.data(OptOutList, {}, workspace.keys.READ)).optOuts.totalCount;

describe('opt out and reinstate an address', () => {
  it('records the opt-out by address with an event carrying actor, source and reason', async () => {
    const { optOut } = await app.data(
      OptOut,
      { input: { address: '(202) 555-0101', defaultCountry: 'US', channel: 'SMS', reason: 'asked on the phone' } },
      ws.keys.WRITE,
    );
    expect(optOut).toMatchObject({
      __typename: 'AddressConsent',
      address: '+12025550101',
      kind: 'PHONE',
      optOuts: [{ channel: 'SMS', source: 'API', reason: 'asked on the phone', actorKeyId: writeKeyId, jobId: null }],
      channels: [
        { channel: 'SMS', status: 'OPTED_OUT' },
        { channel: 'WHATSAPP', status: 'NO_OPT_IN' },
      ],
      history: {
        totalCount: 1,
        edges: [{ node: { type: 'OPT_OUT', channel: 'SMS', source: 'API', reason: 'asked on the phone', actorKeyId: writeKeyId } }],
      },
    });
  });

  it('is idempotent: the same opt-out in another format, or one ALL already covers, records nothing', async () => {
    await app.data(OptOut, { input: { address: '+12025550107', channel: 'SMS' } }, ws.keys.WRITE);
    const again = await app.data(OptOut, { input: { address: '+1 202-555-0107', channel: 'SMS' } }, ws.keys.WRITE);
    expect(again.optOut).toMatchObject({ optOuts: [{ channel: 'SMS' }], history: { totalCount: 1 } });
    await app.data(OptOut, { input: { address: 'Person@Example.com', source: 'INTEGRATION', reason: 'CRM unsubscribe' } }, ws.keys.WRITE);
    const covered = await app.data(OptOut, { input: { address: 'person@example.com', channel: 'EMAIL' } }, ws.keys.WRITE);
    expect(covered.optOut).toMatchObject({
      optOuts: [{ channel: 'ALL', source: 'INTEGRATION', reason: 'CRM unsubscribe' }],
      channels: [{ channel: 'EMAIL', status: 'OPTED_OUT' }],
      history: { totalCount: 1 },
    });
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const before = await optOutCount(ws);
    const cases = [
      { address: 'not a number' },
      { address: '202 555 0102' },
      { address: '+12025550102', channel: 'EMAIL' as const },
      { address: 'a@example.com', channel: 'SMS' as const },
      { address: '+12025550102', source: 'IMPORT' as const },
      { address: '+12025550102', defaultCountry: 'ZZ' },
    ];
    for (const input of cases) {
      const { optOut } = await app.data(OptOut, { input }, ws.keys.WRITE);
      expect(optOut.__typename, JSON.stringify(input)).toBe('ValidationError');
    }
    const { optOut } = await app.data(OptOut, { input: { address: '202 555 0102' } }, ws.keys.WRITE);
    expect(optOut).toMatchObject({ issues: [{ path: ['input', 'address'], message: expect.stringContaining('has no country') }] });
    const { body } = await app.request(OptOut, { input: { address: '+12025550102', channel: 'FAX' as never } }, ws.keys.WRITE);
    expect(body.errors?.[0]?.message).toMatch(/FAX/);
    expect(await optOutCount(ws)).toBe(before);
  });

  it('needs a WRITE key', async () => {
    const { body } = await app.request(OptOut, { input: { address: '+12025550102' } }, ws.keys.READ);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('only an explicit reinstate with a reason lifts an opt-out, and it is in the history', async () => {
    await app.data(OptOut, { input: { address: '+12025550108', channel: 'SMS' } }, ws.keys.WRITE);
    const noReason = await app.data(Reinstate, { input: { address: '+12025550108', reason: '  ' } }, ws.keys.WRITE);
    expect(noReason.reinstate).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'reason'] }] });
    const nothing = await app.data(Reinstate, { input: { address: '+12025550199', reason: 'mistake' } }, ws.keys.WRITE);
    expect(nothing.reinstate).toMatchObject({ __typename: 'InvalidStateError', state: 'NOT_OPTED_OUT' });
    const wrongChannel = await app.data(Reinstate, { input: { address: '+12025550108', channel: 'WHATSAPP', reason: 'mistake' } }, ws.keys.WRITE);
    expect(wrongChannel.reinstate).toMatchObject({ __typename: 'InvalidStateError' });

    const { reinstate } = await app.data(
      Reinstate,
      { input: { address: '2025550108', defaultCountry: 'us', reason: 'opted out by mistake' } },
      ws.keys.WRITE,
    );
    expect(reinstate).toMatchObject({
      __typename: 'AddressConsent',
      optOuts: [],
      channels: [
        { channel: 'SMS', status: 'SENDABLE' },
        { channel: 'WHATSAPP', status: 'NO_OPT_IN' },
      ],
      history: {
        totalCount: 2,
        edges: [
          { node: { type: 'OPT_OUT', channel: 'SMS' } },
          { node: { type: 'REINSTATE', channel: 'ALL', source: 'API', reason: 'opted out by mistake', actorKeyId: writeKeyId } },
        ],
      },
    });
  });

  it('reinstating one channel of an ALL opt-out keeps the others closed', async () => {
    await app.data(OptOut, { input: { address: '+12025550103', reason: 'all of it' } }, ws.keys.WRITE);
    const { reinstate } = await app.data(
      Reinstate,
      { input: { address: '+12025550103', channel: 'SMS', reason: 'texts are fine again' } },
      ws.keys.WRITE,
    );
    expect(reinstate).toMatchObject({
      optOuts: [{ channel: 'WHATSAPP', source: 'API', reason: 'all of it' }],
      channels: [
        { channel: 'SMS', status: 'SENDABLE' },
        { channel: 'WHATSAPP', status: 'OPTED_OUT' },
      ],
    });
  });
});

describe('opt-ins', () => {
  it('records consent once, refuses it under an opt-out, and an opt-out withdraws it', async () => {
    const first = await app.data(OptIn, { input: { address: '+12025550104', channel: 'WHATSAPP', reason: 'web form' } }, ws.keys.WRITE);
    expect(first.optIn).toMatchObject({
      optIns: [{ channel: 'WHATSAPP', source: 'API' }],
      channels: [
        { channel: 'SMS', status: 'SENDABLE' },
        { channel: 'WHATSAPP', status: 'SENDABLE', optedIn: true },
      ],
      history: { totalCount: 1, edges: [{ node: { type: 'OPT_IN', channel: 'WHATSAPP', reason: 'web form', actorKeyId: writeKeyId } }] },
    });
    const again = await app.data(OptIn, { input: { address: '+12025550104', channel: 'WHATSAPP' } }, ws.keys.WRITE);
    expect(again.optIn).toMatchObject({ history: { totalCount: 1 } });

    await app.data(OptOut, { input: { address: '+12025550104', channel: 'WHATSAPP' } }, ws.keys.WRITE);
    const refused = await app.data(OptIn, { input: { address: '+12025550104', channel: 'WHATSAPP' } }, ws.keys.WRITE);
    expect(refused.optIn).toMatchObject({ __typename: 'InvalidStateError', message: expect.stringContaining('reinstate') });
    const { addressConsent } = await app.data(AddressConsentQuery, { address: '+12025550104' }, ws.keys.READ);
    expect(addressConsent).toMatchObject({ optIns: [], channels: [{ status: 'SENDABLE' }, { status: 'OPTED_OUT', optedIn: false }] });

    const email = await app.data(OptIn, { input: { address: 'a@example.com', channel: 'SMS' } }, ws.keys.WRITE);
    expect(email.optIn.__typename).toBe('ValidationError');
  });
});

describe("a contact's details", () => {
  it('opts out a detail; another workspace cannot, and the status outlives the contact', async () => {
    const { createContact } = await app.data(
      CreateContact,
      {
        input: {
          firstName: 'Ada',
          details: [
            { kind: 'PHONE', value: '+12025550105' },
            { kind: 'EMAIL', value: 'ada@example.com' },
          ],
        },
      },
      ws.keys.WRITE,
    );
    if (createContact.__typename !== 'Contact') throw new Error(createContact.message);
    const phone = createContact.details.find((detail) => detail.kind === 'PHONE')!;

    const foreign = await app.data(OptOutDetail, { input: { detailId: phone.id } }, other.keys.WRITE);
    expect(foreign.optOutContactDetail).toMatchObject({ __typename: 'NotFoundError', entity: 'ContactDetail', id: phone.id });
    expect(await optOutCount(other)).toBe(0);
    const malformed = await app.data(OptOutDetail, { input: { detailId: 'nope' } }, ws.keys.WRITE);
    expect(malformed.optOutContactDetail.__typename).toBe('ValidationError');

    const { optOutContactDetail } = await app.data(OptOutDetail, { input: { detailId: phone.id, reason: 'wrong number' } }, ws.keys.WRITE);
    expect(optOutContactDetail).toMatchObject({ address: '+12025550105', optOuts: [{ channel: 'ALL', source: 'API', reason: 'wrong number' }] });
    const { contact } = await app.data(GetContact, { id: createContact.id }, ws.keys.READ);
    expect(contact).toMatchObject({
      details: [
        {
          kind: 'PHONE',
          status: 'OPTED_OUT',
          channels: [
            { channel: 'SMS', status: 'OPTED_OUT' },
            { channel: 'WHATSAPP', status: 'OPTED_OUT' },
          ],
        },
        { kind: 'EMAIL', status: 'ACTIVE', channels: [{ channel: 'EMAIL', status: 'SENDABLE' }] },
      ],
    });

    await app.data(DeleteContact, { id: createContact.id }, ws.keys.WRITE);
    const recreated = await app.data(
      CreateContact,
      { input: { firstName: 'Ada', details: [{ kind: 'PHONE', value: '(202) 555-0105' }], country: 'US' } },
      ws.keys.WRITE,
    );
    expect(recreated.createContact).toMatchObject({ details: [{ value: '+12025550105', status: 'OPTED_OUT' }] });
  });
});

describe('inbound keywords', () => {
  it('STOP opts out of its channel; START reinstates that channel and opts in; other text changes nothing', async () => {
    const stop = await app.data(InboundKeyword, { input: { address: '+12025550106', channel: 'WHATSAPP', text: ' Stop ' } }, ws.keys.WRITE);
    expect(stop.recordInboundKeyword).toMatchObject({
      action: 'OPTED_OUT',
      keyword: 'STOP',
      consent: { optOuts: [{ channel: 'WHATSAPP', source: 'INBOUND_KEYWORD', reason: 'inbound keyword STOP' }] },
    });
    const chat = await app.data(
      InboundKeyword,
      { input: { address: '+12025550106', channel: 'WHATSAPP', text: 'please stop by at 5' } },
      ws.keys.WRITE,
    );
    expect(chat.recordInboundKeyword).toMatchObject({ action: 'NONE', keyword: null, consent: { optOuts: [{ channel: 'WHATSAPP' }] } });
    const start = await app.data(InboundKeyword, { input: { address: '+12025550106', channel: 'WHATSAPP', text: 'UNSTOP' } }, ws.keys.WRITE);
    expect(start.recordInboundKeyword).toMatchObject({
      action: 'OPTED_IN',
      keyword: 'UNSTOP',
      consent: {
        optOuts: [],
        optIns: [{ channel: 'WHATSAPP', source: 'INBOUND_KEYWORD' }],
        channels: [{ status: 'SENDABLE' }, { status: 'SENDABLE' }],
      },
    });
    const { addressConsent } = await app.data(AddressConsentQuery, { address: '+12025550106' }, ws.keys.READ);
    expect(addressConsent).toMatchObject({
      history: {
        edges: [
          { node: { type: 'OPT_OUT', source: 'INBOUND_KEYWORD' } },
          { node: { type: 'REINSTATE', channel: 'WHATSAPP', source: 'INBOUND_KEYWORD', reason: 'inbound keyword UNSTOP' } },
          { node: { type: 'OPT_IN', channel: 'WHATSAPP', source: 'INBOUND_KEYWORD' } },
        ],
      },
    });
    const wrongKind = await app.data(InboundKeyword, { input: { address: 'x@example.com', channel: 'SMS', text: 'STOP' } }, ws.keys.WRITE);
    expect(wrongKind.recordInboundKeyword.__typename).toBe('ValidationError');
  });
});

describe('the opt-out list', () => {
  it('filters by channel, source and date, and pages', async () => {
    const fresh = await app.createWorkspace('List');
    const start = new Date();
    for (let index = 0; index < 5; index++) {
      await app.data(OptOut, { input: { address: `+1202555020${index}`, channel: index % 2 ? 'SMS' : 'ALL' } }, fresh.keys.WRITE);
    }
    await app.data(OptOut, { input: { address: 'crm@example.com', source: 'INTEGRATION' } }, fresh.keys.WRITE);

    const sms = await app.data(OptOutList, { filter: { channel: 'SMS' } }, fresh.keys.READ);
    expect(sms.optOuts.totalCount).toBe(2);
    expect(sms.optOuts.edges.map((edge) => edge.node.channel)).toEqual(['SMS', 'SMS']);
    const integration = await app.data(OptOutList, { filter: { source: 'INTEGRATION' } }, fresh.keys.READ);
    expect(integration.optOuts.edges).toEqual([{ node: expect.objectContaining({ address: 'crm@example.com', kind: 'EMAIL', channel: 'ALL' }) }]);
    const future = await app.data(OptOutList, { filter: { createdAfter: new Date(Date.now() + 60_000).toISOString() } }, fresh.keys.READ);
    expect(future.optOuts.totalCount).toBe(0);
    const since = await app.data(OptOutList, { filter: { createdAfter: start.toISOString(), kind: 'PHONE' } }, fresh.keys.READ);
    expect(since.optOuts.totalCount).toBe(5);

    const seen: string[] = [];
    let after: string | null | undefined = null;
    do {
      const page: ResultOf<typeof OptOutList> = await app.data(OptOutList, { first: 4, after }, fresh.keys.READ);
      seen.push(...page.optOuts.edges.map((edge) => edge.node.address));
      after = page.optOuts.pageInfo.hasNextPage ? page.optOuts.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(6);
    expect(await optOutCount(ws)).toBeGreaterThan(0);
    expect((await app.data(OptOutList, {}, other.keys.READ)).optOuts.totalCount).toBe(0);
  });
});
