import { writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';

/** `npm run schema`: writes the printed, sorted schema to schema.graphql (checked in; a test compares). */
await writeFile(new URL('../schema.graphql', import.meta.url), `${printSchema(schema)}\n`);
console.log('wrote schema.graphql');
