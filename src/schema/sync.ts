import { ValidationError } from '../domain/errors.ts';
import { SYNC_BATCH_LIMIT } from '../domain/sync.ts';
import { syncRecords, type SyncConflictReport, type SyncContactConflictReport, type SyncRecordResult, type SyncSummary } from '../services/sync.ts';
import { builder } from './builder.ts';
import { globalId, globalIdOrNull } from './global-id.ts';

const SyncOutcomeEnum = builder.enumType('SyncOutcome', {
  description: 'What became of one pushed record.',
  values: {
    CREATED: { description: 'Its first sync, and no contact had its phone number: a contact was made and linked to it.' },
    LINKED: { description: 'Its first sync: the one contact that has its phone number was linked to it and updated.' },
    UPDATED: { description: 'Its linked contact was updated.' },
    UNCHANGED: { description: 'Identical to its last push: nothing was written.' },
    CONFLICT: { description: 'Another record of the source owns its phone number, or the contact that has it: not synced.' },
    CONTACT_CONFLICT: { description: 'The contacts that have its phone number keep it from being synced (see contactConflicts): not synced.' },
    INVALID: { description: 'A value is invalid, or it has neither phone nor email: not synced.' },
  },
});

const SyncRecordOutcome = builder.objectRef<SyncRecordResult>('SyncRecordOutcome').implement({
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    outcome: t.expose('outcome', { type: SyncOutcomeEnum }),
    contactId: t.id({
      nullable: true,
      description: 'The linked contact, if the record has one.',
      resolve: (record) => globalIdOrNull('Contact', record.contactId),
    }),
  }),
});

const SyncConflictReportRef = builder.objectRef<SyncConflictReport>('SyncConflictReport').implement({
  description: 'A record not synced because another record of its source owns its phone number, or is linked to the one contact that has it.',
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    phone: t.exposeString('phone', { description: 'E.164.' }),
    ownerExternalId: t.exposeString('ownerExternalId', { description: 'The record that owns the number, or the contact that has it.' }),
  }),
});

const SyncContactConflictKindEnum = builder.enumType('SyncContactConflictKind', {
  values: {
    SHARED_BY_CONTACTS: { description: 'Two or more contacts have the number of a new record: merge them, then push again.' },
    OTHER_CONTACT: { description: "A linked record's number is another contact's and not its own contact's: it keeps its contact, unchanged." },
  },
});

const SyncContactConflictRef = builder.objectRef<SyncContactConflictReport>('SyncContactConflict').implement({
  description: 'A record not synced because of the contacts that have its phone number. Not stored: decided again at each push.',
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    phone: t.exposeString('phone', { description: 'E.164.' }),
    kind: t.expose('kind', { type: SyncContactConflictKindEnum }),
    contactIds: t.idList({
      description: "The contacts that have the number (other than the record's own).",
      resolve: (conflict) => conflict.contactIds.map((id) => globalId('Contact', id)),
    }),
    message: t.exposeString('message'),
  }),
});

const SyncInvalidRecord = builder.objectRef<SyncSummary['invalid'][number]>('SyncInvalidRecord').implement({
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    reasons: t.exposeStringList('reasons', { description: 'One sentence per problem, naming the value.' }),
  }),
});

const SyncResult = builder.objectRef<SyncSummary>('SyncResult').implement({
  description: 'What one push did. Counts are of distinct externalIds.',
  fields: (t) => ({
    created: t.exposeInt('created'),
    linked: t.exposeInt('linked', { description: 'New records linked to the existing contact that has their phone number.' }),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
    superseded: t.exposeInt('superseded', { description: 'Earlier occurrences of an externalId sent more than once; the last one is used.' }),
    conflicts: t.field({ type: [SyncConflictReportRef], resolve: (summary) => summary.conflicts }),
    contactConflicts: t.field({ type: [SyncContactConflictRef], resolve: (summary) => summary.contactConflicts }),
    invalid: t.field({ type: [SyncInvalidRecord], resolve: (summary) => summary.invalid }),
    records: t.field({ type: [SyncRecordOutcome], description: 'Each distinct record with its outcome.', resolve: (summary) => summary.records }),
    changed: t.exposeBoolean('changed', { description: 'Whether anything was written; false when the same batch is pushed again.' }),
  }),
});

