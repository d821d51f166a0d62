import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';

describe('schema.graphql', () => {
  it('is the schema printed from the code (run `npm run schema` after changing it)', async () => {
    const checkedIn = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(`${printSchema(schema)}\n`);
  });

  it('has the types clients rely on', () => {
    for (const name of ['Contact', 'ContactDetail', 'Field', 'Group', 'OptOut', 'ImportJob', 'Workspace', 'Error']) {
      expect(schema.getType(name), name).toBeDefined();
    }
  });
});
