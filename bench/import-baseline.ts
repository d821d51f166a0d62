/**
 * The database's own limit for an import, measured in the same run as the import: the file's final
 * rows, already normalized and settled, loaded with COPY into an unlogged staging table and merged
 * set-based into the tables and indexes the import writes. What it takes is what PostgreSQL needs
 * for the rows alone; what the import takes beyond it is ours.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { ImportPlan } from '../src/domain/import-options.ts';
import { normalizeImportRow } from '../src/domain/import-row.ts';

/** Rows merged per transaction. */
export const BASELINE_TRANSACTION_ROWS = 50_000;

/** A final row's values, as columns of the staging table, in the order of the final-rows file after its number. */
const ROW_VALUES = `first_name text, last_name text, name text, country text, custom_fields jsonb NOT NULL,
  phone text NOT NULL, phone_raw text NOT NULL, email text, email_raw text, tags text[] NOT NULL`;

/**
 * Writes the final rows of `csvFile` to `finalRowsFile` (COPY text, numbered from 1 in file order):
 * every row normalized by the import's own row rules with the job's plan; the rows with errors
 * dropped; of the rows sharing a phone, the first (inFileDuplicates KEEP_FIRST). The rows go through
 * a scratch table of `pool`'s database to be deduplicated, so that no row is held in memory. Returns
 * how many rows there are. Not timed: this is the work the baseline is spared.
 */
export async function writeFinalRows(pool: Pool, csvFile: string, plan: ImportPlan, headerCount: number, finalRowsFile: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query(`CREATE UNLOGGED TABLE bench_normalized_rows (row_number int NOT NULL, ${ROW_VALUES})`);
    let rowNumber = 0;
    const normalize = new Transform({
      objectMode: true,
      transform(cells: string[], _encoding, done) {
        rowNumber++;
        const { data, errors, identifier } = normalizeImportRow(cells, plan, { headerCount });
        if (errors.length > 0 || identifier === null || !data.phone) return done();
        const name = data.name ?? ([data.firstName, data.lastName].filter(Boolean).join(' ') || null);
        const line = [
          rowNumber,
          data.firstName ?? null,
          data.lastName ?? null,
          name,
          data.country ?? null,
          JSON.stringify(data.customFields),
          data.phone.e164,
          data.phone.raw,
          data.email?.value ?? null,
          data.email?.raw ?? null,
          `{${data.tags.map((tag) => `"${tag.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`,
        ];
        done(null, `${line.map(copyText).join('\t')}\n`);
      },
    });
    await pipeline(
      createReadStream(csvFile),
      parse({ bom: true, from_line: 2, relax_column_count: true }),
      normalize,
      client.query(copyFrom('COPY bench_normalized_rows FROM STDIN')),
    );
    await pipeline(
      client.query(
        copyTo(`COPY (SELECT row_number() OVER (ORDER BY row_number), first_name, last_name, name, country, custom_fields, phone, phone_raw, email, email_raw, tags
                      FROM (SELECT DISTINCT ON (phone) * FROM bench_normalized_rows ORDER BY phone, row_number) first_of_each
                      ORDER BY row_number) TO STDOUT`),
      ),
      createWriteStream(finalRowsFile),
    );
    const { rows } = await client.query<{ count: number }>('SELECT count(DISTINCT phone)::int AS count FROM bench_normalized_rows');
    return rows[0]!.count;
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_normalized_rows');
    client.release();
  }
}

/** Where a baseline load writes: the workspace, and the import job its contacts, journal rows and batch tag belong to. */
export interface BaselineTarget {
  workspaceId: string;
  jobId: string;
  batchTag: string;
}

export interface BaselineTimes {
  /** COPY of the file into the staging table (and its index on the row number). */
  copySeconds: number;
  /** The whole load: COPY, then the merge. */
  seconds: number;
  rows: number;
}

/**
 * The baseline load of the final rows in `finalRowsFile` into `target`, timed: COPY into an unlogged
 * staging table, the tags the rows name, then per {@link BASELINE_TRANSACTION_ROWS} rows one
 * transaction of ONE statement that does what an ADD_AND_UPDATE import by phone does to the tables:
 *
 * - each row is matched on its phone (`contact_details` of kind PHONE): a match is updated, other
 *   rows are created, with ids made by the columns' own defaults;
 * - `contacts`: inserted, or updated with the row's names, country and custom fields (an upsert);
 * - `contact_details`: a new contact's phone and email (primary); an existing contact's primary
 *   email replaced when it differs, or added when it has none;
 * - `contact_tags`: the row's tags and the job's batch tag (the `tags` rows are made first);
 * - `import_changes`: the undo journal, one row per contact — a created contact's state after,
 *   built from the row; an updated one's state before (read from the tables) and after — in the
 *   shape of src/import/journal.ts's CONTACT_SNAPSHOT.
 *
 * It follows the tables of prisma/schema.prisma as they are: when the import's tables change, this
 * is the function to change with them.
 */
