import { InvalidStateError, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { ColumnSuggestion } from '../domain/import-column-suggestions.ts';
import type { ImportPlan } from '../domain/import-options.ts';
import type { FieldChange } from '../domain/import-update-preview.ts';
import { jobProgress, type ImportPhase, type JobProgress } from '../domain/job-progress.ts';
import { ImportSourceKind, ImportStatus } from '../generated/prisma/enums.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import { cancelImport, confirmImport, importJobsWhere, revertImport, setImportMapping, startImport } from '../import/jobs.ts';
import { jobColumns, jobPlan, jobState } from '../import/job-columns.ts';
import {
  MAX_PREVIEW_ROWS,
  previewRows,
  skipReasons,
  updatePreviews,
  type PreviewRow,
  type SkipReasonSummary,
  type UpdatePreview,
} from '../import/review.ts';
import { importFileUrl } from './download-links.ts';
import { builder } from './builder.ts';
import { ErrorCodeEnum } from './errors.ts';
import { importProgress } from './import-progress.ts';
import { textLimit } from './input-limits.ts';
import { FieldTypeEnum } from './field.ts';
import { decodeId, decodeIds, globalId } from './global-id.ts';

export const ImportStatusEnum = builder.enumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'MAPPING → VALIDATING → REVIEW → QUEUED → IMPORTING → COMPLETED, or FAILED, CANCELLED, EXPIRED; REVERTING → REVERTED after an undo.',
});

export const ImportSourceKindEnum = builder.enumType(ImportSourceKind, { name: 'ImportSourceKind', description: 'What the import reads.' });

const ImportCounts = builder.objectRef<ImportJob>('ImportCounts').implement({
  description: 'What validation expects (to…) and what the write did.',
  fields: (t) => ({
    toCreate: t.exposeInt('toCreate'),
    toUpdate: t.exposeInt('toUpdate'),
    toSkip: t.exposeInt('toSkip'),
    errors: t.exposeInt('toError', { description: 'Rows that failed validation.' }),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    skipped: t.exposeInt('skipped'),
    failed: t.exposeInt('failed'),
    reverted: t.exposeInt('reverted', { description: 'Contacts a revert restored or deleted.' }),
    revertConflicts: t.exposeInt('revertConflicts', { description: 'Contacts a revert left as they are because they changed after the import.' }),
  }),
});

const ImportPhaseEnum = builder.enumType('ImportPhase', {
  description: 'A phase of a job that moves rows; `ImportProgress` counts the rows of one of them.',
  values: {
    VALIDATING: { description: 'Every row of the file is read and decided. The phase of MAPPING (not started), VALIDATING and REVIEW (done).' },
    WRITING: { description: 'Every row is written, in batches of 5,000. The phase of QUEUED (not started), IMPORTING and COMPLETED (done).' },
    REVERTING: { description: 'Every contact the import touched is restored or deleted. The phase of REVERTING and REVERTED.' },
  } satisfies Record<ImportPhase, { description: string }>,
});

const ImportProgress = builder.objectRef<JobProgress>('ImportProgress').implement({
  description:
    'How far the current phase has got. Every field counts that phase alone, so `processedRows` starts again from 0 when the write follows ' +
    'validation (QUEUED shows 0 of `totalRows`). A job that ended (FAILED, CANCELLED, EXPIRED) shows the phase it ended in: a cancelled ' +
    'write the rows it committed.',
  fields: (t) => ({
    phase: t.expose('phase', {
      type: ImportPhaseEnum,
      description: 'The phase these numbers are of: the one the job is in, waits for, or ended in.',
    }),
    processedRows: t.exposeInt('processedRows', {
      description: "Rows of the phase done so far: validated, written (committed batches), or, in REVERTING, the journal's contacts gone through.",
    }),
    totalRows: t.exposeInt('totalRows', {
      description: "Rows the phase goes through: the file's data rows, or, in REVERTING, the contacts the import created or changed.",
    }),
    rowsPerSecond: t.exposeFloat('rowsPerSecond', {
      nullable: true,
      description:
        "The phase's rows per second since it started, while rows move (VALIDATING, IMPORTING, REVERTING, once the first batch is done); " +
        'null otherwise: MAPPING, REVIEW, QUEUED and every ended job.',
    }),
    etaSeconds: t.exposeInt('etaSeconds', {
      nullable: true,
      description: 'Whole seconds left at `rowsPerSecond`, rounded up (0 once every row is done); null whenever `rowsPerSecond` is.',
    }),
  }),
});

