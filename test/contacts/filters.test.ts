import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ContactFilterInput, CreateContactInput, CreateGroupInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { addContactsToGroup, createContact, createField, createGroup, optOut } from '../support/operations.ts';

const FiltersContacts = graphql(`
  query FiltersContacts($filter: ContactFilterInput) {
    contacts(filter: $filter, first: 100) { totalCount edges { node { id firstName } } }
  }
`);

const FiltersUpdateGroup = graphql(`
  mutation FiltersUpdateGroup($input: UpdateGroupInput!) {
    updateGroup(input: $input) {
      __typename
      ... on Group { id }
      ... on ValidationError { message issues { path message } }
      ... on Error { message }
    }
  }
`);

const app = useTestApp({ worker: false });
let ws: TestWorkspace;
let other: TestWorkspace;
const ids: Record<string, string> = {};

const day = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

async function contact(key: string, input: CreateContactInput, workspace = ws) {
  ids[key] = await createContact(app, workspace.keys.WRITE, input);
}

/** The first names (or `-` for none) of the contacts a filter selects, sorted. */
async function matching(filter: ContactFilterInput, key = ws.keys.READ): Promise<string[]> {
  const { contacts } = await app.data(FiltersContacts, { filter }, key);
  expect(contacts.totalCount).toBe(contacts.edges.length);
  return contacts.edges.map(({ node }) => node.firstName ?? '-').sort();
}

/** The GraphQL error a bad filter gets: its code and issues. */
async function rejected(filter: ContactFilterInput) {
  const { body } = await app.request(FiltersContacts, { filter }, ws.keys.READ);
  expect(body.data ?? null).toBeNull();
  const error = body.errors?.[0] as { extensions?: { code?: string; issues?: { path: string[]; message: string }[] } } | undefined;
  return { code: error?.extensions?.code, issues: error?.extensions?.issues ?? [] };
}

const group = (input: CreateGroupInput, workspace = ws) => createGroup(app, workspace.keys.WRITE, input);

beforeAll(async () => {
  ws = await app.createWorkspace('Filters');
  other = await app.createWorkspace('Other');
  const fields: [string, string, string[]?][] = [
    ['Tier', 'SELECT', ['Gold', 'Silver']],
    ['Score', 'NUMBER'],
    ['Vip', 'BOOLEAN'],
    ['Birthday', 'DATE'],
    ['Last seen', 'DATETIME'],
    ['Interests', 'MULTI_SELECT', ['Golf', 'Tennis', 'Chess']],
    ['Website', 'URL'],
    ['Work email', 'EMAIL'],
    ['Mobile', 'PHONE'],
    ['Notes', 'TEXT'],
  ];
  for (const [label, type, options] of fields) {
    await createField(app, ws.keys.ADMIN, { label, type: type as never, options });
  }
  const cf = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value }));
  await contact('Ada', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    country: 'GB',
    tags: ['vip', 'early'],
    details: [
      { kind: 'PHONE', value: '+44 7400 123456' },
      { kind: 'EMAIL', value: 'Ada@Example.com' },
    ],
    customFields: cf({
      tier: 'gold',
      score: '90',
      vip: 'yes',
      birthday: '1815-12-10',
      lastSeen: new Date(Date.now() - 2 * day).toISOString(),
      interests: 'Chess, Tennis',
      website: 'HTTPS://Ada.Example',
      workEmail: 'ada@work.example',
      mobile: '+44 7400 123457',
      notes: 'Analytical engine 100%',
    }),
  });
  await contact('Grace', {
    firstName: 'Grace',
    lastName: 'Hopper',
    country: 'US',
    tags: ['vip'],
    details: [{ kind: 'PHONE', value: '(202) 555-0143' }],
    customFields: cf({
      tier: 'Silver',
      score: '75.5',
      vip: 'no',
      birthday: isoDay(-10),
      lastSeen: new Date(Date.now() - 40 * day).toISOString(),
      interests: 'Golf',
      notes: 'COBOL',
    }),
  });
  await contact('Alan', {
    firstName: 'Alan',
    lastName: 'Turing',
    country: 'GB',
    tags: ['early'],
    details: [{ kind: 'EMAIL', value: 'alan@example.com' }],
    customFields: cf({ score: '60', birthday: isoDay(-400) }),
  });
  await contact('-', { country: 'FR', details: [{ kind: 'PHONE', value: '+33 6 12 34 56 78' }] });
  await contact('Other', { firstName: 'Ada', country: 'GB', tags: ['vip'], details: [{ kind: 'PHONE', value: '+44 7400 123456' }] }, other);
  await optOut(app, ws.keys.WRITE, { address: '+12025550143', channel: 'ALL' });
});

