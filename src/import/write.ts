import type { PoolClient } from 'pg';
import { inTransaction } from '../db/transaction.ts';
import type { ErrorCode } from '../domain/error-codes.ts';
import type { ImportPlan } from '../domain/import-options.ts';
import { resolvedNameSql } from '../domain/person-name.ts';
import { importBatchTag } from '../domain/tag.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import { importFileKeys, writeCsvFile } from '../files/file-store.ts';
import { jobLayout, jobState, mappedPlan, type JobState } from './job-columns.ts';
import { rowsInOrder } from './job-rows.ts';
import { commitWriteBatch, endWrite, reloadJob, saveWriteState, startWriting } from './job-store.ts';
import { recordAfter, recordBefore } from './journal.ts';
import { settleBatch } from './write-settle.ts';
import { notifyJobChanged } from '../db/job-events.ts';
import { JobInterrupted, type JobRunContext } from './job-run.ts';

/** Rows written per transaction; each batch commits with its checkpoint, so it happens exactly once. */
export const WRITE_BATCH_SIZE = 5000;

const RESULT_STATUS = { CREATE: 'Imported', UPDATE: 'Updated', SKIP: 'Skipped', ERROR: 'Error' } as const;
/** The `Errors` and `Error Codes` cells of the rows a cancel left unwritten. */
const CANCELLED_ROW = 'the import was cancelled before this row was written';
const CANCELLED_CODE: ErrorCode = 'IMPORT_CANCELLED';

/**
 * The write of a confirmed import: set-based SQL over `import_rows`, one range of row numbers per
 * transaction. Each batch first settles its rows against the contact book as it is then (see
 * {@link settleBatch}), then writes them. The transaction also moves the job's checkpoint and
 * counts, so a worker that dies mid-way loses only its open batch, and the worker that takes the
 * job over resumes after the last committed one.
 */
export async function writeJob(context: JobRunContext, job: ImportJob): Promise<void> {
  const { db } = context;
  const plan = mappedPlan(job);
  if (job.status === 'QUEUED') await prepareWrite(context, job, plan);
  const current = await reloadJob(db, job);
  const state = jobState(current);
  const { rows } = await db.pool.query('SELECT coalesce(max(row_number), 0) AS last FROM import_rows WHERE workspace_id = $1 AND job_id = $2', [
    job.workspaceId,
    job.id,
  ]);
  const lastRow: number = rows[0].last;

  for (let from = current.checkpointRow + 1; from <= lastRow; from += WRITE_BATCH_SIZE) {
    const to = Math.min(from + WRITE_BATCH_SIZE - 1, lastRow);
    await inTransaction(db.pool, async (client) => {
      await writeBatch(client, job, plan, state, from, to);
      await commitWriteBatch(client, job, from, to);
    });
    context.metrics?.rowsWritten(to - from + 1);
    await context.heartbeat();
  }

  await finishWrite(context, current, 'COMPLETED');
}

/**
 * Ends a write: the result file, then the job's final state. A cancelled write's rows after its
 * last committed batch are `Skipped` in the result file; its counts are those of the committed
 * batches, and `processed_rows` says how many rows those were.
 */
export async function finishWrite(context: JobRunContext, job: ImportJob, status: 'COMPLETED' | 'CANCELLED'): Promise<void> {
  const { db } = context;
  const { checkpointRow } = await reloadJob(db, job);
  const resultFilePath = await writeResultFile(context, job, status === 'CANCELLED' ? checkpointRow : Infinity);
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: job.workspaceId }, select: { fileRetentionDays: true } });
  await inTransaction(db.pool, (client) => endWrite(client, job, { status, resultFilePath, retentionDays: workspace.fileRetentionDays }));
}

/**
 * Once, as the write starts: the custom fields the mapping asked for, the batch tag and the new
 * group are made, and the job becomes IMPORTING — all in one transaction.
 */
