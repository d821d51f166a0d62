import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run generate` (also run after `npm install`): the Prisma client and Pothos' types.
 * The Prisma CLI looks for its native schema engine at every command and, not finding one, tries
 * to download it — which fails offline. Generation never uses the engine, so a stub stands in.
 */
const stubDir = mkdtempSync(path.join(tmpdir(), 'prisma-engine-stub-'));
const stub = path.join(stubDir, 'schema-engine');
writeFileSync(stub, '#!/bin/sh\nexit 0\n');
chmodSync(stub, 0o755);
try {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  execFileSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
} finally {
  rmSync(stubDir, { recursive: true, force: true });
}
