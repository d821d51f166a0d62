/**
 * Stable error codes through the real server: every member of the `Error` interface and every
 * input issue carries a `code` of the `ErrorCode` enum and `params` beside its message, so a client
 * branches and translates without reading the message. One failure of each kind and area is raised
 * here and its code and params checked; import rows carry codes too (skip reasons, previews).
 */
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODE_NAMES } from '../../src/domain/error-codes.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { globalIdOf } from '../support/global-ids.ts';
import { confirmAndWait, uploadCsv, validateCsv } from '../support/imports.ts';
import { createContact, sendFile } from '../support/operations.ts';

const app = useTestApp();
let workspace: TestWorkspace;
let key: string;

beforeAll(async () => {
  workspace = await app.createWorkspace('Codes');
  key = workspace.keys.ADMIN;
});

const ErrorTypes = graphql(`
  query ErrorTypes {
    errorInterface: __type(name: "Error") {
      fields { name type { kind name ofType { kind name } } }
      possibleTypes { name fields { name type { kind name ofType { kind name } } } }
    }
    issue: __type(name: "InputIssue") { fields { name type { kind name ofType { kind name } } } }
    codes: __type(name: "ErrorCode") { enumValues { name description } }
  }
`);

const CodesSettings = graphql(`
  mutation CodesSettings($input: UpdateWorkspaceSettingsInput!) {
    updateWorkspaceSettings(input: $input) {
      __typename
      ... on Error { code params message }
      ... on ValidationError { issues { path code params message } }
    }
  }
`);

const CodesCreateField = graphql(`
  mutation CodesCreateField($input: CreateFieldInput!) {
    createField(input: $input) {
      __typename
      ... on Field { key }
      ... on Error { code params message }
      ... on LimitExceededError { limit }
    }
  }
`);

const CodesCreateContact = graphql(`
  mutation CodesCreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      __typename
      ... on Error { code params message }
      ... on ValidationError { issues { path code params message } }
    }
  }
`);

const CodesStartImport = graphql(`
  mutation CodesStartImport($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      __typename
      ... on ImportJob { id }
      ... on Error { code params message }
      ... on ValidationError { issues { path code params message } }
      ... on LimitExceededError { limit }
    }
  }
`);

const CodesImportJob = graphql(`
  query CodesImportJob($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob {
        status
        skipReasons { reason code params count }
        preview { rowNumber action message codes }
      }
      ... on Error { code params message }
      ... on NotFoundError { entity id }
    }
  }
`);

const CodesConfirm = graphql(`
  mutation CodesConfirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) {
      __typename
      ... on Error { code params message }
      ... on InvalidStateError { state }
    }
  }
`);

const CodesCreateGroup = graphql(`
  mutation CodesCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on Group { id }
      ... on Error { code params message }
      ... on ValidationError { issues { path code params message } }
    }
  }
`);

const CodesContacts = graphql(`
  query CodesContacts($after: String) {
    contacts(first: 5, after: $after) { totalCount }
  }
`);

const CodesBulkOptOut = graphql(`
  mutation CodesBulkOptOut($input: BulkOptOutInput!) {
    bulkOptOut(input: $input) {
      __typename
      ... on BulkOptOut { invalid { line reason code } }
      ... on Error { code params message }
    }
  }
`);

/** A field's type with its NON_NULL wrapper unfolded: `ErrorCode!` is `NON_NULL ErrorCode`. */
type IntrospectedField = { name: string; type: { kind: string; name: string | null; ofType: { kind: string; name: string | null } | null } };

function typeOf(fields: readonly IntrospectedField[] | null | undefined, name: string): string | undefined {
  const field = fields?.find((candidate) => candidate.name === name);
  if (!field) return undefined;
  return field.type.kind === 'NON_NULL' ? `${field.type.ofType?.name}!` : (field.type.name ?? undefined);
}

describe('the schema', () => {
  it('gives every type implementing Error, and every input issue, a code and params', async () => {
    const { errorInterface, issue, codes } = await app.data(ErrorTypes, {}, key);
    expect(typeOf(errorInterface?.fields, 'code')).toBe('ErrorCode!');
    expect(typeOf(errorInterface?.fields, 'params')).toBe('JSON!');
    const members = errorInterface?.possibleTypes ?? [];
    expect(members.map((type) => type.name).sort()).toEqual(
      expect.arrayContaining(['ConflictError', 'InvalidStateError', 'LimitExceededError', 'NotFoundError', 'ValidationError']),
    );
    for (const member of members) {
      expect([member.name, typeOf(member.fields, 'code'), typeOf(member.fields, 'params')]).toEqual([member.name, 'ErrorCode!', 'JSON!']);
    }
    expect([typeOf(issue?.fields, 'code'), typeOf(issue?.fields, 'params')]).toEqual(['ErrorCode!', 'JSON!']);
    expect(codes?.enumValues?.map((value) => value.name).sort()).toEqual([...ERROR_CODE_NAMES].sort());
    for (const value of codes?.enumValues ?? []) expect(value.description, value.name).toMatch(/(No params|Params: .+)\.$/);
  });
});

