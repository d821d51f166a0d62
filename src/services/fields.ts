import type { Database } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { checkLabel, defineCustomField, isBuiltInFieldKey, type CustomFieldDefinition } from '../domain/field-definition.ts';
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

/** Renames a custom field: its label changes, its key (what the API and filters use) stays. */
export async function renameField(db: Database, options: { workspaceId: string; key: string; label: string }): Promise<Field> {
  const { workspaceId, key } = options;
  const label = checkLabel(options.label);
  const field = await findCustomField(db, workspaceId, key);
  const clash = await db.prisma.field.findFirst({
    where: { workspaceId, key: { not: key }, label: { equals: label, mode: 'insensitive' } },
  });
  if (clash) throw ValidationError.of(['label'], `another field is already labelled "${clash.label}"`);
  return db.prisma.field.update({ where: { workspaceId_id: { workspaceId, id: field.id } }, data: { label } });
}

/** Deletes a custom field and every contact's value of it. */
export async function deleteField(db: Database, options: { workspaceId: string; key: string }): Promise<Field> {
  const { workspaceId, key } = options;
  const field = await findCustomField(db, workspaceId, key);
  await db.prisma.$transaction([
    db.prisma.$executeRaw`
      UPDATE contacts SET custom_fields = custom_fields - ${key}::text
      WHERE workspace_id = ${workspaceId}::uuid AND custom_fields ? ${key}::text`,
    db.prisma.field.delete({ where: { workspaceId_id: { workspaceId, id: field.id } } }),
  ]);
  return field;
}

async function findCustomField(db: Database, workspaceId: string, key: string): Promise<Field> {
  if (isBuiltInFieldKey(key)) throw ValidationError.of(['key'], `"${key}" is a built-in field; only custom fields can be changed`);
  const field = await db.prisma.field.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  if (!field) throw new NotFoundError('Field', key);
  return field;
}