const field = (key: string, condition: Record<string, unknown>): ContactFilterInput => ({ field: { key, ...condition } });

describe('field conditions', () => {
  it.each<[string, ContactFilterInput, string[]]>([
    ['text eq ignores case', field('country', { eq: 'gb' }), ['Ada', 'Alan']],
    ['neq includes unset values', field('firstName', { neq: 'ADA' }), ['-', 'Alan', 'Grace']],
    ['contains', field('lastName', { contains: 'OVE' }), ['Ada']],
    ['startsWith', field('firstName', { startsWith: 'a' }), ['Ada', 'Alan']],
    ['in', field('firstName', { in: ['ada', 'Grace'] }), ['Ada', 'Grace']],
    ['notIn includes unset values', field('firstName', { notIn: ['ada'] }), ['-', 'Alan', 'Grace']],
    ['isSet', field('firstName', { isSet: true }), ['Ada', 'Alan', 'Grace']],
    ['isSet false', field('firstName', { isSet: false }), ['-']],
    ['isNotSet', field('lastName', { isNotSet: true }), ['-']],
    ['full name', field('name', { eq: 'ada lovelace' }), ['Ada']],
    ['phone eq in any international format', field('phone', { eq: '+1 (202) 555-0143' }), ['Grace']],
    ['phone contains digits', field('phone', { contains: '7400 12' }), ['Ada']],
    ['phone in', field('phone', { in: ['+33612345678', '+12025550143'] }), ['-', 'Grace']],
    ['phone notIn', field('phone', { notIn: ['+33612345678'] }), ['Ada', 'Alan', 'Grace']],
    ['phone isNotSet', field('phone', { isNotSet: true }), ['Alan']],
    ['email eq ignores case', field('email', { eq: 'ADA@example.COM' }), ['Ada']],
    ['email startsWith', field('email', { startsWith: 'Al' }), ['Alan']],
    ['email neq', field('email', { neq: 'ada@example.com' }), ['-', 'Alan', 'Grace']],
    ['createdAt withinLastDays', field('createdAt', { withinLastDays: 1 }), ['-', 'Ada', 'Alan', 'Grace']],
    ['createdAt moreThanDaysAgo', field('createdAt', { moreThanDaysAgo: 1 }), []],
    ['createdAt gt', field('createdAt', { gt: '2000-01-01T00:00:00Z' }), ['-', 'Ada', 'Alan', 'Grace']],
    ['updatedAt lt', field('updatedAt', { lt: '2000-01-01' }), []],
    ['SELECT eq matches the option ignoring case', field('tier', { eq: 'GOLD' }), ['Ada']],
    ['SELECT neq', field('tier', { neq: 'Gold' }), ['-', 'Alan', 'Grace']],
    ['SELECT in', field('tier', { in: ['gold', 'silver'] }), ['Ada', 'Grace']],
    ['SELECT notIn', field('tier', { notIn: ['Gold'] }), ['-', 'Alan', 'Grace']],
    ['SELECT isSet', field('tier', { isSet: true }), ['Ada', 'Grace']],
    ['NUMBER gt', field('score', { gt: 70 }), ['Ada', 'Grace']],
    ['NUMBER gte with a decimal', field('score', { gte: 75.5 }), ['Ada', 'Grace']],
    ['NUMBER lt as text', field('score', { lt: '75.5' }), ['Alan']],
    ['NUMBER lte', field('score', { lte: 60 }), ['Alan']],
    ['NUMBER between', field('score', { between: { from: 60, to: 80 } }), ['Alan', 'Grace']],
    ['NUMBER eq', field('score', { eq: 90 }), ['Ada']],
    ['NUMBER neq', field('score', { neq: 90 }), ['-', 'Alan', 'Grace']],
    ['NUMBER in', field('score', { in: [60, 90] }), ['Ada', 'Alan']],
    ['NUMBER notIn', field('score', { notIn: [60] }), ['-', 'Ada', 'Grace']],
    ['NUMBER isNotSet', field('score', { isNotSet: true }), ['-']],
    ['BOOLEAN eq true', field('vip', { eq: true }), ['Ada']],
    ['BOOLEAN eq "no"', field('vip', { eq: 'no' }), ['Grace']],
    ['BOOLEAN neq', field('vip', { neq: true }), ['-', 'Alan', 'Grace']],
    ['BOOLEAN isNotSet', field('vip', { isNotSet: true }), ['-', 'Alan']],
    ['DATE lt', field('birthday', { lt: '1900-01-01' }), ['Ada']],
    ['DATE gte', field('birthday', { gte: isoDay(-10) }), ['Grace']],
    ['DATE lte', field('birthday', { lte: isoDay(-10) }), ['Ada', 'Alan', 'Grace']],
    ['DATE between', field('birthday', { between: { from: '1800-01-01', to: isoDay(-30) } }), ['Ada', 'Alan']],
    ['DATE eq', field('birthday', { eq: '1815-12-10' }), ['Ada']],
    ['DATE in', field('birthday', { in: ['1815-12-10', isoDay(-10)] }), ['Ada', 'Grace']],
    ['DATE notIn', field('birthday', { notIn: ['1815-12-10'] }), ['-', 'Alan', 'Grace']],
    ['DATE within the last 30 days', field('birthday', { withinLastDays: 30 }), ['Grace']],
    ['DATE more than a year ago', field('birthday', { moreThanDaysAgo: 365 }), ['Ada', 'Alan']],
    ['DATETIME within the last 7 days', field('lastSeen', { withinLastDays: 7 }), ['Ada']],
    ['DATETIME more than 30 days ago', field('lastSeen', { moreThanDaysAgo: 30 }), ['Grace']],
    ['DATETIME gt with an offset', field('lastSeen', { gt: new Date(Date.now() - 10 * day).toISOString().replace('Z', '+00:00') }), ['Ada']],
    ['DATETIME neq', field('lastSeen', { neq: '2000-01-01T00:00:00Z' }), ['-', 'Ada', 'Alan', 'Grace']],
    ['MULTI_SELECT contains an option', field('interests', { contains: 'chess' }), ['Ada']],
    ['MULTI_SELECT in: any of', field('interests', { in: ['Golf', 'Tennis'] }), ['Ada', 'Grace']],
    ['MULTI_SELECT notIn: none of', field('interests', { notIn: ['Golf'] }), ['-', 'Ada', 'Alan']],
    ['MULTI_SELECT eq: exactly these', field('interests', { eq: ['tennis', 'Chess'] }), ['Ada']],
    ['MULTI_SELECT eq as text', field('interests', { eq: 'Chess; Tennis' }), ['Ada']],
    ['MULTI_SELECT neq', field('interests', { neq: ['Golf'] }), ['-', 'Ada', 'Alan']],
    ['MULTI_SELECT isSet', field('interests', { isSet: true }), ['Ada', 'Grace']],
    ['URL eq normalizes', field('website', { eq: 'https://ada.example/' }), ['Ada']],
    ['URL contains', field('website', { contains: 'ADA.EX' }), ['Ada']],
    ['URL startsWith', field('website', { startsWith: 'https://' }), ['Ada']],
    ['EMAIL field eq ignores case', field('workEmail', { eq: 'Ada@Work.Example' }), ['Ada']],
    ['EMAIL field notIn', field('workEmail', { notIn: ['ada@work.example'] }), ['-', 'Alan', 'Grace']],
    ['PHONE field eq in another format', field('mobile', { eq: '+447400123457' }), ['Ada']],
    ['PHONE field in', field('mobile', { in: ['+44 7400 123457'] }), ['Ada']],
    ['TEXT eq ignores case', field('notes', { eq: 'cobol' }), ['Grace']],
    ['TEXT contains treats % literally', field('notes', { contains: '100%' }), ['Ada']],
    ['TEXT contains does not treat % as a wildcard', field('notes', { contains: 'e%1' }), []],
    ['TEXT startsWith', field('notes', { startsWith: 'anal' }), ['Ada']],
    ['TEXT neq', field('notes', { neq: 'COBOL' }), ['-', 'Ada', 'Alan']],
    ['TEXT in', field('notes', { in: ['cobol', 'nothing'] }), ['Grace']],
    ['TEXT isNotSet', field('notes', { isNotSet: true }), ['-', 'Alan']],
  ])('%s', async (_name, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });
});