const ImportColumn = builder.objectRef<ColumnSuggestion>('ImportColumn').implement({
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position in the file, from 0.' }),
    header: t.exposeString('header'),
    samples: t.exposeStringList('samples', { description: 'Values of the first rows.' }),
    suggestedFieldKey: t.exposeString('suggestedFieldKey', { nullable: true }),
    confidence: t.exposeFloat('confidence', { nullable: true, description: '1 for an exact match, 0.9 for a synonym, less for a fuzzy match.' }),
    needsDecision: t.exposeBoolean('needsDecision', { description: 'No field could be suggested: map it or ignore it.' }),
  }),
});

const ImportColumnMapping = builder.objectRef<ImportPlan['columns'][number]>('ImportColumnMapping').implement({
  fields: (t) => ({
    index: t.exposeInt('index'),
    header: t.exposeString('header'),
    fieldKey: t.string({ resolve: (column) => (column.target.kind === 'field' ? column.target.key : 'contactId') }),
  }),
});

const ImportPurposeEnum = builder.enumType('ImportPurpose', {
  values: ['ADD_NEW_ONLY', 'UPDATE_EXISTING_ONLY', 'ADD_AND_UPDATE', 'ADD_ALL_DESPITE_DUPLICATES'] as const,
});
const ImportIdentifierEnum = builder.enumType('ImportIdentifier', { values: ['PHONE', 'EMAIL', 'CONTACT_ID'] as const });
const InFileDuplicatesEnum = builder.enumType('InFileDuplicates', {
  description:
    'Rows of one file sharing an identifier: REJECT_ALL makes them all errors; KEEP_FIRST/KEEP_LAST import one; MERGE folds them into the first.',
  values: ['REJECT_ALL', 'KEEP_FIRST', 'KEEP_LAST', 'MERGE'] as const,
});
const ImportRowActionEnum = builder.enumType('ImportRowAction', { values: ['CREATE', 'UPDATE', 'SKIP', 'ERROR'] as const });

const ImportPreviewRow = builder.objectRef<PreviewRow>('ImportPreviewRow').implement({
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber', { description: 'The data row, from 1 (the header is not counted).' }),
    action: t.expose('action', { type: ImportRowActionEnum }),
    values: t.expose('data', { type: 'JSON', nullable: true, description: 'The normalized values the row brings.' }),
    message: t.exposeString('message', { nullable: true, description: 'Why the row is skipped or fails.' }),
    codes: t.field({
      type: [ErrorCodeEnum],
      description: "The codes of the message's parts, in their order (one per problem of a failing row); empty for a row that creates or updates.",
      resolve: (row) => row.codes,
    }),
  }),
});

const ImportFieldChange = builder.objectRef<FieldChange>('ImportFieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    old: t.expose('old', { type: 'JSON', nullable: true }),
    new: t.expose('new', { type: 'JSON', nullable: true }),
  }),
});

const ImportUpdatePreview = builder.objectRef<UpdatePreview>('ImportUpdatePreview').implement({
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber'),
    contactId: t.id({ resolve: (preview) => globalId('Contact', preview.contactId) }),
    changes: t.field({ type: [ImportFieldChange], resolve: (preview) => preview.changes }),
  }),
});

const ImportSkipReason = builder.objectRef<SkipReasonSummary>('ImportSkipReason').implement({
  fields: (t) => ({
    reason: t.exposeString('reason', { description: 'The reason, with row numbers written as N.' }),
    code: t.expose('code', { type: ErrorCodeEnum, description: 'The reason for programs: see the ErrorCode values.' }),
    params: t.expose('params', { type: 'JSON', description: "The reason's params: the identifier the rows were matched on." }),
    count: t.exposeInt('count'),
  }),
});

const RevertOutcomeEnum = builder.enumType('RevertOutcome', { values: ['RESTORED', 'DELETED', 'CONFLICT'] as const });

builder.prismaObject('ImportChange', {
  name: 'ImportRevertConflict',
  description: 'A contact a revert left as it is, because it changed after the import.',
  fields: (t) => ({
    contactId: t.id({ resolve: (change) => globalId('Contact', change.contactId) }),
    createdByImport: t.exposeBoolean('created', { description: 'The import had created it (a revert without conflict deletes it).' }),
    outcome: t.expose('revertOutcome', { type: RevertOutcomeEnum, nullable: true }),
    changedFields: t.exposeStringList('changedFields', {
      description: 'What changed since the import: firstName, lastName, name, country, customFields, tags, groups, details — or deleted.',
    }),
  }),
});