async function prepareWrite(context: JobRunContext, job: ImportJob, plan: ImportPlan): Promise<void> {
  await inTransaction(context.db.pool, async (client) => {
    // A cancel that came after this worker claimed the job: nothing is made (the transaction rolls back).
    if (!(await startWriting(client, job))) throw new JobInterrupted('cancelled');
    for (const field of plan.newFields) {
      await client.query(
        `INSERT INTO fields (workspace_id, key, label, type, options, created_by_job_id)
         VALUES ($1, $2, $3, $4::"FieldType", $5, $6) ON CONFLICT (workspace_id, key) DO NOTHING`,
        [job.workspaceId, field.key, field.label, field.type, field.options, job.id],
      );
    }
    let newGroupId: string | null = null;
    if (plan.newGroupName) {
      const { rows } = await client.query(
        `INSERT INTO groups (workspace_id, name, type, created_by_job_id) VALUES ($1, $2, 'STATIC', $3) RETURNING id`,
        [job.workspaceId, plan.newGroupName, job.id],
      );
      newGroupId = rows[0].id;
    }
    const batchTag = plan.batchTag ? importBatchTag(job) : null;
    const state: JobState = { ...jobState(job), batchTag, newGroupId };
    await saveWriteState(client, job, state);
  });
  await notifyJobChanged(context.db.pool, job.id);
}

/**
 * The staged rows of one batch with the given actions, as a CTE named `r`. It is MATERIALIZED so
 * that every statement is driven by the few thousand rows of the batch (and index probes from
 * them), whatever the planner guesses about tables that grew a moment ago.
 */
function batchRows(actions: string, condition = ''): string {
  return `WITH r AS MATERIALIZED (
    SELECT * FROM import_rows
    WHERE workspace_id = $1 AND job_id = $2 AND row_number BETWEEN $3 AND $4 AND action IN (${actions}) ${condition})`;
}
const CHANGED = `'CREATE', 'UPDATE'`;

async function writeBatch(client: PoolClient, job: ImportJob, plan: ImportPlan, state: JobState, from: number, to: number): Promise<void> {
  const batch = [job.workspaceId, job.id, from, to];
  const groupColumn = plan.columns.some((column) => column.target.kind === 'field' && column.target.key === 'groups');
  const jobTags = [...plan.tags, ...(state.batchTag ? [state.batchTag] : [])];
  const jobGroups = [...plan.groupIds, ...(state.newGroupId ? [state.newGroupId] : [])];
  await settleBatch(client, plan, batch);
  // The undo journal is written in the batch's own transaction, so it holds exactly what was committed.
  await recordBefore(client, batch);

  // What created and updated contacts share: the tags and groups they name exist.
  await client.query(
    `${batchRows(CHANGED)}
     INSERT INTO tags (workspace_id, name)
     SELECT DISTINCT r.workspace_id, t.tag FROM r CROSS JOIN LATERAL (${ROW_TAGS}) AS t(tag) ORDER BY 2
     ON CONFLICT (workspace_id, name) DO NOTHING`,
    [...batch, jobTags],
  );
  if (groupColumn) await makeNamedGroups(client, batch);

  await createContacts(client, batch, jobTags, jobGroups, groupColumn);
  await updateContacts(client, batch, plan, jobTags, jobGroups, groupColumn);
  if (groupColumn) await noteDynamicGroups(client, batch);
  await recordAfter(client, batch);
  await recordWhatsappConsent(client, batch);
}

/** A staged row's tags (lateral on `r`): its own and the job's (`$5`, the plan's tags and the batch tag). */
const ROW_TAGS = `SELECT jsonb_array_elements_text(coalesce(r.data->'tags', '[]')) UNION SELECT unnest($5::text[])`;

/**
 * A staged row's groups (lateral on `r`): the job's (the parameter `jobGroups`, say `$6`) and, from
 * a `groups` column, the static groups it names. A name matches ignoring case, the exact spelling
 * first, then the oldest group.
 */
