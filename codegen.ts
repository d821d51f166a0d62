import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types the operations that tests and example clients send: `npm run codegen` reads every
 * `graphql(...)` call under test/ and writes typed documents to test/generated/.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/**/*.ts', '!test/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/generated/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'File' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
