import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Database } from '../db/client.ts';
import { parseContactFilter, type ContactFilter } from '../domain/contact-filter.ts';
import {
  exportCell,
  resolveExportColumns,
  type ExportColumn,
  type ExportContact,
  type ExportFormat,
  type ExportRequest,
} from '../domain/contact-export.ts';
import { ValidationError } from '../domain/errors.ts';
import { parseId } from '../domain/ids.ts';
import { join, raw, sql, type Sql } from '../domain/sql.ts';
import { createCsvStreamWriter, neutralizeFormula, type CsvWriter } from '../import/csv-output.ts';
import { contactIdsSql, groupContactIdsSql, groupPredicate } from './contact-query.ts';
import { listCustomFields } from './fields.ts';

/** Contact ids fetched from the cursor, and contacts read and written, per round trip. */
export const EXPORT_BATCH_SIZE = 1000;

/** An export checked against the workspace: its columns and the SQL of its contact ids, in order. */
export interface PreparedExport {
  format: ExportFormat;
  columns: ExportColumn[];
  idsSql: Sql;
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
  const idsSql = await contactIdsSql(db, workspaceId, {
    search: request.search,
    filter: filters.length === 0 ? null : filters.length === 1 ? filters[0]! : { and: filters },
    orderBy: (request.orderBy ?? []).map((order) => ({ key: order.field, direction: order.direction ?? 'ASC' })),
  });
  return { format: request.format, columns, idsSql };
}

/** Writes rows of cells to a file; `write` waits while the reader is behind. */
export type RowWriter = CsvWriter;

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
  const add = (cells: string[]) => sheet.addRow(cells.map(neutralizeFormula)).commit();
  add(headers);
  return {
    write: async (cells) => {
      if (destination.destroyed) throw new Error('the download was closed before it was complete');
      add(cells);
      if (destination.writableNeedDrain) await Promise.race([once(destination, 'drain'), once(destination, 'close')]);
    },
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * Streams the contacts of a prepared export to `writer`, in the list's order. The ids come from a
 * server-side cursor in a REPEATABLE READ READ ONLY transaction, a batch at a time, and each
 * batch's columns are read from that same snapshot: the file is one consistent picture of the
 * list, and memory holds one batch whatever the number of contacts. The transaction holds one
 * pool connection for as long as the client reads.
 */
export async function streamContactExport(db: Database, workspaceId: string, prepared: PreparedExport, writer: RowWriter): Promise<void> {
  const rowsSql = await exportRowsSql(db, workspaceId, prepared.columns);
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE export_ids NO SCROLL CURSOR FOR ${prepared.idsSql.text}`, prepared.idsSql.values);
    for (;;) {
      const { rows: ids } = await client.query<{ id: string }>(`FETCH ${EXPORT_BATCH_SIZE} FROM export_ids`);
      if (ids.length === 0) break;
      const batch = rowsSql(ids.map((row) => row.id));
      const { rows: contacts } = await client.query<ExportContact>(batch.text, batch.values);
      for (const contact of contacts) {
        await writer.write(prepared.columns.map((column) => exportCell(column, contact)));
      }
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

/**
 * The statement reading one batch of contacts by id, in the ids' order: the contact's own columns
 * always (they cost nothing more), primary phone and email, tags and groups only when their column
 * is asked for. A contact's groups are its static groups and the dynamic groups whose filter it
 * matches now; a dynamic group whose filter no longer compiles (a field it used was deleted)
 * matches nobody.
 */
async function exportRowsSql(db: Database, workspaceId: string, columns: readonly ExportColumn[]): Promise<(ids: string[]) => Sql> {
  const asked = new Set(columns.filter((column) => column.kind === 'builtIn').map((column) => column.key));
  const primary = (kind: 'PHONE' | 'EMAIL') =>
    asked.has(kind === 'PHONE' ? 'phone' : 'email')
      ? sql`(SELECT d.value FROM contact_details d WHERE d.workspace_id = c.workspace_id AND d.contact_id = c.id
             AND d.kind = ${raw(`'${kind}'`)} ORDER BY d.is_primary DESC, d.created_at, d.id LIMIT 1)`
      : raw('NULL');
  const tags = asked.has('tags')
    ? sql`(SELECT coalesce(array_agg(t.name ORDER BY t.name), '{}') FROM contact_tags ct
           JOIN tags t ON t.workspace_id = ct.workspace_id AND t.id = ct.tag_id
           WHERE ct.workspace_id = c.workspace_id AND ct.contact_id = c.id)`
    : raw('NULL');
  const groups = asked.has('groups') ? await groupsSql(db, workspaceId) : raw('NULL');
  // Each id is looked up by primary key in a LATERAL subquery; its LIMIT keeps the planner from
  // flattening it into a join, which, when statistics lag behind a bulk insert, hashes every
  // contact of the workspace for each batch.
  return (ids) => sql`SELECT c.first_name AS "firstName", c.last_name AS "lastName", c.name, c.country,
      ${primary('PHONE')} AS phone, ${primary('EMAIL')} AS email, ${tags} AS tags, ${groups} AS groups,
      c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.custom_fields AS "customFields"
    FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS u(id, n)
    CROSS JOIN LATERAL (SELECT * FROM contacts WHERE workspace_id = ${workspaceId}::uuid AND id = u.id LIMIT 1) c
    ORDER BY u.n`;
}

/** The names of the groups of contact row `c`, sorted: static memberships, then each dynamic group's predicate. */
async function groupsSql(db: Database, workspaceId: string): Promise<Sql> {
  const dynamicGroups = await db.prisma.group.findMany({ where: { workspaceId, type: 'DYNAMIC' }, select: { id: true, name: true } });
  const matches: Sql[] = [];
  for (const group of dynamicGroups) {
    try {
      matches.push(sql`CASE WHEN ${await groupPredicate(db, workspaceId, group.id)} THEN ${group.name}::text END`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
  const dynamic = matches.length > 0 ? sql`array_remove(ARRAY[${join(matches, ', ')}], NULL)` : raw(`'{}'::text[]`);
  return sql`(SELECT array_agg(names.name ORDER BY names.name) FROM unnest(
      (SELECT coalesce(array_agg(g.name), '{}') FROM group_members gm JOIN groups g ON g.workspace_id = gm.workspace_id AND g.id = gm.group_id
       WHERE gm.workspace_id = c.workspace_id AND gm.contact_id = c.id) || ${dynamic}) AS names(name))`;
}