describe('the code and params of each kind of failure', () => {
  it('FIELD_LIMIT_REACHED, with the limit and the count; FIELD_KEY_TAKEN for a field that exists', async () => {
    const ws = await app.createWorkspace('Field limit');
    const admin = ws.keys.ADMIN;
    expect((await app.data(CodesCreateField, { input: { label: 'Tier', type: 'TEXT' } }, admin)).createField.__typename).toBe('Field');
    const again = await app.data(CodesCreateField, { input: { label: 'tier', type: 'TEXT' } }, admin);
    expect(again.createField).toMatchObject({ __typename: 'ConflictError', code: 'FIELD_KEY_TAKEN', params: { key: 'tier' } });

    const settings = await app.data(CodesSettings, { input: { customFieldLimit: 1 } }, admin);
    expect(settings.updateWorkspaceSettings.__typename).toBe('Workspace');

    const { createField } = await app.data(CodesCreateField, { input: { label: 'Region', type: 'TEXT' } }, admin);
    expect(createField).toEqual({
      __typename: 'LimitExceededError',
      code: 'FIELD_LIMIT_REACHED',
      params: { limit: 1, count: 1 },
      limit: 1,
      message: 'The workspace has 1 custom fields and its limit is 1: delete a field or raise the limit',
    });
  });

  it('VALIDATION_FAILED with an issue per problem, each with its path, code and params', async () => {
    const { createContact } = await app.data(
      CodesCreateContact,
      {
        input: {
          firstName: 'R2D2',
          details: [
            { kind: 'PHONE', value: '(202) 555-01' },
            { kind: 'EMAIL', value: 'nobody@' },
          ],
          country: 'US',
          tags: ['x'.repeat(101)],
        },
      },
      key,
    );
    expect(createContact).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', params: {} });
    if (createContact.__typename !== 'ValidationError') return;
    expect(createContact.issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual([
      { path: ['firstName'], code: 'INVALID_NAME', params: {} },
      { path: ['tags', '0'], code: 'TOO_LONG', params: { limit: 100, length: 101 } },
      { path: ['details', '0', 'value'], code: 'INVALID_PHONE', params: {} },
      { path: ['details', '1', 'value'], code: 'INVALID_EMAIL', params: {} },
    ]);
  });

  it('TOO_LONG from the input limits, with the limit and the length', async () => {
    const { createContact } = await app.data(
      CodesCreateContact,
      { input: { firstName: 'a'.repeat(1001), details: [{ kind: 'EMAIL', value: 'long@example.com' }] } },
      key,
    );
    expect(createContact).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['input', 'firstName'], code: 'TOO_LONG', params: { limit: 1000, length: 1001 } }],
    });
  });

  it('DUPLICATE_HEADER for an uploaded CSV, naming the header and both columns', async () => {
    const { startContactImport } = await sendFile(
      app,
      key,
      CodesStartImport,
      {},
      {
        content: 'Phone,Name,phone\n+12025550143,Ann,x\n',
        name: 'twice.csv',
        type: 'text/csv',
      },
    );
    expect(startContactImport).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      issues: [
        {
          path: ['file'],
          code: 'DUPLICATE_HEADER',
          params: { header: 'phone', columns: [1, 3] },
          message: 'Columns 1 and 3 have the same header "phone"',
        },
      ],
    });
  });

  it('FILE_TOO_LARGE for an upload over the workspace limit, and EMPTY_FILE for pasted nothing', async () => {
    const ws = await app.createWorkspace('Small files');
    const admin = ws.keys.ADMIN;
    await app.data(CodesSettings, { input: { importMaxBytes: 1024 } }, admin);
    const { startContactImport } = await sendFile(
      app,
      admin,
      CodesStartImport,
      {},
      {
        content: `Email\n${'a@example.com\n'.repeat(200)}`,
        name: 'big.csv',
        type: 'text/csv',
      },
    );
    expect(startContactImport).toMatchObject({
      __typename: 'LimitExceededError',
      code: 'FILE_TOO_LARGE',
      params: { limit: 1024, setBy: 'workspace' },
      limit: 1024,
    });

    const empty = await app.data(CodesStartImport, { input: { text: '   ' } }, admin);
    expect(empty.startContactImport).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['text'], code: 'EMPTY_FILE', params: {} }] });
  });

  it('NOT_FOUND with the entity and the id as given', async () => {
    const id = randomUUID();
    const { importJob } = await app.data(CodesImportJob, { id }, key);
    expect(importJob).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', params: { entity: 'ImportJob', id }, entity: 'ImportJob', id });

    // A global id is given back as sent, in params and in the message alike.
    const globalId = globalIdOf('ImportJob', randomUUID());
    const missing = (await app.data(CodesImportJob, { id: globalId }, key)).importJob;
    expect(missing).toMatchObject({ params: { entity: 'ImportJob', id: globalId }, id: globalId });
    expect(missing).toHaveProperty('message', `ImportJob ${globalId} was not found`);
  });

  it('INVALID_STATE with the state the target is in', async () => {
    const started = await uploadCsv(app, key, 'Phone\n+12025550143\n', 'waiting.csv');
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    const { confirmContactImport } = await app.data(CodesConfirm, { jobId: started.id }, key);
    expect(confirmContactImport).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'INVALID_STATE',
      params: { state: 'MAPPING' },
      state: 'MAPPING',
    });
  });

  it('GROUP_NAME_TAKEN for a conflict, and issue codes inside a filter', async () => {
    const input = { name: 'Coded', type: 'STATIC' as const };
    expect((await app.data(CodesCreateGroup, { input }, key)).createGroup.__typename).toBe('Group');
    const { createGroup } = await app.data(CodesCreateGroup, { input: { ...input, name: 'coded' } }, key);
    expect(createGroup).toMatchObject({ __typename: 'ConflictError', code: 'GROUP_NAME_TAKEN', params: { name: 'Coded' } });

    const dynamic = await app.data(
      CodesCreateGroup,
      { input: { name: 'Bad filter', type: 'DYNAMIC', filter: { field: { key: 'nope', eq: 'x' } } } },
      key,
    );
    expect(dynamic.createGroup).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'filter', 'field', 'key'], code: 'UNKNOWN_FIELD', params: { key: 'nope' } }],
    });
  });

  it('gives a GraphQL error outside a result union the same code, params and issues', async () => {
    const { body } = await app.request(CodesContacts, { after: 'not-a-cursor' }, key);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      params: {},
      issues: [{ path: ['after'], code: 'NOT_A_CURSOR', message: 'not a cursor of this list' }],
    });
  });

  it('codes the lines of a bulk opt-out list that cannot be read', async () => {
    const { bulkOptOut } = await app.data(CodesBulkOptOut, { input: { text: 'nobody@\n202 555 0143\nann@example.com', channel: 'SMS' } }, key);
    expect(bulkOptOut).toMatchObject({
      __typename: 'BulkOptOut',
      invalid: [
        { line: 1, code: 'INVALID_EMAIL' },
        { line: 2, code: 'PHONE_NEEDS_COUNTRY' },
        { line: 3, code: 'CHANNEL_MISMATCH' },
      ],
    });
  });
});

