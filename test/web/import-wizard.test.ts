import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebPage } from '../../src/server/web-page.ts';
import { useTestApp } from '../support/app.ts';
import { type Chromium, chromiumTitle, hasChromium, launchChromium, refuseOtherOrigins } from '../support/chromium.ts';
import { parseAnyLineEnd } from '../support/csv.ts';
import { fetchJob } from '../support/imports.ts';
import { createContact, createGroup } from '../support/operations.ts';

/**
 * The import page at /import as a person uses it, in headless Chromium against the real server:
 * key, upload, one column remapped, options, review, the write with live progress, the result file,
 * undo and the history. The page may reach nothing but its own origin: any other request is refused
 * and fails the test, and so does any Content-Security-Policy violation. A screenshot of each step
 * goes to test-results/import-wizard/; with UPDATE_SCREENSHOTS=1 the review's also replaces
 * docs/images/import-review.png.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WEB = path.join(ROOT, 'web');
const SCREENSHOTS = path.join(ROOT, 'test-results', 'import-wizard');
const README_SCREENSHOT = path.join(ROOT, 'docs', 'images', 'import-review.png');
const UI_TIMEOUT = 30_000;

/**
 * Rows in the file. The writer commits 5,000 rows a batch and the subscription sends the job at
 * least every 500 ms while it works, so 25,000 rows give five batches: several distinct progress
 * figures on this machine, even when it writes fast.
 */
const ROWS = 25_000;
/** Rows 1 to 3 match contacts that exist before the import (by phone): they are updates. */
const EXISTING = 3;
/** Two rows whose phone and email are not addresses: errors. */
const BAD_ROWS = 2;
const FILE_NAME = 'wizard-contacts.csv';

