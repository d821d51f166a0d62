import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GRAPHQL_PATH } from '../../src/server/app.ts';
import { useTestApp } from '../support/app.ts';

/**
 * GraphiQL as a person uses it: the page the server gives a browser at /graphql, in headless
 * Chromium, with an API key typed into the Headers editor and a query typed into the operation
 * editor. The page must work with no network beyond the server: every request to another origin
 * (a CDN) is refused and fails the test. The schema is only served with a key: GraphiQL's first
 * introspection (without one) is refused, and re-fetching the schema once the key is typed loads it.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The page inlines GraphiQL and Monaco (about 9 MB); a slow machine gets time to parse it. */
const UI_TIMEOUT = 30_000;
const WORKSPACE_NAME = 'GraphiQL Test Workspace';
const TITLE = 'runs a query with an API key typed into GraphiQL';

const testApp = useTestApp();
let adminKey: string;
let userDataDir: string | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  adminKey = (await testApp.createWorkspace(WORKSPACE_NAME)).keys.ADMIN;
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

it.skipIf(!hasChromium)(
  hasChromium ? TITLE : `${TITLE} — skipped: Chromium is missing (no ${CHROMIUM}; apt-get install chromium)`,
  async () => {
    userDataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    const serverOrigin = new URL(testApp.url).origin;
    const foreignRequests: string[] = [];
    await context.route(
      (url) => url.origin !== serverOrigin,
      (route) => {
        foreignRequests.push(route.request().url());
        return route.abort();
      },
    );
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
    await expect.poll(() => page.locator('.graphiql-tab-active').textContent(), { timeout: UI_TIMEOUT }).toBe('WorkspaceName');

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
