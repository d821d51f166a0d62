import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ContactFilterInput, OptOutChannel } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { createContact, optOut } from '../support/operations.ts';

const ActiveRuleContacts = graphql(`
  query ActiveRuleContacts($filter: ContactFilterInput) {
    contacts(filter: $filter, first: 100) { totalCount edges { node { firstName details { status } } } }
  }
`);

const ActiveRuleCreateGroup = graphql(`
  mutation ActiveRuleCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) { __typename ... on Group { id activeContactCount } ... on Error { message } }
  }
`);

const ActiveRuleAddMembers = graphql(`
  mutation ActiveRuleAddMembers($input: GroupMembersInput!) {
    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { group { activeContactCount } } ... on Error { message } }
  }
`);

const app = useTestApp({ worker: false });
let ws: TestWorkspace;
let other: TestWorkspace;

const phone = (n: number) => `+4474001000${String(n).padStart(2, '0')}`;

/** Each contact: its details and the opt-outs on their addresses. */
const PEOPLE: { name: string; country?: string; phone?: number; email?: string; optOuts: [string, OptOutChannel][] }[] = [
  { name: 'Phone', country: 'GB', phone: 1, optOuts: [] },
  { name: 'PhoneSms', country: 'GB', phone: 2, optOuts: [[phone(2), 'SMS']] },
  { name: 'PhoneWhatsapp', country: 'US', phone: 3, optOuts: [[phone(3), 'WHATSAPP']] },
  {
    name: 'PhoneSmsWhatsapp',
    country: 'US',
    phone: 4,
    optOuts: [
      [phone(4), 'SMS'],
      [phone(4), 'WHATSAPP'],
    ],
  },
  { name: 'PhoneAll', country: 'FR', phone: 5, optOuts: [[phone(5), 'ALL']] },
  { name: 'Email', email: 'email@example.com', optOuts: [['email@example.com', 'EMAIL']] },
  { name: 'EmailAll', email: 'all@example.com', optOuts: [['all@example.com', 'ALL']] },
  { name: 'PhoneAllEmail', country: 'GB', phone: 6, email: 'open@example.com', optOuts: [[phone(6), 'ALL']] },
  {
    name: 'BothOut',
    phone: 7,
    email: 'out@example.com',
    optOuts: [
      [phone(7), 'SMS'],
      [phone(7), 'WHATSAPP'],
      ['out@example.com', 'EMAIL'],
    ],
  },
];

async function names(filter?: ContactFilterInput): Promise<string[]> {
  const { contacts } = await app.data(ActiveRuleContacts, { filter }, ws.keys.READ);
  expect(contacts.totalCount).toBe(contacts.edges.length);
  return contacts.edges.map(({ node }) => node.firstName!).sort();
}

async function dynamicCount(filter: ContactFilterInput): Promise<number | null | undefined> {
  const { createGroup } = await app.data(ActiveRuleCreateGroup, { input: { name: JSON.stringify(filter), type: 'DYNAMIC', filter } }, ws.keys.WRITE);
  if (createGroup.__typename !== 'Group') throw new Error(JSON.stringify(createGroup));
  return createGroup.activeContactCount;
}

beforeAll(async () => {
  ws = await app.createWorkspace('Active rule');
  other = await app.createWorkspace('Other');
  for (const person of PEOPLE) {
    const details = [
      ...(person.phone ? [{ kind: 'PHONE' as const, value: phone(person.phone) }] : []),
      ...(person.email ? [{ kind: 'EMAIL' as const, value: person.email }] : []),
    ];
    await createContact(app, ws.keys.WRITE, { firstName: person.name, country: person.country, details });
    for (const [address, channel] of person.optOuts) await optOut(app, ws.keys.WRITE, { address, channel });
  }
  // Another workspace's opt-out of Phone's number does not touch this workspace.
  await optOut(app, other.keys.WRITE, { address: phone(1), channel: 'ALL' });
});

describe('the active-contact rule in SQL', () => {
  const ACTIVE = ['Phone', 'PhoneAllEmail', 'PhoneSms', 'PhoneWhatsapp'];
  const INACTIVE = ['BothOut', 'Email', 'EmailAll', 'PhoneAll', 'PhoneSmsWhatsapp'];

  it('agrees with the status of each detail: active when one detail has a channel left open', async () => {
    const { contacts } = await app.data(ActiveRuleContacts, {}, ws.keys.READ);
    const byDetails = contacts.edges
      .filter(({ node }) => node.details.some((detail) => detail.status === 'ACTIVE'))
      .map(({ node }) => node.firstName!)
      .sort();
    expect(byDetails).toEqual(ACTIVE);
  });

  it('selects active and inactive contacts in filters', async () => {
    expect(await names({ active: true })).toEqual(ACTIVE);
    expect(await names({ active: false })).toEqual(INACTIVE);
    expect(await names({ not: { active: true } })).toEqual(INACTIVE);
  });

  it('counts active contacts of dynamic and static groups', async () => {
    expect(await dynamicCount({ active: false })).toBe(0);
    expect(await dynamicCount({ field: { key: 'firstName', isSet: true } })).toBe(ACTIVE.length);
    const { createGroup } = await app.data(ActiveRuleCreateGroup, { input: { name: 'Everyone', type: 'STATIC' } }, ws.keys.WRITE);
    if (createGroup.__typename !== 'Group') throw new Error(JSON.stringify(createGroup));
    expect(createGroup.activeContactCount).toBe(0);
    const { addContactsToGroup } = await app.data(
      ActiveRuleAddMembers,
      { input: { groupId: createGroup.id, filter: { field: { key: 'firstName', isSet: true } } } },
      ws.keys.WRITE,
    );
    expect(addContactsToGroup).toMatchObject({ __typename: 'GroupMembershipChange', group: { activeContactCount: ACTIVE.length } });
  });
});

describe('country conditions', () => {
  it.each<[string, ContactFilterInput, string[]]>([
    ['eq in any case', { field: { key: 'country', eq: ' gb ' } }, ['Phone', 'PhoneAllEmail', 'PhoneSms']],
    [
      'neq includes unset countries',
      { field: { key: 'country', neq: 'Gb' } },
      ['BothOut', 'Email', 'EmailAll', 'PhoneAll', 'PhoneSmsWhatsapp', 'PhoneWhatsapp'],
    ],
    ['in', { field: { key: 'country', in: ['us', 'FR'] } }, ['PhoneAll', 'PhoneSmsWhatsapp', 'PhoneWhatsapp']],
    ['notIn includes unset countries', { field: { key: 'country', notIn: ['gb', 'us'] } }, ['BothOut', 'Email', 'EmailAll', 'PhoneAll']],
    ['not eq', { not: { field: { key: 'country', eq: 'gb' } } }, ['BothOut', 'Email', 'EmailAll', 'PhoneAll', 'PhoneSmsWhatsapp', 'PhoneWhatsapp']],
    ['startsWith ignores case', { field: { key: 'country', startsWith: 'f' } }, ['PhoneAll']],
  ])('%s', async (_label, filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it('counts a dynamic group of country and activity', async () => {
    expect(await dynamicCount({ and: [{ field: { key: 'country', eq: 'gb' } }, { active: true }] })).toBe(3);
  });
});