describe('codes of import rows', () => {
  it('codes skip reasons (with the identifier) and the preview rows, before the write and after it', async () => {
    const ws = await app.createWorkspace('Row codes');
    const admin = ws.keys.ADMIN;
    await createContact(app, admin, { firstName: 'Kept', details: [{ kind: 'PHONE', value: '+12025550143' }] });
    const csv = 'Phone,First Name\n+12025550143,Ann\n+12025550144,R2D2\n+12025550145,Bob\n+12025550145,Bobby\n';
    const job = await validateCsv(app, admin, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'PHONE', inFileDuplicates: 'KEEP_FIRST' });

    const review = await app.data(CodesImportJob, { id: job.id }, admin);
    if (review.importJob.__typename !== 'ImportJob') throw new Error('no job');
    expect(review.importJob.preview.map(({ action, codes }) => [action, codes])).toEqual([
      ['SKIP', ['CONTACT_EXISTS']],
      ['ERROR', ['INVALID_NAME']],
      ['CREATE', []],
      ['SKIP', ['DUPLICATE_IN_FILE']],
    ]);
    const expected = [
      { reason: 'a contact with this phone number already exists', code: 'CONTACT_EXISTS', params: { identifier: 'PHONE' }, count: 1 },
      { reason: 'duplicate of row N in the file, which is imported instead', code: 'DUPLICATE_IN_FILE', params: { identifier: 'PHONE' }, count: 1 },
    ];
    expect(review.importJob.skipReasons).toEqual(expected);

    const done = await confirmAndWait(app, admin, job.id);
    const after = await app.data(CodesImportJob, { id: done.id }, admin);
    expect(after.importJob).toMatchObject({ status: 'COMPLETED', skipReasons: expected, preview: [] });
  });

  it('answers a subscription to a malformed job id with VALIDATION_FAILED and the issue', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: print(CodesProgress), variables: { jobId: 'nope' } }),
    });
    const text = await response.text();
    expect(text).toContain('"code":"VALIDATION_FAILED"');
    expect(text).toContain('"code":"INVALID_ID"');
  });
});

const CodesProgress = graphql(`
  subscription CodesProgress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status }
  }
`);
