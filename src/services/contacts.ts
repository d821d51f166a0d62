import type { Database } from '../db/client.ts';
import {
  normalizeContactChanges,
  normalizeDetail,
  normalizeNewContact,
  type ContactAttributesInput,
  type ContactRules,
  type DetailInput,
  type NormalizedContactChanges,
} from '../domain/contact-input.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Contact, ContactDetail, Prisma } from '../generated/prisma/client.ts';
import { listCustomFields } from './fields.ts';

type Tx = Prisma.TransactionClient;

/** The workspace's rules for contact input: its custom fields and its required-value settings. */
export async function contactRules(db: Database, workspaceId: string): Promise<ContactRules> {
  const [workspace, customFields] = await Promise.all([
    db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { requireFirstName: true, requirePhoneWithCountry: true } }),
    listCustomFields(db, workspaceId),
  ]);
  return { ...workspace, customFields };
}

export async function createContact(
  db: Database,
  options: { workspaceId: string; input: ContactAttributesInput & { details?: readonly DetailInput[] | null } },
): Promise<Contact> {
  const { workspaceId } = options;
  const contact = normalizeNewContact(options.input, await contactRules(db, workspaceId));
  return db.prisma.$transaction(async (tx) => {
    const created = await tx.contact.create({
      data: {
        workspaceId,
        ...contact.names,
        country: contact.country ?? null,
        customFields: contact.customFields.set as Prisma.InputJsonObject,
        details: {
          create: contact.details.map(({ kind, value, rawValue, label, isPrimary }) => ({ kind, value, rawValue, label, isPrimary })),
        },
      },
    });
    if (contact.tags) await setTags(tx, workspaceId, created.id, contact.tags);
    return created;
  });
}

export async function updateContact(db: Database, options: { workspaceId: string; id: string; input: ContactAttributesInput }): Promise<Contact> {
  const { workspaceId, id } = options;
  const current = await findContact(db, workspaceId, id);
  const changes = normalizeContactChanges(options.input, current, await contactRules(db, workspaceId));
  return db.prisma.$transaction(async (tx) => {
    await writeCustomFields(tx, workspaceId, id, changes.customFields);
    if (changes.tags) await setTags(tx, workspaceId, id, changes.tags);
    return tx.contact.update({
      where: { workspaceId_id: { workspaceId, id } },
      data: { ...changes.names, ...(changes.country !== undefined && { country: changes.country }) },
    });
  });
}

/** Deletes a contact with its details, tags and memberships. Opt-outs are kept by address and stay. */
export async function deleteContact(db: Database, options: { workspaceId: string; id: string }): Promise<string> {
  const { count } = await db.prisma.contact.deleteMany({ where: { workspaceId: options.workspaceId, id: options.id } });
  if (count === 0) throw new NotFoundError('Contact', options.id);
  return options.id;
}

export async function addContactDetail(
  db: Database,
  options: { workspaceId: string; contactId: string; input: DetailInput },
): Promise<ContactDetail> {
  const { workspaceId, contactId } = options;
  const contact = await findContact(db, workspaceId, contactId);
  const detail = normalizeDetail(options.input, contact.country ?? undefined, []);
  return db.prisma.$transaction(async (tx) => {
    const siblings = await tx.contactDetail.findMany({ where: { workspaceId, contactId, kind: detail.kind } });
    if (siblings.some((sibling) => sibling.value === detail.value)) {
      throw ValidationError.of(['value'], 'DUPLICATE_VALUE', `the contact already has ${detail.value}`);
    }
    const isPrimary = detail.isPrimary || siblings.length === 0;
    if (isPrimary) await tx.contactDetail.updateMany({ where: { workspaceId, contactId, kind: detail.kind }, data: { isPrimary: false } });
    await touch(tx, workspaceId, contactId);
    return tx.contactDetail.create({
      data: { workspaceId, contactId, kind: detail.kind, value: detail.value, rawValue: detail.rawValue, label: detail.label, isPrimary },
    });
  });
}