const SyncRecordInputRef = builder.inputType('SyncRecordInput', {
  description: 'One contact record of the external system. Blank values are absent and never erase anything.',
  fields: (t) => ({
    externalId: t.string({ required: true, description: "The record's id in the external system; numeric ids order phone ownership." }),
    phone: t.string({ description: 'International form, or national form with defaultCountry.' }),
    firstName: t.string(),
    lastName: t.string(),
    email: t.string(),
  }),
});

const SyncContactsInput = builder.inputType('SyncContactsInput', {
  fields: (t) => ({
    source: t.string({ required: true, description: 'The name of the external system, e.g. "hubspot".' }),
    records: t.field({ type: [SyncRecordInputRef], required: true, description: `At most ${SYNC_BATCH_LIMIT} records per call.` }),
    defaultCountry: t.string({ description: 'ISO 3166-1 alpha-2 country for phone numbers written without one.' }),
  }),
});

builder.prismaObject('SyncLink', {
  description: 'An external record synced to a contact.',
  fields: (t) => ({
    source: t.exposeString('source'),
    externalId: t.exposeString('externalId'),
    phone: t.exposeString('phone', { nullable: true, description: 'The number the record owns in its source (E.164).' }),
    contact: t.relation('contact'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('SyncConflict', {
  description:
    'An external record not synced because another record of its source owns its phone number, or is linked to the one contact that has it.',
  fields: (t) => ({
    source: t.exposeString('source'),
    externalId: t.exposeString('externalId'),
    phone: t.exposeString('phone'),
    ownerExternalId: t.exposeString('ownerExternalId'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  syncLinks: t.withAuth({ read: true }).prismaConnection(
    {
      type: 'SyncLink',
      cursor: 'workspaceId_source_externalId',
      description: 'The records of a source linked to contacts, by externalId (string order).',
      args: { source: t.arg.string({ required: true }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.syncLink.findMany({
          ...query,
          where: { workspaceId: ctx.caller.workspaceId, source: args.source.trim() },
          orderBy: { externalId: 'asc' },
        }),
      totalCount: (_root, args, ctx) => ctx.db.prisma.syncLink.count({ where: { workspaceId: ctx.caller.workspaceId, source: args.source.trim() } }),
    },
    { name: 'SyncLinkConnection' },
    { name: 'SyncLinkEdge' },
  ),
  syncConflicts: t.withAuth({ read: true }).prismaConnection(
    {
      type: 'SyncConflict',
      cursor: 'workspaceId_source_externalId',
      description: 'The records of a source not synced because another record owns their phone number, by externalId.',
      args: { source: t.arg.string({ required: true }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.syncConflict.findMany({
          ...query,
          where: { workspaceId: ctx.caller.workspaceId, source: args.source.trim() },
          orderBy: { externalId: 'asc' },
        }),
      totalCount: (_root, args, ctx) =>
        ctx.db.prisma.syncConflict.count({ where: { workspaceId: ctx.caller.workspaceId, source: args.source.trim() } }),
    },
    { name: 'SyncConflictConnection' },
    { name: 'SyncConflictEdge' },
  ),
}));

builder.mutationFields((t) => ({
  syncContacts: t.withAuth({ write: true }).field({
    type: SyncResult,
    description:
      'Pushes records of an external system. Each is linked to a contact by (source, externalId); a phone number belongs to one record of the source (the lowest numeric externalId on first sync, then whoever holds it) and is one contact of the workspace: a new record whose number a contact already has is linked to that contact. Idempotent.',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SyncContactsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      syncRecords(ctx.db, {
        workspaceId: ctx.caller.workspaceId,
        source: input.source,
        records: input.records,
        defaultCountry: input.defaultCountry,
      }),
  }),
}));
