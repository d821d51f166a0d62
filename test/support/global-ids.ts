/**
 * The bare UUID behind an id the API returns (a global id: the base64 of `Type:uuid`). Tests use it
 * where the database or a file speaks in UUIDs (SQL set-up, the order of ties broken by id); a
 * client never needs it, as every input takes the global id.
 */
export function uuidOf(globalId: string): string {
  const [, uuid] = Buffer.from(globalId, 'base64').toString('utf8').split(':');
  if (!uuid || !/^[0-9a-f-]{36}$/.test(uuid)) throw new Error(`${globalId} is not a global id`);
  return uuid;
}

/** The global id of a type and UUID, as the API would give it (or as a client could forge it). */
export function globalIdOf(type: string, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`).toString('base64');
}
