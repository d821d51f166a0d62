import { parse, validate } from 'graphql';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GRAPHQL_PATH } from '../../src/server/app.ts';
import { GRAPHIQL_HEADERS, GRAPHIQL_TABS } from '../../src/server/graphiql-defaults.ts';
import { schema } from '../../src/schema/index.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp } from '../support/app.ts';
import { type Chromium, chromiumTitle, hasChromium, launchChromium, refuseOtherOrigins } from '../support/chromium.ts';

/**
 * GraphiQL as a person uses it: the page the server gives a browser at /graphql, in headless
 * Chromium, with an API key typed into the Headers editor and a query typed into the operation
 * editor. The page must work with no network beyond the server: every request to another origin
 * (a CDN) is refused and fails the test. The schema is only served with a key: GraphiQL's first
 * introspection (without one) is refused, and re-fetching the schema once the key is typed loads it.
 */
/** The page inlines GraphiQL and Monaco (about 9 MB); a slow machine gets time to parse it. */
const UI_TIMEOUT = 30_000;
const WORKSPACE_NAME = 'GraphiQL Test Workspace';
const TITLE = 'runs a query with an API key typed into GraphiQL';

const testApp = useTestApp();
let adminKey: string;
let browser: Chromium | undefined;

beforeAll(async () => {
  adminKey = (await testApp.createWorkspace(WORKSPACE_NAME)).keys.ADMIN;
});

afterAll(async () => {
  await browser?.close();
});

it.skipIf(!hasChromium)(
  chromiumTitle(TITLE),
  async () => {
    browser = await launchChromium();
    const { context } = browser;
    const foreignRequests = await refuseOtherOrigins(context, new URL(testApp.url).origin);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(UI_TIMEOUT);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const introspections: { data?: { __schema?: unknown }; errors?: { extensions?: { code?: string } }[] }[] = [];
    page.on('response', (response) => {
      if (!response.request().postData()?.includes('__schema')) return;
      response.json().then(
        (body) => introspections.push(body),
        () => introspections.push({}),
      );
    });

    await page.goto(`${testApp.url}${GRAPHQL_PATH}`);
    const operationEditor = page.getByRole('region', { name: 'Operation Editor' });
    // Polled together so that a page which needs a CDN fails saying which requests it made.
    await expect
      .poll(async () => ({ editors: await operationEditor.locator('.monaco-editor').count(), foreignRequests, pageErrors }), {
        timeout: UI_TIMEOUT,
      })
      .toEqual({ editors: 1, foreignRequests: [], pageErrors: [] });

    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    const headersEditor = page.getByRole('region', { name: 'Headers' }).locator('.graphiql-editor:not(.hidden) .monaco-editor');
    await replaceEditorText(page, headersEditor, `{"Authorization": "Bearer ${adminKey}"}`);
    await expect.poll(() => introspections[0]?.errors?.[0]?.extensions?.code, { timeout: UI_TIMEOUT }).toBe('UNAUTHENTICATED');
    await page.getByRole('button', { name: /^Re-fetch GraphQL schema/ }).click();
    await expect.poll(() => introspections.some((body) => body.data?.__schema), { timeout: UI_TIMEOUT }).toBe(true);
    await replaceEditorText(page, operationEditor.locator('.monaco-editor'), 'query WorkspaceName { workspace { name } }');
    // GraphiQL parses the operation a moment after typing and names the tab after it. Run before then
    // and it sends the default query's operation name ("Cannot infer operation Contacts").
    await expect.poll(() => page.locator('.graphiql-tab-active .graphiql-tab-button').textContent(), { timeout: UI_TIMEOUT }).toBe('WorkspaceName');

    await page.getByRole('button', { name: /^Execute query/ }).click();
    // The whole response is the key's workspace: the typed header reached the server. Monaco renders
    // the result line by line, so it is read until it is whole JSON.
    const result = async () => {
      try {
        return JSON.parse(await resultText(page));
      } catch {
        return undefined;
      }
    };
    await expect.poll(result, { timeout: UI_TIMEOUT }).toEqual({ data: { workspace: { name: WORKSPACE_NAME } } });
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  },
  120_000,
);

const StartWatchedImport = graphql(`
  mutation StartWatchedImport($text: String!) {
    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }
  }
`);

