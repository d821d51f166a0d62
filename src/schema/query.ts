/**
 * Pothos hands a resolver the Prisma selection a query needs. When a client selects only
 * `__typename` on a result union, that selection can be an empty `select`, which Prisma 7 rejects;
 * such a selection means "no particular columns", so it is dropped.
 */
export function selection<T extends { select?: object }>(query: T): T {
  if (query.select && Object.keys(query.select).length === 0) {
    const { select: _empty, ...rest } = query;
    return rest as T;
  }
  return query;
}