export const ImportJobRef = builder.prismaNode('ImportJob', {
  description: 'One import: its source, what was detected, the mapping chosen, its state, counts and files.',
  id: { resolve: (job) => job.id },
  findUnique: (id, ctx) => ({ workspaceId_id: { workspaceId: ctx.caller!.workspaceId, id } }),
  fields: (t) => ({
    status: t.expose('status', { type: ImportStatusEnum }),
    sourceKind: t.expose('sourceKind', { type: ImportSourceKindEnum }),
    fileName: t.exposeString('fileName'),
    fileSize: t.float({ resolve: (job) => Number(job.fileSize) }),
    encoding: t.exposeString('encoding', { nullable: true }),
    delimiter: t.exposeString('delimiter', { nullable: true }),
    hasHeader: t.exposeBoolean('hasHeader', {
      description:
        'Whether the first row names the columns (for pasted text, detected or given); without one, columns are named Column 1, Column 2, …',
    }),
    sheetName: t.exposeString('sheetName', { nullable: true, description: 'For an XLSX workbook: the sheet read.' }),
    sheetNames: t.stringList({
      nullable: true,
      description: 'For an XLSX workbook: all its sheets, in tab order.',
      resolve: (job) => jobState(job).sheetNames ?? null,
    }),
    totalRows: t.exposeInt('totalRows'),
    counts: t.field({ type: ImportCounts, resolve: (job) => job }),
    progress: t.field({ type: ImportProgress, resolve: (job) => jobProgress(job, Date.now()) }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: 'Why the job FAILED or EXPIRED, and what to do.' }),
    columns: t.field({
      type: [ImportColumn],
      description: 'The columns of the source, with samples and a suggested field each.',
      resolve: (job) => jobColumns(job),
    }),
    mapping: t.field({
      type: [ImportColumnMapping],
      nullable: true,
      description: 'The mapped columns, once a mapping is set (unlisted columns are ignored).',
      resolve: (job) => jobPlan(job)?.columns ?? null,
    }),
    purpose: t.field({ type: ImportPurposeEnum, nullable: true, resolve: (job) => jobPlan(job)?.purpose ?? null }),
    identifier: t.field({ type: ImportIdentifierEnum, nullable: true, resolve: (job) => jobPlan(job)?.identifier ?? null }),
    skipReasons: t.field({
      type: [ImportSkipReason],
      description: 'Why rows will be (or were) skipped, with how many rows each reason covers.',
      resolve: (job, _args, ctx) => skipReasons(ctx.db, job),
    }),
    preview: t.field({
      type: [ImportPreviewRow],
      description:
        'The first rows as validation decided them: action, normalized values, message. Empty once the job has ended: its staged rows are deleted then.',
      args: { first: t.arg.int({ defaultValue: 20 }) },
      resolve: (job, args, ctx) => previewRows(ctx.db, job, Math.min(args.first ?? 20, MAX_PREVIEW_ROWS)),
    }),
    updatePreview: t.field({
      type: [ImportUpdatePreview],
      description: 'For the first rows that update a contact: what each changes, old → new. Empty once the job has ended, like `preview`.',
      args: { first: t.arg.int({ defaultValue: 20 }) },
      resolve: (job, args, ctx) => updatePreviews(ctx.db, job, Math.min(args.first ?? 20, MAX_PREVIEW_ROWS)),
    }),
    errorFileUrl: t.string({
      nullable: true,
      description:
        'The rows that fail validation with an added Error column (why) and Error Codes column (the codes of its parts, separated by "; "). A signed link: a plain GET downloads it, without the Authorization header, until it expires (DOWNLOAD_LINK_TTL_SECONDS, 15 minutes by default) or its key is revoked; ask again for a fresh one.',
      resolve: (job, _args, ctx) => (job.errorFilePath ? importFileUrl(ctx.downloadUrl, job.id, 'errors') : null),
    }),
    resultFileUrl: t.string({
      nullable: true,
      description:
        'Every row with Import Status, Errors (why a row was skipped or failed), Notes (a decision that changed since the review, an opt-out kept) and Error Codes (the codes of the Errors, separated by "; ") columns, once the import completed. A signed link, like `errorFileUrl`.',
      resolve: (job, _args, ctx) => (job.resultFilePath ? importFileUrl(ctx.downloadUrl, job.id, 'result') : null),
    }),
    reviewExpiresAt: t.expose('reviewExpiresAt', {
      type: 'DateTime',
      nullable: true,
      description:
        "While the job waits for its mapping (MAPPING) or its confirmation (REVIEW): when it expires, the workspace's reviewTtlSeconds after the upload or after validation ended.",
    }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    cancelRequested: t.exposeBoolean('cancelRequested', { description: 'A cancel was asked for; the worker stops at its next batch boundary.' }),
    revertRequestedAt: t.expose('revertRequestedAt', { type: 'DateTime', nullable: true }),
    revertConflicts: t.relatedConnection(
      'changes',
      {
        cursor: 'workspaceId_jobId_contactId',
        description: 'The contacts a revert left alone because they changed after the import, by contact id.',
        query: { where: { revertOutcome: 'CONFLICT' }, orderBy: { contactId: 'asc' } },
        totalCount: true,
      },
      { name: 'ImportRevertConflictConnection' },
      { name: 'ImportRevertConflictEdge' },
    ),
  }),
});

