/**
 * What each field of an operation costs, for the cost limit the server checks before running it
 * (src/server/operation-limits.ts). A field costs 1, and what is selected under it counts once per
 * item it may return: a page as many times as its `first` (or `last`) asks for, any other list
 * LIST_COST_MULTIPLIER times. So nested pages multiply: 100 contacts, each with its groups, each
 * with 500 members, costs about 100 × 10 × 500 times what one member's fields cost.
 */
import { getNullableType, isListType, type GraphQLField } from 'graphql';

/** How many items a list without a page size (a contact's details or groups, a job's columns) is taken to hold. */
export const LIST_COST_MULTIPLIER = 10;

/** The page a field with `first`/`last` arguments is taken to return when neither is given: the usual default page. */
export const UNSIZED_PAGE_COST = 20;

/** The cost of one field (Pothos' complexity plugin `fieldComplexity`): its own 1, and how often its selection counts. */
export function fieldCost<Context>(
  args: Record<string, unknown>,
  _context: Context,
  field: GraphQLField<unknown, Context>,
): number | { field: number; multiplier: number } {
  const sizes = [args.first, args.last].filter((size): size is number => typeof size === 'number');
  if (sizes.length > 0) return { field: 1, multiplier: Math.max(0, ...sizes) };
  if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return { field: 1, multiplier: UNSIZED_PAGE_COST };
  return isListType(getNullableType(field.type)) ? { field: 1, multiplier: LIST_COST_MULTIPLIER } : 1;
}

/**
 * The `edges` of a connection: the page size already counted on the connection field, so the edges
 * list does not multiply again.
 */
export const EDGES_COST = { field: 1, multiplier: 1 };
