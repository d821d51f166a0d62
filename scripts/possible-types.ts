import { plugin } from '@graphql-codegen/fragment-matcher';
import type { GraphQLSchema } from 'graphql';
import { POSSIBLE_TYPES_CONFIG, POSSIBLE_TYPES_FILE } from '../codegen.ts';

/**
 * possible-types.json for a schema, as `npm run codegen` writes it (the same plugin and settings):
 * `{ "possibleTypes": { "<union or interface>": ["<member>", …] } }`, for Apollo Client's
 * `new InMemoryCache({ possibleTypes })`.
 */
export async function possibleTypesJson(schema: GraphQLSchema): Promise<string> {
  const output = await plugin(schema, [], POSSIBLE_TYPES_CONFIG, { outputFile: POSSIBLE_TYPES_FILE });
  return typeof output === 'string' ? output : output.content;
}
