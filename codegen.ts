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

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'test/generated/': {
      documents: ['test/**/*.ts', '!test/generated/**'],
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'File' },
      },
      presetConfig: { fragmentMasking: false },
    },
    'web/src/generated/': {
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/generated/**'],
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        documentMode: 'string',
        scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'File' },
      },
      presetConfig: { fragmentMasking: false },
    },
    'examples/generated/': {
      documents: ['examples/**/*.ts', '!examples/generated/**'],
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        documentMode: 'string',
        scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'File' },
      },
      presetConfig: { fragmentMasking: false },
    },
    [POSSIBLE_TYPES_FILE]: { plugins: ['fragment-matcher'], config: POSSIBLE_TYPES_CONFIG },
  },
};

export default config;