describe('tags, channels and opt-outs', () => {
  it.each<[string, ContactFilterInput, string[]]>([
    ['tags any', { tags: { any: ['vip'] } }, ['Ada', 'Grace']],
    ['tags all', { tags: { all: ['vip', 'early'] } }, ['Ada']],
    ['tags none', { tags: { none: ['vip'] } }, ['-', 'Alan']],
    ['an unknown tag matches nobody', { tags: { any: ['nobody'] } }, []],
    ['has an email address', { hasAddressFor: 'EMAIL' }, ['Ada', 'Alan']],
    ['has a phone for SMS', { hasAddressFor: 'SMS' }, ['-', 'Ada', 'Grace']],
    ['has a phone for WhatsApp', { hasAddressFor: 'WHATSAPP' }, ['-', 'Ada', 'Grace']],
    ['opted out on SMS', { optedOutOn: 'SMS' }, ['Grace']],
    ['reachable on SMS', { reachableOn: 'SMS' }, ['-', 'Ada']],
    ['reachable on email', { reachableOn: 'EMAIL' }, ['Ada', 'Alan']],
    ['active', { active: true }, ['-', 'Ada', 'Alan']],
    ['not active', { active: false }, ['Grace']],
  ])('%s', async (_name, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });
});

describe('and / or / not', () => {
  it.each<[string, ContactFilterInput, string[]]>([
    ['and', { and: [field('country', { eq: 'GB' }), { tags: { any: ['vip'] } }] }, ['Ada']],
    ['or', { or: [field('country', { eq: 'US' }), field('country', { eq: 'FR' })] }, ['-', 'Grace']],
    ['not', { not: { tags: { any: ['vip'] } } }, ['-', 'Alan']],
    [
      'nested',
      { and: [{ or: [field('country', { eq: 'US' }), field('score', { lt: 70 })] }, { not: { field: { key: 'tier', isSet: true } } }] },
      ['Alan'],
    ],
    ['not of not', { not: { not: field('vip', { eq: true }) } }, ['Ada']],
  ])('%s', async (_name, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });
});

