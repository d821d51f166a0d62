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
    "\n  query AudienceGroups {\n    groups(first: 50) { edges { node { id name } } }\n  }\n": typeof types.AudienceGroupsDocument,
    "\n  query ExcludedRecipients($input: AudienceInput!, $first: Int, $after: String, $reasons: [ExclusionReason!]) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        excluded { reason count }\n        excludedRecipients(first: $first, after: $after, reasons: $reasons) {\n          __typename\n          ... on AudienceExcludedRecipientConnection {\n            totalCount\n            pageInfo { hasNextPage endCursor }\n            edges { node { reason address contactId rawValue contact { id name details { value } } } }\n          }\n          ... on ValidationError { message issues { path message } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.ExcludedRecipientsDocument,
    "\n  query RecipientsAudience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        recipientsUrl\n        addresses(first: $first, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.RecipientsAudienceDocument,
    "\n  mutation BrowseCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id createdAt } ... on Error { message } }\n  }\n": typeof types.BrowseCreateContactDocument,
    "\n  query BrowsePage($search: String, $orderBy: [ContactOrderInput!], $first: Int, $after: String, $last: Int, $before: String) {\n    contacts(search: $search, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id firstName lastName } }\n    }\n  }\n": typeof types.BrowsePageDocument,
    "\n  query BrowseFull($first: Int) {\n    contacts(first: $first) {\n      totalCount\n      edges {\n        node {\n          id name tags customFields\n          details { kind value status openChannels }\n          groups { id name type activeContactCount }\n        }\n      }\n    }\n  }\n": typeof types.BrowseFullDocument,
    "\n  query Duplicates($first: Int, $after: String, $last: Int, $before: String, $kind: DetailKind) {\n    duplicateContacts(first: $first, after: $after, last: $last, before: $before, kind: $kind) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { kind value contactCount contacts { id name details { kind value } } } }\n    }\n  }\n": typeof types.DuplicatesDocument,
    "\n  query RoundTripExport($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url columns { key header } }\n      ... on Error { message }\n    }\n  }\n": typeof types.RoundTripExportDocument,
    "\n  query RoundTripContacts {\n    contacts(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          name\n          country\n          tags\n          customFields\n          groups { name }\n          details { id kind value rawValue label isPrimary status }\n        }\n      }\n    }\n  }\n": typeof types.RoundTripContactsDocument,
    "\n  query ExportContacts($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url format columns { key header } }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message id }\n    }\n  }\n": typeof types.ExportContactsDocument,
    "\n  mutation RemoveFieldForExport($key: String!) {\n    deleteField(key: $key) { __typename ... on Error { message } }\n  }\n": typeof types.RemoveFieldForExportDocument,
    "\n  query FiltersContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { id firstName } } }\n  }\n": typeof types.FiltersContactsDocument,
    "\n  mutation FiltersUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.FiltersUpdateGroupDocument,
    "\n  mutation Merge($input: MergeContactsInput!) {\n    mergeContacts(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { kind value isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message entity id }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": typeof types.MergeDocument,
    "\n  query ContactForMerge($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt }\n      ... on Error { message }\n    }\n  }\n": typeof types.ContactForMergeDocument,
    "\n  mutation SyncForMerge($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult { created updated records { externalId contactId } }\n      ... on Error { message }\n    }\n  }\n": typeof types.SyncForMergeDocument,
    "\n  query DuplicateCountForMerge { duplicateContacts { totalCount } }\n": typeof types.DuplicateCountForMergeDocument,
    "\n  query SearchContacts($search: String) {\n    contacts(search: $search, first: 100) { totalCount edges { node { id name } } }\n  }\n": typeof types.SearchContactsDocument,
    "\n  query ExampleContacts {\n    contacts(first: 20, orderBy: [{ field: \"lastName\", direction: ASC }]) {\n      totalCount\n      edges { node { name tags details { kind value } } }\n    }\n  }\n": typeof types.ExampleContactsDocument,
    "\n  query StoreFlowContacts {\n    contacts(first: 5) { totalCount }\n  }\n": typeof types.StoreFlowContactsDocument,
    "\n  query ActiveRuleContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { firstName details { status } } } }\n  }\n": typeof types.ActiveRuleContactsDocument,
    "\n  mutation ActiveRuleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id activeContactCount } ... on Error { message } }\n  }\n": typeof types.ActiveRuleCreateGroupDocument,
    "\n  mutation ActiveRuleAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { group { activeContactCount } } ... on Error { message } }\n  }\n": typeof types.ActiveRuleAddMembersDocument,
    "\n  mutation GroupsDeleteField($key: String!) {\n    deleteField(key: $key) { __typename ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": typeof types.GroupsDeleteFieldDocument,
    "\n  mutation GroupsCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id name description category type filter createdAt activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.GroupsCreateDocument,
    "\n  mutation GroupsUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id name description category filter activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.GroupsUpdateDocument,
    "\n  mutation GroupsDelete($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on DeletedGroup { id } ... on Error { message } }\n  }\n": typeof types.GroupsDeleteDocument,
    "\n  mutation GroupsAdd($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n": typeof types.GroupsAddDocument,
    "\n  mutation GroupsRemove($input: GroupMembersInput!) {\n    removeContactsFromGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on Error { message }\n    }\n  }\n": typeof types.GroupsRemoveDocument,
    "\n  mutation GroupsMerge($input: MergeGroupsInput!) {\n    mergeGroups(input: $input) {\n      __typename\n      ... on Group { id name filter activeContactCount }\n      ... on InvalidStateError { message state }\n      ... on Error { message }\n    }\n  }\n": typeof types.GroupsMergeDocument,
    "\n  query GroupsOne($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group {\n        id name type activeContactCount\n        filterError { message issues { path message } }\n        members(first: 50, orderBy: [{ field: \"firstName\" }]) { totalCount edges { node { firstName } } }\n      }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n": typeof types.GroupsOneDocument,
    "\n  query GroupsCount($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group { activeContactCount filterError { message issues { path message } } }\n      ... on Error { message }\n    }\n  }\n": typeof types.GroupsCountDocument,
    "\n  query GroupsList {\n    groups(first: 50) { totalCount edges { node { id name type category createdAt activeContactCount } } }\n  }\n": typeof types.GroupsListDocument,
    "\n  query GroupsPage($first: Int, $after: String, $last: Int, $before: String) {\n    groups(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { name } }\n    }\n  }\n": typeof types.GroupsPageDocument,
    "\n  query GroupsHealth {\n    groups(first: 50) {\n      edges { node { name activeContactCount filterError { issues { path message } } members { totalCount } } }\n    }\n  }\n": typeof types.GroupsHealthDocument,
    "\n  query GroupsOfContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { groups { name type } } ... on Error { message } }\n  }\n": typeof types.GroupsOfContactDocument,
    "\n  query GroupsContacts {\n    contacts(first: 50) { totalCount }\n  }\n": typeof types.GroupsContactsDocument,
    "\n  query DownloadExportUrl {\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n": typeof types.DownloadExportUrlDocument,
    "\n  mutation ExpansionCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { message issues { path message } } ... on Error { message } }\n  }\n": typeof types.ExpansionCreateGroupDocument,
    "\n  query ExpansionGroups {\n    groups(first: 100) { edges { node { id name activeContactCount filterError { message } members(first: 5) { totalCount } } } }\n  }\n": typeof types.ExpansionGroupsDocument,
    "\n  query ExpansionContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 10) { totalCount edges { node { id groups { name } } } }\n  }\n": typeof types.ExpansionContactsDocument,
    "\n  query PurgeSkipReasons($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status skipReasons { reason count } preview { rowNumber } counts { skipped reverted revertConflicts } }\n    }\n  }\n": typeof types.PurgeSkipReasonsDocument,
    "\n  mutation PurgeCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.PurgeCancelDocument,
    "\n  mutation PurgeDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.PurgeDeleteContactDocument,
    "\n  mutation PurgeRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.PurgeRevertDocument,
    "\n  query LimitsBystander {\n    contacts(first: 20) { totalCount edges { node { id name details { kind value status } } } }\n  }\n": typeof types.LimitsBystanderDocument,
    "\n  query LimitsNestedPages {\n    contacts(first: 100) { edges { node { groups { members(first: 500) { edges { node { groups { name } } } } } } } }\n  }\n": typeof types.LimitsNestedPagesDocument,
    "\n  query LimitsNestedBySize($size: Int) {\n    contacts(first: $size) { edges { node { groups { name members(first: $size) { edges { node { name } } } } } } }\n  }\n": typeof types.LimitsNestedBySizeDocument,
    "\n  query LimitsTypename {\n    __typename\n  }\n": typeof types.LimitsTypenameDocument,
    "\n  query SignedLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n": typeof types.SignedLinksDocument,
    "\n  query TemplateLink {\n    importTemplateUrl\n  }\n": typeof types.TemplateLinkDocument,
    "\n  mutation NewReadKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n": typeof types.NewReadKeyDocument,
    "\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n": typeof types.RevokeKeyDocument,
    "\n  query SqlLimitsContacts($search: String, $filter: ContactFilterInput, $orderBy: [ContactOrderInput!]) {\n    contacts(search: $search, filter: $filter, orderBy: $orderBy, first: 1) { totalCount edges { node { id } } }\n  }\n": typeof types.SqlLimitsContactsDocument,
    "\n  query SqlLimitsFirstContact($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 1) { edges { node { id } } }\n  }\n": typeof types.SqlLimitsFirstContactDocument,
    "\n  mutation SqlLimitsCreateField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": typeof types.SqlLimitsCreateFieldDocument,
    "\n  mutation SqlLimitsCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on ValidationError { issues { path message } } }\n  }\n": typeof types.SqlLimitsCreateContactDocument,
    "\n  mutation SqlLimitsUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { customFields } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": typeof types.SqlLimitsUpdateContactDocument,
    "\n  mutation SqlLimitsCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": typeof types.SqlLimitsCreateGroupDocument,
    "\n  mutation SqlLimitsCreateApiKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on ValidationError { issues { path message } } }\n  }\n": typeof types.SqlLimitsCreateApiKeyDocument,
    "\n  mutation SqlLimitsAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } }\n  }\n": typeof types.SqlLimitsAddMembersDocument,
    "\n  mutation SqlLimitsOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on ValidationError { issues { path message } } }\n  }\n": typeof types.SqlLimitsOptOutDocument,
    "\n  subscription WatchWaitingJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n": typeof types.WatchWaitingJobDocument,
    "\n  mutation StartWaitingImport($text: String!) {\n    startContactImport(input: { text: $text, fileName: \"waiting.csv\" }) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": typeof types.StartWaitingImportDocument,
    "\n  mutation IssueSubscriberKey($name: String!) {\n    createApiKey(name: $name, scope: READ) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id } }\n      ... on Error { message }\n    }\n  }\n": typeof types.IssueSubscriberKeyDocument,
    "\n  mutation RevokeSubscriberKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n": typeof types.RevokeSubscriberKeyDocument,
    "\n  mutation CancelWaitingJob($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.CancelWaitingJobDocument,
    "\n  query StillServing {\n    workspace { id }\n  }\n": typeof types.StillServingDocument,
    "\n  mutation HardenedStart($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": typeof types.HardenedStartDocument,
    "\n  mutation HardenedBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines optedOut invalidCount }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": typeof types.HardenedBulkOptOutDocument,
    "\n  mutation HardenedSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { importMaxBytes reviewTtlSeconds }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.HardenedSettingsDocument,
    "\n  query HardenedWorkspace {\n    workspace { id importMaxBytes reviewTtlSeconds }\n  }\n": typeof types.HardenedWorkspaceDocument,
    "\n  mutation HardenedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } }\n  }\n": typeof types.HardenedCancelDocument,
    "\n  mutation WebhookHardeningCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.WebhookHardeningCreateDocument,
    "\n  query WebhookHardeningList {\n    webhooks {\n      id\n      url\n      consecutiveFailures\n      pausedUntil\n      deliveries(first: 10) { edges { node { id status attempts lastError nextAttemptAt } } }\n    }\n  }\n": typeof types.WebhookHardeningListDocument,
    "\n  mutation WebhookHardeningCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.WebhookHardeningCancelDocument,
    "\n  query WebhookHardeningTypeFields {\n    webhook: __type(name: \"Webhook\") { fields { name } }\n  }\n": typeof types.WebhookHardeningTypeFieldsDocument,
    "\n  mutation CancelImport($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status cancelRequested }\n      ... on Error { message }\n    }\n  }\n": typeof types.CancelImportDocument,
    "\n  mutation CancelRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.CancelRevertDocument,
    "\n  query CancelContactCount { contacts(first: 1) { totalCount } }\n": typeof types.CancelContactCountDocument,
    "\n  subscription Progress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      id\n      status\n      counts { toCreate toUpdate toSkip errors created updated skipped failed }\n      progress { processedRows totalRows rowsPerSecond etaSeconds }\n    }\n  }\n": typeof types.ProgressDocument,
    "\n  query ImportedContacts {\n    contacts(first: 100) { totalCount edges { node { name tags details { kind value } } } }\n  }\n": typeof types.ImportedContactsDocument,
    "\n  query History($filter: ImportJobsFilter, $first: Int, $after: String) {\n    importJobs(filter: $filter, first: $first, after: $after) {\n      __typename\n      ... on ImportJobConnection {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id status fileName createdAt } }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  query HistoryCount($filter: ImportJobsFilter) {\n    importJobs(filter: $filter) {\n      __typename\n      ... on ImportJobConnection { totalCount }\n      ... on ValidationError { issues { path } }\n    }\n  }\n": typeof types.HistoryCountDocument,
    "\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n": typeof types.RulesContactsDocument,
    "\n  mutation RefusedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n": typeof types.RefusedCancelDocument,
    "\n  mutation RefusedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n": typeof types.RefusedRevertDocument,
    "\n  query RefusedJobTimes($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status confirmedAt finishedAt } }\n  }\n": typeof types.RefusedJobTimesDocument,
    "\n  query MessyFieldKeys {\n    fields { key label }\n  }\n": typeof types.MessyFieldKeysDocument,
    "\n  query MessyContacts {\n    contacts(first: 50) { edges { node { customFields details { value } } } }\n  }\n": typeof types.MessyContactsDocument,
    "\n  subscription PhaseProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n  }\n": typeof types.PhaseProgressDocument,
    "\n  query PhaseOfJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n      ... on Error { message }\n    }\n  }\n": typeof types.PhaseOfJobDocument,
    "\n  mutation PhaseRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.PhaseRevertDocument,
    "\n  mutation PhaseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.PhaseCancelDocument,
    "\n  mutation QueuedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.QueuedRevertDocument,
    "\n  mutation RevertImport($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status revertRequestedAt }\n      ... on Error { message }\n    }\n  }\n": typeof types.RevertImportDocument,
    "\n  query RevertedJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        counts { created updated reverted revertConflicts }\n        progress { processedRows totalRows }\n        revertConflicts(first: 10) { totalCount edges { node { contactId createdByImport outcome changedFields } } }\n      }\n    }\n  }\n": typeof types.RevertedJobDocument,
    "\n  subscription RevertProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { reverted revertConflicts } }\n  }\n": typeof types.RevertProgressDocument,
    "\n  mutation RevertEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": typeof types.RevertEditContactDocument,
    "\n  query RevertContactState($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact {\n        firstName\n        lastName\n        name\n        country\n        customFields\n        tags\n        details { id kind value rawValue isPrimary }\n      }\n    }\n  }\n": typeof types.RevertContactStateDocument,
    "\n  query RevertContactCount { contacts(first: 1) { totalCount } }\n": typeof types.RevertContactCountDocument,
    "\n  query SweptJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { id status createdAt reviewExpiresAt failureReason finishedAt errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n": typeof types.SweptJobDocument,
    "\n  mutation CreateSweepWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { webhook { id } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateSweepWebhookDocument,
    "\n  query SweepDeliveries {\n    webhooks {\n      deliveries(first: 100) { totalCount edges { node { status payload job { id status } } } }\n    }\n  }\n": typeof types.SweepDeliveriesDocument,
    "\n  subscription WatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n": typeof types.WatchJobDocument,
    "\n  mutation StartPaste($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        sourceKind\n        delimiter\n        hasHeader\n        sheetName\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": typeof types.StartPasteDocument,
    "\n  query PastedContacts {\n    contacts(first: 50) { totalCount edges { node { name details { kind value } } } }\n  }\n": typeof types.PastedContactsDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url createdAt } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook { id url }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      deliveries(first: 10) {\n        totalCount\n        edges { node { id status event jobStatus attempts nextAttemptAt deliveredAt gaveUpAt lastError payload job { id status } } }\n      }\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation CancelForWebhook($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": typeof types.CancelForWebhookDocument,
    "\n  mutation RevertForWebhook($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": typeof types.RevertForWebhookDocument,
    "\n  mutation SettleEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { firstName lastName name } ... on Error { message } }\n  }\n": typeof types.SettleEditContactDocument,
    "\n  mutation SettleRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.SettleRevertDocument,
    "\n  mutation SettleSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { linked } ... on Error { message } }\n  }\n": typeof types.SettleSyncDocument,
    "\n  query SettleBook {\n    contacts(first: 100) {\n      totalCount\n      edges { node { id firstName lastName name details { kind value isPrimary } groups { name } } }\n    }\n    groups(first: 100) { edges { node { name type } } }\n  }\n": typeof types.SettleBookDocument,
    "\n  mutation StartWorkbookImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        sourceKind\n        fileName\n        encoding\n        delimiter\n        hasHeader\n        sheetName\n        sheetNames\n        totalRows\n        columns { index header samples suggestedFieldKey }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": typeof types.StartWorkbookImportDocument,
    "\n  query WorkbookContacts {\n    contacts(first: 50) { totalCount edges { node { firstName lastName customFields details { kind value } } } }\n  }\n": typeof types.WorkbookContactsDocument,
    "\n  fragment ConsentFields on AddressConsent {\n    address\n    kind\n    optOuts { channel source reason actorKeyId jobId }\n    optIns { channel source }\n    channels { channel status optedIn }\n    history(first: 50) { totalCount edges { node { type channel source reason actorKeyId jobId } } }\n  }\n": typeof types.ConsentFieldsFragmentDoc,
    "\n  mutation OptOut($input: OptOutInput!) {\n    optOut(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": typeof types.OptOutDocument,
    "\n  mutation OptIn($input: OptInInput!) {\n    optIn(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n": typeof types.OptInDocument,
    "\n  mutation Reinstate($input: ReinstateInput!) {\n    reinstate(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on InvalidStateError { message state }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": typeof types.ReinstateDocument,
    "\n  query AddressConsent($address: String!, $defaultCountry: String) {\n    addressConsent(address: $address, defaultCountry: $defaultCountry) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n": typeof types.AddressConsentDocument,
    "\n  mutation ConsentCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n": typeof types.ConsentCreateContactDocument,
    "\n  query ConsentGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n": typeof types.ConsentGetContactDocument,
    "\n  mutation ConsentDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.ConsentDeleteContactDocument,
    "\n  mutation BulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines addresses optedOut alreadyOptedOut invalidCount invalid { line value reason } }\n      ... on Error { message }\n    }\n  }\n": typeof types.BulkOptOutDocument,
    "\n  query Audience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        excluded { reason count }\n        addresses(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on NotFoundError { message entity id }\n      ... on Error { message }\n    }\n  }\n": typeof types.AudienceDocument,
    "\n  query ConsentApiKeys {\n    apiKeys { id name }\n  }\n": typeof types.ConsentApiKeysDocument,
    "\n  mutation ConsentSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { created updated } ... on Error { message } }\n  }\n": typeof types.ConsentSyncDocument,
    "\n  mutation ConsentUpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) { __typename ... on ContactDetail { value status } ... on Error { message } }\n  }\n": typeof types.ConsentUpdateDetailDocument,
    "\n  query ConsentContacts {\n    contacts(first: 50) { edges { node { id firstName details { id kind value status } } } }\n  }\n": typeof types.ConsentContactsDocument,
    "\n  mutation OptOutDetail($input: OptOutContactDetailInput!) {\n    optOutContactDetail(input: $input) {\n      __typename\n      ... on AddressConsent { address optOuts { channel source reason } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n": typeof types.OptOutDetailDocument,
    "\n  mutation InboundKeyword($input: InboundKeywordInput!) {\n    recordInboundKeyword(input: $input) {\n      __typename\n      ... on InboundKeyword {\n        action\n        keyword\n        consent { optOuts { channel source reason } optIns { channel source } channels { channel status } }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.InboundKeywordDocument,
    "\n  query OptOutList($filter: OptOutFilter, $first: Int, $after: String) {\n    optOuts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { address kind channel source reason actorKeyId } }\n    }\n  }\n": typeof types.OptOutListDocument,
    "\n  mutation CrashStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": typeof types.CrashStartDocument,
    "\n  mutation CrashMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.CrashMapDocument,
    "\n  mutation CrashConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.CrashConfirmDocument,
    "\n  query CrashJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { processedRows totalRows } counts { toCreate toUpdate toSkip errors created updated skipped failed } }\n    }\n  }\n": typeof types.CrashJobDocument,
    "\n  query CrashContacts { contacts(first: 1) { totalCount } }\n": typeof types.CrashContactsDocument,
    "\n  mutation BucketStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": typeof types.BucketStartDocument,
    "\n  mutation BucketMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.BucketMapDocument,
    "\n  mutation BucketConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.BucketConfirmDocument,
    "\n  query BucketJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n": typeof types.BucketJobDocument,
    "\n  mutation SeveralStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": typeof types.SeveralStartDocument,
    "\n  mutation SeveralMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.SeveralMapDocument,
    "\n  mutation SeveralConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.SeveralConfirmDocument,
    "\n  query SeveralJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status counts { created updated skipped failed } progress { processedRows totalRows } errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n": typeof types.SeveralJobDocument,
    "\n  subscription SeveralProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } }\n  }\n": typeof types.SeveralProgressDocument,
    "\n  query ShutdownJobStatus($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status } }\n  }\n": typeof types.ShutdownJobStatusDocument,
    "\n  mutation WorkerStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": typeof types.WorkerStartDocument,
    "\n  mutation WorkerMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.WorkerMapDocument,
    "\n  mutation WorkerConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.WorkerConfirmDocument,
    "\n  query WorkerJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status progress { processedRows } } }\n  }\n": typeof types.WorkerJobDocument,
    "\n  subscription WorkerProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { created } }\n  }\n": typeof types.WorkerProgressDocument,
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
    "\n  query ErrorTypes {\n    errorInterface: __type(name: \"Error\") {\n      fields { name type { kind name ofType { kind name } } }\n      possibleTypes { name fields { name type { kind name ofType { kind name } } } }\n    }\n    issue: __type(name: \"InputIssue\") { fields { name type { kind name ofType { kind name } } } }\n    codes: __type(name: \"ErrorCode\") { enumValues { name description } }\n  }\n": typeof types.ErrorTypesDocument,
    "\n  mutation CodesSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n": typeof types.CodesSettingsDocument,
    "\n  mutation CodesCreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key }\n      ... on Error { code params message }\n      ... on LimitExceededError { limit }\n    }\n  }\n": typeof types.CodesCreateFieldDocument,
    "\n  mutation CodesCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n": typeof types.CodesCreateContactDocument,
    "\n  mutation CodesStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n      ... on LimitExceededError { limit }\n    }\n  }\n": typeof types.CodesStartImportDocument,
    "\n  query CodesImportJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        skipReasons { reason code params count }\n        preview { rowNumber action message codes }\n      }\n      ... on Error { code params message }\n      ... on NotFoundError { entity id }\n    }\n  }\n": typeof types.CodesImportJobDocument,
    "\n  mutation CodesConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on Error { code params message }\n      ... on InvalidStateError { state }\n    }\n  }\n": typeof types.CodesConfirmDocument,
    "\n  mutation CodesCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n": typeof types.CodesCreateGroupDocument,
    "\n  query CodesContacts($after: String) {\n    contacts(first: 5, after: $after) { totalCount }\n  }\n": typeof types.CodesContactsDocument,
    "\n  mutation CodesBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { invalid { line reason code } }\n      ... on Error { code params message }\n    }\n  }\n": typeof types.CodesBulkOptOutDocument,
    "\n  subscription CodesProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": typeof types.CodesProgressDocument,
    "\n  query Fields {\n    fields { key label type options builtIn }\n  }\n": typeof types.FieldsDocument,
    "\n  mutation CreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key label type options builtIn }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateFieldDocument,
    "\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.RenameFieldDocument,
    "\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeleteFieldDocument,
    "\n  mutation FieldsDeleteGroup($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.FieldsDeleteGroupDocument,
    "\n  mutation ContactWithFields($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id customFields } ... on Error { message } }\n  }\n": typeof types.ContactWithFieldsDocument,
    "\n  query ContactFields($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { customFields } }\n  }\n": typeof types.ContactFieldsDocument,
    "\n  mutation StartWatchedImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": typeof types.StartWatchedImportDocument,
    "\n  subscription SseWatch($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": typeof types.SseWatchDocument,
    "\n  mutation SseStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": typeof types.SseStartDocument,
    "\n  mutation SseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": typeof types.SseCancelDocument,
    "\n  query SseWorkspace {\n    workspace { name }\n  }\n": typeof types.SseWorkspaceDocument,
    "\n  query LoggingWorkspace { workspace { id name } }\n": typeof types.LoggingWorkspaceDocument,
    "\n  query LoggingSearch($search: String!, $filter: ContactFilterInput) {\n    contacts(first: 5, search: $search, filter: $filter) { totalCount }\n  }\n": typeof types.LoggingSearchDocument,
    "\n  query LoggingExport($input: ContactExportInput!) {\n    contactExport(input: $input) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n": typeof types.LoggingExportDocument,
    "\n  mutation LoggingCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n": typeof types.LoggingCreateWebhookDocument,
    "\n  query MetricsWorkspace {\n    workspace { id }\n  }\n": typeof types.MetricsWorkspaceDocument,
    "\n  subscription MetricsWatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n": typeof types.MetricsWatchJobDocument,
    "\n  mutation MetricsCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n": typeof types.MetricsCreateWebhookDocument,
    "\n  query PublicLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    audience(input: { channel: SMS, addresses: [\"+12025550143\"] }) { __typename ... on Audience { recipientsUrl } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n": typeof types.PublicLinksDocument,
    "\n  query ReadinessWorkspace {\n    workspace { id }\n  }\n": typeof types.ReadinessWorkspaceDocument,
    "\n  query RelayRefetch($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Contact { firstName details { value } groups { id name } }\n      ... on Group { name type members(first: 5) { totalCount edges { node { id } } } }\n      ... on Field { key label builtIn }\n      ... on ImportJob { fileName status revertConflicts(first: 5) { totalCount } }\n      ... on Webhook { url deliveries(first: 5) { totalCount } }\n    }\n  }\n": typeof types.RelayRefetchDocument,
    "\n  query RelayRefetchMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Contact { firstName }\n      ... on Group { name }\n    }\n  }\n": typeof types.RelayRefetchManyDocument,
    "\n  query RelayFieldIds {\n    fields { id key }\n  }\n": typeof types.RelayFieldIdsDocument,
    "\n  mutation RelayStartTextImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) { __typename ... on ImportJob { id fileName } ... on Error { message } }\n  }\n": typeof types.RelayStartTextImportDocument,
    "\n  mutation RelayCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id url } } ... on Error { message } }\n  }\n": typeof types.RelayCreateWebhookDocument,
    "\n  query RelayGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.RelayGetContactDocument,
    "\n  mutation RelayRenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.RelayRenameContactDocument,
    "\n  mutation RelayAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id } }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.RelayAddMembersDocument,
    "\n  mutation RelayDynamicGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id filter members { totalCount } } ... on Error { message } }\n  }\n": typeof types.RelayDynamicGroupDocument,
    "\n  mutation RelaySync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { records { externalId contactId } } ... on Error { message } }\n  }\n": typeof types.RelaySyncDocument,
    "\n  query RelayAudience($input: AudienceInput!) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        addresses { edges { node { address contactId } } }\n        excludedRecipients(reasons: [UNKNOWN_CONTACT]) { __typename ... on AudienceExcludedRecipientConnection { edges { node { rawValue } } } }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.RelayAudienceDocument,
    "\n  query RelayQueryFieldTypes {\n    query: __type(name: \"Query\") { fields { name type { name ofType { name possibleTypes { name } } } } }\n    group: __type(name: \"Group\") { fields { name type { name } } }\n    webhook: __type(name: \"Webhook\") { fields { name type { name ofType { name } } } }\n    importJob: __type(name: \"ImportJob\") { fields { name type { name ofType { name } } } }\n    consent: __type(name: \"AddressConsent\") { fields { name type { name ofType { name } } } }\n    node: __type(name: \"Node\") { possibleTypes { name } }\n    schema: __schema { types { name } }\n  }\n": typeof types.RelayQueryFieldTypesDocument,
    "\n  query FirstContacts($first: Int) {\n    contacts(first: $first) { totalCount }\n  }\n": typeof types.FirstContactsDocument,
    "\n  query RequiredFirst($first: Int!) {\n    contacts(first: $first) { totalCount }\n  }\n": typeof types.RequiredFirstDocument,
    "\n  subscription WatchJobById($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": typeof types.WatchJobByIdDocument,
    "\n  query ReadWorkspaceName {\n    workspace { name }\n  }\n": typeof types.ReadWorkspaceNameDocument,
    "\n  subscription WatchSomeJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": typeof types.WatchSomeJobDocument,
    "\n  mutation StartTextImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": typeof types.StartTextImportDocument,
    "\n  mutation IssueClosingKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n": typeof types.IssueClosingKeyDocument,
    "\n  mutation RevokeClosingKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n": typeof types.RevokeClosingKeyDocument,
    "\n  query WorkspaceSettings {\n    workspace { customFieldLimit importMaxBytes importMaxRows reviewTtlSeconds fileRetentionDays requireFirstName requirePhoneWithCountry optInChannels }\n  }\n": typeof types.WorkspaceSettingsDocument,
    "\n  mutation UpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { reviewTtlSeconds fileRetentionDays importMaxBytes optInChannels requireFirstName }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.UpdateWorkspaceSettingsDocument,
    "\n  mutation StartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        encoding\n        delimiter\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": typeof types.StartImportDocument,
    "\n  mutation SetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.SetMappingDocument,
    "\n  mutation Confirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": typeof types.ConfirmDocument,
    "\n  query JobState($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        totalRows\n        failureReason\n        counts { toCreate toUpdate toSkip errors created updated skipped failed }\n        progress { processedRows totalRows rowsPerSecond etaSeconds }\n        errorFileUrl\n        resultFileUrl\n        preview(first: 50) { rowNumber action values message }\n        updatePreview { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.JobStateDocument,
    "\n  mutation SeedContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": typeof types.SeedContactDocument,
    "\n  mutation SeedField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n": typeof types.SeedFieldDocument,
    "\n  mutation SeedGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on Error { message } }\n  }\n": typeof types.SeedGroupDocument,
    "\n  mutation SeedGroupMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } ... on Error { message } }\n  }\n": typeof types.SeedGroupMembersDocument,
    "\n  mutation SeedDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.SeedDeleteContactDocument,
    "\n  mutation SeedOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.SeedOptOutDocument,
    "\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        linked\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        contactConflicts { externalId phone kind contactIds message }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": typeof types.SyncContactsDocument,
    "\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n": typeof types.SyncStateDocument,
    "\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n": typeof types.SyncCountContactsDocument,
    "\n  query SyncContactById($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt details { kind value rawValue isPrimary } }\n      ... on Error { message }\n    }\n  }\n": typeof types.SyncContactByIdDocument,
    "\n  query SyncContactsByName {\n    contacts(first: 10, orderBy: [{ field: \"name\" }]) { edges { node { id name updatedAt } } }\n  }\n": typeof types.SyncContactsByNameDocument,
    "\n  mutation SyncMergeContacts($input: MergeContactsInput!) {\n    mergeContacts(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": typeof types.SyncMergeContactsDocument,
};
const documents: Documents = {
    "\n  query AudienceGroups {\n    groups(first: 50) { edges { node { id name } } }\n  }\n": types.AudienceGroupsDocument,
    "\n  query ExcludedRecipients($input: AudienceInput!, $first: Int, $after: String, $reasons: [ExclusionReason!]) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        excluded { reason count }\n        excludedRecipients(first: $first, after: $after, reasons: $reasons) {\n          __typename\n          ... on AudienceExcludedRecipientConnection {\n            totalCount\n            pageInfo { hasNextPage endCursor }\n            edges { node { reason address contactId rawValue contact { id name details { value } } } }\n          }\n          ... on ValidationError { message issues { path message } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n": types.ExcludedRecipientsDocument,
    "\n  query RecipientsAudience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        recipientsUrl\n        addresses(first: $first, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n": types.RecipientsAudienceDocument,
    "\n  mutation BrowseCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id createdAt } ... on Error { message } }\n  }\n": types.BrowseCreateContactDocument,
    "\n  query BrowsePage($search: String, $orderBy: [ContactOrderInput!], $first: Int, $after: String, $last: Int, $before: String) {\n    contacts(search: $search, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id firstName lastName } }\n    }\n  }\n": types.BrowsePageDocument,
    "\n  query BrowseFull($first: Int) {\n    contacts(first: $first) {\n      totalCount\n      edges {\n        node {\n          id name tags customFields\n          details { kind value status openChannels }\n          groups { id name type activeContactCount }\n        }\n      }\n    }\n  }\n": types.BrowseFullDocument,
    "\n  query Duplicates($first: Int, $after: String, $last: Int, $before: String, $kind: DetailKind) {\n    duplicateContacts(first: $first, after: $after, last: $last, before: $before, kind: $kind) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { kind value contactCount contacts { id name details { kind value } } } }\n    }\n  }\n": types.DuplicatesDocument,
    "\n  query RoundTripExport($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url columns { key header } }\n      ... on Error { message }\n    }\n  }\n": types.RoundTripExportDocument,
    "\n  query RoundTripContacts {\n    contacts(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          name\n          country\n          tags\n          customFields\n          groups { name }\n          details { id kind value rawValue label isPrimary status }\n        }\n      }\n    }\n  }\n": types.RoundTripContactsDocument,
    "\n  query ExportContacts($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url format columns { key header } }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message id }\n    }\n  }\n": types.ExportContactsDocument,
    "\n  mutation RemoveFieldForExport($key: String!) {\n    deleteField(key: $key) { __typename ... on Error { message } }\n  }\n": types.RemoveFieldForExportDocument,
    "\n  query FiltersContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { id firstName } } }\n  }\n": types.FiltersContactsDocument,
    "\n  mutation FiltersUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.FiltersUpdateGroupDocument,
    "\n  mutation Merge($input: MergeContactsInput!) {\n    mergeContacts(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { kind value isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message entity id }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": types.MergeDocument,
    "\n  query ContactForMerge($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt }\n      ... on Error { message }\n    }\n  }\n": types.ContactForMergeDocument,
    "\n  mutation SyncForMerge($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult { created updated records { externalId contactId } }\n      ... on Error { message }\n    }\n  }\n": types.SyncForMergeDocument,
    "\n  query DuplicateCountForMerge { duplicateContacts { totalCount } }\n": types.DuplicateCountForMergeDocument,
    "\n  query SearchContacts($search: String) {\n    contacts(search: $search, first: 100) { totalCount edges { node { id name } } }\n  }\n": types.SearchContactsDocument,
    "\n  query ExampleContacts {\n    contacts(first: 20, orderBy: [{ field: \"lastName\", direction: ASC }]) {\n      totalCount\n      edges { node { name tags details { kind value } } }\n    }\n  }\n": types.ExampleContactsDocument,
    "\n  query StoreFlowContacts {\n    contacts(first: 5) { totalCount }\n  }\n": types.StoreFlowContactsDocument,
    "\n  query ActiveRuleContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { firstName details { status } } } }\n  }\n": types.ActiveRuleContactsDocument,
    "\n  mutation ActiveRuleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id activeContactCount } ... on Error { message } }\n  }\n": types.ActiveRuleCreateGroupDocument,
    "\n  mutation ActiveRuleAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { group { activeContactCount } } ... on Error { message } }\n  }\n": types.ActiveRuleAddMembersDocument,
    "\n  mutation GroupsDeleteField($key: String!) {\n    deleteField(key: $key) { __typename ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": types.GroupsDeleteFieldDocument,
    "\n  mutation GroupsCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id name description category type filter createdAt activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.GroupsCreateDocument,
    "\n  mutation GroupsUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id name description category filter activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.GroupsUpdateDocument,
    "\n  mutation GroupsDelete($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on DeletedGroup { id } ... on Error { message } }\n  }\n": types.GroupsDeleteDocument,
    "\n  mutation GroupsAdd($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n": types.GroupsAddDocument,
    "\n  mutation GroupsRemove($input: GroupMembersInput!) {\n    removeContactsFromGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on Error { message }\n    }\n  }\n": types.GroupsRemoveDocument,
    "\n  mutation GroupsMerge($input: MergeGroupsInput!) {\n    mergeGroups(input: $input) {\n      __typename\n      ... on Group { id name filter activeContactCount }\n      ... on InvalidStateError { message state }\n      ... on Error { message }\n    }\n  }\n": types.GroupsMergeDocument,
    "\n  query GroupsOne($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group {\n        id name type activeContactCount\n        filterError { message issues { path message } }\n        members(first: 50, orderBy: [{ field: \"firstName\" }]) { totalCount edges { node { firstName } } }\n      }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n": types.GroupsOneDocument,
    "\n  query GroupsCount($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group { activeContactCount filterError { message issues { path message } } }\n      ... on Error { message }\n    }\n  }\n": types.GroupsCountDocument,
    "\n  query GroupsList {\n    groups(first: 50) { totalCount edges { node { id name type category createdAt activeContactCount } } }\n  }\n": types.GroupsListDocument,
    "\n  query GroupsPage($first: Int, $after: String, $last: Int, $before: String) {\n    groups(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { name } }\n    }\n  }\n": types.GroupsPageDocument,
    "\n  query GroupsHealth {\n    groups(first: 50) {\n      edges { node { name activeContactCount filterError { issues { path message } } members { totalCount } } }\n    }\n  }\n": types.GroupsHealthDocument,
    "\n  query GroupsOfContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { groups { name type } } ... on Error { message } }\n  }\n": types.GroupsOfContactDocument,
    "\n  query GroupsContacts {\n    contacts(first: 50) { totalCount }\n  }\n": types.GroupsContactsDocument,
    "\n  query DownloadExportUrl {\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n": types.DownloadExportUrlDocument,
    "\n  mutation ExpansionCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { message issues { path message } } ... on Error { message } }\n  }\n": types.ExpansionCreateGroupDocument,
    "\n  query ExpansionGroups {\n    groups(first: 100) { edges { node { id name activeContactCount filterError { message } members(first: 5) { totalCount } } } }\n  }\n": types.ExpansionGroupsDocument,
    "\n  query ExpansionContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 10) { totalCount edges { node { id groups { name } } } }\n  }\n": types.ExpansionContactsDocument,
    "\n  query PurgeSkipReasons($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status skipReasons { reason count } preview { rowNumber } counts { skipped reverted revertConflicts } }\n    }\n  }\n": types.PurgeSkipReasonsDocument,
    "\n  mutation PurgeCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.PurgeCancelDocument,
    "\n  mutation PurgeDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": types.PurgeDeleteContactDocument,
    "\n  mutation PurgeRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.PurgeRevertDocument,
    "\n  query LimitsBystander {\n    contacts(first: 20) { totalCount edges { node { id name details { kind value status } } } }\n  }\n": types.LimitsBystanderDocument,
    "\n  query LimitsNestedPages {\n    contacts(first: 100) { edges { node { groups { members(first: 500) { edges { node { groups { name } } } } } } } }\n  }\n": types.LimitsNestedPagesDocument,
    "\n  query LimitsNestedBySize($size: Int) {\n    contacts(first: $size) { edges { node { groups { name members(first: $size) { edges { node { name } } } } } } }\n  }\n": types.LimitsNestedBySizeDocument,
    "\n  query LimitsTypename {\n    __typename\n  }\n": types.LimitsTypenameDocument,
    "\n  query SignedLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n": types.SignedLinksDocument,
    "\n  query TemplateLink {\n    importTemplateUrl\n  }\n": types.TemplateLinkDocument,
    "\n  mutation NewReadKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n": types.NewReadKeyDocument,
    "\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n": types.RevokeKeyDocument,
    "\n  query SqlLimitsContacts($search: String, $filter: ContactFilterInput, $orderBy: [ContactOrderInput!]) {\n    contacts(search: $search, filter: $filter, orderBy: $orderBy, first: 1) { totalCount edges { node { id } } }\n  }\n": types.SqlLimitsContactsDocument,
    "\n  query SqlLimitsFirstContact($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 1) { edges { node { id } } }\n  }\n": types.SqlLimitsFirstContactDocument,
    "\n  mutation SqlLimitsCreateField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": types.SqlLimitsCreateFieldDocument,
    "\n  mutation SqlLimitsCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on ValidationError { issues { path message } } }\n  }\n": types.SqlLimitsCreateContactDocument,
    "\n  mutation SqlLimitsUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { customFields } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": types.SqlLimitsUpdateContactDocument,
    "\n  mutation SqlLimitsCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n": types.SqlLimitsCreateGroupDocument,
    "\n  mutation SqlLimitsCreateApiKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on ValidationError { issues { path message } } }\n  }\n": types.SqlLimitsCreateApiKeyDocument,
    "\n  mutation SqlLimitsAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } }\n  }\n": types.SqlLimitsAddMembersDocument,
    "\n  mutation SqlLimitsOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on ValidationError { issues { path message } } }\n  }\n": types.SqlLimitsOptOutDocument,
    "\n  subscription WatchWaitingJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n": types.WatchWaitingJobDocument,
    "\n  mutation StartWaitingImport($text: String!) {\n    startContactImport(input: { text: $text, fileName: \"waiting.csv\" }) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": types.StartWaitingImportDocument,
    "\n  mutation IssueSubscriberKey($name: String!) {\n    createApiKey(name: $name, scope: READ) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id } }\n      ... on Error { message }\n    }\n  }\n": types.IssueSubscriberKeyDocument,
    "\n  mutation RevokeSubscriberKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n": types.RevokeSubscriberKeyDocument,
    "\n  mutation CancelWaitingJob($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.CancelWaitingJobDocument,
    "\n  query StillServing {\n    workspace { id }\n  }\n": types.StillServingDocument,
    "\n  mutation HardenedStart($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": types.HardenedStartDocument,
    "\n  mutation HardenedBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines optedOut invalidCount }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": types.HardenedBulkOptOutDocument,
    "\n  mutation HardenedSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { importMaxBytes reviewTtlSeconds }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.HardenedSettingsDocument,
    "\n  query HardenedWorkspace {\n    workspace { id importMaxBytes reviewTtlSeconds }\n  }\n": types.HardenedWorkspaceDocument,
    "\n  mutation HardenedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } }\n  }\n": types.HardenedCancelDocument,
    "\n  mutation WebhookHardeningCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.WebhookHardeningCreateDocument,
    "\n  query WebhookHardeningList {\n    webhooks {\n      id\n      url\n      consecutiveFailures\n      pausedUntil\n      deliveries(first: 10) { edges { node { id status attempts lastError nextAttemptAt } } }\n    }\n  }\n": types.WebhookHardeningListDocument,
    "\n  mutation WebhookHardeningCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.WebhookHardeningCancelDocument,
    "\n  query WebhookHardeningTypeFields {\n    webhook: __type(name: \"Webhook\") { fields { name } }\n  }\n": types.WebhookHardeningTypeFieldsDocument,
    "\n  mutation CancelImport($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status cancelRequested }\n      ... on Error { message }\n    }\n  }\n": types.CancelImportDocument,
    "\n  mutation CancelRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.CancelRevertDocument,
    "\n  query CancelContactCount { contacts(first: 1) { totalCount } }\n": types.CancelContactCountDocument,
    "\n  subscription Progress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      id\n      status\n      counts { toCreate toUpdate toSkip errors created updated skipped failed }\n      progress { processedRows totalRows rowsPerSecond etaSeconds }\n    }\n  }\n": types.ProgressDocument,
    "\n  query ImportedContacts {\n    contacts(first: 100) { totalCount edges { node { name tags details { kind value } } } }\n  }\n": types.ImportedContactsDocument,
    "\n  query History($filter: ImportJobsFilter, $first: Int, $after: String) {\n    importJobs(filter: $filter, first: $first, after: $after) {\n      __typename\n      ... on ImportJobConnection {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id status fileName createdAt } }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": types.HistoryDocument,
    "\n  query HistoryCount($filter: ImportJobsFilter) {\n    importJobs(filter: $filter) {\n      __typename\n      ... on ImportJobConnection { totalCount }\n      ... on ValidationError { issues { path } }\n    }\n  }\n": types.HistoryCountDocument,
    "\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n": types.RulesContactsDocument,
    "\n  mutation RefusedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n": types.RefusedCancelDocument,
    "\n  mutation RefusedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n": types.RefusedRevertDocument,
    "\n  query RefusedJobTimes($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status confirmedAt finishedAt } }\n  }\n": types.RefusedJobTimesDocument,
    "\n  query MessyFieldKeys {\n    fields { key label }\n  }\n": types.MessyFieldKeysDocument,
    "\n  query MessyContacts {\n    contacts(first: 50) { edges { node { customFields details { value } } } }\n  }\n": types.MessyContactsDocument,
    "\n  subscription PhaseProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n  }\n": types.PhaseProgressDocument,
    "\n  query PhaseOfJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n      ... on Error { message }\n    }\n  }\n": types.PhaseOfJobDocument,
    "\n  mutation PhaseRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.PhaseRevertDocument,
    "\n  mutation PhaseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.PhaseCancelDocument,
    "\n  mutation QueuedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.QueuedRevertDocument,
    "\n  mutation RevertImport($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status revertRequestedAt }\n      ... on Error { message }\n    }\n  }\n": types.RevertImportDocument,
    "\n  query RevertedJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        counts { created updated reverted revertConflicts }\n        progress { processedRows totalRows }\n        revertConflicts(first: 10) { totalCount edges { node { contactId createdByImport outcome changedFields } } }\n      }\n    }\n  }\n": types.RevertedJobDocument,
    "\n  subscription RevertProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { reverted revertConflicts } }\n  }\n": types.RevertProgressDocument,
    "\n  mutation RevertEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": types.RevertEditContactDocument,
    "\n  query RevertContactState($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact {\n        firstName\n        lastName\n        name\n        country\n        customFields\n        tags\n        details { id kind value rawValue isPrimary }\n      }\n    }\n  }\n": types.RevertContactStateDocument,
    "\n  query RevertContactCount { contacts(first: 1) { totalCount } }\n": types.RevertContactCountDocument,
    "\n  query SweptJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { id status createdAt reviewExpiresAt failureReason finishedAt errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n": types.SweptJobDocument,
    "\n  mutation CreateSweepWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { webhook { id } }\n      ... on Error { message }\n    }\n  }\n": types.CreateSweepWebhookDocument,
    "\n  query SweepDeliveries {\n    webhooks {\n      deliveries(first: 100) { totalCount edges { node { status payload job { id status } } } }\n    }\n  }\n": types.SweepDeliveriesDocument,
    "\n  subscription WatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n": types.WatchJobDocument,
    "\n  mutation StartPaste($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        sourceKind\n        delimiter\n        hasHeader\n        sheetName\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": types.StartPasteDocument,
    "\n  query PastedContacts {\n    contacts(first: 50) { totalCount edges { node { name details { kind value } } } }\n  }\n": types.PastedContactsDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url createdAt } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook { id url }\n      ... on Error { message }\n    }\n  }\n": types.DeleteWebhookDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      deliveries(first: 10) {\n        totalCount\n        edges { node { id status event jobStatus attempts nextAttemptAt deliveredAt gaveUpAt lastError payload job { id status } } }\n      }\n    }\n  }\n": types.WebhooksDocument,
    "\n  mutation CancelForWebhook($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": types.CancelForWebhookDocument,
    "\n  mutation RevertForWebhook($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": types.RevertForWebhookDocument,
    "\n  mutation SettleEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { firstName lastName name } ... on Error { message } }\n  }\n": types.SettleEditContactDocument,
    "\n  mutation SettleRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.SettleRevertDocument,
    "\n  mutation SettleSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { linked } ... on Error { message } }\n  }\n": types.SettleSyncDocument,
    "\n  query SettleBook {\n    contacts(first: 100) {\n      totalCount\n      edges { node { id firstName lastName name details { kind value isPrimary } groups { name } } }\n    }\n    groups(first: 100) { edges { node { name type } } }\n  }\n": types.SettleBookDocument,
    "\n  mutation StartWorkbookImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        sourceKind\n        fileName\n        encoding\n        delimiter\n        hasHeader\n        sheetName\n        sheetNames\n        totalRows\n        columns { index header samples suggestedFieldKey }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": types.StartWorkbookImportDocument,
    "\n  query WorkbookContacts {\n    contacts(first: 50) { totalCount edges { node { firstName lastName customFields details { kind value } } } }\n  }\n": types.WorkbookContactsDocument,
    "\n  fragment ConsentFields on AddressConsent {\n    address\n    kind\n    optOuts { channel source reason actorKeyId jobId }\n    optIns { channel source }\n    channels { channel status optedIn }\n    history(first: 50) { totalCount edges { node { type channel source reason actorKeyId jobId } } }\n  }\n": types.ConsentFieldsFragmentDoc,
    "\n  mutation OptOut($input: OptOutInput!) {\n    optOut(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": types.OptOutDocument,
    "\n  mutation OptIn($input: OptInInput!) {\n    optIn(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n": types.OptInDocument,
    "\n  mutation Reinstate($input: ReinstateInput!) {\n    reinstate(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on InvalidStateError { message state }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": types.ReinstateDocument,
    "\n  query AddressConsent($address: String!, $defaultCountry: String) {\n    addressConsent(address: $address, defaultCountry: $defaultCountry) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n": types.AddressConsentDocument,
    "\n  mutation ConsentCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n": types.ConsentCreateContactDocument,
    "\n  query ConsentGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n": types.ConsentGetContactDocument,
    "\n  mutation ConsentDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": types.ConsentDeleteContactDocument,
    "\n  mutation BulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines addresses optedOut alreadyOptedOut invalidCount invalid { line value reason } }\n      ... on Error { message }\n    }\n  }\n": types.BulkOptOutDocument,
    "\n  query Audience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        excluded { reason count }\n        addresses(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on NotFoundError { message entity id }\n      ... on Error { message }\n    }\n  }\n": types.AudienceDocument,
    "\n  query ConsentApiKeys {\n    apiKeys { id name }\n  }\n": types.ConsentApiKeysDocument,
    "\n  mutation ConsentSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { created updated } ... on Error { message } }\n  }\n": types.ConsentSyncDocument,
    "\n  mutation ConsentUpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) { __typename ... on ContactDetail { value status } ... on Error { message } }\n  }\n": types.ConsentUpdateDetailDocument,
    "\n  query ConsentContacts {\n    contacts(first: 50) { edges { node { id firstName details { id kind value status } } } }\n  }\n": types.ConsentContactsDocument,
    "\n  mutation OptOutDetail($input: OptOutContactDetailInput!) {\n    optOutContactDetail(input: $input) {\n      __typename\n      ... on AddressConsent { address optOuts { channel source reason } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n": types.OptOutDetailDocument,
    "\n  mutation InboundKeyword($input: InboundKeywordInput!) {\n    recordInboundKeyword(input: $input) {\n      __typename\n      ... on InboundKeyword {\n        action\n        keyword\n        consent { optOuts { channel source reason } optIns { channel source } channels { channel status } }\n      }\n      ... on Error { message }\n    }\n  }\n": types.InboundKeywordDocument,
    "\n  query OptOutList($filter: OptOutFilter, $first: Int, $after: String) {\n    optOuts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { address kind channel source reason actorKeyId } }\n    }\n  }\n": types.OptOutListDocument,
    "\n  mutation CrashStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": types.CrashStartDocument,
    "\n  mutation CrashMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.CrashMapDocument,
    "\n  mutation CrashConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.CrashConfirmDocument,
    "\n  query CrashJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { processedRows totalRows } counts { toCreate toUpdate toSkip errors created updated skipped failed } }\n    }\n  }\n": types.CrashJobDocument,
    "\n  query CrashContacts { contacts(first: 1) { totalCount } }\n": types.CrashContactsDocument,
    "\n  mutation BucketStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": types.BucketStartDocument,
    "\n  mutation BucketMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.BucketMapDocument,
    "\n  mutation BucketConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.BucketConfirmDocument,
    "\n  query BucketJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n": types.BucketJobDocument,
    "\n  mutation SeveralStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": types.SeveralStartDocument,
    "\n  mutation SeveralMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.SeveralMapDocument,
    "\n  mutation SeveralConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.SeveralConfirmDocument,
    "\n  query SeveralJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status counts { created updated skipped failed } progress { processedRows totalRows } errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n": types.SeveralJobDocument,
    "\n  subscription SeveralProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } }\n  }\n": types.SeveralProgressDocument,
    "\n  query ShutdownJobStatus($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status } }\n  }\n": types.ShutdownJobStatusDocument,
    "\n  mutation WorkerStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": types.WorkerStartDocument,
    "\n  mutation WorkerMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.WorkerMapDocument,
    "\n  mutation WorkerConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.WorkerConfirmDocument,
    "\n  query WorkerJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status progress { processedRows } } }\n  }\n": types.WorkerJobDocument,
    "\n  subscription WorkerProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { created } }\n  }\n": types.WorkerProgressDocument,
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
    "\n  query ErrorTypes {\n    errorInterface: __type(name: \"Error\") {\n      fields { name type { kind name ofType { kind name } } }\n      possibleTypes { name fields { name type { kind name ofType { kind name } } } }\n    }\n    issue: __type(name: \"InputIssue\") { fields { name type { kind name ofType { kind name } } } }\n    codes: __type(name: \"ErrorCode\") { enumValues { name description } }\n  }\n": types.ErrorTypesDocument,
    "\n  mutation CodesSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n": types.CodesSettingsDocument,
    "\n  mutation CodesCreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key }\n      ... on Error { code params message }\n      ... on LimitExceededError { limit }\n    }\n  }\n": types.CodesCreateFieldDocument,
    "\n  mutation CodesCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n": types.CodesCreateContactDocument,
    "\n  mutation CodesStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n      ... on LimitExceededError { limit }\n    }\n  }\n": types.CodesStartImportDocument,
    "\n  query CodesImportJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        skipReasons { reason code params count }\n        preview { rowNumber action message codes }\n      }\n      ... on Error { code params message }\n      ... on NotFoundError { entity id }\n    }\n  }\n": types.CodesImportJobDocument,
    "\n  mutation CodesConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on Error { code params message }\n      ... on InvalidStateError { state }\n    }\n  }\n": types.CodesConfirmDocument,
    "\n  mutation CodesCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n": types.CodesCreateGroupDocument,
    "\n  query CodesContacts($after: String) {\n    contacts(first: 5, after: $after) { totalCount }\n  }\n": types.CodesContactsDocument,
    "\n  mutation CodesBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { invalid { line reason code } }\n      ... on Error { code params message }\n    }\n  }\n": types.CodesBulkOptOutDocument,
    "\n  subscription CodesProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": types.CodesProgressDocument,
    "\n  query Fields {\n    fields { key label type options builtIn }\n  }\n": types.FieldsDocument,
    "\n  mutation CreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key label type options builtIn }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n": types.CreateFieldDocument,
    "\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.RenameFieldDocument,
    "\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.DeleteFieldDocument,
    "\n  mutation FieldsDeleteGroup($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on Error { message } }\n  }\n": types.FieldsDeleteGroupDocument,
    "\n  mutation ContactWithFields($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id customFields } ... on Error { message } }\n  }\n": types.ContactWithFieldsDocument,
    "\n  query ContactFields($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { customFields } }\n  }\n": types.ContactFieldsDocument,
    "\n  mutation StartWatchedImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": types.StartWatchedImportDocument,
    "\n  subscription SseWatch($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": types.SseWatchDocument,
    "\n  mutation SseStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": types.SseStartDocument,
    "\n  mutation SseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n": types.SseCancelDocument,
    "\n  query SseWorkspace {\n    workspace { name }\n  }\n": types.SseWorkspaceDocument,
    "\n  query LoggingWorkspace { workspace { id name } }\n": types.LoggingWorkspaceDocument,
    "\n  query LoggingSearch($search: String!, $filter: ContactFilterInput) {\n    contacts(first: 5, search: $search, filter: $filter) { totalCount }\n  }\n": types.LoggingSearchDocument,
    "\n  query LoggingExport($input: ContactExportInput!) {\n    contactExport(input: $input) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n": types.LoggingExportDocument,
    "\n  mutation LoggingCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n": types.LoggingCreateWebhookDocument,
    "\n  query MetricsWorkspace {\n    workspace { id }\n  }\n": types.MetricsWorkspaceDocument,
    "\n  subscription MetricsWatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n": types.MetricsWatchJobDocument,
    "\n  mutation MetricsCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n": types.MetricsCreateWebhookDocument,
    "\n  query PublicLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    audience(input: { channel: SMS, addresses: [\"+12025550143\"] }) { __typename ... on Audience { recipientsUrl } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n": types.PublicLinksDocument,
    "\n  query ReadinessWorkspace {\n    workspace { id }\n  }\n": types.ReadinessWorkspaceDocument,
    "\n  query RelayRefetch($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Contact { firstName details { value } groups { id name } }\n      ... on Group { name type members(first: 5) { totalCount edges { node { id } } } }\n      ... on Field { key label builtIn }\n      ... on ImportJob { fileName status revertConflicts(first: 5) { totalCount } }\n      ... on Webhook { url deliveries(first: 5) { totalCount } }\n    }\n  }\n": types.RelayRefetchDocument,
    "\n  query RelayRefetchMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Contact { firstName }\n      ... on Group { name }\n    }\n  }\n": types.RelayRefetchManyDocument,
    "\n  query RelayFieldIds {\n    fields { id key }\n  }\n": types.RelayFieldIdsDocument,
    "\n  mutation RelayStartTextImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) { __typename ... on ImportJob { id fileName } ... on Error { message } }\n  }\n": types.RelayStartTextImportDocument,
    "\n  mutation RelayCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id url } } ... on Error { message } }\n  }\n": types.RelayCreateWebhookDocument,
    "\n  query RelayGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.RelayGetContactDocument,
    "\n  mutation RelayRenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.RelayRenameContactDocument,
    "\n  mutation RelayAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id } }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.RelayAddMembersDocument,
    "\n  mutation RelayDynamicGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id filter members { totalCount } } ... on Error { message } }\n  }\n": types.RelayDynamicGroupDocument,
    "\n  mutation RelaySync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { records { externalId contactId } } ... on Error { message } }\n  }\n": types.RelaySyncDocument,
    "\n  query RelayAudience($input: AudienceInput!) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        addresses { edges { node { address contactId } } }\n        excludedRecipients(reasons: [UNKNOWN_CONTACT]) { __typename ... on AudienceExcludedRecipientConnection { edges { node { rawValue } } } }\n      }\n      ... on Error { message }\n    }\n  }\n": types.RelayAudienceDocument,
    "\n  query RelayQueryFieldTypes {\n    query: __type(name: \"Query\") { fields { name type { name ofType { name possibleTypes { name } } } } }\n    group: __type(name: \"Group\") { fields { name type { name } } }\n    webhook: __type(name: \"Webhook\") { fields { name type { name ofType { name } } } }\n    importJob: __type(name: \"ImportJob\") { fields { name type { name ofType { name } } } }\n    consent: __type(name: \"AddressConsent\") { fields { name type { name ofType { name } } } }\n    node: __type(name: \"Node\") { possibleTypes { name } }\n    schema: __schema { types { name } }\n  }\n": types.RelayQueryFieldTypesDocument,
    "\n  query FirstContacts($first: Int) {\n    contacts(first: $first) { totalCount }\n  }\n": types.FirstContactsDocument,
    "\n  query RequiredFirst($first: Int!) {\n    contacts(first: $first) { totalCount }\n  }\n": types.RequiredFirstDocument,
    "\n  subscription WatchJobById($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": types.WatchJobByIdDocument,
    "\n  query ReadWorkspaceName {\n    workspace { name }\n  }\n": types.ReadWorkspaceNameDocument,
    "\n  subscription WatchSomeJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n": types.WatchSomeJobDocument,
    "\n  mutation StartTextImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n": types.StartTextImportDocument,
    "\n  mutation IssueClosingKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n": types.IssueClosingKeyDocument,
    "\n  mutation RevokeClosingKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n": types.RevokeClosingKeyDocument,
    "\n  query WorkspaceSettings {\n    workspace { customFieldLimit importMaxBytes importMaxRows reviewTtlSeconds fileRetentionDays requireFirstName requirePhoneWithCountry optInChannels }\n  }\n": types.WorkspaceSettingsDocument,
    "\n  mutation UpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { reviewTtlSeconds fileRetentionDays importMaxBytes optInChannels requireFirstName }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.UpdateWorkspaceSettingsDocument,
    "\n  mutation StartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        encoding\n        delimiter\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n": types.StartImportDocument,
    "\n  mutation SetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.SetMappingDocument,
    "\n  mutation Confirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n": types.ConfirmDocument,
    "\n  query JobState($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        totalRows\n        failureReason\n        counts { toCreate toUpdate toSkip errors created updated skipped failed }\n        progress { processedRows totalRows rowsPerSecond etaSeconds }\n        errorFileUrl\n        resultFileUrl\n        preview(first: 50) { rowNumber action values message }\n        updatePreview { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n": types.JobStateDocument,
    "\n  mutation SeedContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": types.SeedContactDocument,
    "\n  mutation SeedField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n": types.SeedFieldDocument,
    "\n  mutation SeedGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on Error { message } }\n  }\n": types.SeedGroupDocument,
    "\n  mutation SeedGroupMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } ... on Error { message } }\n  }\n": types.SeedGroupMembersDocument,
    "\n  mutation SeedDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n": types.SeedDeleteContactDocument,
    "\n  mutation SeedOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on Error { message } }\n  }\n": types.SeedOptOutDocument,
    "\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        linked\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        contactConflicts { externalId phone kind contactIds message }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n": types.SyncContactsDocument,
    "\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n": types.SyncStateDocument,
    "\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n": types.SyncCountContactsDocument,
    "\n  query SyncContactById($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt details { kind value rawValue isPrimary } }\n      ... on Error { message }\n    }\n  }\n": types.SyncContactByIdDocument,
    "\n  query SyncContactsByName {\n    contacts(first: 10, orderBy: [{ field: \"name\" }]) { edges { node { id name updatedAt } } }\n  }\n": types.SyncContactsByNameDocument,
    "\n  mutation SyncMergeContacts($input: MergeContactsInput!) {\n    mergeContacts(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n": types.SyncMergeContactsDocument,
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
export function graphql(source: "\n  query AudienceGroups {\n    groups(first: 50) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query AudienceGroups {\n    groups(first: 50) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExcludedRecipients($input: AudienceInput!, $first: Int, $after: String, $reasons: [ExclusionReason!]) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        excluded { reason count }\n        excludedRecipients(first: $first, after: $after, reasons: $reasons) {\n          __typename\n          ... on AudienceExcludedRecipientConnection {\n            totalCount\n            pageInfo { hasNextPage endCursor }\n            edges { node { reason address contactId rawValue contact { id name details { value } } } }\n          }\n          ... on ValidationError { message issues { path message } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query ExcludedRecipients($input: AudienceInput!, $first: Int, $after: String, $reasons: [ExclusionReason!]) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        excluded { reason count }\n        excludedRecipients(first: $first, after: $after, reasons: $reasons) {\n          __typename\n          ... on AudienceExcludedRecipientConnection {\n            totalCount\n            pageInfo { hasNextPage endCursor }\n            edges { node { reason address contactId rawValue contact { id name details { value } } } }\n          }\n          ... on ValidationError { message issues { path message } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecipientsAudience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        recipientsUrl\n        addresses(first: $first, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query RecipientsAudience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        recipientsUrl\n        addresses(first: $first, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BrowseCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id createdAt } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation BrowseCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id createdAt } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrowsePage($search: String, $orderBy: [ContactOrderInput!], $first: Int, $after: String, $last: Int, $before: String) {\n    contacts(search: $search, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id firstName lastName } }\n    }\n  }\n"): (typeof documents)["\n  query BrowsePage($search: String, $orderBy: [ContactOrderInput!], $first: Int, $after: String, $last: Int, $before: String) {\n    contacts(search: $search, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id firstName lastName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrowseFull($first: Int) {\n    contacts(first: $first) {\n      totalCount\n      edges {\n        node {\n          id name tags customFields\n          details { kind value status openChannels }\n          groups { id name type activeContactCount }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BrowseFull($first: Int) {\n    contacts(first: $first) {\n      totalCount\n      edges {\n        node {\n          id name tags customFields\n          details { kind value status openChannels }\n          groups { id name type activeContactCount }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Duplicates($first: Int, $after: String, $last: Int, $before: String, $kind: DetailKind) {\n    duplicateContacts(first: $first, after: $after, last: $last, before: $before, kind: $kind) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { kind value contactCount contacts { id name details { kind value } } } }\n    }\n  }\n"): (typeof documents)["\n  query Duplicates($first: Int, $after: String, $last: Int, $before: String, $kind: DetailKind) {\n    duplicateContacts(first: $first, after: $after, last: $last, before: $before, kind: $kind) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { kind value contactCount contacts { id name details { kind value } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoundTripExport($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url columns { key header } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query RoundTripExport($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url columns { key header } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoundTripContacts {\n    contacts(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          name\n          country\n          tags\n          customFields\n          groups { name }\n          details { id kind value rawValue label isPrimary status }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoundTripContacts {\n    contacts(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          name\n          country\n          tags\n          customFields\n          groups { name }\n          details { id kind value rawValue label isPrimary status }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportContacts($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url format columns { key header } }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message id }\n    }\n  }\n"): (typeof documents)["\n  query ExportContacts($input: ContactExportInput!) {\n    contactExport(input: $input) {\n      __typename\n      ... on ContactExport { url format columns { key header } }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveFieldForExport($key: String!) {\n    deleteField(key: $key) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RemoveFieldForExport($key: String!) {\n    deleteField(key: $key) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FiltersContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { id firstName } } }\n  }\n"): (typeof documents)["\n  query FiltersContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { id firstName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FiltersUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation FiltersUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Merge($input: MergeContactsInput!) {\n    mergeContacts(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { kind value isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message entity id }\n      ... on LimitExceededError { message limit }\n    }\n  }\n"): (typeof documents)["\n  mutation Merge($input: MergeContactsInput!) {\n    mergeContacts(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        name\n        country\n        tags\n        customFields\n        details { kind value isPrimary status }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on NotFoundError { message entity id }\n      ... on LimitExceededError { message limit }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactForMerge($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query ContactForMerge($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncForMerge($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult { created updated records { externalId contactId } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncForMerge($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult { created updated records { externalId contactId } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateCountForMerge { duplicateContacts { totalCount } }\n"): (typeof documents)["\n  query DuplicateCountForMerge { duplicateContacts { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchContacts($search: String) {\n    contacts(search: $search, first: 100) { totalCount edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query SearchContacts($search: String) {\n    contacts(search: $search, first: 100) { totalCount edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleContacts {\n    contacts(first: 20, orderBy: [{ field: \"lastName\", direction: ASC }]) {\n      totalCount\n      edges { node { name tags details { kind value } } }\n    }\n  }\n"): (typeof documents)["\n  query ExampleContacts {\n    contacts(first: 20, orderBy: [{ field: \"lastName\", direction: ASC }]) {\n      totalCount\n      edges { node { name tags details { kind value } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoreFlowContacts {\n    contacts(first: 5) { totalCount }\n  }\n"): (typeof documents)["\n  query StoreFlowContacts {\n    contacts(first: 5) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveRuleContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { firstName details { status } } } }\n  }\n"): (typeof documents)["\n  query ActiveRuleContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 100) { totalCount edges { node { firstName details { status } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActiveRuleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id activeContactCount } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ActiveRuleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id activeContactCount } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActiveRuleAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { group { activeContactCount } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ActiveRuleAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { group { activeContactCount } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsDeleteField($key: String!) {\n    deleteField(key: $key) { __typename ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation GroupsDeleteField($key: String!) {\n    deleteField(key: $key) { __typename ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id name description category type filter createdAt activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupsCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id name description category type filter createdAt activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id name description category filter activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupsUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ... on Group { id name description category filter activeContactCount }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsDelete($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on DeletedGroup { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation GroupsDelete($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on DeletedGroup { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsAdd($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupsAdd($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsRemove($input: GroupMembersInput!) {\n    removeContactsFromGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupsRemove($input: GroupMembersInput!) {\n    removeContactsFromGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id activeContactCount } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupsMerge($input: MergeGroupsInput!) {\n    mergeGroups(input: $input) {\n      __typename\n      ... on Group { id name filter activeContactCount }\n      ... on InvalidStateError { message state }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupsMerge($input: MergeGroupsInput!) {\n    mergeGroups(input: $input) {\n      __typename\n      ... on Group { id name filter activeContactCount }\n      ... on InvalidStateError { message state }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsOne($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group {\n        id name type activeContactCount\n        filterError { message issues { path message } }\n        members(first: 50, orderBy: [{ field: \"firstName\" }]) { totalCount edges { node { firstName } } }\n      }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query GroupsOne($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group {\n        id name type activeContactCount\n        filterError { message issues { path message } }\n        members(first: 50, orderBy: [{ field: \"firstName\" }]) { totalCount edges { node { firstName } } }\n      }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsCount($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group { activeContactCount filterError { message issues { path message } } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query GroupsCount($id: ID!) {\n    group(id: $id) {\n      __typename\n      ... on Group { activeContactCount filterError { message issues { path message } } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsList {\n    groups(first: 50) { totalCount edges { node { id name type category createdAt activeContactCount } } }\n  }\n"): (typeof documents)["\n  query GroupsList {\n    groups(first: 50) { totalCount edges { node { id name type category createdAt activeContactCount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsPage($first: Int, $after: String, $last: Int, $before: String) {\n    groups(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { name } }\n    }\n  }\n"): (typeof documents)["\n  query GroupsPage($first: Int, $after: String, $last: Int, $before: String) {\n    groups(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsHealth {\n    groups(first: 50) {\n      edges { node { name activeContactCount filterError { issues { path message } } members { totalCount } } }\n    }\n  }\n"): (typeof documents)["\n  query GroupsHealth {\n    groups(first: 50) {\n      edges { node { name activeContactCount filterError { issues { path message } } members { totalCount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsOfContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { groups { name type } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  query GroupsOfContact($id: ID!) {\n    contact(id: $id) { __typename ... on Contact { groups { name type } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsContacts {\n    contacts(first: 50) { totalCount }\n  }\n"): (typeof documents)["\n  query GroupsContacts {\n    contacts(first: 50) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DownloadExportUrl {\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n"): (typeof documents)["\n  query DownloadExportUrl {\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExpansionCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { message issues { path message } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ExpansionCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { message issues { path message } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpansionGroups {\n    groups(first: 100) { edges { node { id name activeContactCount filterError { message } members(first: 5) { totalCount } } } }\n  }\n"): (typeof documents)["\n  query ExpansionGroups {\n    groups(first: 100) { edges { node { id name activeContactCount filterError { message } members(first: 5) { totalCount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpansionContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 10) { totalCount edges { node { id groups { name } } } }\n  }\n"): (typeof documents)["\n  query ExpansionContacts($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 10) { totalCount edges { node { id groups { name } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurgeSkipReasons($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status skipReasons { reason count } preview { rowNumber } counts { skipped reverted revertConflicts } }\n    }\n  }\n"): (typeof documents)["\n  query PurgeSkipReasons($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status skipReasons { reason count } preview { rowNumber } counts { skipped reverted revertConflicts } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurgeCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation PurgeCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurgeDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation PurgeDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurgeRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation PurgeRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsBystander {\n    contacts(first: 20) { totalCount edges { node { id name details { kind value status } } } }\n  }\n"): (typeof documents)["\n  query LimitsBystander {\n    contacts(first: 20) { totalCount edges { node { id name details { kind value status } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsNestedPages {\n    contacts(first: 100) { edges { node { groups { members(first: 500) { edges { node { groups { name } } } } } } } }\n  }\n"): (typeof documents)["\n  query LimitsNestedPages {\n    contacts(first: 100) { edges { node { groups { members(first: 500) { edges { node { groups { name } } } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsNestedBySize($size: Int) {\n    contacts(first: $size) { edges { node { groups { name members(first: $size) { edges { node { name } } } } } } }\n  }\n"): (typeof documents)["\n  query LimitsNestedBySize($size: Int) {\n    contacts(first: $size) { edges { node { groups { name members(first: $size) { edges { node { name } } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsTypename {\n    __typename\n  }\n"): (typeof documents)["\n  query LimitsTypename {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignedLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n"): (typeof documents)["\n  query SignedLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplateLink {\n    importTemplateUrl\n  }\n"): (typeof documents)["\n  query TemplateLink {\n    importTemplateUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewReadKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation NewReadKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SqlLimitsContacts($search: String, $filter: ContactFilterInput, $orderBy: [ContactOrderInput!]) {\n    contacts(search: $search, filter: $filter, orderBy: $orderBy, first: 1) { totalCount edges { node { id } } }\n  }\n"): (typeof documents)["\n  query SqlLimitsContacts($search: String, $filter: ContactFilterInput, $orderBy: [ContactOrderInput!]) {\n    contacts(search: $search, filter: $filter, orderBy: $orderBy, first: 1) { totalCount edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SqlLimitsFirstContact($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 1) { edges { node { id } } }\n  }\n"): (typeof documents)["\n  query SqlLimitsFirstContact($filter: ContactFilterInput) {\n    contacts(filter: $filter, first: 1) { edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SqlLimitsCreateField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SqlLimitsCreateField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SqlLimitsCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on ValidationError { issues { path message } } }\n  }\n"): (typeof documents)["\n  mutation SqlLimitsCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on ValidationError { issues { path message } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SqlLimitsUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { customFields } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SqlLimitsUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { customFields } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SqlLimitsCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SqlLimitsCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { issues { path message } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SqlLimitsCreateApiKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on ValidationError { issues { path message } } }\n  }\n"): (typeof documents)["\n  mutation SqlLimitsCreateApiKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on ValidationError { issues { path message } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SqlLimitsAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } }\n  }\n"): (typeof documents)["\n  mutation SqlLimitsAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SqlLimitsOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on ValidationError { issues { path message } } }\n  }\n"): (typeof documents)["\n  mutation SqlLimitsOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on ValidationError { issues { path message } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchWaitingJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n"): (typeof documents)["\n  subscription WatchWaitingJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartWaitingImport($text: String!) {\n    startContactImport(input: { text: $text, fileName: \"waiting.csv\" }) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation StartWaitingImport($text: String!) {\n    startContactImport(input: { text: $text, fileName: \"waiting.csv\" }) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueSubscriberKey($name: String!) {\n    createApiKey(name: $name, scope: READ) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation IssueSubscriberKey($name: String!) {\n    createApiKey(name: $name, scope: READ) {\n      __typename\n      ... on CreatedApiKey { secret apiKey { id } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSubscriberKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RevokeSubscriberKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelWaitingJob($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CancelWaitingJob($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StillServing {\n    workspace { id }\n  }\n"): (typeof documents)["\n  query StillServing {\n    workspace { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardenedStart($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation HardenedStart($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id status }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardenedBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines optedOut invalidCount }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation HardenedBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines optedOut invalidCount }\n      ... on LimitExceededError { message limit }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardenedSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { importMaxBytes reviewTtlSeconds }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation HardenedSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { importMaxBytes reviewTtlSeconds }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardenedWorkspace {\n    workspace { id importMaxBytes reviewTtlSeconds }\n  }\n"): (typeof documents)["\n  query HardenedWorkspace {\n    workspace { id importMaxBytes reviewTtlSeconds }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardenedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } }\n  }\n"): (typeof documents)["\n  mutation HardenedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhookHardeningCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhookHardeningCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookHardeningList {\n    webhooks {\n      id\n      url\n      consecutiveFailures\n      pausedUntil\n      deliveries(first: 10) { edges { node { id status attempts lastError nextAttemptAt } } }\n    }\n  }\n"): (typeof documents)["\n  query WebhookHardeningList {\n    webhooks {\n      id\n      url\n      consecutiveFailures\n      pausedUntil\n      deliveries(first: 10) { edges { node { id status attempts lastError nextAttemptAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhookHardeningCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation WebhookHardeningCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookHardeningTypeFields {\n    webhook: __type(name: \"Webhook\") { fields { name } }\n  }\n"): (typeof documents)["\n  query WebhookHardeningTypeFields {\n    webhook: __type(name: \"Webhook\") { fields { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelImport($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status cancelRequested }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelImport($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status cancelRequested }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CancelRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CancelContactCount { contacts(first: 1) { totalCount } }\n"): (typeof documents)["\n  query CancelContactCount { contacts(first: 1) { totalCount } }\n"];
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
export function graphql(source: "\n  query History($filter: ImportJobsFilter, $first: Int, $after: String) {\n    importJobs(filter: $filter, first: $first, after: $after) {\n      __typename\n      ... on ImportJobConnection {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id status fileName createdAt } }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  query History($filter: ImportJobsFilter, $first: Int, $after: String) {\n    importJobs(filter: $filter, first: $first, after: $after) {\n      __typename\n      ... on ImportJobConnection {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id status fileName createdAt } }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryCount($filter: ImportJobsFilter) {\n    importJobs(filter: $filter) {\n      __typename\n      ... on ImportJobConnection { totalCount }\n      ... on ValidationError { issues { path } }\n    }\n  }\n"): (typeof documents)["\n  query HistoryCount($filter: ImportJobsFilter) {\n    importJobs(filter: $filter) {\n      __typename\n      ... on ImportJobConnection { totalCount }\n      ... on ValidationError { issues { path } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n"): (typeof documents)["\n  query RulesContacts {\n    contacts(first: 200) {\n      totalCount\n      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefusedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n"): (typeof documents)["\n  mutation RefusedCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefusedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n"): (typeof documents)["\n  mutation RefusedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefusedJobTimes($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status confirmedAt finishedAt } }\n  }\n"): (typeof documents)["\n  query RefusedJobTimes($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status confirmedAt finishedAt } }\n  }\n"];
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
export function graphql(source: "\n  subscription PhaseProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n  }\n"): (typeof documents)["\n  subscription PhaseProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PhaseOfJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query PhaseOfJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PhaseRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation PhaseRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PhaseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation PhaseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QueuedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation QueuedRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertImport($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status revertRequestedAt }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RevertImport($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status revertRequestedAt }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevertedJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        counts { created updated reverted revertConflicts }\n        progress { processedRows totalRows }\n        revertConflicts(first: 10) { totalCount edges { node { contactId createdByImport outcome changedFields } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevertedJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        counts { created updated reverted revertConflicts }\n        progress { processedRows totalRows }\n        revertConflicts(first: 10) { totalCount edges { node { contactId createdByImport outcome changedFields } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RevertProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { reverted revertConflicts } }\n  }\n"): (typeof documents)["\n  subscription RevertProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { reverted revertConflicts } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RevertEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevertContactState($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact {\n        firstName\n        lastName\n        name\n        country\n        customFields\n        tags\n        details { id kind value rawValue isPrimary }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevertContactState($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact {\n        firstName\n        lastName\n        name\n        country\n        customFields\n        tags\n        details { id kind value rawValue isPrimary }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevertContactCount { contacts(first: 1) { totalCount } }\n"): (typeof documents)["\n  query RevertContactCount { contacts(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SweptJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { id status createdAt reviewExpiresAt failureReason finishedAt errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query SweptJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { id status createdAt reviewExpiresAt failureReason finishedAt errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSweepWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { webhook { id } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSweepWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { webhook { id } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SweepDeliveries {\n    webhooks {\n      deliveries(first: 100) { totalCount edges { node { status payload job { id status } } } }\n    }\n  }\n"): (typeof documents)["\n  query SweepDeliveries {\n    webhooks {\n      deliveries(first: 100) { totalCount edges { node { status payload job { id status } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n"): (typeof documents)["\n  subscription WatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPaste($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        sourceKind\n        delimiter\n        hasHeader\n        sheetName\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation StartPaste($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        sourceKind\n        delimiter\n        hasHeader\n        sheetName\n        totalRows\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PastedContacts {\n    contacts(first: 50) { totalCount edges { node { name details { kind value } } } }\n  }\n"): (typeof documents)["\n  query PastedContacts {\n    contacts(first: 50) { totalCount edges { node { name details { kind value } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url createdAt } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on CreatedWebhook { secret webhook { id url createdAt } }\n      ... on ValidationError { message issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook { id url }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook { id url }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      deliveries(first: 10) {\n        totalCount\n        edges { node { id status event jobStatus attempts nextAttemptAt deliveredAt gaveUpAt lastError payload job { id status } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      id\n      url\n      deliveries(first: 10) {\n        totalCount\n        edges { node { id status event jobStatus attempts nextAttemptAt deliveredAt gaveUpAt lastError payload job { id status } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelForWebhook($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelForWebhook($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertForWebhook($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RevertForWebhook($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { id status }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettleEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { firstName lastName name } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SettleEditContact($input: UpdateContactInput!) {\n    updateContact(input: $input) { __typename ... on Contact { firstName lastName name } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettleRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SettleRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettleSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { linked } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SettleSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { linked } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettleBook {\n    contacts(first: 100) {\n      totalCount\n      edges { node { id firstName lastName name details { kind value isPrimary } groups { name } } }\n    }\n    groups(first: 100) { edges { node { name type } } }\n  }\n"): (typeof documents)["\n  query SettleBook {\n    contacts(first: 100) {\n      totalCount\n      edges { node { id firstName lastName name details { kind value isPrimary } groups { name } } }\n    }\n    groups(first: 100) { edges { node { name type } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartWorkbookImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        sourceKind\n        fileName\n        encoding\n        delimiter\n        hasHeader\n        sheetName\n        sheetNames\n        totalRows\n        columns { index header samples suggestedFieldKey }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n"): (typeof documents)["\n  mutation StartWorkbookImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        id\n        status\n        sourceKind\n        fileName\n        encoding\n        delimiter\n        hasHeader\n        sheetName\n        sheetNames\n        totalRows\n        columns { index header samples suggestedFieldKey }\n      }\n      ... on ValidationError { message issues { path message } }\n      ... on LimitExceededError { message limit }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbookContacts {\n    contacts(first: 50) { totalCount edges { node { firstName lastName customFields details { kind value } } } }\n  }\n"): (typeof documents)["\n  query WorkbookContacts {\n    contacts(first: 50) { totalCount edges { node { firstName lastName customFields details { kind value } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentFields on AddressConsent {\n    address\n    kind\n    optOuts { channel source reason actorKeyId jobId }\n    optIns { channel source }\n    channels { channel status optedIn }\n    history(first: 50) { totalCount edges { node { type channel source reason actorKeyId jobId } } }\n  }\n"): (typeof documents)["\n  fragment ConsentFields on AddressConsent {\n    address\n    kind\n    optOuts { channel source reason actorKeyId jobId }\n    optIns { channel source }\n    channels { channel status optedIn }\n    history(first: 50) { totalCount edges { node { type channel source reason actorKeyId jobId } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptOut($input: OptOutInput!) {\n    optOut(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation OptOut($input: OptOutInput!) {\n    optOut(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptIn($input: OptInInput!) {\n    optIn(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation OptIn($input: OptInInput!) {\n    optIn(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reinstate($input: ReinstateInput!) {\n    reinstate(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on InvalidStateError { message state }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation Reinstate($input: ReinstateInput!) {\n    reinstate(input: $input) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on InvalidStateError { message state }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AddressConsent($address: String!, $defaultCountry: String) {\n    addressConsent(address: $address, defaultCountry: $defaultCountry) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query AddressConsent($address: String!, $defaultCountry: String) {\n    addressConsent(address: $address, defaultCountry: $defaultCountry) {\n      __typename\n      ... on AddressConsent { ...ConsentFields }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsentCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query ConsentGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id details { id kind value status channels { channel status optedIn } } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ConsentDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines addresses optedOut alreadyOptedOut invalidCount invalid { line value reason } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { lines addresses optedOut alreadyOptedOut invalidCount invalid { line value reason } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        excluded { reason count }\n        addresses(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on NotFoundError { message entity id }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query Audience($input: AudienceInput!, $first: Int, $after: String) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        sendableCount\n        excluded { reason count }\n        addresses(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { address contactId } }\n        }\n      }\n      ... on NotFoundError { message entity id }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentApiKeys {\n    apiKeys { id name }\n  }\n"): (typeof documents)["\n  query ConsentApiKeys {\n    apiKeys { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { created updated } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ConsentSync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { created updated } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsentUpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) { __typename ... on ContactDetail { value status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ConsentUpdateDetail($input: UpdateContactDetailInput!) {\n    updateContactDetail(input: $input) { __typename ... on ContactDetail { value status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentContacts {\n    contacts(first: 50) { edges { node { id firstName details { id kind value status } } } }\n  }\n"): (typeof documents)["\n  query ConsentContacts {\n    contacts(first: 50) { edges { node { id firstName details { id kind value status } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptOutDetail($input: OptOutContactDetailInput!) {\n    optOutContactDetail(input: $input) {\n      __typename\n      ... on AddressConsent { address optOuts { channel source reason } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation OptOutDetail($input: OptOutContactDetailInput!) {\n    optOutContactDetail(input: $input) {\n      __typename\n      ... on AddressConsent { address optOuts { channel source reason } }\n      ... on NotFoundError { entity id }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboundKeyword($input: InboundKeywordInput!) {\n    recordInboundKeyword(input: $input) {\n      __typename\n      ... on InboundKeyword {\n        action\n        keyword\n        consent { optOuts { channel source reason } optIns { channel source } channels { channel status } }\n      }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation InboundKeyword($input: InboundKeywordInput!) {\n    recordInboundKeyword(input: $input) {\n      __typename\n      ... on InboundKeyword {\n        action\n        keyword\n        consent { optOuts { channel source reason } optIns { channel source } channels { channel status } }\n      }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OptOutList($filter: OptOutFilter, $first: Int, $after: String) {\n    optOuts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { address kind channel source reason actorKeyId } }\n    }\n  }\n"): (typeof documents)["\n  query OptOutList($filter: OptOutFilter, $first: Int, $after: String) {\n    optOuts(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { address kind channel source reason actorKeyId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrashStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CrashStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrashMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CrashMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrashConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CrashConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrashJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { processedRows totalRows } counts { toCreate toUpdate toSkip errors created updated skipped failed } }\n    }\n  }\n"): (typeof documents)["\n  query CrashJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status progress { processedRows totalRows } counts { toCreate toUpdate toSkip errors created updated skipped failed } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrashContacts { contacts(first: 1) { totalCount } }\n"): (typeof documents)["\n  query CrashContacts { contacts(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BucketStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation BucketStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BucketMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation BucketMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BucketConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation BucketConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BucketJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n"): (typeof documents)["\n  query BucketJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeveralStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeveralStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeveralMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeveralMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeveralConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeveralConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeveralJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status counts { created updated skipped failed } progress { processedRows totalRows } errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query SeveralJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob { status counts { created updated skipped failed } progress { processedRows totalRows } errorFileUrl resultFileUrl }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SeveralProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } }\n  }\n"): (typeof documents)["\n  subscription SeveralProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShutdownJobStatus($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status } }\n  }\n"): (typeof documents)["\n  query ShutdownJobStatus($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkerStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation WorkerStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkerMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation WorkerMap($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkerConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation WorkerConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkerJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status progress { processedRows } } }\n  }\n"): (typeof documents)["\n  query WorkerJob($id: ID!) {\n    importJob(id: $id) { __typename ... on ImportJob { status progress { processedRows } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkerProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { created } }\n  }\n"): (typeof documents)["\n  subscription WorkerProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { created } }\n  }\n"];
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
export function graphql(source: "\n  query ErrorTypes {\n    errorInterface: __type(name: \"Error\") {\n      fields { name type { kind name ofType { kind name } } }\n      possibleTypes { name fields { name type { kind name ofType { kind name } } } }\n    }\n    issue: __type(name: \"InputIssue\") { fields { name type { kind name ofType { kind name } } } }\n    codes: __type(name: \"ErrorCode\") { enumValues { name description } }\n  }\n"): (typeof documents)["\n  query ErrorTypes {\n    errorInterface: __type(name: \"Error\") {\n      fields { name type { kind name ofType { kind name } } }\n      possibleTypes { name fields { name type { kind name ofType { kind name } } } }\n    }\n    issue: __type(name: \"InputIssue\") { fields { name type { kind name ofType { kind name } } } }\n    codes: __type(name: \"ErrorCode\") { enumValues { name description } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodesSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CodesSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodesCreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key }\n      ... on Error { code params message }\n      ... on LimitExceededError { limit }\n    }\n  }\n"): (typeof documents)["\n  mutation CodesCreateField($input: CreateFieldInput!) {\n    createField(input: $input) {\n      __typename\n      ... on Field { key }\n      ... on Error { code params message }\n      ... on LimitExceededError { limit }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodesCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CodesCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodesStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n      ... on LimitExceededError { limit }\n    }\n  }\n"): (typeof documents)["\n  mutation CodesStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n      ... on LimitExceededError { limit }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodesImportJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        skipReasons { reason code params count }\n        preview { rowNumber action message codes }\n      }\n      ... on Error { code params message }\n      ... on NotFoundError { entity id }\n    }\n  }\n"): (typeof documents)["\n  query CodesImportJob($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        status\n        skipReasons { reason code params count }\n        preview { rowNumber action message codes }\n      }\n      ... on Error { code params message }\n      ... on NotFoundError { entity id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodesConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on Error { code params message }\n      ... on InvalidStateError { state }\n    }\n  }\n"): (typeof documents)["\n  mutation CodesConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on Error { code params message }\n      ... on InvalidStateError { state }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodesCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CodesCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Group { id }\n      ... on Error { code params message }\n      ... on ValidationError { issues { path code params message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodesContacts($after: String) {\n    contacts(first: 5, after: $after) { totalCount }\n  }\n"): (typeof documents)["\n  query CodesContacts($after: String) {\n    contacts(first: 5, after: $after) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodesBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { invalid { line reason code } }\n      ... on Error { code params message }\n    }\n  }\n"): (typeof documents)["\n  mutation CodesBulkOptOut($input: BulkOptOutInput!) {\n    bulkOptOut(input: $input) {\n      __typename\n      ... on BulkOptOut { invalid { line reason code } }\n      ... on Error { code params message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CodesProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"): (typeof documents)["\n  subscription CodesProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"];
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
export function graphql(source: "\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameField($key: String!, $label: String!) {\n    renameField(key: $key, label: $label) {\n      __typename\n      ... on Field { key label }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteField($key: String!) {\n    deleteField(key: $key) {\n      __typename\n      ... on Field { key }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FieldsDeleteGroup($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation FieldsDeleteGroup($id: ID!) {\n    deleteGroup(id: $id) { __typename ... on Error { message } }\n  }\n"];
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
export function graphql(source: "\n  mutation StartWatchedImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation StartWatchedImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SseWatch($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"): (typeof documents)["\n  subscription SseWatch($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SseStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SseStart($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SseCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SseWorkspace {\n    workspace { name }\n  }\n"): (typeof documents)["\n  query SseWorkspace {\n    workspace { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoggingWorkspace { workspace { id name } }\n"): (typeof documents)["\n  query LoggingWorkspace { workspace { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoggingSearch($search: String!, $filter: ContactFilterInput) {\n    contacts(first: 5, search: $search, filter: $filter) { totalCount }\n  }\n"): (typeof documents)["\n  query LoggingSearch($search: String!, $filter: ContactFilterInput) {\n    contacts(first: 5, search: $search, filter: $filter) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoggingExport($input: ContactExportInput!) {\n    contactExport(input: $input) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n"): (typeof documents)["\n  query LoggingExport($input: ContactExportInput!) {\n    contactExport(input: $input) { __typename ... on ContactExport { url } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoggingCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation LoggingCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsWorkspace {\n    workspace { id }\n  }\n"): (typeof documents)["\n  query MetricsWorkspace {\n    workspace { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsWatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n"): (typeof documents)["\n  subscription MetricsWatchJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation MetricsCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    audience(input: { channel: SMS, addresses: [\"+12025550143\"] }) { __typename ... on Audience { recipientsUrl } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n"): (typeof documents)["\n  query PublicLinks($jobId: ID!) {\n    importTemplateUrl\n    contactExport(input: {}) { __typename ... on ContactExport { url } ... on Error { message } }\n    audience(input: { channel: SMS, addresses: [\"+12025550143\"] }) { __typename ... on Audience { recipientsUrl } ... on Error { message } }\n    importJob(id: $jobId) { __typename ... on ImportJob { errorFileUrl resultFileUrl } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadinessWorkspace {\n    workspace { id }\n  }\n"): (typeof documents)["\n  query ReadinessWorkspace {\n    workspace { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelayRefetch($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Contact { firstName details { value } groups { id name } }\n      ... on Group { name type members(first: 5) { totalCount edges { node { id } } } }\n      ... on Field { key label builtIn }\n      ... on ImportJob { fileName status revertConflicts(first: 5) { totalCount } }\n      ... on Webhook { url deliveries(first: 5) { totalCount } }\n    }\n  }\n"): (typeof documents)["\n  query RelayRefetch($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Contact { firstName details { value } groups { id name } }\n      ... on Group { name type members(first: 5) { totalCount edges { node { id } } } }\n      ... on Field { key label builtIn }\n      ... on ImportJob { fileName status revertConflicts(first: 5) { totalCount } }\n      ... on Webhook { url deliveries(first: 5) { totalCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelayRefetchMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Contact { firstName }\n      ... on Group { name }\n    }\n  }\n"): (typeof documents)["\n  query RelayRefetchMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Contact { firstName }\n      ... on Group { name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelayFieldIds {\n    fields { id key }\n  }\n"): (typeof documents)["\n  query RelayFieldIds {\n    fields { id key }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RelayStartTextImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) { __typename ... on ImportJob { id fileName } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RelayStartTextImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) { __typename ... on ImportJob { id fileName } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RelayCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id url } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RelayCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id url } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelayGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  query RelayGetContact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RelayRenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation RelayRenameContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      __typename\n      ... on Contact { id firstName }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RelayAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id } }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation RelayAddMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) {\n      __typename\n      ... on GroupMembershipChange { count group { id } }\n      ... on NotFoundError { entity id }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RelayDynamicGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id filter members { totalCount } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RelayDynamicGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id filter members { totalCount } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RelaySync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { records { externalId contactId } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RelaySync($input: SyncContactsInput!) {\n    syncContacts(input: $input) { __typename ... on SyncResult { records { externalId contactId } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelayAudience($input: AudienceInput!) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        addresses { edges { node { address contactId } } }\n        excludedRecipients(reasons: [UNKNOWN_CONTACT]) { __typename ... on AudienceExcludedRecipientConnection { edges { node { rawValue } } } }\n      }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query RelayAudience($input: AudienceInput!) {\n    audience(input: $input) {\n      __typename\n      ... on Audience {\n        addresses { edges { node { address contactId } } }\n        excludedRecipients(reasons: [UNKNOWN_CONTACT]) { __typename ... on AudienceExcludedRecipientConnection { edges { node { rawValue } } } }\n      }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelayQueryFieldTypes {\n    query: __type(name: \"Query\") { fields { name type { name ofType { name possibleTypes { name } } } } }\n    group: __type(name: \"Group\") { fields { name type { name } } }\n    webhook: __type(name: \"Webhook\") { fields { name type { name ofType { name } } } }\n    importJob: __type(name: \"ImportJob\") { fields { name type { name ofType { name } } } }\n    consent: __type(name: \"AddressConsent\") { fields { name type { name ofType { name } } } }\n    node: __type(name: \"Node\") { possibleTypes { name } }\n    schema: __schema { types { name } }\n  }\n"): (typeof documents)["\n  query RelayQueryFieldTypes {\n    query: __type(name: \"Query\") { fields { name type { name ofType { name possibleTypes { name } } } } }\n    group: __type(name: \"Group\") { fields { name type { name } } }\n    webhook: __type(name: \"Webhook\") { fields { name type { name ofType { name } } } }\n    importJob: __type(name: \"ImportJob\") { fields { name type { name ofType { name } } } }\n    consent: __type(name: \"AddressConsent\") { fields { name type { name ofType { name } } } }\n    node: __type(name: \"Node\") { possibleTypes { name } }\n    schema: __schema { types { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstContacts($first: Int) {\n    contacts(first: $first) { totalCount }\n  }\n"): (typeof documents)["\n  query FirstContacts($first: Int) {\n    contacts(first: $first) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequiredFirst($first: Int!) {\n    contacts(first: $first) { totalCount }\n  }\n"): (typeof documents)["\n  query RequiredFirst($first: Int!) {\n    contacts(first: $first) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchJobById($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"): (typeof documents)["\n  subscription WatchJobById($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadWorkspaceName {\n    workspace { name }\n  }\n"): (typeof documents)["\n  query ReadWorkspaceName {\n    workspace { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchSomeJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"): (typeof documents)["\n  subscription WatchSomeJob($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTextImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation StartTextImport($text: String!) {\n    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueClosingKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation IssueClosingKey($name: String!) {\n    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeClosingKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RevokeClosingKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSettings {\n    workspace { customFieldLimit importMaxBytes importMaxRows reviewTtlSeconds fileRetentionDays requireFirstName requirePhoneWithCountry optInChannels }\n  }\n"): (typeof documents)["\n  query WorkspaceSettings {\n    workspace { customFieldLimit importMaxBytes importMaxRows reviewTtlSeconds fileRetentionDays requireFirstName requirePhoneWithCountry optInChannels }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { reviewTtlSeconds fileRetentionDays importMaxBytes optInChannels requireFirstName }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) {\n      __typename\n      ... on Workspace { reviewTtlSeconds fileRetentionDays importMaxBytes optInChannels requireFirstName }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation SeedContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeedContact($input: CreateContactInput!) {\n    createContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeedField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeedField($input: CreateFieldInput!) {\n    createField(input: $input) { __typename ... on Field { key } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeedGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeedGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) { __typename ... on Group { id } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeedGroupMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeedGroupMembers($input: GroupMembersInput!) {\n    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeedDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeedDeleteContact($id: ID!) {\n    deleteContact(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeedOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SeedOptOut($input: OptOutInput!) {\n    optOut(input: $input) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        linked\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        contactConflicts { externalId phone kind contactIds message }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncContacts($input: SyncContactsInput!) {\n    syncContacts(input: $input) {\n      __typename\n      ... on SyncResult {\n        created\n        linked\n        updated\n        unchanged\n        superseded\n        changed\n        conflicts { externalId phone ownerExternalId }\n        contactConflicts { externalId phone kind contactIds message }\n        invalid { externalId reasons }\n        records { externalId outcome contactId }\n      }\n      ... on ValidationError { message issues { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n"): (typeof documents)["\n  query SyncState($source: String!) {\n    syncLinks(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }\n    }\n    syncConflicts(source: $source, first: 100) {\n      totalCount\n      edges { node { externalId phone ownerExternalId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query SyncCountContacts {\n    contacts(first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncContactById($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt details { kind value rawValue isPrimary } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  query SyncContactById($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact { id firstName lastName name updatedAt details { kind value rawValue isPrimary } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncContactsByName {\n    contacts(first: 10, orderBy: [{ field: \"name\" }]) { edges { node { id name updatedAt } } }\n  }\n"): (typeof documents)["\n  query SyncContactsByName {\n    contacts(first: 10, orderBy: [{ field: \"name\" }]) { edges { node { id name updatedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncMergeContacts($input: MergeContactsInput!) {\n    mergeContacts(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation SyncMergeContacts($input: MergeContactsInput!) {\n    mergeContacts(input: $input) { __typename ... on Contact { id } ... on Error { message } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;