import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { Audience, exclusions } from '../opt-outs/consent-api.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { createField } from '../support/operations.ts';

const Settings = graphql(`
  query WorkspaceSettings {
    workspace { customFieldLimit importMaxBytes importMaxRows reviewTtlSeconds fileRetentionDays requireFirstName requirePhoneWithCountry optInChannels }
  }
`);

const UpdateSettings = graphql(`
  mutation UpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {
    updateWorkspaceSettings(input: $input) {
      __typename
      ... on Workspace { reviewTtlSeconds fileRetentionDays importMaxBytes optInChannels requireFirstName }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const app = useTestApp({ worker: false });
let acme: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  acme = await app.createWorkspace('Acme');
  other = await app.createWorkspace('Other');
});

describe('updateWorkspaceSettings', () => {
  it('changes the settings given, keeps the others, and touches no other workspace', async () => {
    const before = (await app.data(Settings, {}, acme.keys.READ)).workspace;
    const { updateWorkspaceSettings } = await app.data(
      UpdateSettings,
      { input: { reviewTtlSeconds: 600, fileRetentionDays: 30, importMaxBytes: 50 * 2 ** 20, requireFirstName: true } },
      acme.keys.ADMIN,
    );
    expect(updateWorkspaceSettings).toEqual({
      __typename: 'Workspace',
      reviewTtlSeconds: 600,
      fileRetentionDays: 30,
      importMaxBytes: 50 * 2 ** 20,
      optInChannels: ['WHATSAPP'],
      requireFirstName: true,
    });
    const after = (await app.data(Settings, {}, acme.keys.READ)).workspace;
    expect(after).toEqual({ ...before, reviewTtlSeconds: 600, fileRetentionDays: 30, importMaxBytes: 50 * 2 ** 20, requireFirstName: true });
    expect((await app.data(Settings, {}, other.keys.READ)).workspace).toEqual(before);
  });

  it('refuses values out of range and repeated channels, naming each, and changes nothing', async () => {
    const before = (await app.data(Settings, {}, acme.keys.READ)).workspace;
    const { updateWorkspaceSettings } = await app.data(
      UpdateSettings,
      { input: { reviewTtlSeconds: 5, importMaxRows: 0, optInChannels: ['SMS', 'SMS'], fileRetentionDays: 90 } },
      acme.keys.ADMIN,
    );
    if (updateWorkspaceSettings.__typename !== 'ValidationError') throw new Error(updateWorkspaceSettings.__typename);
    expect(updateWorkspaceSettings.issues.map((issue) => issue.path.join('.'))).toEqual([
      'input.importMaxRows',
      'input.reviewTtlSeconds',
      'input.optInChannels',
    ]);
    expect(updateWorkspaceSettings.issues[1]!.message).toBe('must be a whole number from 60 to 604800 seconds, not 5');
    expect((await app.data(Settings, {}, acme.keys.READ)).workspace).toEqual(before);
  });

  it('refuses a custom field limit below the fields the workspace has, naming both, and takes one that holds them', async () => {
    const fielded = await app.createWorkspace('Fielded');
    for (const label of ['One', 'Two', 'Three']) await createField(app, fielded.keys.WRITE, { label, type: 'TEXT' });
    const before = (await app.data(Settings, {}, fielded.keys.READ)).workspace;
    const lowered = await app.data(UpdateSettings, { input: { customFieldLimit: 2, fileRetentionDays: 3 } }, fielded.keys.ADMIN);
    expect(lowered.updateWorkspaceSettings).toEqual({
      __typename: 'ValidationError',
      issues: [
        {
          path: ['input', 'customFieldLimit'],
          message: 'the workspace has 3 custom fields, more than a limit of 2: delete 1 of them first or choose a limit of at least 3',
        },
      ],
    });
    expect((await app.data(Settings, {}, fielded.keys.READ)).workspace).toEqual(before);

    const exact = await app.data(UpdateSettings, { input: { customFieldLimit: 3 } }, fielded.keys.ADMIN);
    expect(exact.updateWorkspaceSettings.__typename).toBe('Workspace');
    expect((await app.data(Settings, {}, fielded.keys.READ)).workspace.customFieldLimit).toBe(3);
  });

  it('is for ADMIN keys only', async () => {
    const refused = await app.request(UpdateSettings, { input: { fileRetentionDays: 2 } }, acme.keys.WRITE);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('decides which channels need an opt-in: without WhatsApp in the list, the audience needs none there', async () => {
    const input = { channel: 'WHATSAPP' as const, addresses: ['+12025550143'] };
    const strict = (await app.data(Audience, { input }, other.keys.READ)).audience;
    if (strict.__typename !== 'Audience') throw new Error(strict.__typename);
    expect(exclusions(strict.excluded)).toEqual({ NO_OPT_IN: 1 });

    await app.data(UpdateSettings, { input: { optInChannels: [] } }, other.keys.ADMIN);
    const open = (await app.data(Audience, { input }, other.keys.READ)).audience;
    if (open.__typename !== 'Audience') throw new Error(open.__typename);
    expect(open.sendableCount).toBe(1);
  });
});
