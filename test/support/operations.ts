import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphql } from '../generated/gql.ts';
import type { CreateContactInput, CreateFieldInput, CreateGroupInput, GroupMembersInput, OptOutInput } from '../generated/graphql.ts';
import type { TestApp } from './app.ts';

/**
 * The operations tests use to set up their data, each sent by a helper that returns what the test
 * goes on with; a typed error in the answer fails the setup with that error. A test of one of these
 * operations sends its own document, so that what it checks stays in sight.
 */

const SeedContact = graphql(`
  mutation SeedContact($input: CreateContactInput!) {
    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }
  }
`);

const SeedField = graphql(`
  mutation SeedField($input: CreateFieldInput!) {
    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }
  }
`);

const SeedGroup = graphql(`
  mutation SeedGroup($input: CreateGroupInput!) {
    createGroup(input: $input) { __typename ... on Group { id } ... on Error { message } }
  }
`);

const SeedGroupMembers = graphql(`
  mutation SeedGroupMembers($input: GroupMembersInput!) {
    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } ... on Error { message } }
  }
`);

const SeedDeleteContact = graphql(`
  mutation SeedDeleteContact($id: ID!) {
    deleteContact(id: $id) { __typename ... on Error { message } }
  }
`);

const SeedOptOut = graphql(`
  mutation SeedOptOut($input: OptOutInput!) {
    optOut(input: $input) { __typename ... on Error { message } }
  }
`);

/** The result when it is of the type expected; anything else fails the setup, naming the operation. */
function expectResult<T extends { __typename: string }, N extends T['__typename']>(
  operation: string,
  result: T,
  typename: N,
): Extract<T, { __typename: N }> {
  if (result.__typename !== typename) throw new Error(`${operation}: ${JSON.stringify(result)}`);
  return result as Extract<T, { __typename: N }>;
}

/** Creates a contact; returns its id. */
export async function createContact(app: TestApp, key: string, input: CreateContactInput): Promise<string> {
  return expectResult('createContact', (await app.data(SeedContact, { input }, key)).createContact, 'Contact').id;
}

/** Creates a custom field; returns its key. */
export async function createField(app: TestApp, key: string, input: CreateFieldInput): Promise<string> {
  return expectResult('createField', (await app.data(SeedField, { input }, key)).createField, 'Field').key;
}

/** Creates a group, static or dynamic; returns its id. */
export async function createGroup(app: TestApp, key: string, input: CreateGroupInput): Promise<string> {
  return expectResult('createGroup', (await app.data(SeedGroup, { input }, key)).createGroup, 'Group').id;
}

/** Adds contacts (by id, or those a filter matches) to a static group; returns how many were added. */
export async function addContactsToGroup(app: TestApp, key: string, input: GroupMembersInput): Promise<number> {
  return expectResult('addContactsToGroup', (await app.data(SeedGroupMembers, { input }, key)).addContactsToGroup, 'GroupMembershipChange').count;
}

/** Deletes a contact, as a user does by hand. */
export async function deleteContact(app: TestApp, key: string, id: string): Promise<void> {
  expectResult('deleteContact', (await app.data(SeedDeleteContact, { id }, key)).deleteContact, 'DeletedContact');
}

/** Opts an address out (of every channel unless one is given). */
export async function optOut(app: TestApp, key: string, input: OptOutInput): Promise<void> {
  expectResult('optOut', (await app.data(SeedOptOut, { input }, key)).optOut, 'AddressConsent');
}

/**
 * Sends `document` as a GraphQL multipart request, as a browser uploading a file does: the file is
 * `input.file`, beside the rest of `input`. Returns the data; a GraphQL error throws.
 */
export async function sendFile<TResult, TInput>(
  app: TestApp,
  key: string,
  document: TypedDocumentNode<TResult, { input: TInput }>,
  input: Omit<TInput, 'file'>,
  file: { content: string | Uint8Array; name: string; type: string },
): Promise<TResult> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables: { input: { ...input, file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([file.content as BlobPart], { type: file.type }), file.name);
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