describe('group membership', () => {
  it('matches static and dynamic groups, dynamic ones through each other', async () => {
    const staticGroup = await group({ name: 'Hand picked', type: 'STATIC' });
    await addContactsToGroup(app, ws.keys.WRITE, { groupId: staticGroup, contactIds: [ids.Ada!, ids.Grace!] });
    const early = await group({ name: 'Early', type: 'DYNAMIC', filter: { tags: { any: ['early'] } } });
    const earlyBritons = await group({
      name: 'Early Britons',
      type: 'DYNAMIC',
      filter: { and: [{ groups: { any: [early] } }, field('country', { eq: 'GB' })] },
    });

    expect(await matching({ groups: { any: [staticGroup] } })).toEqual(['Ada', 'Grace']);
    expect(await matching({ groups: { any: [early] } })).toEqual(['Ada', 'Alan']);
    expect(await matching({ groups: { all: [staticGroup, early] } })).toEqual(['Ada']);
    expect(await matching({ groups: { none: [early] } })).toEqual(['-', 'Grace']);
    expect(await matching({ groups: { any: [earlyBritons, staticGroup] } })).toEqual(['Ada', 'Alan', 'Grace']);
  });

  it('refuses a cycle of dynamic groups when it is saved', async () => {
    const a = await group({ name: 'Cycle A', type: 'DYNAMIC', filter: { tags: { any: ['vip'] } } });
    const b = await group({ name: 'Cycle B', type: 'DYNAMIC', filter: { groups: { any: [a] } } });
    const { updateGroup } = await app.data(FiltersUpdateGroup, { input: { id: a, filter: { not: { groups: { any: [b] } } } } }, ws.keys.WRITE);
    expect(updateGroup.__typename).toBe('ValidationError');
    if (updateGroup.__typename !== 'ValidationError') return;
    expect(updateGroup.issues[0]!.path).toEqual(['input', 'filter']);
    expect(updateGroup.message).toMatch(/cycle: "Cycle A" → "Cycle B" → "Cycle A"/);
    // Nothing was saved: B still resolves through A's old filter.
    expect(await matching({ groups: { any: [b] } })).toEqual(['Ada', 'Grace']);
  });

  it('answers a group of another workspace like a missing one', async () => {
    const foreign = await group({ name: 'Theirs', type: 'DYNAMIC', filter: { tags: { any: ['vip'] } } }, other);
    const missing = await rejected({ groups: { any: [foreign] } });
    const random = await rejected({ groups: { any: ['00000000-0000-4000-8000-000000000000'] } });
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(missing.issues.map((issue) => issue.path)).toEqual([['filter', 'groups', 'any', '0']]);
    expect(missing.issues[0]!.message.replace(uuidOf(foreign), 'ID')).toBe(
      random.issues[0]!.message.replace('00000000-0000-4000-8000-000000000000', 'ID'),
    );
  });
});