export async function updateContactDetail(
  db: Database,
  options: { workspaceId: string; id: string; input: { value?: string | null; label?: string | null; primary?: boolean | null } },
): Promise<ContactDetail> {
  const { workspaceId, id, input } = options;
  const existing = await findDetail(db, workspaceId, id);
  const contact = await findContact(db, workspaceId, existing.contactId);
  const normalized =
    input.value === undefined || input.value === null
      ? undefined
      : normalizeDetail({ kind: existing.kind, value: input.value }, contact.country ?? undefined, []);
  return db.prisma.$transaction(async (tx) => {
    if (normalized && normalized.value !== existing.value) {
      const clash = await tx.contactDetail.count({
        where: { workspaceId, contactId: existing.contactId, kind: existing.kind, value: normalized.value },
      });
      if (clash > 0) throw ValidationError.of(['value'], 'DUPLICATE_VALUE', `the contact already has ${normalized.value}`);
    }
    if (input.primary) {
      await tx.contactDetail.updateMany({ where: { workspaceId, contactId: existing.contactId, kind: existing.kind }, data: { isPrimary: false } });
    }
    await touch(tx, workspaceId, existing.contactId);
    return tx.contactDetail.update({
      where: { workspaceId_id: { workspaceId, id } },
      data: {
        ...(normalized && { value: normalized.value, rawValue: normalized.rawValue }),
        ...(input.label !== undefined && { label: input.label?.trim() || null }),
        ...(input.primary && { isPrimary: true }),
      },
    });
  });
}

/** Removes a detail; a contact keeps at least one. A removed primary hands over to another of its kind. */
export async function removeContactDetail(db: Database, options: { workspaceId: string; id: string }): Promise<ContactDetail> {
  const { workspaceId, id } = options;
  const detail = await findDetail(db, workspaceId, id);
  return db.prisma.$transaction(async (tx) => {
    const others = await tx.contactDetail.findMany({
      where: { workspaceId, contactId: detail.contactId, id: { not: id } },
      orderBy: { createdAt: 'asc' },
    });
    if (others.length === 0)
      throw ValidationError.of(
        ['id'],
        'PHONE_OR_EMAIL_REQUIRED',
        'a contact keeps at least one phone number or email address; delete the contact instead',
      );
    await tx.contactDetail.delete({ where: { workspaceId_id: { workspaceId, id } } });
    const heir = others.find((other) => other.kind === detail.kind);
    if (detail.isPrimary && heir)
      await tx.contactDetail.update({ where: { workspaceId_id: { workspaceId, id: heir.id } }, data: { isPrimary: true } });
    await touch(tx, workspaceId, detail.contactId);
    return detail;
  });
}

async function findContact(db: Database, workspaceId: string, id: string): Promise<Contact> {
  const contact = await db.prisma.contact.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  if (!contact) throw new NotFoundError('Contact', id);
  return contact;
}

async function findDetail(db: Database, workspaceId: string, id: string): Promise<ContactDetail> {
  const detail = await db.prisma.contactDetail.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  if (!detail) throw new NotFoundError('ContactDetail', id);
  return detail;
}

/** A change to a contact's details, tags or fields is a change to the contact. */
async function touch(tx: Tx, workspaceId: string, id: string): Promise<void> {
  await tx.contact.update({ where: { workspaceId_id: { workspaceId, id } }, data: { updatedAt: new Date() } });
}

/** Merges custom values into the stored JSON in place, so concurrent edits of other keys survive. */
async function writeCustomFields(tx: Tx, workspaceId: string, id: string, changes: NormalizedContactChanges['customFields']): Promise<void> {
  if (Object.keys(changes.set).length === 0 && changes.unset.length === 0) return;
  await tx.$executeRaw`
    UPDATE contacts SET custom_fields = (custom_fields || ${JSON.stringify(changes.set)}::jsonb) - ${changes.unset}::text[]
    WHERE workspace_id = ${workspaceId}::uuid AND id = ${id}::uuid`;
}

/** Makes the contact's tags exactly `names`, creating tags the workspace does not have yet. */
async function setTags(tx: Tx, workspaceId: string, contactId: string, names: readonly string[]): Promise<void> {
  await tx.tag.createMany({ data: names.map((name) => ({ workspaceId, name })), skipDuplicates: true });
  const tags = await tx.tag.findMany({ where: { workspaceId, name: { in: [...names] } }, select: { id: true } });
  const ids = tags.map((tag) => tag.id);
  await tx.contactTag.deleteMany({ where: { workspaceId, contactId, tagId: { notIn: ids } } });
  await tx.contactTag.createMany({ data: ids.map((tagId) => ({ workspaceId, contactId, tagId })), skipDuplicates: true });
}