function rowGroups(groupColumn: boolean, jobGroups: string): string {
  const named = `SELECT DISTINCT ON (lower(n.name)) g.id FROM jsonb_array_elements_text(coalesce(r.data->'groups', '[]')) AS n(name)
      JOIN groups g ON g.workspace_id = r.workspace_id AND lower(g.name) = lower(n.name) AND g.type = 'STATIC'
      ORDER BY lower(n.name), g.name = n.name DESC, g.created_at, g.id`;
  return `SELECT unnest(${jobGroups}::uuid[])${groupColumn ? ` UNION (${named})` : ''}`;
}

/**
 * The batch's new contacts, in one statement: the contacts (a full name given whole, or made from
 * first and last name), their phone and email, tags and groups, and their journal rows. Everything
 * a new contact has comes from this statement, so its journal snapshot (the state a revert compares
 * with) is built from what the inserts return, in the shape of CONTACT_SNAPSHOT, rather than read
 * back contact by contact.
 */
async function createContacts(client: PoolClient, batch: unknown[], jobTags: string[], jobGroups: string[], groupColumn: boolean): Promise<void> {
  await client.query(
    `${batchRows(`'CREATE'`)},
     c AS (
       INSERT INTO contacts (workspace_id, id, first_name, last_name, name, country, custom_fields, created_by_job_id)
       SELECT r.workspace_id, r.contact_id, r.data->>'firstName', r.data->>'lastName',
              coalesce(r.data->>'name', nullif(concat_ws(' ', r.data->>'firstName', r.data->>'lastName'), '')), r.data->>'country',
              coalesce(r.data->'customFields', '{}'), r.job_id
       FROM r
       RETURNING workspace_id, id, first_name, last_name, name, country, custom_fields),
     d AS (
       INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
       SELECT r.workspace_id, r.contact_id, v.kind::"DetailKind", v.value, v.raw, true FROM r
       CROSS JOIN LATERAL (VALUES ('PHONE', r.data->'phone'->>'e164', r.data->'phone'->>'raw'),
                                  ('EMAIL', r.data->'email'->>'value', r.data->'email'->>'raw')) AS v(kind, value, raw)
       WHERE v.value IS NOT NULL
       RETURNING contact_id, jsonb_build_object('id', id, 'kind', kind, 'value', value, 'raw_value', raw_value, 'label', label, 'is_primary', is_primary) AS detail, id),
     t AS (
       INSERT INTO contact_tags (workspace_id, contact_id, tag_id)
       SELECT r.workspace_id, r.contact_id, tg.id FROM r CROSS JOIN LATERAL (${ROW_TAGS}) AS t(tag)
       JOIN tags tg ON tg.workspace_id = r.workspace_id AND tg.name = t.tag
       RETURNING contact_id, tag_id),
     g AS (
       INSERT INTO group_members (workspace_id, group_id, contact_id)
       SELECT r.workspace_id, g.id, r.contact_id FROM r CROSS JOIN LATERAL (${rowGroups(groupColumn, '$6')}) AS g(id)
       RETURNING contact_id, group_id),
     ds AS (SELECT contact_id, jsonb_agg(detail ORDER BY id) AS details FROM d GROUP BY contact_id),
     ts AS (SELECT contact_id, array_agg(tag_id ORDER BY tag_id) AS tags FROM t GROUP BY contact_id),
     gs AS (SELECT contact_id, array_agg(group_id ORDER BY group_id) AS groups FROM g GROUP BY contact_id)
     INSERT INTO import_changes (workspace_id, job_id, contact_id, created, before, after)
     SELECT c.workspace_id, $2, c.id, true, NULL,
            jsonb_build_object('firstName', c.first_name, 'lastName', c.last_name, 'name', c.name, 'country', c.country,
                               'customFields', c.custom_fields, 'tags', to_jsonb(coalesce(ts.tags, '{}')), 'groups', to_jsonb(coalesce(gs.groups, '{}')),
                               'details', coalesce(ds.details, '[]'))
     FROM c LEFT JOIN ds ON ds.contact_id = c.id LEFT JOIN ts ON ts.contact_id = c.id LEFT JOIN gs ON gs.contact_id = c.id`,
    [...batch, jobTags, jobGroups],
  );
}