describe('isolation', () => {
  it('never sees another workspace’s contacts', async () => {
    expect(await matching(field('phone', { eq: '+447400123456' }), other.keys.READ)).toEqual(['Ada']);
    expect(await matching({ tags: { any: ['vip'] } }, other.keys.READ)).toEqual(['Ada']);
    expect(await matching(field('firstName', { eq: 'Ada' }))).toEqual(['Ada']);
  });

  it('does not know another workspace’s custom fields', async () => {
    const { body } = await app.request(FiltersContacts, { filter: field('tier', { eq: 'Gold' }) }, other.keys.READ);
    expect((body.errors?.[0]?.extensions as { issues?: unknown[] } | undefined)?.issues).toEqual([
      {
        path: ['filter', 'field', 'key'],
        code: 'UNKNOWN_FIELD',
        params: { key: 'tier' },
        message: 'no field has the key "tier" (it may have been deleted)',
      },
    ]);
  });
});

describe('bad filters are typed errors naming the path', () => {
  it.each<[string, ContactFilterInput, string[], RegExp]>([
    ['unknown field', field('shoeSize', { eq: 1 }), ['filter', 'field', 'key'], /no field has the key "shoeSize"/],
    ['operator not valid for the type', field('vip', { gt: 1 }), ['filter', 'field', 'gt'], /gt does not apply to "vip", a BOOLEAN field/],
    ['contains on a number', field('score', { contains: '9' }), ['filter', 'field', 'contains'], /does not apply/],
    ['relative dates on text', field('firstName', { withinLastDays: 3 }), ['filter', 'field', 'withinLastDays'], /does not apply/],
    ['a bad number', field('score', { eq: 'lots' }), ['filter', 'field', 'eq'], /not a number/],
    ['a bad date', field('birthday', { gt: '31/12/2020' }), ['filter', 'field', 'gt'], /not a date/],
    ['not an option', { and: [field('tier', { eq: 'Bronze' })] }, ['filter', 'and', '0', 'field', 'eq'], /not one of the options/],
    ['a bad item of a list', field('score', { in: [1, 'x'] }), ['filter', 'field', 'in', '1'], /not a number/],
    ['a phone without its country', field('phone', { eq: '202 555 0143' }), ['filter', 'field', 'eq'], /international form/],
    ['two operators', field('score', { gt: 1, lt: 5 }), ['filter', 'field'], /exactly one operator; got gt, lt/],
    ['no operator', { field: { key: 'score' } }, ['filter', 'field'], /exactly one operator; got none/],
    ['two conditions in one node', { active: true, tags: { any: ['x'] } }, ['filter'], /exactly one of/],
    ['an empty node', {}, ['filter'], /got none/],
    ['an empty and', { or: [] }, ['filter', 'or'], /non-empty list/],
    ['negative days', field('createdAt', { withinLastDays: -1 }), ['filter', 'field', 'withinLastDays'], /whole number of days/],
    ['tags with two lists', { tags: { any: ['a'], all: ['b'] } }, ['filter', 'tags'], /exactly one of any, all, none/],
    ['a malformed group id', { not: { groups: { any: ['nope'] } } }, ['filter', 'not', 'groups', 'any', '0'], /was not found/],
  ])('%s', async (_name, filter, path, message) => {
    const { code, issues } = await rejected(filter);
    expect(code).toBe('VALIDATION_FAILED');
    expect(issues[0]?.path).toEqual(path);
    expect(issues[0]?.message).toMatch(message);
  });

  it('lists every problem of a filter at once', async () => {
    const { issues } = await rejected({ and: [field('nope', { eq: 1 }), field('score', { eq: 'x' })] });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['filter', 'and', '0', 'field', 'key'],
      ['filter', 'and', '1', 'field', 'eq'],
    ]);
  });
});
