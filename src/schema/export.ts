import { EXPORT_FORMATS, encodeExportRequest, type ExportColumn, type ExportFormat } from '../domain/contact-export.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { prepareContactExport } from '../services/export.ts';
import { exportUrl } from './download-links.ts';
import { builder } from './builder.ts';
import { ContactFilterInput, ContactOrderInput, filterWithBareIds } from './contact-filter.ts';
import { decodeId } from './global-id.ts';

const ExportFormatEnum = builder.enumType('ExportFormat', {
  values: {
    CSV: { description: 'UTF-8 with a byte order mark, comma-separated, CRLF line ends.' },
    XLSX: { description: 'An Excel workbook of one sheet; every cell is text.' },
  } satisfies Record<ExportFormat, unknown>,
});

const ExportColumnRef = builder.objectRef<ExportColumn>('ExportColumn').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'A built-in column or a custom field key.' }),
    header: t.exposeString('header', { description: 'The header of the column in the file.' }),
  }),
});

interface ContactExportShape {
  url: string;
  format: ExportFormat;
  columns: ExportColumn[];
}

const ContactExportRef = builder.objectRef<ContactExportShape>('ContactExport').implement({
  description: 'A checked export, ready to download.',
  fields: (t) => ({
    url: t.exposeString('url', {
      description:
        'A signed link: a plain GET downloads it without the Authorization header until it expires (DOWNLOAD_LINK_TTL_SECONDS, 15 minutes by default) or its key is revoked; a GET with the `Authorization: Bearer` key works too. The file streams as it is read from the database, with the list as it is then.',
    }),
    format: t.expose('format', { type: ExportFormatEnum }),
    columns: t.field({ type: [ExportColumnRef], resolve: (exported) => exported.columns }),
  }),
});

const ContactExportInput = builder.inputType('ContactExportInput', {
  fields: (t) => ({
    format: t.field({ type: ExportFormatEnum, defaultValue: 'CSV' }),
    search: t.string({ description: 'As in `contacts(search)`.' }),
    filter: t.field({ type: ContactFilterInput, description: 'As in `contacts(filter)`.' }),
    orderBy: t.field({ type: [ContactOrderInput], description: 'As in `contacts(orderBy)`; newest first by default.' }),
    groupId: t.id({ description: "Only this group's members (static or dynamic), with search and filter applied on top." }),
    columns: t.stringList({
      description:
        'Column keys in order: firstName, lastName, name, phone, email, country, tags, groups, createdAt, updatedAt, or a custom field key. ' +
        'Default: all of them, then every custom field. phone and email are the primary ones; tags and groups are joined with ", ", ' +
        'an item holding "," ";" or a quote written in double quotes (quotes doubled), as the import reads list cells.',
    }),
  }),
});

builder.queryFields((t) => ({
  contactExport: t.withAuth({ read: true }).field({
    type: ContactExportRef,
    description: 'Checks an export of the contact list (or of a group) and returns the URL that streams it as CSV or XLSX.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: ContactExportInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = {
        format: input.format ?? EXPORT_FORMATS[0],
        search: input.search,
        filter: input.filter && filterWithBareIds(input.filter),
        orderBy: input.orderBy,
        groupId: input.groupId == null ? input.groupId : decodeId(ctx, 'Group', input.groupId, ['input', 'groupId']),
        columns: input.columns,
      };
      const prepared = await prepareContactExport(ctx.db, ctx.caller.workspaceId, request);
      return { url: exportUrl(ctx.downloadUrl, request.format, encodeExportRequest(request)), format: prepared.format, columns: prepared.columns };
    },
  }),
}));