/**
 * The batch's existing contacts: mapped values replace theirs, or only fill blanks with
 * doNotOverwrite. An empty cell was never put in the row's data, so it never erases anything. Tags
 * and groups are only ever added.
 */
async function updateContacts(
  client: PoolClient,
  batch: unknown[],
  plan: ImportPlan,
  jobTags: string[],
  jobGroups: string[],
  groupColumn: boolean,
): Promise<void> {
  const keepExisting = plan.doNotOverwrite;
  const pick = (column: string, key: string) =>
    keepExisting ? `coalesce(c.${column}, r.data->>'${key}')` : `coalesce(r.data->>'${key}', c.${column})`;
  await client.query(
    `${batchRows(`'UPDATE'`)}
     UPDATE contacts c SET
       first_name = ${pick('first_name', 'firstName')},
       last_name = ${pick('last_name', 'lastName')},
       name = ${resolvedNameSql(
         { when: `r.data ? 'name' ${keepExisting ? 'AND c.name IS NULL' : ''}`, value: `r.data->>'name'` },
         pick('first_name', 'firstName'),
         pick('last_name', 'lastName'),
       )},
       country = ${pick('country', 'country')},
       custom_fields = ${keepExisting ? `coalesce(r.data->'customFields', '{}') || c.custom_fields` : `c.custom_fields || coalesce(r.data->'customFields', '{}')`},
       updated_at = now()
     FROM r WHERE c.workspace_id = r.workspace_id AND c.id = r.contact_id`,
    batch,
  );

  for (const [kind, key, value] of [
    ['PHONE', 'phone', 'e164'],
    ['EMAIL', 'email', 'value'],
  ] as const) {
    // A mapped phone or email replaces the contact's primary one of its kind, unless doNotOverwrite
    // keeps it, or the contact already has it as any of its details (the row may have matched a
    // secondary one): then it is already the contact's, and nothing is replaced or duplicated.
    if (!keepExisting) {
      await client.query(
        `${batchRows(`'UPDATE'`, `AND data ? '${key}'`)}
         UPDATE contact_details d SET value = r.data->'${key}'->>'${value}', raw_value = r.data->'${key}'->>'raw'
         FROM r WHERE d.workspace_id = r.workspace_id AND d.contact_id = r.contact_id AND d.kind = '${kind}' AND d.is_primary
           AND NOT EXISTS (SELECT 1 FROM contact_details o WHERE o.workspace_id = r.workspace_id AND o.contact_id = r.contact_id
                             AND o.kind = '${kind}' AND o.value = r.data->'${key}'->>'${value}')`,
        batch,
      );
    }
    // A contact without a detail of this kind gets the row's.
    await client.query(
      `${batchRows(`'UPDATE'`, `AND data ? '${key}'`)}
       INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
       SELECT r.workspace_id, r.contact_id, '${kind}'::"DetailKind", r.data->'${key}'->>'${value}', r.data->'${key}'->>'raw', true
       FROM r WHERE NOT EXISTS (
         SELECT 1 FROM contact_details d WHERE d.workspace_id = r.workspace_id AND d.contact_id = r.contact_id AND d.kind = '${kind}')`,
      batch,
    );
  }

  await client.query(
    `${batchRows(`'UPDATE'`)}
     INSERT INTO contact_tags (workspace_id, contact_id, tag_id)
     SELECT r.workspace_id, r.contact_id, tg.id FROM r CROSS JOIN LATERAL (${ROW_TAGS}) AS t(tag)
     JOIN tags tg ON tg.workspace_id = r.workspace_id AND tg.name = t.tag
     ON CONFLICT DO NOTHING`,
    [...batch, jobTags],
  );
  if (jobGroups.length > 0 || groupColumn) {
    await client.query(
      `${batchRows(`'UPDATE'`)}
       INSERT INTO group_members (workspace_id, group_id, contact_id)
       SELECT r.workspace_id, g.id, r.contact_id FROM r CROSS JOIN LATERAL (${rowGroups(groupColumn, '$5')}) AS g(id)
       ON CONFLICT DO NOTHING`,
      [...batch, jobGroups],
    );
  }
}

