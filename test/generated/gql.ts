/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription Progress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      id\n      status\n      counts { toCreate toUpdate toSkip errors created updated skipped failed }\n      progress { processedRows totalRows rowsPerSecond etaSeconds }\n    }\n  }\n": typeof types.ProgressDocument,
    "\n  query ImportedContacts {\n    contacts(first: 100) { totalCount edges { node { name tags details { kind value } } } }\n  }\n": typeof types.ImportedContactsDocument,
    "\n  mutation RulesNewContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": typeof types.RulesNewContactDocument,
    "\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n": typeof types.RulesContactsDocument,
    "\n  mutation RulesNewField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n": typeof types.RulesNewFieldDocument,
    "\n  query MessyFieldKeys {\n    fields { key label }\n  }\n": typeof types.MessyFieldKeysDocument,
    "\n  query MessyContacts {\n    contacts(first: 50) { edges { node { customFields details { value } } } }\n  }\n": typeof types.MessyContactsDocument,
    "\n  query WorkspaceName {\n    workspace { id name }\n  }\n": typeof types.WorkspaceNameDocument,
    "\n  mutation AddContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": typeof types.AddContactDocument,
    "\n  query ReadContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { id name } ... on Error { message } }\n  }\n": typeof types.ReadContactDocument,
    "\n  query ContactCount {\n    contacts(first: 1) { totalCount }\n  }\n": typeof types.ContactCountDocument,
    "\n  mutation RenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": typeof types.RenameContactDocument,
    "\n  mutation RemoveContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RemoveContactDocument,
    "\n  mutation NewKey($name: String!, $scope: ApiKeyScope!) {\n    createApiKey(name: $name, scope: $scope) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id name scope prefix } }\n      ... on Error { message }\n    }\n  }\n": typeof types.NewKeyDocument,
    "\n  mutation Revoke($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { message } }\n  }\n": typeof types.RevokeDocument,
    "\n  query Keys {\n    apiKeys { id name scope revokedAt }\n  }\n": typeof types.KeysDocument,
    "\n  query Typename {\n    __typename\n  }\n": typeof types.TypenameDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { id kind value rawValue label isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": typeof types.CreateContactDocument,
    "\n  query GetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id name firstName lastName country tags customFields details { id kind value isPrimary status } }\n      ... on Error { message }\n    }\n  }\n": typeof types.GetContactDocument,
    "\n  query ListContacts($first: Int, $after: String) {\n    contacts(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name tags details { kind value } } }\n    }\n  }\n": typeof types.ListContactsDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName lastName name country tags customFields }\n      ... on ValidationError { issues { path message } }\n      ... on NotFoundError { entity id }\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id) {\n      __typename\n      ... on DeletedContact { id }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeleteContactDocument,
    "\n  mutation AddDetail($contactId: ID!, $input: ContactDetailInput!) {\n    addContactDetail(contactId: $contactId, input: $input) {\n      __typename\n      ... on ContactDetail { id kind value isPrimary }\n      ... on Error { message }\n    }\n  }\n": typeof types.AddDetailDocument,
    "\n  mutation UpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) {\n      __typename\n      ... on ContactDetail { id value rawValue label isPrimary }\n      ... on Error { message }\n    }\n  }\n": typeof types.UpdateDetailDocument,
    "\n  mutation RemoveDetail($id: ID!) {\n    removeContactDetail(id: $id) {\n      __typename\n      ... on ContactDetail { id }\n      ... on Error { message }\n    }\n  }\n": typeof types.RemoveDetailDocument,
    "\n  mutation CreateFieldForContacts($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n": typeof types.CreateFieldForContactsDocument,
    "\n  query Fields {\n    fields { key label type options builtIn }\n  }\n": typeof types.FieldsDocument,
    "\n  mutation CreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key label type options builtIn }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateFieldDocument,
    "\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on Error { message }\n    }\n  }\n": typeof types.RenameFieldDocument,
    "\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeleteFieldDocument,
    "\n  mutation ContactWithFields($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id customFields } ... on Error { message } }\n  }\n": typeof types.ContactWithFieldsDocument,
    "\n  query ContactFields($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { customFields } }\n  }\n": typeof types.ContactFieldsDocument,
    "\n  mutation StartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        encoding\n        delimiter\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": typeof types.StartImportDocument,
    "\n  mutation SetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.SetMappingDocument,
    "\n  mutation Confirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": typeof types.ConfirmDocument,
    "\n  query JobState($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        totalRows\n        failureReason\n        counts { toCreate toUpdate toSkip errors created updated skipped failed }\n        progress { processedRows totalRows rowsPerSecond etaSeconds }\n        errorFileUrl\n        resultFileUrl\n        preview(first: 50) { rowNumber action values message }\n        updatePreview { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.JobStateDocument,
    "\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": typeof types.SyncContactsDocument,
    "\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n": typeof types.SyncStateDocument,
    "\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n": typeof types.SyncCountContactsDocument,
};
const documents: Documents = {
    "\n  subscription Progress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      id\n      status\n      counts { toCreate toUpdate toSkip errors created updated skipped failed }\n      progress { processedRows totalRows rowsPerSecond etaSeconds }\n    }\n  }\n": types.ProgressDocument,
    "\n  query ImportedContacts {\n    contacts(first: 100) { totalCount edges { node { name tags details { kind value } } } }\n  }\n": types.ImportedContactsDocument,
    "\n  mutation RulesNewContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": types.RulesNewContactDocument,
    "\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n": types.RulesContactsDocument,
    "\n  mutation RulesNewField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n": types.RulesNewFieldDocument,
    "\n  query MessyFieldKeys {\n    fields { key label }\n  }\n": types.MessyFieldKeysDocument,
    "\n  query MessyContacts {\n    contacts(first: 50) { edges { node { customFields details { value } } } }\n  }\n": types.MessyContactsDocument,
    "\n  query WorkspaceName {\n    workspace { id name }\n  }\n": types.WorkspaceNameDocument,
    "\n  mutation AddContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": types.AddContactDocument,
    "\n  query ReadContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { id name } ... on Error { message } }\n  }\n": types.ReadContactDocument,
    "\n  query ContactCount {\n    contacts(first: 1) { totalCount }\n  }\n": types.ContactCountDocument,
    "\n  mutation RenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": types.RenameContactDocument,
    "\n  mutation RemoveContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": types.RemoveContactDocument,
    "\n  mutation NewKey($name: String!, $scope: ApiKeyScope!) {\n    createApiKey(name: $name, scope: $scope) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id name scope prefix } }\n      ... on Error { message }\n    }\n  }\n": types.NewKeyDocument,
    "\n  mutation Revoke($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { message } }\n  }\n": types.RevokeDocument,
    "\n  query Keys {\n    apiKeys { id name scope revokedAt }\n  }\n": types.KeysDocument,
    "\n  query Typename {\n    __typename\n  }\n": types.TypenameDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { id kind value rawValue label isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": types.CreateContactDocument,
    "\n  query GetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id name firstName lastName country tags customFields details { id kind value isPrimary status } }\n      ... on Error { message }\n    }\n  }\n": types.GetContactDocument,
    "\n  query ListContacts($first: Int, $after: String) {\n    contacts(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name tags details { kind value } } }\n    }\n  }\n": types.ListContactsDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName lastName name country tags customFields }\n      ... on ValidationError { issues { path message } }\n      ... on NotFoundError { entity id }\n    }\n  }\n": types.UpdateContactDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id) {\n      __typename\n      ... on DeletedContact { id }\n      ... on Error { message }\n    }\n  }\n": types.DeleteContactDocument,
    "\n  mutation AddDetail($contactId: ID!, $input: ContactDetailInput!) {\n    addContactDetail(contactId: $contactId, input: $input) {\n      __typename\n      ... on ContactDetail { id kind value isPrimary }\n      ... on Error { message }\n    }\n  }\n": types.AddDetailDocument,
    "\n  mutation UpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) {\n      __typename\n      ... on ContactDetail { id value rawValue label isPrimary }\n      ... on Error { message }\n    }\n  }\n": types.UpdateDetailDocument,
    "\n  mutation RemoveDetail($id: ID!) {\n    removeContactDetail(id: $id) {\n      __typename\n      ... on ContactDetail { id }\n      ... on Error { message }\n    }\n  }\n": types.RemoveDetailDocument,
    "\n  mutation CreateFieldForContacts($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n": types.CreateFieldForContactsDocument,
    "\n  query Fields {\n    fields { key label type options builtIn }\n  }\n": types.FieldsDocument,
    "\n  mutation CreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key label type options builtIn }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": types.CreateFieldDocument,
    "\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on Error { message }\n    }\n  }\n": types.RenameFieldDocument,
    "\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on Error { message }\n    }\n  }\n": types.DeleteFieldDocument,
    "\n  mutation ContactWithFields($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id customFields } ... on Error { message } }\n  }\n": types.ContactWithFieldsDocument,
    "\n  query ContactFields($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { customFields } }\n  }\n": types.ContactFieldsDocument,
    "\n  mutation StartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        encoding\n        delimiter\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": types.StartImportDocument,
    "\n  mutation SetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.SetMappingDocument,
    "\n  mutation Confirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": types.ConfirmDocument,
    "\n  query JobState($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        totalRows\n        failureReason\n        counts { toCreate toUpdate toSkip errors created updated skipped failed }\n        progress { processedRows totalRows rowsPerSecond etaSeconds }\n        errorFileUrl\n        resultFileUrl\n        preview(first: 50) { rowNumber action values message }\n        updatePreview { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n": types.JobStateDocument,
    "\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": types.SyncContactsDocument,
    "\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n": types.SyncStateDocument,
    "\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n": types.SyncCountContactsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Progress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      id\n      status\n      counts { toCreate toUpdate toSkip errors created updated skipped failed }\n      progress { processedRows totalRows rowsPerSecond etaSeconds }\n    }\n  }\n"): (typeof documents)["\n  subscription Progress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      id\n      status\n      counts { toCreate toUpdate toSkip errors created updated skipped failed }\n      progress { processedRows totalRows rowsPerSecond etaSeconds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportedContacts {\n    contacts(first: 100) { totalCount edges { node { name tags details { kind value } } } }\n  }\n"): (typeof documents)["\n  query ImportedContacts {\n    contacts(first: 100) { totalCount edges { node { name tags details { kind value } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesNewContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RulesNewContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n"): (typeof documents)["\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesNewField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RulesNewField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessyFieldKeys {\n    fields { key label }\n  }\n"): (typeof documents)["\n  query MessyFieldKeys {\n    fields { key label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessyContacts {\n    contacts(first: 50) { edges { node { customFields details { value } } } }\n  }\n"): (typeof documents)["\n  query MessyContacts {\n    contacts(first: 50) { edges { node { customFields details { value } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceName {\n    workspace { id name }\n  }\n"): (typeof documents)["\n  query WorkspaceName {\n    workspace { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation AddContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { id name } ... on Error { message } }\n  }\n"): (typeof documents)["\n  query ReadContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { id name } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactCount {\n    contacts(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query ContactCount {\n    contacts(first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RemoveContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewKey($name: String!, $scope: ApiKeyScope!) {\n    createApiKey(name: $name, scope: $scope) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id name scope prefix } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation NewKey($name: String!, $scope: ApiKeyScope!) {\n    createApiKey(name: $name, scope: $scope) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id name scope prefix } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Revoke($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation Revoke($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Keys {\n    apiKeys { id name scope revokedAt }\n  }\n"): (typeof documents)["\n  query Keys {\n    apiKeys { id name scope revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Typename {\n    __typename\n  }\n"): (typeof documents)["\n  query Typename {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { id kind value rawValue label isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { id kind value rawValue label isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id name firstName lastName country tags customFields details { id kind value isPrimary status } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query GetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id name firstName lastName country tags customFields details { id kind value isPrimary status } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListContacts($first: Int, $after: String) {\n    contacts(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name tags details { kind value } } }\n    }\n  }\n"): (typeof documents)["\n  query ListContacts($first: Int, $after: String) {\n    contacts(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name tags details { kind value } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName lastName name country tags customFields }\n      ... on ValidationError { issues { path message } }\n      ... on NotFoundError { entity id }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName lastName name country tags customFields }\n      ... on ValidationError { issues { path message } }\n      ... on NotFoundError { entity id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id) {\n      __typename\n      ... on DeletedContact { id }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id) {\n      __typename\n      ... on DeletedContact { id }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDetail($contactId: ID!, $input: ContactDetailInput!) {\n    addContactDetail(contactId: $contactId, input: $input) {\n      __typename\n      ... on ContactDetail { id kind value isPrimary }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation AddDetail($contactId: ID!, $input: ContactDetailInput!) {\n    addContactDetail(contactId: $contactId, input: $input) {\n      __typename\n      ... on ContactDetail { id kind value isPrimary }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) {\n      __typename\n      ... on ContactDetail { id value rawValue label isPrimary }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) {\n      __typename\n      ... on ContactDetail { id value rawValue label isPrimary }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDetail($id: ID!) {\n    removeContactDetail(id: $id) {\n      __typename\n      ... on ContactDetail { id }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveDetail($id: ID!) {\n    removeContactDetail(id: $id) {\n      __typename\n      ... on ContactDetail { id }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFieldForContacts($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CreateFieldForContacts($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Fields {\n    fields { key label type options builtIn }\n  }\n"): (typeof documents)["\n  query Fields {\n    fields { key label type options builtIn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key label type options builtIn }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key label type options builtIn }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContactWithFields($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id customFields } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ContactWithFields($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id customFields } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactFields($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { customFields } }\n  }\n"): (typeof documents)["\n  query ContactFields($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { customFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        encoding\n        delimiter\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n"): (typeof documents)["\n  mutation StartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        encoding\n        delimiter\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Confirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation Confirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobState($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        totalRows\n        failureReason\n        counts { toCreate toUpdate toSkip errors created updated skipped failed }\n        progress { processedRows totalRows rowsPerSecond etaSeconds }\n        errorFileUrl\n        resultFileUrl\n        preview(first: 50) { rowNumber action values message }\n        updatePreview { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query JobState($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        totalRows\n        failureReason\n        counts { toCreate toUpdate toSkip errors created updated skipped failed }\n        progress { processedRows totalRows rowsPerSecond etaSeconds }\n        errorFileUrl\n        resultFileUrl\n        preview(first: 50) { rowNumber action values message }\n        updatePreview { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n"): (typeof documents)["\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;