import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Database } from '../db/client.ts';
import type { ContactFilter } from '../domain/contact-filter.ts';
import {
  exportRowCells,
  resolveExportColumns,
  type ExportBuiltInColumn,
  type ExportColumn,
  type ExportFormat,
  type ExportRequest,
  type ExportRow,
} from '../domain/contact-export.ts';
import { ValidationError } from '../domain/errors.ts';
import { parseContactFilter } from '../domain/filter-parse.ts';
import { parseId } from '../domain/ids.ts';
import { join, raw, sql, type Sql } from '../domain/sql.ts';
import { createCsvStreamWriter, drained, type CsvWriter } from '../files/csv-output.ts';
import { neutralizeFormula } from '../domain/formula-guard.ts';
import { contactListSql, groupContactIdsSql, groupPredicate, type ContactSelect } from './contact-query.ts';
import { listCustomFields } from './fields.ts';

/** Contacts fetched from the cursor, formatted and written as one chunk, per round trip. */
export const EXPORT_BATCH_SIZE = 1000;

/** PostgreSQL memory for each sort and hash of an export's statement (the server's default is 4 MB). */
const EXPORT_WORK_MEM = '64MB';

/** An export checked against the workspace: its columns and the statement reading its rows, in order. */
export interface PreparedExport {
  format: ExportFormat;
  columns: ExportColumn[];
  /** One {@link ExportRow} per contact, in the list's order. */
  rowsSql: Sql;
}

/**
 * Checks an export against the workspace, as `contactExport` does before handing out a URL and the
 * download does again (a field or group may have gone meanwhile): columns known, the group a group
 * of this workspace (NotFoundError otherwise, like a missing one), search, filter and sort valid.
 * A group export is the list query with "member of the group" added to its filter, so search,
 * filter and sort apply to a group's members too, in one statement that keeps the list's order.
 */
export async function prepareContactExport(db: Database, workspaceId: string, request: ExportRequest): Promise<PreparedExport> {
  const columns = resolveExportColumns(request.columns, await listCustomFields(db, workspaceId));
  const filters: ContactFilter[] = [];
  if (request.filter !== undefined && request.filter !== null) filters.push(parseContactFilter(request.filter, ['input', 'filter']));
  if (request.groupId) {
    const groupId = parseId(request.groupId, ['input', 'groupId']);
    // Throws NotFoundError for a group that is not this workspace's.
    await groupContactIdsSql(db, workspaceId, groupId);
    filters.push({ groups: { any: [groupId] } });
  }
  const query = {
    search: request.search,
    filter: filters.length === 0 ? null : filters.length === 1 ? filters[0]! : { and: filters },
    orderBy: (request.orderBy ?? []).map((order) => ({ key: order.field, direction: order.direction ?? 'ASC' })),
  };
  const rowsSql = await contactListSql(db, workspaceId, query, await exportSelect(db, workspaceId, columns));
  return { format: request.format, columns, rowsSql };
}

/** Writes rows of cells to a file, a batch at a time; `writeRows` waits while the reader is behind. */
export type RowWriter = Pick<CsvWriter, 'writeRows' | 'close'>;

/** A writer of the export's format into `destination`, its header row written. */
export function exportWriter(format: ExportFormat, destination: Writable, headers: string[]): RowWriter {
  return format === 'CSV' ? createCsvStreamWriter(destination, headers) : createXlsxStreamWriter(destination, headers);
}

/**
 * An XLSX workbook of one sheet, streamed: each row is committed as it is written, so only the
 * compressor's window is held. Every cell is a string cell (never a formula) and passes through
 * the same `neutralizeFormula` as CSV cells, so a cell a user later edits does not turn into one.
 */