/**
 * The groups a `groups` column names that no group has (ignoring case) are made: static groups
 * marked as the import's, so that its undo removes them.
 */
async function makeNamedGroups(client: PoolClient, batch: unknown[]): Promise<void> {
  await client.query(
    `${batchRows(CHANGED, `AND data ? 'groups'`)}
     INSERT INTO groups (workspace_id, name, type, created_by_job_id)
     SELECT DISTINCT ON (lower(n.name)) r.workspace_id, n.name, 'STATIC', r.job_id FROM r CROSS JOIN jsonb_array_elements_text(r.data->'groups') AS n(name)
     WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.workspace_id = r.workspace_id AND lower(g.name) = lower(n.name))
     ORDER BY lower(n.name), r.row_number
     ON CONFLICT DO NOTHING`,
    batch,
  );
}

/** A dynamic group takes no members by hand (its filter decides them): a row naming one notes it. */
async function noteDynamicGroups(client: PoolClient, batch: unknown[]): Promise<void> {
  await client.query(
    `${batchRows(CHANGED, `AND data ? 'groups'`)}
     UPDATE import_rows x SET note = concat_ws('; ', x.note, d.note)
     FROM (SELECT r.row_number,
                  string_agg(format('%s is a dynamic group: its filter decides its members, so the row does not add the contact to it', g.name), '; ' ORDER BY g.name) AS note
           FROM r CROSS JOIN jsonb_array_elements_text(r.data->'groups') AS n(name)
           JOIN groups g ON g.workspace_id = r.workspace_id AND lower(g.name) = lower(n.name) AND g.type = 'DYNAMIC'
           GROUP BY r.row_number) d
     WHERE x.workspace_id = $1 AND x.job_id = $2 AND x.row_number = d.row_number`,
    batch,
  );
}

/**
 * The `WhatsApp Opted` column: TRUE records an opt-in of the row's phone (or the
 * contact's primary phone), FALSE an opt-out — each with a consent event (source IMPORT, the job,
 * the key that started it, the row). The consent rules of src/domain/consent.ts hold here too:
 * an import never lifts an opt-out, so a TRUE on a phone opted out of WhatsApp (or ALL), or one
 * that a FALSE of the same batch opts out, records nothing and its row says "opt-out kept"; an
 * opt-out withdraws the phone's WhatsApp opt-in; what is already recorded is not recorded again.
 */
