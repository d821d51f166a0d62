import { writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';
import { POSSIBLE_TYPES_FILE } from '../codegen.ts';
import { possibleTypesJson } from './possible-types.ts';

/**
 * `npm run schema`: writes the printed, sorted schema to schema.graphql and the unions' and
 * interfaces' members to possible-types.json (both checked in; a test compares them with the code).
 */
await writeFile(new URL('../schema.graphql', import.meta.url), `${printSchema(schema)}\n`);
await writeFile(new URL(`../${POSSIBLE_TYPES_FILE}`, import.meta.url), await possibleTypesJson(schema));
console.log(`wrote schema.graphql and ${POSSIBLE_TYPES_FILE}`);
