import { graphql } from '../generated/gql.ts';
import type { TestApp, TestWorkspace } from '../support/app.ts';

/** Operations the opt-out and audience tests share. */

export const ConsentFields = graphql(`
  fragment ConsentFields on AddressConsent {
    address
    kind
    optOuts { channel source reason actorKeyId jobId }
    optIns { channel source }
    channels { channel status optedIn }
    history(first: 50) { totalCount edges { node { type channel source reason actorKeyId jobId } } }
  }
`);

export const OptOut = graphql(`
  mutation OptOut($input: OptOutInput!) {
    optOut(input: $input) {
      __typename
      ... on AddressConsent { ...ConsentFields }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

export const OptIn = graphql(`
  mutation OptIn($input: OptInInput!) {
    optIn(input: $input) {
      __typename
      ... on AddressConsent { ...ConsentFields }
      ... on Error { message }
    }
  }
`);

export const Reinstate = graphql(`
  mutation Reinstate($input: ReinstateInput!) {
    reinstate(input: $input) {
      __typename
      ... on AddressConsent { ...ConsentFields }
      ... on InvalidStateError { message state }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

export const AddressConsentQuery = graphql(`
  query AddressConsent($address: String!, $defaultCountry: String) {
    addressConsent(address: $address, defaultCountry: $defaultCountry) {
      __typename
      ... on AddressConsent { ...ConsentFields }
      ... on Error { message }
    }
  }
`);

export const CreateContact = graphql(`
  mutation ConsentCreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      __typename
      ... on Contact { id details { id kind value status channels { channel status optedIn } } }
      ... on Error { message }
    }
  }
`);

export const GetContact = graphql(`
  query ConsentGetContact($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact { id details { id kind value status channels { channel status optedIn } } }
      ... on Error { message }
    }
  }
`);

export const DeleteContact = graphql(`
  mutation ConsentDeleteContact($id: ID!) {
    deleteContact(id: $id) { __typename ... on Error { message } }
  }
`);

export const BulkOptOut = graphql(`
  mutation BulkOptOut($input: BulkOptOutInput!) {
    bulkOptOut(input: $input) {
      __typename
      ... on BulkOptOut { lines addresses optedOut alreadyOptedOut invalidCount invalid { line value reason } }
      ... on Error { message }
    }
  }
`);

export const Audience = graphql(`
  query Audience($input: AudienceInput!, $first: Int, $after: String) {
    audience(input: $input) {
      __typename
      ... on Audience {
        sendableCount
        excluded { reason count }
        addresses(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { address contactId } }
        }
      }
      ... on NotFoundError { message entity id }
      ... on Error { message }
    }
  }
`);

const ApiKeys = graphql(`
  query ConsentApiKeys {
    apiKeys { id name }
  }
`);

/** The id of the workspace's key of one scope (the test app names each key after its scope). */
export async function keyId(app: TestApp, workspace: TestWorkspace, scope: 'READ' | 'WRITE' | 'ADMIN'): Promise<string> {
  const { apiKeys } = await app.data(ApiKeys, {}, workspace.keys.ADMIN);
  return apiKeys.find((key) => key.name === scope)!.id;
}

/** The audience's excluded counts as a record, zeros left out. */
export function exclusions(excluded: readonly { reason: string; count: number }[]): Record<string, number> {
  return Object.fromEntries(excluded.filter((entry) => entry.count > 0).map((entry) => [entry.reason, entry.count]));
}
