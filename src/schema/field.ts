import { BUILT_IN_FIELDS } from '../domain/field-key.ts';
import { ConflictError, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { FieldType } from '../generated/prisma/enums.ts';
import { createField, deleteField, listCustomFields, renameField } from '../services/fields.ts';
import { templateUrl } from './download-links.ts';
import { builder } from './builder.ts';

export const FieldTypeEnum = builder.enumType(FieldType, { name: 'FieldType', description: 'How a field value is checked and stored.' });

/** A field as the API shows it: built-in (defined in code) or custom (a row of the workspace). */
interface FieldView {
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  builtIn: boolean;
  description: string | null;
}

const FieldRef = builder.objectRef<FieldView>('Field').implement({
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

const customView = (field: { key: string; label: string; type: FieldType; options: string[] }): FieldView => ({
  key: field.key,
  label: field.label,
  type: field.type,
  options: field.options,
  builtIn: false,
  description: null,
});

const BUILT_IN_VIEWS: FieldView[] = BUILT_IN_FIELDS.map((field) => ({
  key: field.key,
  label: field.label,
  type: field.type,
  options: [],
  builtIn: true,
  description: field.description,
}));

builder.queryFields((t) => ({
  importTemplateUrl: t.withAuth({ read: true }).string({
    description: 'A CSV with one header per field of the workspace, to fill in and import (GET with the bearer key).',
    resolve: (_root, _args, ctx) => templateUrl(ctx.origin),
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
