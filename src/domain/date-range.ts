import { ValidationError } from './errors.ts';

/**
 * A range of instants, `after` included and `before` excluded, either end open. A range that
 * holds no instant is a mistake worth naming rather than an empty answer.
 */
export function checkDateRange(range: { after?: Date | null; before?: Date | null }, path: { after: string[]; before: string[] }): void {
  if (range.after && range.before && range.after.getTime() >= range.before.getTime()) {
    throw new ValidationError([
      { path: path.after, message: `must be earlier than ${path.before.at(-1)} (${range.before.toISOString()})` },
      { path: path.before, message: `must be later than ${path.after.at(-1)} (${range.after.toISOString()})` },
    ]);
  }
}