/** Phone numbers written without a country: the default country (US) set in the options reads them. */
function phone(row: number): string {
  const digits = String(2_000_000 + row);
  return `(202) ${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** Names take letters only: row 1 is "Adaa", row 27 "Adaaa". */
function letters(row: number): string {
  let text = '';
  for (let rest = row; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
  return text;
}

function contactsCsv(): string {
  const lines = ['First Name,Last Name,Mobile,Email,Company,Notes'];
  for (let row = 1; row <= ROWS; row++) lines.push(`Ada${letters(row)},Tester,${phone(row)},person${row}@example.com,Acme ${row % 7},note ${row}`);
  for (let bad = 1; bad <= BAD_ROWS; bad++) lines.push(`Broken${letters(bad)},Row,12,not-an-email,Acme,bad`);
  return `${lines.join('\r\n')}\r\n`;
}

/** Builds web/dist/ with Vite unless it is newer than everything under web/ (the way scripts/start.mjs decides). */
async function ensureWebBuilt(): Promise<void> {
  let stamp = 0;
  try {
    stamp = Number(readFileSync(path.join(WEB, 'dist', '.build-started'), 'utf8'));
  } catch {
    // Never built.
  }
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
  };
  for (const name of readdirSync(WEB)) if (!name.startsWith('dist')) visit(path.join(WEB, name));
  if (stamp >= newest) return;
  await build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}

const app = useTestApp();
let key: string;
let browser: Chromium | undefined;
let refused: string[] = [];

beforeAll(async () => {
  await ensureWebBuilt();
  await mkdir(SCREENSHOTS, { recursive: true });
  const workspace = await app.createWorkspace('Wizard workspace');
  key = workspace.keys.WRITE;
  for (let row = 1; row <= EXISTING; row++) {
    await createContact(app, key, { firstName: `Old${letters(row)}`, details: [{ kind: 'PHONE', value: phone(row) }], country: 'US' });
  }
  await createGroup(app, key, { name: 'Spring launch', type: 'STATIC' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** What the test records in the page while the import runs (see `recordProgress`). */
interface PageRecord {
  progress: { at: number; value: number | null; label: string | null; text: string | null; status: string | null }[];
  layoutShifts: { at: number; value: number; hadRecentInput: boolean; moved: string[] }[];
}

/**
 * Starts recording in the page: every change of the progress bar, its figures and the job's final
 * status (a MutationObserver), and every layout shift Chromium reports.
 */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record: PageRecord = { progress: [], layoutShifts: [] };
    (window as unknown as { record: PageRecord }).record = record;
    new PerformanceObserver((list) => {
      type Shift = PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      };
      for (const entry of list.getEntries() as Shift[]) {
        const moved = entry.sources.map(({ node, previousRect: from, currentRect: to }) => {
          const element = node instanceof Element ? node : node?.parentElement;
          const name = element ? `${element.tagName.toLowerCase()}.${element.className}` : 'a node';
          return `${name} (${from.x},${from.y} ${from.width}×${from.height} → ${to.x},${to.y} ${to.width}×${to.height})`;
        });
        record.layoutShifts.push({ at: entry.startTime, value: entry.value, hadRecentInput: entry.hadRecentInput, moved });
      }
    }).observe({ type: 'layout-shift' });
    let last = '';
    new MutationObserver(() => {
      const entry = {
        at: performance.now(),
        value: document.querySelector<HTMLProgressElement>('#job-progress')?.value ?? null,
        label: document.querySelector('.progress-label')?.textContent ?? null,
        text: document.querySelector('[data-testid=progress-figures]')?.textContent ?? null,
        status: document.querySelector('[data-testid=job-status]')?.getAttribute('data-status') ?? null,
      };
      const seen = JSON.stringify([entry.value, entry.label, entry.text, entry.status]);
      if (seen === last) return;
      last = seen;
      record.progress.push(entry);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/**
 * A new tab of the test's Chromium (started by the first test that asks), and what it must not do:
 * reach another origin, throw, or break the Content-Security-Policy.
 */
async function openPage(): Promise<{ page: Page; problems: () => Promise<{ refused: string[]; pageErrors: string[]; cspViolations: string[] }> }> {
  if (!browser) {
    browser = await launchChromium({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    refused = await refuseOtherOrigins(browser.context, new URL(app.url).origin);
    await browser.context.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
  }
  const page = await browser.context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const problems = async () => ({
    refused,
    pageErrors,
    cspViolations: await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  });
  return { page, problems };
}

/**
 * Clicks a download link of the page, an `<a href download>` with no key of its own (the API's file
 * links are signed), and returns the file Chromium saved.
 */
async function downloadFrom(page: Page, name: RegExp): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  expect(await download.failure()).toBeNull();
  return readFile((await download.path())!);
}

/** The text of the focused element: each step moves the focus to its heading. */
function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.textContent ?? undefined);
}

/** Polls until the expectation holds, for as long as the page may take (vitest's default is 1 s). */
function poll<T>(read: () => Promise<T> | T, timeout = UI_TIMEOUT) {
  return expect.poll(read, { timeout });
}

async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A GET (or another method) sent as written: unlike fetch, node:http leaves `..` in the path alone. */
function rawRequest(url: string, requestPath: string, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: requestPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('how the server serves the page', () => {
  it('answers /import and /import/ with index.html, never cached, under a same-origin CSP', async () => {
    for (const page of ['/import', '/import/', '/import?from=menu']) {
      const response = await rawRequest(app.url, page);
      expect(response.status, page).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="app"></div>');
    }
    const { headers } = await rawRequest(app.url, '/import');
    const host = new URL(app.url).host;
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain(`connect-src 'self' ws://${host} wss://${host}`);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('serves the hashed assets for good, with their types, and nothing else', async () => {
    const index = (await rawRequest(app.url, '/import')).body;
    const script = /src="(\/import\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    const styles = /href="(\/import\/assets\/[^"]+\.css)"/.exec(index)![1]!;
    const js = await rawRequest(app.url, script);
    expect(js).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect((await rawRequest(app.url, styles)).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await rawRequest(app.url, script, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '', headers: { 'content-length': js.headers['content-length'] } });

    for (const missing of [
      '/import/assets/../../package.json',
      '/import/assets/..%2f..%2fpackage.json',
      '/import/assets/%2e%2e/index.html',
      '/import/assets//etc/passwd',
      '/import/assets/.build-started',
      '/import/assets/',
      '/import/assets/nothing.js',
      '/import/index.html',
      '/import/../package.json',
    ]) {
      const response = await rawRequest(app.url, missing);
      expect(response.status, missing).toBe(404);
      expect(response.body).not.toContain('"name"');
    }
    const post = await rawRequest(app.url, '/import', 'POST');
    expect(post).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
    // Only /import and what is under it: the path /importer is no page of it.
    expect((await rawRequest(app.url, '/importer')).body).not.toContain('<div id="app">');
  });

  it('says how to build the page when web/dist is missing', async () => {
    const server = createServer((req, res) => void serveWebPage(req, res, path.join(ROOT, 'web', 'no-such-dist')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await rawRequest(`http://127.0.0.1:${port}`, '/import');
      expect(response).toMatchObject({ status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      expect(response.body).toContain('npm run build:web');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the import page at /import', () => {
  it.skipIf(!hasChromium)(
    chromiumTitle('imports a CSV through every step, with live progress, the result file, undo and the history'),
    async ({ onTestFailed }) => {
      const { page, problems } = await openPage();
      onTestFailed(() => screenshot(page, 'failed').then(() => undefined));

      // 1. The key, typed and sent with the keyboard.
      const response = await page.goto(`${app.url}/import`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByLabel('API key', { exact: true }).focus();
      await page.keyboard.type(key);
      await screenshot(page, '01-key');
      await page.keyboard.press('Enter');

      // 2. The source: a CSV file picked in the file input.
      await poll(() => focusedText(page)).toBe('Choose what to import');
      await poll(() => page.evaluate(() => sessionStorage.length)).toBe(1);
      await page
        .getByLabel('Drop a file here, or pick one')
        .setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(contactsCsv()) });
      await screenshot(page, '02-source');
      await page.getByRole('button', { name: 'Read the columns' }).click();

      // 3. The columns: suggestions for the known headers; Company becomes a new custom field.
      await poll(() => focusedText(page)).toBe('Match the columns');
      const column = (number: number) => page.getByRole('group', { name: new RegExp(`^Column ${number}:`) });
      expect(await column(3).getByLabel('Import as').inputValue()).toBe('field:phone');
      expect(await column(4).getByLabel('Import as').inputValue()).toBe('field:email');
      await column(5).getByLabel('Import as').selectOption('new');
      expect(await column(5).getByLabel('New field’s name').inputValue()).toBe('Company');
      await column(6).getByLabel('Import as').selectOption('ignore');
      await screenshot(page, '03-columns');
      await page.getByRole('button', { name: 'Next: options' }).click();

      // 4. The options: phone numbers read as US ones, a tag, an existing group.
      await poll(() => focusedText(page)).toBe('Set the options');
      await page.getByLabel('Country of phone numbers written without one').fill('us');
      await page.getByLabel('Tags to add').fill('wizard, spring');
      await page.getByLabel('An existing group').check();
      expect(await page.getByLabel('Group', { exact: true }).locator('option:checked').textContent()).toBe('Spring launch');
      await screenshot(page, '04-options');
      await page.getByRole('button', { name: 'Next: check the rows' }).click();

      // 5. The review, once every row is checked.
      await poll(() => focusedText(page)).toBe('Review');
      const counts = page.getByTestId('review-counts');
      await poll(() => counts.isVisible(), 60_000).toBe(true);
      const figure = (term: string) =>
        counts
          .locator('div', { has: page.getByText(term, { exact: true }) })
          .locator('dd')
          .textContent();
      expect(await figure('New contacts')).toBe((ROWS - EXISTING).toLocaleString('en-US'));
      expect(await figure('Updates')).toBe(String(EXISTING));
      expect(await figure('Errors')).toBe(String(BAD_ROWS));
      const changes = await page.locator('table.changes tbody tr').allTextContents();
      expect(changes).toEqual(expect.arrayContaining([expect.stringMatching(/^1firstNameOlda→ Adaa$/)]));
      // The error file, through a plain link: the failing rows with their Error column.
      const errors = parseAnyLineEnd(await downloadFrom(page, /Download the 2 rows with errors/));
      expect(errors.map((row) => row.slice(0, 2))).toEqual([
        ['First Name', 'Last Name'],
        ['Brokena', 'Row'],
        ['Brokenb', 'Row'],
      ]);
      expect(errors[0]).toContain('Error');
      await screenshot(page, '05-review');
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        await page.setViewportSize({ width: 900, height: 900 });
        await page.screenshot({ path: README_SCREENSHOT, fullPage: true });
        await page.setViewportSize({ width: 1100, height: 900 });
      }

      // 6. Confirm, and watch the write: the page records every progress figure it shows.
      await recordProgress(page);
      await page.getByRole('button', { name: `Import ${ROWS.toLocaleString('en-US')} rows` }).click();
      await poll(() => focusedText(page)).toMatch(/^Importing wizard-contacts\.csv$/);
      await poll(() => page.locator('#job-progress').evaluate((bar: HTMLProgressElement) => bar.value > 0 && bar.value < bar.max)).toBe(true);
      await poll(() => page.locator('.transport').textContent()).toBe('Live over WebSocket.');
      await screenshot(page, '06-progress');
      await poll(() => page.getByTestId('job-status').getAttribute('data-status'), 120_000).toBe('COMPLETED');

      const record = await page.evaluate(() => (window as unknown as { record: PageRecord }).record);
      const completedAt = record.progress.find((entry) => entry.status === 'COMPLETED')!.at;
      const writing = record.progress.filter((entry) => entry.label?.startsWith('Importing') && entry.at < completedAt);
      const distinctRows = new Set(writing.map((entry) => entry.value).filter((value) => value !== null && value > 0 && value < ROWS + BAD_ROWS));
      expect(distinctRows.size, JSON.stringify(writing)).toBeGreaterThanOrEqual(3);
      expect(writing.at(-1)!.text).toMatch(/rows\/s/);
      // Nothing moved while the figures changed: no layout shift between the confirm and the result.
      const shifts = record.layoutShifts.filter((shift) => !shift.hadRecentInput && shift.at >= writing[0]!.at && shift.at < completedAt);
      expect(shifts).toEqual([]);

      // 7. The result: counts, then the result file through a plain download link.
      await poll(() => focusedText(page)).toBe('Result');
      const result = page.getByTestId('result-counts');
      const resultFigure = (term: string) =>
        result
          .locator('div', { has: page.getByText(term, { exact: true }) })
          .locator('dd')
          .textContent();
      expect(await resultFigure('Created')).toBe((ROWS - EXISTING).toLocaleString('en-US'));
      expect(await resultFigure('Updated')).toBe(String(EXISTING));
      expect(await resultFigure('Failed')).toBe(String(BAD_ROWS));
      await screenshot(page, '07-result');
      const rows = parseAnyLineEnd(await downloadFrom(page, /Download the result file/));
      // The file's own columns, then the import's.
      expect(rows[0]!.slice(0, 8)).toEqual(['First Name', 'Last Name', 'Mobile', 'Email', 'Company', 'Notes', 'Import Status', 'Errors']);
      expect(rows).toHaveLength(ROWS + BAD_ROWS + 1);
      const statuses = new Map<string, number>();
      for (const row of rows.slice(1)) statuses.set(row[6]!, (statuses.get(row[6]!) ?? 0) + 1);
      expect(Object.fromEntries(statuses)).toEqual({ Imported: ROWS - EXISTING, Updated: EXISTING, Error: BAD_ROWS });
      expect(rows[1]!.slice(0, 7)).toEqual(['Adaa', 'Tester', phone(1), 'person1@example.com', 'Acme 1', 'note 1', 'Updated']);

      // 8. Undo: the job is reverted, live, and the history lists it.
      await page.getByRole('button', { name: 'Undo this import' }).click();
      await poll(() => page.getByTestId('job-status').getAttribute('data-status'), 120_000).toBe('REVERTED');
      const historyRow = page.getByTestId('history').locator('tbody tr', { hasText: FILE_NAME });
      await poll(() => historyRow.locator('.status').textContent()).toBe('REVERTED');
      await screenshot(page, '08-reverted');
      const jobId = (await historyRow.getAttribute('data-job-id'))!;
      const job = await fetchJob(app, key, jobId);
      expect(job).toMatchObject({ status: 'REVERTED', counts: { created: ROWS - EXISTING, updated: EXISTING } });
      expect(await resultFigure('Undone')).toBe(ROWS.toLocaleString('en-US'));

      // At a phone's width, nothing is wider than the screen.
      await page.setViewportSize({ width: 375, height: 812 });
      await screenshot(page, '09-result-375px');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      // After a reload the key is still in the tab, and the import opens again from the history.
      await page.reload();
      await page.getByRole('button', { name: `Open the import of ${FILE_NAME}` }).click();
      await poll(() => page.getByTestId('job-status').getAttribute('data-status')).toBe('REVERTED');
      expect(await resultFigure('Undone')).toBe(ROWS.toLocaleString('en-US'));

      // Forget key: back to the first step, nothing kept.
      await page.getByRole('button', { name: 'Forget key' }).click();
      await poll(() => focusedText(page)).toBe('Your API key');
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

      expect(await problems()).toEqual({ refused: [], pageErrors: [], cspViolations: [] });
    },
    300_000,
  );

  it.skipIf(!hasChromium)(
    chromiumTitle('follows the import over server-sent events when the WebSocket cannot open, and shows typed errors by their fields'),
    async ({ onTestFailed }) => {
      const { page, problems } = await openPage();
      onTestFailed(() => screenshot(page, 'failed-sse').then(() => undefined));
      // The socket is closed as soon as it opens, as a proxy that does not pass upgrades would.
      let socketsRefused = 0;
      await page.routeWebSocket(/\/graphql$/, (socket) => {
        socketsRefused += 1;
        return socket.close({ code: 1013, reason: 'no WebSocket here' });
      });
      const eventStreams: string[] = [];
      page.on('request', (request) => {
        if (request.headers().accept?.includes('text/event-stream')) eventStreams.push(request.url());
      });

      await page.goto(`${app.url}/import`);
      await page.getByLabel('API key', { exact: true }).fill(key);
      await page.getByRole('button', { name: 'Use this key' }).click();
      await page.getByLabel('Text pasted from a spreadsheet').check();
      const pasted = [
        'First Name\tLast Name\tEmail',
        ...Array.from({ length: 40 }, (_, i) => `Bea${letters(i + 1)}\tSmith\tbea${i + 1}@example.org`),
      ];
      await page.getByLabel('Pasted rows').fill(pasted.join('\n'));
      await page.getByRole('button', { name: 'Read the columns' }).click();
      await poll(() => focusedText(page)).toBe('Match the columns');
      await page.getByRole('button', { name: 'Next: options' }).click();

      // No phone column for the default identifier, and a country that is no country: each refusal shows by its field.
      await page.getByLabel('Country of phone numbers written without one').fill('ZZ');
      await page.getByRole('button', { name: 'Next: check the rows' }).click();
      await poll(() => page.locator('#identifier-error').textContent()).toMatch(/phone/);
      await poll(() => page.locator('#defaultCountry-error').textContent()).toMatch(/ZZ/);
      expect(await page.getByLabel('Recognise existing contacts by').getAttribute('aria-describedby')).toBe('identifier-error');
      await screenshot(page, '10-option-errors');
      await page.getByLabel('Recognise existing contacts by').selectOption('EMAIL');
      await page.getByLabel('Country of phone numbers written without one').fill('');
      await page.getByRole('button', { name: 'Next: check the rows' }).click();

      await poll(() => page.getByTestId('review-counts').isVisible(), 60_000).toBe(true);
      await page.getByRole('button', { name: 'Import 40 rows' }).click();
      await poll(() => page.getByTestId('job-status').getAttribute('data-status'), 60_000).toBe('COMPLETED');
      expect(await page.getByTestId('result-counts').locator('div', { hasText: 'Created' }).locator('dd').textContent()).toBe('40');

      expect(socketsRefused).toBeGreaterThan(0);
      expect(eventStreams.length).toBeGreaterThan(0);
      expect(await problems()).toEqual({ refused: [], pageErrors: [], cspViolations: [] });
    },
    120_000,
  );
});
