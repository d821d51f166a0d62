import { randomUUID } from 'node:crypto';
import type { OperatorLimits } from '../config.ts';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { InvalidStateError, issue, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { BUILT_IN_FIELDS } from '../domain/field-key.ts';
import { CONTACT_ID_COLUMN, type ImportOptionsInput } from '../domain/import-options.ts';
import { planImport } from '../domain/import-plan.ts';
import { IMPORT_END_STATUSES, enteredFrom } from '../domain/import-status.ts';
import type { ImportJob, ImportStatus, Prisma } from '../generated/prisma/client.ts';
import { importFileKeys, type FileStore } from '../files/file-store.ts';
import { jobColumns, type JobState } from './job-columns.ts';
import { createJob, queueJob, requestCancel, requestRevert, setMapping } from './job-store.ts';
import { createdWithin } from '../db/created-within.ts';
import { checkDateRange } from '../domain/date-range.ts';
import { notifyJobChanged } from '../db/job-events.ts';
import { storeSource, suggestSourceColumns, type ImportSource } from './source.ts';
import { uploadLimit } from '../domain/upload-limit.ts';

interface JobScope {
  db: Database;
  files: FileStore;
  workspaceId: string;
}

/**
 * Starts an import: the source is streamed to storage, its encoding, delimiter, header and row
 * count are detected, and each column gets a suggested field. A source that cannot be imported is
 * refused with the reason, and nothing of it is kept. An upload is held to the workspace's size
 * limit and the server's, whichever is lower; a workspace with as many imports under way as the
 * server allows is refused before its file is read.
 */
export async function startImport(
  scope: JobScope & { keyId: string; source: ImportSource; limits: Pick<OperatorLimits, 'maxUploadBytes' | 'maxActiveImportsPerWorkspace'> },
): Promise<ImportJob> {
  const { db, files, workspaceId, source, limits } = scope;
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  if (source.kind === 'text' && !source.text.trim()) throw ValidationError.of(['text'], 'EMPTY_FILE', 'the pasted text is empty');
  await requireImportSlot(db.prisma, workspaceId, limits.maxActiveImportsPerWorkspace);

  const id = randomUUID();
  const keys = importFileKeys(workspaceId, id);
  try {
    const limit = uploadLimit(Number(workspace.importMaxBytes), limits.maxUploadBytes);
    const stored = await storeSource({ files, key: keys.source, source, limit, maxRows: workspace.importMaxRows });
    const customFields = await db.prisma.field.findMany({ where: { workspaceId }, orderBy: { createdAt: 'asc' } });
    const { samples, ...rest } = stored.layout;
    const createdAt = new Date();
    const state: JobState = { layout: rest, sheetNames: stored.sheetNames };
    // Counted again where the job is made, one start of the workspace at a time, as others may have
    // started while this file was read.
    const job = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('imports:' || ${workspaceId}::text))`;
      await requireImportSlot(tx, workspaceId, limits.maxActiveImportsPerWorkspace);
      return createJob(tx, {
        workspaceId,
        id,
        sourceKind: stored.kind,
        fileName: source.fileName?.trim() || (source.kind === 'text' ? 'pasted text' : stored.kind === 'XLSX' ? 'upload.xlsx' : 'upload.csv'),
        filePath: files.location(keys.source),
        fileSize: stored.size,
        encoding: stored.encoding,
        delimiter: stored.delimiter,
        hasHeader: stored.hasHeader,
        sheetName: stored.sheetName,
        totalRows: stored.layout.rowCount,
        columns: suggestSourceColumns(stored, [...BUILT_IN_FIELDS, ...customFields, CONTACT_ID_COLUMN]),
        state,
        createdAt,
        // The sweeper expires a job still waiting for its mapping at this deadline.
        reviewExpiresAt: new Date(createdAt.getTime() + workspace.reviewTtlSeconds * 1000),
        createdByKeyId: scope.keyId,
      });
    });
    await notifyJobChanged(db.pool, id);
    return job;
  } catch (error) {
    // The refusal is what the client must hear, even when the store cannot take the files back.
    await files.deleteFolder(keys.folder).catch(() => {});
    throw error;
  }
}

/**
 * Refuses a new import while the workspace has `max` imports under way: uploaded and not yet
 * ended (waiting for a mapping, validating, in review, queued, being written or reverted). Each
 * holds its uploaded file until it ends.
 */
async function requireImportSlot(prisma: Pick<Prisma.TransactionClient, 'importJob'>, workspaceId: string, max: number): Promise<void> {
  const active = await prisma.importJob.count({ where: { workspaceId, status: { notIn: [...IMPORT_END_STATUSES] } } });
  if (active < max) return;
  throw new LimitExceededError(
    'ACTIVE_IMPORT_LIMIT_REACHED',
    `The workspace has ${active} imports under way and this server allows at most ${max} at once: finish or cancel one before starting another`,
    max,
    { count: active },
  );
}

/**
 * Sets the mapping and options of a job waiting for them (or re-maps one in review) and starts
 * validation. Every problem with the mapping is reported with the column it is in.
 */
export async function setImportMapping(scope: JobScope & { jobId: string; input: ImportOptionsInput }): Promise<ImportJob> {
  const { db, files, workspaceId, jobId, input } = scope;
  const job = await findJob(db, workspaceId, jobId);
  requireStatus(job, enteredFrom('VALIDATING'), 'map');
  requireBeforeDeadline(job, 'map');
  const [workspace, customFields] = await Promise.all([
    db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    db.prisma.field.findMany({ where: { workspaceId } }),
  ]);
  const headers = jobColumns(job).map((column) => column.header);
  const plan = planImport(input, { headers, customFields, customFieldLimit: workspace.customFieldLimit });

  const groups = await db.prisma.group.findMany({ where: { workspaceId, id: { in: plan.groupIds } }, select: { id: true, type: true } });
  const issues = plan.groupIds.flatMap((id, index) => {
    const group = groups.find((candidate) => candidate.id === id);
    const path = ['groupIds', String(index)];
    if (!group) return [issue(path, 'NOT_FOUND', `there is no group ${id}`, { entity: 'Group', id })];
    if (group.type === 'DYNAMIC') return [issue(path, 'GROUP_IS_DYNAMIC', `group ${id} is dynamic: its members follow its filter`, { group: id })];
    return [];
  });
  if (plan.newGroupName && (await db.prisma.group.count({ where: { workspaceId, name: plan.newGroupName } })) > 0) {
    issues.push(
      issue(['newGroupName'], 'GROUP_NAME_TAKEN', `a group named "${plan.newGroupName}" exists already: pass its id in groupIds`, {
        name: plan.newGroupName,
      }),
    );
  }
  if (issues.length > 0) throw new ValidationError(issues);

  if (job.errorFilePath) await files.delete([importFileKeys(job.workspaceId, job.id).errors]);
  return changedOrRefused(db, job, 'map', await setMapping(db.prisma, job, plan));
}

/** Confirms a reviewed job: it is queued and written in the order confirmed. */
export async function confirmImport(scope: Omit<JobScope, 'files'> & { jobId: string }): Promise<ImportJob> {
  const { db, workspaceId, jobId } = scope;
  const job = await findJob(db, workspaceId, jobId);
  requireStatus(job, enteredFrom('QUEUED'), 'confirm');
  if (job.cancelRequested) {
    throw new InvalidStateError('INVALID_STATE', `Import ${job.id} is being cancelled: start the import again to write it`, job.status);
  }
  requireBeforeDeadline(job, 'confirm');
  return changedOrRefused(db, job, 'confirm', await queueJob(db.prisma, job));
}

/**
 * Cancels an import at any stage before it ends. A job that is not being worked on (waiting for its
 * mapping, in review, or queued with no worker on it yet) is CANCELLED at once with nothing
 * written. A job a worker holds (validating, or writing) is asked to stop: the worker stops at its
 * next batch boundary and makes it CANCELLED, keeping the batches already committed.
 */
export async function cancelImport(scope: Omit<JobScope, 'files'> & { jobId: string }): Promise<ImportJob> {
  const { db, workspaceId, jobId } = scope;
  const job = await findJob(db, workspaceId, jobId);
  requireStatus(job, enteredFrom('CANCELLED'), 'cancel');
  const applied = await inTransaction(db.pool, (client) => requestCancel(client, job));
  const now = await findJob(db, workspaceId, jobId);
  if (!applied) throw refusal(now, 'cancel');
  await notifyJobChanged(db.pool, job.id);
  return now;
}

export interface ImportJobsFilter {
  statuses?: ImportStatus[] | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

/** The history's condition, checked: an empty status list or a range holding no instant is refused. */
export function importJobsWhere(workspaceId: string, filter: ImportJobsFilter | null | undefined): Prisma.ImportJobWhereInput {
  if (filter?.statuses?.length === 0) throw ValidationError.of(['filter', 'statuses'], 'REQUIRED', 'give at least one status, or leave statuses out');
  checkDateRange(
    { after: filter?.createdAfter, before: filter?.createdBefore },
    { after: ['filter', 'createdAfter'], before: ['filter', 'createdBefore'] },
  );
  return { workspaceId, ...(filter?.statuses && { status: { in: filter.statuses } }), ...createdWithin(filter?.createdAfter, filter?.createdBefore) };
}

/**
 * Queues the undo of a completed import (or of the committed part of a cancelled one). The revert
 * waits its turn behind the workspace's earlier imports and reverts like an import writes.
 */
export async function revertImport(scope: Omit<JobScope, 'files'> & { jobId: string }): Promise<ImportJob> {
  const { db, workspaceId, jobId } = scope;
  const job = await findJob(db, workspaceId, jobId);
  requireStatus(job, enteredFrom('REVERTING'), 'revert');
  if (job.status === 'CANCELLED' && job.checkpointRow === 0) {
    throw new InvalidStateError('INVALID_STATE', `Import ${job.id} was cancelled before it wrote anything: there is nothing to revert`, job.status);
  }
  return changedOrRefused(db, job, 'revert', await requestRevert(db.prisma, job));
}

export async function findJob(db: Database, workspaceId: string, id: string): Promise<ImportJob> {
  const job = await db.prisma.importJob.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  if (!job) throw new NotFoundError('ImportJob', id);
  return job;
}

/** What a client asked of a job; the refusal's advice depends on it. */
type JobAction = 'map' | 'confirm' | 'cancel' | 'revert';

function requireStatus(job: ImportJob, allowed: readonly ImportStatus[], action: JobAction): void {
  if (!allowed.includes(job.status)) throw refusal(job, action);
}

/** A job waiting past its deadline is expired, whether or not the sweeper has marked it yet. */
function requireBeforeDeadline(job: ImportJob, action: JobAction): void {
  if (job.reviewExpiresAt && job.reviewExpiresAt <= new Date()) throw refusal({ ...job, status: 'EXPIRED' }, action);
}

/**
 * The one refusal of a job in a state that does not allow `action`, whether a check found it there
 * or another request moved it there first: the message says the state the job is in and what the
 * client can do instead; `state` is that state.
 */
function refusal(job: ImportJob, action: JobAction): InvalidStateError {
  return new InvalidStateError('INVALID_STATE', `Import ${job.id} ${STATE_REFUSALS[job.status](job, action)}`, job.status);
}

const at = (date: Date | null) => (date ? ` at ${date.toISOString()}` : '');

const STATE_REFUSALS = {
  MAPPING: (_job, action) =>
    action === 'revert'
      ? 'is waiting for its mapping (MAPPING) and has written nothing: there is nothing to revert'
      : 'is waiting for its mapping (MAPPING): set it with setContactImportMapping, then confirm the job once validation has put it in REVIEW',
  VALIDATING: (_job, action) =>
    action === 'revert'
      ? 'is VALIDATING and has written nothing: there is nothing to revert'
      : `is VALIDATING its rows: wait until it is in REVIEW, then ${action === 'map' ? 'change its mapping' : 'confirm it'}`,
  REVIEW: () => 'is in REVIEW and has written nothing, as nothing is written before a confirm: there is nothing to revert',
  QUEUED: (job, action) =>
    action === 'revert'
      ? 'is QUEUED and has written nothing yet: cancel it to keep it from being written'
      : `is already QUEUED (confirmed${at(job.confirmedAt)}) and is written in turn: cancel it to stop it`,
  IMPORTING: (_job, action) =>
    action === 'revert'
      ? 'is still IMPORTING: revert it once it has COMPLETED, or cancel it and revert the part written'
      : 'is already IMPORTING: cancel it to stop it, or revert it once it has COMPLETED',
  COMPLETED: (job) => `already COMPLETED${at(job.finishedAt)}: revert it to undo it, or start a new import`,
  FAILED: (job) => `FAILED${at(job.finishedAt)}${job.failureReason ? ` (${job.failureReason})` : ''}: start the import again`,
  CANCELLED: (job) => `was CANCELLED${at(job.finishedAt)}: start the import again`,
  EXPIRED: (job) => `expired${at(job.reviewExpiresAt ?? job.finishedAt)} (EXPIRED): start the import again`,
  REVERTING: () => 'is being reverted (REVERTING): wait until it is REVERTED',
  REVERTED: (job) => `was already REVERTED${at(job.finishedAt)}: its changes are undone; start the import again to write the file anew`,
} satisfies Record<ImportStatus, (job: ImportJob, action: JobAction) => string>;

/** Why the sweeper expired a job that waited in `status` for the workspace's `ttlSeconds`. */
export function expiryReason(status: 'MAPPING' | 'REVIEW', ttlSeconds: number): string {
  const waited = duration(ttlSeconds);
  return status === 'MAPPING'
    ? `the mapping was not set within ${waited} of the upload; start the import again`
    : `the review expired after ${waited} without a confirm; start the import again`;
}

/** Seconds in the largest whole unit: "1 hour", "10 minutes", "90 seconds". */
function duration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  const [size, unit] = units.find(([size]) => seconds % size === 0) ?? [1, 'second'];
  const count = seconds / size;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * The job as a request's change left it (whatever a worker does with it next), its subscribers
 * told; or, when another request moved it first (`changed` is null), the refusal of the status it
 * is in now.
 */
async function changedOrRefused(db: Database, job: ImportJob, action: JobAction, changed: ImportJob | null): Promise<ImportJob> {
  if (!changed) throw refusal(await findJob(db, job.workspaceId, job.id), action);
  await notifyJobChanged(db.pool, job.id);
  return changed;
}
