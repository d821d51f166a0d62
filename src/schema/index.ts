import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './errors.ts';
import './workspace.ts';
import './field.ts';
import './contact.ts';
import './group.ts';
import './opt-out.ts';
import './consent-changes.ts';
import './audience.ts';
import './import-job.ts';
import './webhook.ts';
import './sync.ts';
import './duplicate.ts';
import './export.ts';
import './node.ts';

/** The executable schema, sorted so that its printed form is stable. */
export const schema = lexicographicSortSchema(builder.toSchema());
