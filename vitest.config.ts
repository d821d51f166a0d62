import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds. Dependencies loaded by Node get the CommonJS one, so
    // our own (Vite-transformed) files must too, or the schema would mix two graphql "realms".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores, and PostgreSQL needs one of them: two test files at a time.
    maxWorkers: 2,
  },
});