async function recordWhatsappConsent(client: PoolClient, batch: unknown[]): Promise<void> {
  await client.query(
    `${batchRows(CHANGED, `AND data ? 'whatsappOptIn'`)},
     consent AS MATERIALIZED (
       SELECT r.workspace_id, r.job_id, r.row_number, (r.data->>'whatsappOptIn')::boolean AS opted, p.address,
              EXISTS (SELECT 1 FROM opt_outs o WHERE o.workspace_id = r.workspace_id AND o.address = p.address
                        AND o.channel IN ('ALL', 'WHATSAPP')) AS opted_out
       FROM r CROSS JOIN LATERAL (
         SELECT coalesce(r.data->'phone'->>'e164',
                         (SELECT d.value FROM contact_details d WHERE d.workspace_id = r.workspace_id AND d.contact_id = r.contact_id
                            AND d.kind = 'PHONE' ORDER BY d.is_primary DESC, d.created_at LIMIT 1)) AS address) p
       WHERE p.address IS NOT NULL),
     decided AS (
       SELECT c.*, c.opted AND (c.opted_out OR EXISTS (SELECT 1 FROM consent f WHERE NOT f.opted AND f.address = c.address)) AS kept
       FROM consent c),
     actor AS (SELECT created_by_key_id AS key_id FROM import_jobs WHERE workspace_id = $1 AND id = $2),
     outs AS (
       INSERT INTO opt_outs (workspace_id, address, kind, channel, source, reason, actor_key_id, job_id)
       SELECT DISTINCT ON (address) workspace_id, address, 'PHONE'::"DetailKind", 'WHATSAPP'::"OptOutChannel", 'IMPORT'::"ConsentSource",
              format('WhatsApp Opted FALSE in row %s', row_number), (SELECT key_id FROM actor), job_id
       FROM decided WHERE NOT opted AND NOT opted_out ORDER BY address, row_number
       ON CONFLICT DO NOTHING RETURNING workspace_id, address, reason, actor_key_id, job_id),
     withdrawn AS (
       DELETE FROM opt_ins i USING outs WHERE i.workspace_id = outs.workspace_id AND i.address = outs.address AND i.channel = 'WHATSAPP'),
     ins AS (
       INSERT INTO opt_ins (workspace_id, address, kind, channel, source, actor_key_id, job_id)
       SELECT DISTINCT ON (address) workspace_id, address, 'PHONE'::"DetailKind", 'WHATSAPP'::"Channel", 'IMPORT'::"ConsentSource", (SELECT key_id FROM actor), job_id
       FROM decided WHERE opted AND NOT kept ORDER BY address, row_number
       ON CONFLICT DO NOTHING RETURNING workspace_id, address, actor_key_id, job_id),
     kept AS (
       UPDATE import_rows x
       SET note = concat_ws('; ', x.note, format('opt-out kept: %s is opted out of WhatsApp, so WhatsApp Opted TRUE was not recorded', d.address))
       FROM decided d WHERE d.kept AND x.workspace_id = d.workspace_id AND x.job_id = d.job_id AND x.row_number = d.row_number)
     INSERT INTO consent_events (workspace_id, address, kind, channel, type, source, reason, actor_key_id, job_id)
     SELECT workspace_id, address, 'PHONE'::"DetailKind", 'WHATSAPP'::"OptOutChannel", 'OPT_OUT'::"ConsentEventType", 'IMPORT'::"ConsentSource", reason, actor_key_id, job_id FROM outs
     UNION ALL
     SELECT i.workspace_id, i.address, 'PHONE'::"DetailKind", 'WHATSAPP'::"OptOutChannel", 'OPT_IN'::"ConsentEventType", 'IMPORT'::"ConsentSource", format('WhatsApp Opted TRUE in row %s', d.first_row), i.actor_key_id, i.job_id
     FROM ins i JOIN (SELECT address, min(row_number) AS first_row FROM decided WHERE opted GROUP BY address) d ON d.address = i.address`,
    batch,
  );
}

/**
 * Every original row with `Import Status` (Imported, Updated, Skipped, Error), `Errors` (why a row
 * was skipped or failed), `Notes` (what else the write has to say: a decision that changed since
 * the review, an opt-out kept) and `Error Codes` (the codes of the `Errors`, in their order; last, so
 * the columns clients read before it keep their places); rows after `writtenThrough` (a cancelled
 * write's last committed row) are Skipped.
 */
async function writeResultFile(context: JobRunContext, job: ImportJob, writtenThrough: number): Promise<string> {
  const keys = importFileKeys(job.workspaceId, job.id);
  // A local copy rather than the store's stream: reading pauses for every page of decisions, and a
  // bucket's download is not held open for as long as the whole file takes.
  const source = await context.files.localCopy(keys.source);
  try {
    const headers = [...jobLayout(job).headers, 'Import Status', 'Errors', 'Notes', 'Error Codes'];
    await writeCsvFile(context.files, keys.result, headers, async (writer) => {
      for await (const { cells, row } of rowsInOrder(context, job, source.path)) {
        if (row.rowNumber > writtenThrough) await writer.write([...cells, RESULT_STATUS.SKIP, CANCELLED_ROW, '', CANCELLED_CODE]);
        else await writer.write([...cells, RESULT_STATUS[row.action], row.message ?? '', row.note ?? '', row.codes ?? '']);
      }
    });
  } finally {
    await source.remove();
  }
  return context.files.location(keys.result);
}
