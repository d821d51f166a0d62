import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { parseId } from '../domain/ids.ts';
import { ImportSourceKind, ImportStatus } from '../generated/prisma/enums.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import { builder } from './builder.ts';

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
  }),
});

const ImportProgress = builder.objectRef<ImportJob>('ImportProgress').implement({
  description: 'How far the current phase (validation or the write) has got.',
  fields: (t) => ({
    processedRows: t.exposeInt('processedRows'),
    totalRows: t.exposeInt('totalRows'),
    rowsPerSecond: t.float({ nullable: true, resolve: (job) => rowsPerSecond(job) }),
    etaSeconds: t.float({
      nullable: true,
      resolve: (job) => {
        const rate = rowsPerSecond(job);
        return rate ? Math.max(0, (job.totalRows - job.processedRows) / rate) : null;
      },
    }),
  }),
});

function rowsPerSecond(job: ImportJob): number | null {
  if (!job.phaseStartedAt || job.processedRows === 0) return null;
  const seconds = ((job.finishedAt ?? new Date()).getTime() - job.phaseStartedAt.getTime()) / 1000;
  return seconds > 0 ? job.processedRows / seconds : null;
}

builder.prismaObject('ImportJob', {
  description: 'One import: its source, what was detected, the mapping chosen, its state, counts and files.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: ImportStatusEnum }),
    sourceKind: t.expose('sourceKind', { type: ImportSourceKindEnum }),
    fileName: t.exposeString('fileName'),
    fileSize: t.float({ resolve: (job) => Number(job.fileSize) }),
    encoding: t.exposeString('encoding', { nullable: true }),
    delimiter: t.exposeString('delimiter', { nullable: true }),
    hasHeader: t.exposeBoolean('hasHeader'),
    totalRows: t.exposeInt('totalRows'),
    counts: t.field({ type: ImportCounts, resolve: (job) => job }),
    progress: t.field({ type: ImportProgress, resolve: (job) => job }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryFields((t) => ({
  importJob: t.withAuth({ read: true }).prismaField({
    type: 'ImportJob',
    description: 'One import of the workspace.',
        errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = parseId(args.id, ['id']);
      const job = await ctx.db.prisma.importJob.findUnique({ ...query, where: { workspaceId_id: { workspaceId: ctx.caller.workspaceId, id } } });
      if (!job) throw new NotFoundError('ImportJob', id);
      return job;
    },
  }),
  importJobs: t.withAuth({ read: true }).prismaConnection({
    type: 'ImportJob',
    cursor: 'workspaceId_id',
    description: "The workspace's imports, newest first.",
        resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.importJob.findMany({ ...query, where: { workspaceId: ctx.caller.workspaceId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    totalCount: (_root, _args, ctx) => ctx.db.prisma.importJob.count({ where: { workspaceId: ctx.caller.workspaceId } }),
  }),
}));
