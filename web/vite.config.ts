import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The import page: `npm run build:web` bundles web/ into web/dist/, which the API serves at /import
 * (src/server/web-page.ts). Preact's JSX goes through Vite's own transform; no plugin is needed.
 */
export default defineConfig(({ command }) => ({
  root: import.meta.dirname,
  base: '/import/',
  // A build is always the production JSX, even when NODE_ENV says otherwise (test, under vitest).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: command === 'serve' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One script, no dynamic imports: there is nothing to preload, and the browsers the page supports preload modules natively.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  plugins: [buildStamp()],
}));

/**
 * Writes `.build-started` into the output, holding the time (ms) the build started: a file of web/
 * changed after it makes the build stale (scripts/start.mjs and the browser test rebuild it then).
 */
function buildStamp(): Plugin {
  let started = 0;
  let outDir = '';
  return {
    name: 'switchboard-build-stamp',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    buildStart() {
      started = Date.now();
    },
    writeBundle() {
      writeFileSync(path.join(outDir, '.build-started'), String(started));
    },
  };
}