const ImportJobsFilter = builder.inputType('ImportJobsFilter', {
  description: 'Which imports to list: every condition given must hold.',
  fields: (t) => ({
    statuses: t.field({ type: [ImportStatusEnum], description: 'Only jobs in one of these states.' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Only jobs created at or after this time.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Only jobs created before this time.' }),
  }),
});

builder.queryFields((t) => ({
  importJob: t.withAuth({ read: true }).prismaField({
    type: 'ImportJob',
    description: 'One import of the workspace.',
    errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(ctx, 'ImportJob', args.id, ['id']);
      const job = await ctx.db.prisma.importJob.findUnique({ ...query, where: { workspaceId_id: { workspaceId: ctx.caller.workspaceId, id } } });
      if (!job) throw new NotFoundError('ImportJob', id);
      return job;
    },
  }),
  importJobs: t.withAuth({ read: true }).prismaConnection(
    {
      type: 'ImportJob',
      cursor: 'workspaceId_id',
      description: "The workspace's imports, newest first, optionally only some statuses or a time range of creation.",
      errors: { types: [ValidationError] },
      args: { filter: t.arg({ type: ImportJobsFilter }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.importJob.findMany({
          ...query,
          where: importJobsWhere(ctx.caller.workspaceId, args.filter),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: (_root, args, ctx) => ctx.db.prisma.importJob.count({ where: importJobsWhere(ctx.caller.workspaceId, args.filter) }),
    },
    { name: 'ImportJobConnection' },
    { name: 'ImportJobEdge' },
  ),
}));

const StartContactImportInput = builder.inputType('StartContactImportInput', {
  description: 'Give either a file (a CSV or XLSX upload, GraphQL multipart request) or text pasted from a spreadsheet.',
  fields: (t) => ({
    file: t.field({ type: 'Upload' }),
    // Any length: pasted text is held to the workspace's import size as it is stored, like a file.
    text: t.string({ description: 'Lines of tab- or comma-separated values, with or without a header line.', extensions: textLimit(Infinity) }),
    fileName: t.string({ description: 'A name for the import; defaults to the uploaded file name.' }),
    sheetName: t.string({ description: 'For an XLSX file: the sheet to import (ignoring case); default the first visible sheet.' }),
    hasHeader: t.boolean({
      description:
        'For text: whether the first line is a header. When not given, it is one unless it reads like data (a cell that is an email, phone number, number, date or TRUE/FALSE, or a blank or repeated cell).',
    }),
  }),
});

const NewFieldInput = builder.inputType('ImportNewFieldInput', {
  fields: (t) => ({
    label: t.string({ required: true }),
    type: t.field({ type: FieldTypeEnum, required: true }),
    options: t.stringList(),
  }),
});

const ImportColumnInput = builder.inputType('ImportColumnInput', {
  description: 'What to do with one column: map it to a field, create a new custom field for it, or ignore it.',
  fields: (t) => ({
    index: t.int({ required: true }),
    fieldKey: t.string({ description: 'A built-in or custom field key (or contactId, to identify contacts by id).' }),
    newField: t.field({ type: NewFieldInput }),
    ignore: t.boolean(),
  }),
});

const SetContactImportMappingInput = builder.inputType('SetContactImportMappingInput', {
  fields: (t) => ({
    jobId: t.id({ required: true }),
    columns: t.field({ type: [ImportColumnInput], required: true }),
    purpose: t.field({ type: ImportPurposeEnum, required: true }),
    identifier: t.field({ type: ImportIdentifierEnum, description: 'How existing contacts are recognised; none for ADD_ALL_DESPITE_DUPLICATES.' }),
    doNotOverwrite: t.boolean({ description: 'Fill only empty fields of existing contacts, add tags without removing any.' }),
    defaultCountry: t.string({ description: 'ISO 3166-1 alpha-2 country for phone numbers written without one.' }),
    tags: t.stringList({ description: 'Tags every imported contact gets.' }),
    batchTag: t.boolean({ description: 'Add the automatic tag naming this import (default true).' }),
    groupIds: t.idList({ description: 'Static groups the imported contacts join.' }),
    newGroupName: t.string({ description: 'A new static group, made by this import, that the contacts join.' }),
    inFileDuplicates: t.field({ type: InFileDuplicatesEnum, description: 'Default REJECT_ALL.' }),
  }),
});

builder.mutationFields((t) => ({
  startContactImport: t.withAuth({ write: true }).field({
    type: ImportJobRef,
    description: 'Uploads a CSV or XLSX file (or takes pasted text), detects its layout and suggests a field for each column.',
    errors: { types: [ValidationError, LimitExceededError] },
    args: { input: t.arg({ type: StartContactImportInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const scope = { db: ctx.db, files: ctx.files, workspaceId: ctx.caller.workspaceId, keyId: ctx.caller.keyId, limits: ctx.limits };
      if (input.file && input.text != null)
        throw ValidationError.of(['input'], 'ONE_OF', 'give either a file or text, not both', { fields: ['file', 'text'] });
      if (input.file) {
        const upload = await input.file;
        if (input.hasHeader != null)
          throw ValidationError.of(['input', 'hasHeader'], 'NOT_APPLICABLE', "applies to pasted text; a file's first row is its header");
        const source = {
          kind: 'file',
          stream: upload.createReadStream(),
          fileName: input.fileName ?? upload.filename,
          sheetName: input.sheetName,
        } as const;
        return startImport({ ...scope, source });
      }
      if (input.text != null) {
        if (input.sheetName != null)
          throw ValidationError.of(['input', 'sheetName'], 'NOT_APPLICABLE', 'applies to an XLSX file; pasted text has no sheets');
        return startImport({ ...scope, source: { kind: 'text', text: input.text, fileName: input.fileName, hasHeader: input.hasHeader } });
      }
      throw ValidationError.of(['input'], 'ONE_OF', 'give a file or text to import', { fields: ['file', 'text'] });
    },
  }),
  setContactImportMapping: t.withAuth({ write: true }).field({
    type: ImportJobRef,
    description: 'Maps the columns, sets the options and starts validation.',
    errors: { types: [ValidationError, NotFoundError, InvalidStateError, LimitExceededError] },
    args: { input: t.arg({ type: SetContactImportMappingInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { jobId, groupIds, ...options } = input;
      return setImportMapping({
        db: ctx.db,
        files: ctx.files,
        workspaceId: ctx.caller.workspaceId,
        jobId: decodeId(ctx, 'ImportJob', jobId, ['input', 'jobId']),
        input: { ...options, groupIds: groupIds && decodeIds(ctx, 'Group', groupIds, ['input', 'groupIds']) },
      });
    },
  }),
  confirmContactImport: t.withAuth({ write: true }).field({
    type: ImportJobRef,
    description: 'Confirms a reviewed import: it is queued and written in the background.',
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: { jobId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      confirmImport({ db: ctx.db, workspaceId: ctx.caller.workspaceId, jobId: decodeId(ctx, 'ImportJob', args.jobId, ['jobId']) }),
  }),
  cancelContactImport: t.withAuth({ write: true }).field({
    type: ImportJobRef,
    description:
      'Cancels an import before it ends. Before the write nothing is written; during the write the worker stops at its next batch boundary and the job ends CANCELLED with the batches committed so far.',
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: { jobId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      cancelImport({ db: ctx.db, workspaceId: ctx.caller.workspaceId, jobId: decodeId(ctx, 'ImportJob', args.jobId, ['jobId']) }),
  }),
  revertContactImport: t.withAuth({ write: true }).field({
    type: ImportJobRef,
    description:
      'Undoes a completed (or partly written, cancelled) import as a background job: REVERTING, then REVERTED. Contacts changed since the import are left as they are and listed in revertConflicts.',
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: { jobId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      revertImport({ db: ctx.db, workspaceId: ctx.caller.workspaceId, jobId: decodeId(ctx, 'ImportJob', args.jobId, ['jobId']) }),
  }),
}));

builder.subscriptionFields((t) => ({
  contactImportProgress: t.withAuth({ read: true }).field({
    type: ImportJobRef,
    description: 'The job now, then at every change and at least every 500 ms while it works; ends when the job is finished.',
    args: { jobId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => importProgress(ctx, String(args.jobId)),
    resolve: (job) => job,
  }),
}));