function createXlsxStreamWriter(destination: Writable, headers: string[]): RowWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: destination, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Contacts');
  const add = (cells: readonly string[]) => sheet.addRow(cells.map(neutralizeFormula)).commit();
  add(headers);
  return {
    writeRows: async (rows) => {
      if (destination.destroyed) throw new Error('the download was closed before it was complete');
      for (const cells of rows) add(cells);
      if (destination.writableNeedDrain) await drained(destination);
    },
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * Streams the contacts of a prepared export to `writer`, in the list's order. One statement reads
 * the rows, ready to write, from a server-side cursor in a REPEATABLE READ READ ONLY transaction, a
 * batch at a time: the file is one consistent picture of the list, and memory holds two batches
 * (the one being written, the next one being read) whatever the number of contacts. The
 * transaction holds one pool connection for as long as the client reads.
 */
export async function streamContactExport(db: Database, prepared: PreparedExport, writer: RowWriter): Promise<void> {
  const cells = exportRowCells(prepared.columns);
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Every row is read: plan for the whole result, not for its first rows as a cursor otherwise does.
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    // The joined details, tags and groups are read once and hashed. A nested loop would read them
    // again for every contact; the planner picks one when statistics lag behind a bulk insert (a
    // workspace's new contacts estimated at one row), and the export then takes quadratic time.
    await client.query('SET LOCAL enable_nestloop = off');
    // Those sorts and hashes, and the sort into the list's order, spill to disk past the default
    // 4 MB; with this much they stay in memory up to some 200,000 contacts. It bounds each sort and
    // hash of this one statement, whatever the list's size.
    await client.query(`SET LOCAL work_mem = '${EXPORT_WORK_MEM}'`);
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${prepared.rowsSql.text}`, prepared.rowsSql.values);
    const fetchBatch = () => client.query<unknown[]>({ text: `FETCH ${EXPORT_BATCH_SIZE} FROM export_rows`, rowMode: 'array' });
    let next = fetchBatch();
    try {
      for (let batch = await next; batch.rows.length > 0; batch = await next) {
        // The database reads the next batch while this one is formatted and written.
        next = fetchBatch();
        await writer.writeRows(batch.rows.map(cells));
      }
    } finally {
      // A write that failed leaves a fetch under way: the transaction ends after it.
      await next.catch(() => {});
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await writer.close();
}

/** Milliseconds since the epoch: a number is cheaper to send and read than a timestamp's text. */
const epochMilliseconds = (column: string) => `round(date_part('epoch', c.${column}) * 1000)`;

/** The detail kind of the phone and email columns. */
const DETAIL_KINDS = { phone: 'PHONE', email: 'EMAIL' } as const;

/** The built-in columns read from the contact row itself. */
const CONTACT_COLUMNS: Record<Exclude<ExportBuiltInColumn, 'phone' | 'email' | 'tags' | 'groups'>, string> = {
  firstName: 'c.first_name',
  lastName: 'c.last_name',
  name: 'c.name',
  country: 'c.country',
  createdAt: epochMilliseconds('created_at'),
  updatedAt: epochMilliseconds('updated_at'),
};

/**
 * What an export selects: one {@link ExportRow} value per column, over contact row `c` and the
 * tables joined for the columns asked for. Primary phone and email (both in one pass), tags and
 * groups are each one set-based join, a pass over the workspace's rows hashed by contact, rather
 * than a lookup per contact: the primary detail of a kind is the contact's first by primary flag,
 * then age, then id. A contact's
 * groups are its static groups and the dynamic groups whose filter it matches now, sorted by name;
 * a dynamic group whose filter no longer compiles (a field it used was deleted) matches nobody.
 */
async function exportSelect(db: Database, workspaceId: string, columns: readonly ExportColumn[]): Promise<ContactSelect> {
  const joins: Sql[] = [];
  // Both kinds in one pass: the first detail of each kind a contact has, then a row per contact.
  const kinds = columns.flatMap((column) =>
    column.kind === 'builtIn' && (column.key === 'phone' || column.key === 'email') ? [DETAIL_KINDS[column.key]] : [],
  );
  if (kinds.length > 0) {
    joins.push(sql`LEFT JOIN (SELECT d.contact_id, min(d.value) FILTER (WHERE d.kind = 'PHONE') AS phone, min(d.value) FILTER (WHERE d.kind = 'EMAIL') AS email
        FROM (SELECT DISTINCT ON (d.contact_id, d.kind) d.contact_id, d.kind, d.value FROM contact_details d
              WHERE d.workspace_id = ${workspaceId}::uuid AND d.kind IN (${raw(kinds.map((kind) => `'${kind}'`).join(', '))})
              ORDER BY d.contact_id, d.kind, d.is_primary DESC, d.created_at, d.id) d
        GROUP BY d.contact_id) export_details ON export_details.contact_id = c.id`);
  }
  const tags = () => {
    joins.push(sql`LEFT JOIN (SELECT ct.contact_id, array_agg(t.name ORDER BY t.name) AS names FROM contact_tags ct
        JOIN tags t ON t.workspace_id = ct.workspace_id AND t.id = ct.tag_id
        WHERE ct.workspace_id = ${workspaceId}::uuid GROUP BY ct.contact_id) export_tags ON export_tags.contact_id = c.id`);
    return raw('export_tags.names');
  };
  const groups = async () => {
    joins.push(sql`LEFT JOIN (SELECT gm.contact_id, array_agg(g.name ORDER BY g.name) AS names FROM group_members gm
        JOIN groups g ON g.workspace_id = gm.workspace_id AND g.id = gm.group_id
        WHERE gm.workspace_id = ${workspaceId}::uuid GROUP BY gm.contact_id) export_groups ON export_groups.contact_id = c.id`);
    const dynamic = await dynamicGroupNames(db, workspaceId);
    return dynamic
      ? sql`(SELECT array_agg(names.name ORDER BY names.name) FROM unnest(coalesce(export_groups.names, '{}') || ${dynamic}) AS names(name))`
      : raw('export_groups.names');
  };
  const expressions: Sql[] = [];
  for (const column of columns) {
    if (column.kind === 'custom') expressions.push(sql`c.custom_fields -> ${column.key}::text`);
    else if (column.key === 'phone' || column.key === 'email') expressions.push(raw(`export_details.${column.key}`));
    else if (column.key === 'tags') expressions.push(tags());
    else if (column.key === 'groups') expressions.push(await groups());
    else expressions.push(raw(CONTACT_COLUMNS[column.key]));
  }
  return { columns: join(expressions, ', '), joins: join(joins, ' ') };
}

/** The names of the dynamic groups whose filter contact row `c` matches, as a text[] with NULLs removed; undefined when there are none. */
async function dynamicGroupNames(db: Database, workspaceId: string): Promise<Sql | undefined> {
  const dynamicGroups = await db.prisma.group.findMany({ where: { workspaceId, type: 'DYNAMIC' }, select: { id: true, name: true } });
  const matches: Sql[] = [];
  for (const group of dynamicGroups) {
    try {
      matches.push(sql`CASE WHEN ${await groupPredicate(db, workspaceId, group.id)} THEN ${group.name}::text END`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
  return matches.length > 0 ? sql`array_remove(ARRAY[${join(matches, ', ')}], NULL)` : undefined;
}
