import { ValidationError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id of the API is a UUID; anything else is named as malformed rather than looked up. */
export function parseId(value: string | number, path: string[]): string {
  const id = String(value);
  if (!UUID.test(id)) throw ValidationError.of(path, `"${id}" is not a valid id`);
  return id.toLowerCase();
}
