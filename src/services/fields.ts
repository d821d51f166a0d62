import type { Database } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  checkFieldUnused,
  checkLabel,
  checkLabelIsDistinct,
  defineCustomField,
  isBuiltInFieldKey,
  type CustomFieldDefinition,
} from '../domain/field-definition.ts';
import type { FieldType } from '../domain/field-value.ts';
import type { Field } from '../generated/prisma/client.ts';

export async function listCustomFields(db: Database, workspaceId: string): Promise<Field[]> {
  return db.prisma.field.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { key: 'asc' }] });
}

export async function createField(
  db: Database,
  options: { workspaceId: string; label: string; type: FieldType; options?: readonly string[] | null },
): Promise<Field> {
  const { workspaceId } = options;
  // The limit and key checks and the insert share a transaction holding the workspace row, so two
  // concurrent creations cannot both pass the limit.
  return db.prisma.$transaction(async (tx) => {
    const [workspace] = await tx.$queryRaw<{ custom_field_limit: number }[]>`
      SELECT custom_field_limit FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    const existing: CustomFieldDefinition[] = await tx.field.findMany({ where: { workspaceId } });
    const field = defineCustomField(options, existing, workspace!.custom_field_limit);
    return tx.field.create({ data: { workspaceId, ...field } });
  });
}

/**
 * Renames a custom field: its label changes, its key (what the API and filters use) stays. The new
 * label must not read like another field's (see checkLabelIsDistinct); the check and the write hold
 * the workspace row, as creations do, so a creation cannot take the same label meanwhile.
 */
export async function renameField(db: Database, options: { workspaceId: string; key: string; label: string }): Promise<Field> {
  const { workspaceId, key } = options;
  const label = checkLabel(options.label);
  const field = await findCustomField(db, workspaceId, key);
  return db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    const others = await tx.field.findMany({ where: { workspaceId, key: { not: key } }, select: { key: true, label: true } });
    checkLabelIsDistinct(label, others);
    return tx.field.update({ where: { workspaceId_id: { workspaceId, id: field.id } }, data: { label } });
  });
}

/**
 * Deletes a custom field and every contact's value of it. A field that a dynamic group's saved
 * filter uses is kept (ValidationError naming the groups): deleting it would leave them unable to
 * say who their members are.
 */
export async function deleteField(db: Database, options: { workspaceId: string; key: string }): Promise<Field> {
  const { workspaceId, key } = options;
  const field = await findCustomField(db, workspaceId, key);
  const dynamicGroups = await db.prisma.group.findMany({
    where: { workspaceId, type: 'DYNAMIC' },
    select: { name: true, filter: true },
    orderBy: { name: 'asc' },
  });
  checkFieldUnused(field, dynamicGroups);
  await db.prisma.$transaction([
    db.prisma.$executeRaw`
      UPDATE contacts SET custom_fields = custom_fields - ${key}::text
      WHERE workspace_id = ${workspaceId}::uuid AND custom_fields ? ${key}::text`,
    db.prisma.field.delete({ where: { workspaceId_id: { workspaceId, id: field.id } } }),
  ]);
  return field;
}

async function findCustomField(db: Database, workspaceId: string, key: string): Promise<Field> {
  if (isBuiltInFieldKey(key))
    throw ValidationError.of(['key'], 'BUILT_IN_FIELD', `"${key}" is a built-in field; only custom fields can be changed`, { key });
  const field = await db.prisma.field.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  if (!field) throw new NotFoundError('Field', key);
  return field;
}
