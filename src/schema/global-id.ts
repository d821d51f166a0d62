/**
 * Global ids: how the API names a contact, group, field, import job or webhook. Every id the API
 * returns for one of them is opaque, the base64 of `Type:id` (the relay plugin's encoding), so that
 * `node(id:)` knows the type from the id alone. Services, the database, files and webhook payloads
 * keep the bare UUIDs: the schema turns one into the other at its edge, with the functions here.
 *
 * An input that takes the id of one of these types takes its global id and, while clients move
 * over, the bare UUID used until now. A malformed id, or the global id of another type, is refused
 * with a ValidationError naming the input; the id of another workspace is not found, like a
 * missing one.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../domain/errors.ts';

/** The types that implement `Node`. */
export const NODE_TYPES = ['Contact', 'Group', 'Field', 'ImportJob', 'Webhook'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** The node types an input may name by id (fields are named by key). */
export type IdInputType = Exclude<NodeType, 'Field'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A built-in field has no row, so its global id carries its key; a custom field's carries its UUID. */
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9]*$/;

const NAMES: Record<NodeType, string> = {
  Contact: 'a contact',
  Group: 'a group',
  Field: 'a field',
  ImportJob: 'an import job',
  Webhook: 'a webhook',
};

/** The global id of a node. */
export function globalId(type: NodeType, id: string): string {
  return encodeGlobalID(type, id);
}

/** The global id of a node, or null for none. */
export function globalIdOrNull(type: NodeType, id: string | null): string | null {
  return id === null ? null : globalId(type, id);
}

/**
 * The type and underlying id of a global id: a lower-cased UUID, or a built-in field's key. Null for
 * anything else: a bare UUID, a malformed value, a type that is not a node.
 */
export function parseGlobalId(value: string): { type: NodeType; id: string } | null {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(value);
  } catch {
    return null;
  }
  const type = NODE_TYPES.find((name) => name === decoded.typename);
  if (!type) return null;
  if (UUID.test(decoded.id)) return { type, id: decoded.id.toLowerCase() };
  return type === 'Field' && FIELD_KEY.test(decoded.id) ? { type, id: decoded.id } : null;
}

/**
 * What each request sent for the ids it named, so that a NotFoundError gives back the id as the
 * caller wrote it. Keyed by the request's context (or, outside GraphQL, the HTTP request).
 */
const sentIds = new WeakMap<object, Map<string, string>>();

function remember(scope: object, type: NodeType, id: string, sent: string): void {
  const record = sentIds.get(scope) ?? new Map<string, string>();
  sentIds.set(scope, record);
  record.set(`${type}:${id}`, sent);
}

/**
 * The UUID an input names, from its global id of `type` or its bare UUID; a ValidationError at
 * `path` for anything else.
 */
export function decodeId(scope: object, type: IdInputType, value: string | number, path: readonly string[]): string {
  const sent = String(value);
  const id = bareId(type, sent);
  if (id === null) {
    const other = parseGlobalId(sent);
    const message =
      other && other.type !== type
        ? `"${sent}" is the id of ${NAMES[other.type]}, not of ${NAMES[type]}`
        : `"${sent}" is not a valid id of ${NAMES[type]}`;
    throw ValidationError.of([...path], 'INVALID_ID', message);
  }
  remember(scope, type, id, sent);
  return id;
}

/** The UUIDs a list input names, as {@link decodeId}; the first bad entry is named. */
export function decodeIds(scope: object, type: IdInputType, values: readonly (string | number)[], path: readonly string[]): string[] {
  return values.map((value, index) => decodeId(scope, type, value, [...path, String(index)]));
}

/** The lower-cased UUID of a bare UUID or of a global id of `type`; null for anything else. */
function bareId(type: IdInputType, value: string): string | null {
  if (UUID.test(value)) return value.toLowerCase();
  const parsed = parseGlobalId(value);
  return parsed?.type === type ? parsed.id : null;
}

/**
 * A value that may name a node of `type` as its UUID when it does, else unchanged: for inputs whose
 * own checks name a bad id (a filter's groups, the JSON of the recipients download).
 */
export function bareIdOr<T>(scope: object | null, type: IdInputType, value: T): T | string {
  if (typeof value !== 'string') return value;
  const id = bareId(type, value);
  if (id === null) return value;
  if (scope) remember(scope, type, id, value);
  return id;
}

/**
 * The id a NotFoundError names, as the request sent it: its global id, or the bare UUID of a
 * client still sending those. An id the request did not send is given as a global id when it names
 * a node.
 */
export function sentId(scope: object, entity: string, id: string): string {
  const sent = sentIds.get(scope)?.get(`${entity}:${id}`);
  if (sent !== undefined) return sent;
  const type = NODE_TYPES.find((name) => name === entity);
  return type && UUID.test(id) ? globalId(type, id) : id;
}
