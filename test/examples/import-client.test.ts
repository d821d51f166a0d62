import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { killAll, ROOT, startProcess } from '../support/processes.ts';

/**
 * examples/import-client.ts, run as a person runs it (`tsx examples/import-client.ts [file]`)
 * against a real server: the whole import from its output, and the contacts it made.
 */

const ExampleContacts = graphql(`
  query ExampleContacts {
    contacts(first: 20, orderBy: [{ field: "lastName", direction: ASC }]) {
      totalCount
      edges { node { name tags details { kind value } } }
    }
  }
`);

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const app = useTestApp();
let workspace: TestWorkspace;
let scratch: string;

beforeAll(async () => {
  workspace = await app.createWorkspace('Example client');
  scratch = await mkdtemp(path.join(tmpdir(), 'switchboard-example-'));
});

afterAll(async () => {
  await killAll();
  await rm(scratch, { recursive: true, force: true });
});

/** Runs the example with the app's URL and `key`; its exit code and output. */
async function runExample(key: string, args: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env, SWITCHBOARD_URL: app.url, SWITCHBOARD_API_KEY: key };
  delete env.NODE_ENV;
  const run = startProcess(TSX, ['examples/import-client.ts', ...args], env);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

it('imports the sample CSV: upload, review, confirm, progress over graphql-ws, the result file from its signed link', async () => {
  const { code, stdout, stderr } = await runExample(workspace.keys.WRITE);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^Uploaded contacts\.csv: job \S+, 5 rows$/);
  expect(lines).toEqual(
    expect.arrayContaining([
      '  First Name → firstName',
      '  Mobile → phone',
      'Review: 4 to create, 0 to update, 0 to skip, 1 with errors',
      'Confirmed',
      'Completed: 4 created, 0 updated, 0 skipped, 1 failed',
      'Result file: 5 rows (4 Imported, 1 Error)',
    ]),
  );
  expect(lines.some((line) => /^ {2}COMPLETED WRITING 5\/5$/.test(line))).toBe(true);

  const { contacts } = await app.data(ExampleContacts, {}, workspace.keys.READ);
  expect(contacts.totalCount).toBe(4);
  expect(contacts.edges.map(({ node }) => node.name)).toEqual(['Grace Hopper', 'Katherine Johnson', 'Ada Lovelace', 'Alan Turing']);
  expect(contacts.edges[2]!.node).toMatchObject({
    tags: expect.arrayContaining(['vip', expect.stringMatching(/^Import .* contacts\.csv #/)]),
    details: expect.arrayContaining([
      { kind: 'PHONE', value: '+12025550143' },
      { kind: 'EMAIL', value: 'ada@example.com' },
    ]),
  });
});

it('imports the file it is given, and says why the server refused one', async () => {
  const file = path.join(scratch, 'more.csv');
  await writeFile(file, 'Email,First Name\nlin@example.com,Lin\n');
  const imported = await runExample(workspace.keys.WRITE, [file]);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toContain('Uploaded more.csv: ');
  expect(imported.stdout).toContain('Completed: 1 created, 0 updated, 0 skipped, 0 failed');

  const empty = path.join(scratch, 'empty.csv');
  await writeFile(empty, '');
  const refused = await runExample(workspace.keys.WRITE, [empty]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^Import failed: upload refused: .+/);

  const readOnly = await runExample(workspace.keys.READ, [file]);
  expect(readOnly.code).toBe(1);
  expect(readOnly.stderr).toMatch(/^Import failed: /);
});