it('opens with example tabs whose operations fit the schema, each with the Authorization header to fill in', async () => {
  expect(GRAPHIQL_TABS.map((tab) => tab.headers)).toEqual([GRAPHIQL_HEADERS, GRAPHIQL_HEADERS, GRAPHIQL_HEADERS]);
  expect(JSON.parse(GRAPHIQL_HEADERS)).toEqual({ Authorization: 'Bearer <your API key>' });
  const operations = GRAPHIQL_TABS.flatMap((tab) => {
    const document = parse(tab.query);
    expect(validate(schema, document)).toEqual([]);
    return document.definitions.map((definition) => (definition.kind === 'OperationDefinition' ? definition.name?.value : definition.kind));
  });
  expect(operations).toEqual(['Contacts', 'StartImportFromText', 'MapColumns', 'Review', 'Confirm', 'Revert', 'ImportProgress']);
  const page = await fetch(`${testApp.url}${GRAPHQL_PATH}`, { headers: { accept: 'text/html' } });
  expect(await page.text()).toContain(JSON.stringify(GRAPHIQL_HEADERS));
});

it.skipIf(!hasChromium)(
  chromiumTitle('runs the progress subscription of its example tab, over server-sent events, with the key typed into its headers'),
  async () => {
    const { startContactImport } = await testApp.data(StartWatchedImport, { text: 'Email\nada@graphiql.test\n' }, adminKey);
    if (startContactImport.__typename !== 'ImportJob') throw new Error(startContactImport.message);
    // A browser of its own: a first visit, with none of the tabs another test left in its profile.
    const firstVisit = await launchChromium();
    try {
      const page = firstVisit.context.pages()[0] ?? (await firstVisit.context.newPage());
      page.setDefaultTimeout(UI_TIMEOUT);
      await page.goto(`${testApp.url}${GRAPHQL_PATH}`);
      const tabs = page.locator('.graphiql-tab-button');
      await expect.poll(() => tabs.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['Contacts', 'StartImportFromText', 'ImportProgress']);

      await tabs.filter({ hasText: 'ImportProgress' }).click();
      await page.getByRole('button', { name: 'Headers', exact: true }).click();
      const headersEditor = page.getByRole('region', { name: 'Headers' }).locator('.graphiql-editor:not(.hidden) .monaco-editor');
      const placeholder = await headersEditor.locator('.view-lines').evaluate((lines) => lines.textContent?.replace(/\u00a0/g, ' '));
      expect(placeholder?.replace(/\s+/g, '')).toBe(GRAPHIQL_HEADERS.replace(/\s+/g, ''));
      await replaceEditorText(page, headersEditor, `{"Authorization": "Bearer ${adminKey}"}`);
      await page.getByRole('button', { name: 'Variables', exact: true }).click();
      const variablesEditor = page.getByRole('region', { name: 'Variables' }).locator('.graphiql-editor:not(.hidden) .monaco-editor');
      await replaceEditorText(page, variablesEditor, `{"jobId": "${startContactImport.id}"}`);

      await page.getByRole('button', { name: /^Execute (query|subscription)/ }).click();
      const status = async () => {
        try {
          return JSON.parse(await resultText(page)).data?.contactImportProgress?.status;
        } catch {
          return undefined;
        }
      };
      await expect.poll(status, { timeout: UI_TIMEOUT }).toBe('MAPPING');
    } finally {
      await firstVisit.close();
    }
  },
  120_000,
);

/** Focuses a Monaco editor, selects everything in it and types the text over it, key by key. */
async function replaceEditorText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  // Monaco closes brackets and quotes as they are typed; this proves the typing came out as meant.
  await expect
    .poll(() => editor.locator('.view-lines').evaluate((lines) => lines.textContent?.replace(/\u00a0/g, ' ')), { timeout: UI_TIMEOUT })
    .toBe(text);
}

/**
 * The result pane's text as Monaco renders it: one absolutely placed element per line, in no
 * promised DOM order, with spaces as no-break spaces.
 */
async function resultText(page: Page): Promise<string> {
  return page
    .getByRole('region', { name: 'Result Window' })
    .locator('.view-line')
    .evaluateAll((lines) =>
      lines
        .map((line) => ({ line, top: line.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map(({ line }) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n'),
    );
}
