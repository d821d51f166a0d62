import { issue, ValidationError } from './errors.ts';

/**
 * A range of instants, `after` included and `before` excluded, either end open. A range that
 * holds no instant is a mistake worth naming rather than an empty answer.
 */
export function checkDateRange(range: { after?: Date | null; before?: Date | null }, path: { after: string[]; before: string[] }): void {
  if (range.after && range.before && range.after.getTime() >= range.before.getTime()) {
    throw new ValidationError([
      issue(path.after, 'INVALID_RANGE', `must be earlier than ${path.before.at(-1)} (${range.before.toISOString()})`),
      issue(path.before, 'INVALID_RANGE', `must be later than ${path.after.at(-1)} (${range.after.toISOString()})`),
    ]);
  }
}
