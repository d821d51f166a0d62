import type { Database } from '../db/client.ts';
import { ValidationError } from '../domain/errors.ts';
import { checkCustomFieldLimit, parseSettingsChange, type SettingCeilings } from '../domain/workspace-settings.ts';
import type { Workspace } from '../generated/prisma/client.ts';
import { createApiKey, type IssuedKey } from './api-keys.ts';

/** A new workspace and its first key, which has ADMIN scope. */
export async function createWorkspace(db: Database, options: { name: string }): Promise<{ workspace: Workspace; admin: IssuedKey }> {
  const name = options.name.trim();
  if (!name) throw ValidationError.of(['name'], 'REQUIRED', 'a workspace needs a name');
  const workspace = await db.prisma.workspace.create({ data: { name } });
  const admin = await createApiKey(db, { workspaceId: workspace.id, name: 'admin', scope: 'ADMIN' });
  return { workspace, admin };
}

/**
 * On the very first start with an empty database, a default workspace is made so a new user can
 * open GraphiQL and go. Returns its admin key, or null when any workspace exists already. The
 * advisory lock keeps two processes starting at once from both making one.
 */
export async function ensureDefaultWorkspace(db: Database): Promise<IssuedKey | null> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['switchboard:default-workspace']);
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM workspaces) AS present');
    if (rows[0].present) return null;
    const { admin } = await createWorkspace(db, { name: 'Default workspace' });
    return admin;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['switchboard:default-workspace']);
    client.release();
  }
}

/**
 * Changes some of the workspace's settings (see parseSettingsChange); the others stay. A value
 * above the server's ceiling is refused. A custom field limit below the fields the workspace has is
 * refused (see checkCustomFieldLimit); the count is read holding the workspace row, which field
 * creation holds too, so none can slip in between.
 */
export async function updateWorkspaceSettings(
  db: Database,
  options: { workspaceId: string; input: Parameters<typeof parseSettingsChange>[0]; ceilings: SettingCeilings },
): Promise<Workspace> {
  const { workspaceId } = options;
  const change = parseSettingsChange(options.input, options.ceilings);
  const { importMaxBytes, ...rest } = change;
  return db.prisma.$transaction(async (tx) => {
    if (change.customFieldLimit !== undefined) {
      await tx.$queryRaw`SELECT 1 FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
      checkCustomFieldLimit(change.customFieldLimit, await tx.field.count({ where: { workspaceId } }));
    }
    return tx.workspace.update({
      where: { id: workspaceId },
      data: { ...rest, ...(importMaxBytes !== undefined && { importMaxBytes: BigInt(importMaxBytes) }) },
    });
  });
}