export async function loadFinalRowsBaseline(pool: Pool, target: BaselineTarget, finalRowsFile: string): Promise<BaselineTimes> {
  const staging = `baseline_rows_${target.jobId.replaceAll('-', '')}`;
  const contactId = await columnDefault(pool, 'contacts', 'id');
  const detailId = await columnDefault(pool, 'contact_details', 'id');
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query(`CREATE UNLOGGED TABLE ${staging} (n int NOT NULL, ${ROW_VALUES})`);
    await pipeline(createReadStream(finalRowsFile), client.query(copyFrom(`COPY ${staging} FROM STDIN`)));
    await client.query(`CREATE INDEX ON ${staging} (n)`);
    const copySeconds = (performance.now() - started) / 1000;
    const { rows } = await client.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${staging}`);
    const total = rows[0]!.rows;

    await client.query(
      `INSERT INTO tags (workspace_id, name)
       SELECT DISTINCT $1::uuid, tag FROM (SELECT unnest(tags) AS tag FROM ${staging} UNION SELECT $2) t
       ON CONFLICT (workspace_id, name) DO NOTHING`,
      [target.workspaceId, target.batchTag],
    );
    for (let from = 1; from <= total; from += BASELINE_TRANSACTION_ROWS) {
      await inTransaction(client, () =>
        client.query(mergeStatement(staging, contactId, detailId), [
          target.workspaceId,
          target.jobId,
          target.batchTag,
          from,
          from + BASELINE_TRANSACTION_ROWS - 1,
        ]),
      );
    }
    await client.query(`DROP TABLE ${staging}`);
    return { copySeconds, seconds: (performance.now() - started) / 1000, rows: total };
  } finally {
    client.release();
  }
}

/**
 * The merge of the staged rows numbered $4 to $5 into workspace $1 for job $2 with batch tag $3, as
 * one statement: its parts all read the tables as they were before it, so `before` is each
 * existing contact's state before the merge. An updated contact's journal state after is its state
 * before with the row's names, country and custom fields merged in and the new tags added; its
 * groups and details are taken as they were, since the bench's rows change no phone, and an email
 * only where it differs, which a second load of the same rows never does.
 */
function mergeStatement(staging: string, contactId: string, detailId: string): string {
  const detail = (id: string, kind: string, value: string, raw: string) =>
    `jsonb_build_object('id', ${id}, 'kind', '${kind}', 'value', ${value}, 'raw_value', ${raw}, 'label', NULL, 'is_primary', true)`;
  const phone = detail('s.phone_id', 'PHONE', 's.phone', 's.phone_raw');
  const email = detail('s.email_id', 'EMAIL', 's.email', 's.email_raw');
  return `WITH s AS MATERIALIZED (
      SELECT r.*, m.contact_id AS existing_id, coalesce(m.contact_id, ${contactId}) AS contact_id,
             CASE WHEN m.contact_id IS NULL THEN ${detailId} END AS phone_id, CASE WHEN r.email IS NOT NULL THEN ${detailId} END AS email_id,
             ARRAY(SELECT t.id FROM tags t WHERE t.workspace_id = $1 AND t.name = ANY (r.tags || $3::text) ORDER BY t.id) AS tag_ids
      FROM ${staging} r
      LEFT JOIN LATERAL (SELECT d.contact_id FROM contact_details d
                         WHERE d.workspace_id = $1 AND d.kind = 'PHONE' AND d.value = r.phone LIMIT 1) m ON true
      WHERE r.n BETWEEN $4 AND $5),
    before AS MATERIALIZED (
      SELECT c.id, jsonb_build_object(
               'firstName', c.first_name, 'lastName', c.last_name, 'name', c.name, 'country', c.country, 'customFields', c.custom_fields,
               'tags', to_jsonb(ARRAY(SELECT t.tag_id FROM contact_tags t WHERE t.workspace_id = c.workspace_id AND t.contact_id = c.id ORDER BY t.tag_id)),
               'groups', to_jsonb(ARRAY(SELECT g.group_id FROM group_members g WHERE g.workspace_id = c.workspace_id AND g.contact_id = c.id ORDER BY g.group_id)),
               'details', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'kind', d.kind, 'value', d.value, 'raw_value', d.raw_value,
                                                                        'label', d.label, 'is_primary', d.is_primary) ORDER BY d.id), '[]')
                           FROM contact_details d WHERE d.workspace_id = c.workspace_id AND d.contact_id = c.id)) AS snapshot
      FROM s JOIN contacts c ON c.workspace_id = $1 AND c.id = s.existing_id),
    contacts_written AS (
      INSERT INTO contacts AS c (workspace_id, id, first_name, last_name, name, country, custom_fields, created_by_job_id)
      SELECT $1, contact_id, first_name, last_name, name, country, custom_fields, $2 FROM s
      ON CONFLICT (workspace_id, id) DO UPDATE SET
        first_name = coalesce(excluded.first_name, c.first_name), last_name = coalesce(excluded.last_name, c.last_name),
        name = coalesce(excluded.name, c.name), country = coalesce(excluded.country, c.country),
        custom_fields = c.custom_fields || excluded.custom_fields, updated_at = now()),
    details_added AS (
      INSERT INTO contact_details (workspace_id, id, contact_id, kind, value, raw_value, is_primary)
      SELECT $1, phone_id, contact_id, 'PHONE'::"DetailKind", phone, phone_raw, true FROM s WHERE existing_id IS NULL
      UNION ALL
      SELECT $1, email_id, contact_id, 'EMAIL'::"DetailKind", email, email_raw, true FROM s
      WHERE email IS NOT NULL AND (existing_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM contact_details d WHERE d.workspace_id = $1 AND d.contact_id = s.existing_id AND d.kind = 'EMAIL'))),
    emails_replaced AS (
      UPDATE contact_details d SET value = s.email, raw_value = s.email_raw FROM s
      WHERE s.existing_id IS NOT NULL AND d.workspace_id = $1 AND d.contact_id = s.existing_id AND d.kind = 'EMAIL' AND d.is_primary
        AND d.value <> s.email),
    tagged AS (
      INSERT INTO contact_tags (workspace_id, contact_id, tag_id)
      SELECT $1, s.contact_id, t.id FROM s CROSS JOIN unnest(s.tag_ids) AS t(id)
      ON CONFLICT DO NOTHING)
    INSERT INTO import_changes (workspace_id, job_id, contact_id, created, before, after)
    SELECT $1, $2, s.contact_id, s.existing_id IS NULL, b.snapshot,
      CASE WHEN s.existing_id IS NULL THEN jsonb_build_object(
             'firstName', s.first_name, 'lastName', s.last_name, 'name', s.name, 'country', s.country, 'customFields', s.custom_fields,
             'tags', to_jsonb(s.tag_ids), 'groups', '[]'::jsonb,
             'details', CASE WHEN s.email IS NULL THEN jsonb_build_array(${phone})
                             WHEN s.phone_id < s.email_id THEN jsonb_build_array(${phone}, ${email})
                             ELSE jsonb_build_array(${email}, ${phone}) END)
      ELSE b.snapshot || jsonb_build_object(
             'firstName', coalesce(s.first_name, b.snapshot->>'firstName'), 'lastName', coalesce(s.last_name, b.snapshot->>'lastName'),
             'name', coalesce(s.name, b.snapshot->>'name'), 'country', coalesce(s.country, b.snapshot->>'country'),
             'customFields', (b.snapshot->'customFields') || s.custom_fields,
             'tags', to_jsonb(ARRAY(SELECT jsonb_array_elements_text(b.snapshot->'tags')::uuid UNION SELECT unnest(s.tag_ids) ORDER BY 1)))
      END
    FROM s LEFT JOIN before b ON b.id = s.existing_id`;
}

/** The SQL default of a table's column (how the schema makes its ids), to use in an INSERT … SELECT. */
async function columnDefault(pool: Pool, table: string, column: string): Promise<string> {
  const { rows } = await pool.query<{ default: string | null }>(
    `SELECT column_default AS default FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
    [table, column],
  );
  const expression = rows[0]?.default;
  if (!expression) throw new Error(`${table}.${column} has no default: the baseline needs to know how the schema makes its ids`);
  return expression;
}

async function inTransaction(client: PoolClient, run: () => Promise<unknown>): Promise<void> {
  await client.query('BEGIN');
  try {
    await run();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** A value in COPY's text format: `\N` for null, with backslash, tab and newlines escaped. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!);
}
