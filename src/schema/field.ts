import { BUILT_IN_FIELDS } from '../domain/field-key.ts';
import { ConflictError, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Database } from '../db/client.ts';
import { FieldType } from '../generated/prisma/enums.ts';
import { createField, deleteField, listCustomFields, renameField } from '../services/fields.ts';
import { templateUrl } from './download-links.ts';
import { builder } from './builder.ts';
import { isUuid } from './global-id.ts';

export const FieldTypeEnum = builder.enumType(FieldType, { name: 'FieldType', description: 'How a field value is checked and stored.' });

/** A field as the API shows it: built-in (defined in code) or custom (a row of the workspace). */
export interface FieldView {
  /** What its global id carries: a custom field's UUID, a built-in field's key (it has no row). */
  nodeId: string;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  builtIn: boolean;
  description: string | null;
}

export const FieldRef = builder.objectRef<FieldView>('Field').implement({
  description: 'A contact field: built-in (firstName, phone, …) or custom. Fields are addressed by key.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable identifier; for custom fields the slug of the label they were created with.' }),
    label: t.exposeString('label'),
    type: t.expose('type', { type: FieldTypeEnum }),
    options: t.exposeStringList('options', { description: 'Allowed values of SELECT and MULTI_SELECT fields.' }),
    builtIn: t.exposeBoolean('builtIn'),
    description: t.exposeString('description', { nullable: true }),
  }),
});

builder.nodeRef<FieldView, string, typeof FieldRef>(FieldRef, { id: { resolve: (field) => field.nodeId } });

const customView = (field: { id: string; key: string; label: string; type: FieldType; options: string[] }): FieldView => ({
  nodeId: field.id,
  key: field.key,
  label: field.label,
  type: field.type,
  options: field.options,
  builtIn: false,
  description: null,
});

const BUILT_IN_VIEWS: FieldView[] = BUILT_IN_FIELDS.map((field) => ({
  nodeId: field.key,
  key: field.key,
  label: field.label,
  type: field.type,
  options: [],
  builtIn: true,
  description: field.description,
}));

/**
 * The fields of the workspace that node ids name (custom fields by UUID, built-in ones by key),
 * in one query.
 */
export async function fieldsByNodeIds(db: Database, workspaceId: string, ids: readonly string[]): Promise<Map<string, FieldView>> {
  const found = new Map<string, FieldView>();
  for (const view of BUILT_IN_VIEWS) if (ids.includes(view.nodeId)) found.set(view.nodeId, view);
  const uuids = ids.filter(isUuid);
  if (uuids.length > 0) {
    for (const field of await db.prisma.field.findMany({ where: { workspaceId, id: { in: uuids } } })) found.set(field.id, customView(field));
  }
  return found;
}

builder.queryFields((t) => ({
  importTemplateUrl: t.withAuth({ read: true }).string({
    description:
      'A CSV with one header per field of the workspace, to fill in and import. A signed link: a plain GET downloads it, without the Authorization header, until it expires (DOWNLOAD_LINK_TTL_SECONDS, 15 minutes by default).',
    resolve: (_root, _args, ctx) => templateUrl(ctx.downloadUrl),
  }),
  fields: t.withAuth({ read: true }).field({
    type: [FieldRef],
    description: 'Built-in fields, then custom fields in the order they were made.',
    resolve: async (_root, _args, ctx) => [...BUILT_IN_VIEWS, ...(await listCustomFields(ctx.db, ctx.caller.workspaceId)).map(customView)],
  }),
}));

const CreateFieldInput = builder.inputType('CreateFieldInput', {
  fields: (t) => ({
    label: t.string({ required: true }),
    type: t.field({ type: FieldTypeEnum, required: true }),
    options: t.stringList({ description: 'The allowed values of a SELECT or MULTI_SELECT field.' }),
  }),
});

builder.mutationFields((t) => ({
  createField: t.withAuth({ write: true }).field({
    type: FieldRef,
    description:
      "Adds a custom field; its key is the slug of its label. A label that reads like another field's name (the same ignoring case, " +
      'spaces and punctuation, like "Phone Number" beside the built-in "Phone number") is a ValidationError.',
    errors: { types: [ValidationError, ConflictError, LimitExceededError] },
    args: { input: t.arg({ type: CreateFieldInput, required: true }) },
    resolve: async (_root, { input }, ctx) => customView(await createField(ctx.db, { workspaceId: ctx.caller.workspaceId, ...input })),
  }),
  renameField: t.withAuth({ write: true }).field({
    type: FieldRef,
    description: "Changes the label of a custom field; its key stays. The label must not read like another field's name, as in createField.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { key: t.arg.string({ required: true }), label: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => customView(await renameField(ctx.db, { workspaceId: ctx.caller.workspaceId, ...args })),
  }),
  deleteField: t.withAuth({ write: true }).field({
    type: FieldRef,
    description:
      "Deletes a custom field and every contact's value of it. A field that a dynamic group's filter uses is kept (ValidationError naming the groups).",
    errors: { types: [ValidationError, NotFoundError] },
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => customView(await deleteField(ctx.db, { workspaceId: ctx.caller.workspaceId, key: args.key })),
  }),
}));
