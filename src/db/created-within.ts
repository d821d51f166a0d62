/**
 * The Prisma condition "created at or after `after` and before `before`", either end open, for the
 * lists filtered by date (import history, opt-outs); no condition when neither end is given.
 */
export function createdWithin(after?: Date | null, before?: Date | null): { createdAt?: { gte?: Date; lt?: Date } } {
  if (!after && !before) return {};
  return { createdAt: { ...(after && { gte: after }), ...(before && { lt: before }) } };
}
