import type { Database } from '../db/client.ts';
import type { RowData } from '../domain/import-row.ts';
import { previewUpdate, type FieldChange } from '../domain/import-update-preview.ts';
import { isErrorCode, type ErrorCode, type ErrorParams } from '../domain/error-codes.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import { dynamicGroupsMatching } from '../services/group-queries.ts';
import { jobPlan, jobSkipReasons, type SkipReason } from './job-columns.ts';
import { splitCodes } from './job-rows.ts';

// The review of a validated job: what it will do, row by row, read from its staged decisions. Those
// are purged when the job ends (a trigger on import_jobs), so a finished job previews no rows.

/** The most rows a preview returns. */
export const MAX_PREVIEW_ROWS = 100;

export interface PreviewRow {
  rowNumber: number;
  action: 'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR';
  data: RowData | null;
  message: string | null;
  /** The codes of the message's parts, in order. */
  codes: ErrorCode[];
}

/** A skip reason as the review shows it: with the params of its code. */
export interface SkipReasonSummary extends SkipReason {
  params: ErrorParams;
}

export interface UpdatePreview {
  rowNumber: number;
  contactId: string;
  changes: FieldChange[];
}

/** The first rows as validation decided them. */
export async function previewRows(db: Database, job: ImportJob, first: number): Promise<PreviewRow[]> {
  const { rows } = await db.pool.query(
    `SELECT row_number AS "rowNumber", action, data, message, codes FROM import_rows WHERE workspace_id = $1 AND job_id = $2 ORDER BY row_number LIMIT $3`,
    [job.workspaceId, job.id, first],
  );
  return rows.map((row) => ({ ...row, codes: splitCodes(row.codes).filter(isErrorCode) }));
}

/**
 * Skip messages grouped by their wording and code; row numbers ("duplicate of row 12") are folded
 * into N. A job that has ended keeps them (`skip_reasons`): its staged rows are gone then.
 */
export async function skipReasons(db: Database, job: ImportJob): Promise<SkipReasonSummary[]> {
  // Every skip concerns the row's identifier, the one of the job's plan.
  const identifier = jobPlan(job)?.identifier;
  const params: ErrorParams = identifier ? { identifier } : {};
  const withParams = (reasons: SkipReason[]) => reasons.map((reason) => ({ ...reason, params }));
  const kept = jobSkipReasons(job);
  if (kept) return withParams(kept);
  const { rows } = await db.pool.query<SkipReason>(
    `SELECT regexp_replace(message, '\\d+', 'N', 'g') AS reason, codes AS code, count(*)::int AS count FROM import_rows
     WHERE workspace_id = $1 AND job_id = $2 AND action = 'SKIP' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    [job.workspaceId, job.id],
  );
  return withParams(rows);
}

/** For the first rows that update a contact: each change, old → new, against the contact as it is now. */
export async function updatePreviews(db: Database, job: ImportJob, first: number): Promise<UpdatePreview[]> {
  const plan = jobPlan(job);
  if (!plan) return [];
  const { rows } = await db.pool.query(
    `SELECT row_number AS "rowNumber", contact_id AS "contactId", data FROM import_rows
     WHERE workspace_id = $1 AND job_id = $2 AND action = 'UPDATE' ORDER BY row_number LIMIT $3`,
    [job.workspaceId, job.id, first],
  );
  const contactIds = rows.map((row) => row.contactId);
  const [contacts, dynamicGroups] = await Promise.all([
    db.prisma.contact.findMany({
      where: { workspaceId: job.workspaceId, id: { in: contactIds } },
      include: { details: true, tags: { include: { tag: true } }, groups: { include: { group: true } } },
    }),
    dynamicGroupsMatching(db, job.workspaceId, contactIds),
  ]);
  return rows.flatMap((row) => {
    const contact = contacts.find((candidate) => candidate.id === row.contactId);
    if (!contact) return [];
    const existing = {
      firstName: contact.firstName,
      lastName: contact.lastName,
      name: contact.name,
      country: contact.country,
      customFields: contact.customFields as Record<string, unknown>,
      tags: contact.tags.map(({ tag }) => tag.name),
      // The dynamic groups it matches are its groups too, as a client reads them.
      groups: [...contact.groups.map(({ group }) => group.name), ...(dynamicGroups.get(contact.id) ?? []).map((group) => group.name)],
      phone: contact.details.find((detail) => detail.kind === 'PHONE' && detail.isPrimary)?.value ?? null,
      email: contact.details.find((detail) => detail.kind === 'EMAIL' && detail.isPrimary)?.value ?? null,
      details: contact.details.map((detail) => detail.value),
    };
    return [{ rowNumber: row.rowNumber, contactId: row.contactId, changes: previewUpdate(existing, row.data, plan.doNotOverwrite, plan.tags) }];
  });
}
