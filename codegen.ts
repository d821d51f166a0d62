import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types the operations that tests and example clients send: `npm run codegen` reads every
 * `graphql(...)` call under test/ and writes typed documents to test/generated/, and those of the
 * import page under web/src/ to web/src/generated/ (as strings, so the page needs no GraphQL parser),
 * and those of the example clients under examples/ to examples/generated/ (as strings too). It also
 * writes possible-types.json, the map of every union and interface to its member types that Apollo
 * Client's cache needs (`npm run schema` writes it as well, from the same settings).
 */

export const POSSIBLE_TYPES_FILE = 'possible-types.json';
/** Apollo Client 3+'s `{ possibleTypes }` shape, with types and members sorted so the file only changes with the schema. */
export const POSSIBLE_TYPES_CONFIG = { apolloClientVersion: 3, deterministic: true };

/** The client preset for the `graphql()` calls under `folder`; `asStrings` for code that sends documents without a GraphQL parser. */
function typedDocuments(folder: string, asStrings: boolean) {
  return {
    documents: [`${folder}/**/*.{ts,tsx}`, `!${folder}/generated/**`],
    preset: 'client' as const,
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      ...(asStrings ? { documentMode: 'string' } : {}),
      scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'File' },
    },
    presetConfig: { fragmentMasking: false },
  };
}

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'test/generated/': typedDocuments('test', false),
    'web/src/generated/': typedDocuments('web/src', true),
    'examples/generated/': typedDocuments('examples', true),
    [POSSIBLE_TYPES_FILE]: { plugins: ['fragment-matcher'], config: POSSIBLE_TYPES_CONFIG },
  },
};

export default config;
