import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { download, importCsv } from '../support/imports.ts';
import { AddressConsentQuery, Audience, exclusions, keyId, OptOut } from './consent-api.ts';

const Sync = graphql(`
  mutation ConsentSync($input: SyncContactsInput!) {
    syncContacts(input: $input) { __typename ... on SyncResult { created updated } ... on Error { message } }
  }
`);

const UpdateDetail = graphql(`
  mutation ConsentUpdateDetail($input: UpdateContactDetailInput!) {
    updateContactDetail(input: $input) { __typename ... on ContactDetail { value status } ... on Error { message } }
  }
`);

const ContactsByPhone = graphql(`
  query ConsentContacts {
    contacts(first: 50) { edges { node { id firstName details { id kind value status } } } }
  }
`);

const app = useTestApp();
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await app.createWorkspace('Import consent');
});

const consentOf = async (address: string) => {
  const { addressConsent } = await app.data(AddressConsentQuery, { address }, ws.keys.READ);
  if (addressConsent.__typename !== 'AddressConsent') throw new Error(addressConsent.message);
  return addressConsent;
};

describe('imports, syncs and edits never lift an opt-out', () => {
  it('records WhatsApp Opted as consent events of the job and keeps an existing opt-out', async () => {
    await app.data(OptOut, { input: { address: '+12025550132', reason: 'complained' } }, ws.keys.WRITE);
    const csv = 'First Name,Phone,WhatsApp Opted\nHal,+12025550130,TRUE\nIvy,+12025550131,FALSE\nJon,+12025550132,TRUE\n';
    const job = await importCsv(app, ws.keys.WRITE, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect(job.counts).toMatchObject({ created: 3 });
    const writer = await keyId(app, ws, 'WRITE');

    expect(await consentOf('+12025550130')).toMatchObject({
      optIns: [{ channel: 'WHATSAPP', source: 'IMPORT' }],
      history: {
        edges: [
          {
            node: {
              type: 'OPT_IN',
              channel: 'WHATSAPP',
              source: 'IMPORT',
              jobId: job.id,
              actorKeyId: writer,
              reason: expect.stringMatching(/WhatsApp Opted TRUE in row \d+/),
            },
          },
        ],
      },
    });
    expect(await consentOf('+12025550131')).toMatchObject({
      optOuts: [{ channel: 'WHATSAPP', source: 'IMPORT', jobId: job.id, actorKeyId: writer }],
      history: {
        edges: [
          { node: { type: 'OPT_OUT', channel: 'WHATSAPP', source: 'IMPORT', jobId: job.id, reason: expect.stringMatching(/WhatsApp Opted FALSE/) } },
        ],
      },
    });
    expect(await consentOf('+12025550132')).toMatchObject({
      optOuts: [{ channel: 'ALL', source: 'API', reason: 'complained' }],
      optIns: [],
      history: { totalCount: 1 },
    });

    const result = (await download(job.resultFileUrl!, ws.keys.READ)).split(/\r?\n/);
    expect(result.find((line) => line.startsWith('Jon,'))).toMatch(/Imported,,"?opt-out kept: \+12025550132 is opted out of WhatsApp/);
    expect(result.find((line) => line.startsWith('Hal,'))).not.toMatch(/opt-out kept/);

    const { audience } = await app.data(
      Audience,
      { input: { channel: 'WHATSAPP', addresses: ['+12025550130', '+12025550131', '+12025550132'] } },
      ws.keys.READ,
    );
    if (audience.__typename !== 'Audience') throw new Error(audience.message);
    expect(audience.addresses.edges.map((edge) => edge.node.address)).toEqual(['+12025550130']);
    expect(exclusions(audience.excluded)).toEqual({ OPTED_OUT: 2 });

    const again = await importCsv(app, ws.keys.WRITE, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect(again.counts).toMatchObject({ updated: 3 });
    for (const address of ['+12025550130', '+12025550131', '+12025550132']) {
      expect((await consentOf(address)).history.totalCount, address).toBe(1);
    }
  });

  it('a TRUE and a FALSE for one phone in the same import keep the opt-out', async () => {
    const job = await importCsv(app, ws.keys.WRITE, 'Phone,WhatsApp Opted\n+12025550133,TRUE\n+12025550133,FALSE\n', {
      purpose: 'ADD_ALL_DESPITE_DUPLICATES',
    });
    expect(job.counts).toMatchObject({ created: 2 });
    expect(await consentOf('+12025550133')).toMatchObject({ optOuts: [{ channel: 'WHATSAPP', source: 'IMPORT' }], optIns: [] });
  });

  it('a sync or an edit leaves the opt-out of a number in place', async () => {
    await app.data(OptOut, { input: { address: '+12025550140', reason: 'asked' } }, ws.keys.WRITE);
    const { syncContacts } = await app.data(
      Sync,
      {
        input: {
          source: 'crm',
          records: [
            { externalId: '1', phone: '+12025550140', firstName: 'Kim' },
            { externalId: '2', phone: '+12025550141', firstName: 'Lou' },
          ],
        },
      },
      ws.keys.WRITE,
    );
    expect(syncContacts).toMatchObject({ created: 2 });
    expect(await consentOf('+12025550140')).toMatchObject({ optOuts: [{ channel: 'ALL' }], history: { totalCount: 1 } });

    // Lou's number is edited to Kim's opted-out one: the detail shows the opt-out at once.
    const { contacts } = await app.data(ContactsByPhone, {}, ws.keys.READ);
    const lou = contacts.edges.find((edge) => edge.node.firstName === 'Lou')!.node;
    const { updateContactDetail } = await app.data(UpdateDetail, { input: { id: lou.details[0]!.id, value: '+1 202 555 0140' } }, ws.keys.WRITE);
    expect(updateContactDetail).toMatchObject({ value: '+12025550140', status: 'OPTED_OUT' });
    expect(await consentOf('+12025550140')).toMatchObject({ optOuts: [{ channel: 'ALL' }], history: { totalCount: 1 } });
  });
});
