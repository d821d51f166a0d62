import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';
import { possibleTypesJson } from '../../scripts/possible-types.ts';

describe('schema.graphql', () => {
  it('is the schema printed from the code (run `npm run schema` after changing it)', async () => {
    const checkedIn = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(`${printSchema(schema)}\n`);
  });

  it('comes with possible-types.json, the members of its unions and interfaces (run `npm run schema` or `npm run codegen`)', async () => {
    const checkedIn = await readFile(new URL('../../possible-types.json', import.meta.url), 'utf8');
    expect(checkedIn).toBe(await possibleTypesJson(schema));
    const { possibleTypes } = JSON.parse(checkedIn) as { possibleTypes: Record<string, string[]> };
    expect(possibleTypes.Error).toEqual(expect.arrayContaining(['ValidationError', 'NotFoundError']));
    expect(possibleTypes.StartContactImportResult).toEqual(expect.arrayContaining(['ImportJob', 'ValidationError']));
  });

  it('has the types clients rely on', () => {
    for (const name of ['Contact', 'ContactDetail', 'Field', 'Group', 'OptOut', 'ImportJob', 'Workspace', 'Error']) {
      expect(schema.getType(name), name).toBeDefined();
    }
  });
});
