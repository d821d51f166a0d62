import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * The machine's headless Chromium, driven by playwright-core, for the tests of the pages the server
 * gives a browser (GraphiQL, the import page). Without it (no /usr/bin/chromium, or CHROMIUM_PATH),
 * those tests are skipped with a title that says so.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** A test's title, or the title saying why it is skipped. */
export function chromiumTitle(title: string): string {
  return hasChromium ? title : `${title} — skipped: Chromium is missing (no ${CHROMIUM}; apt-get install chromium)`;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Chromium {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile in a temporary folder. */
export async function launchChromium(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Chromium> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: options.locale,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Refuses every request of the browser to another origin than `origin` (a CDN, a font service),
 * so that a page needing one fails; returns the list of the URLs refused, for the test to check.
 */
export async function refuseOtherOrigins(context: BrowserContext, origin: string): Promise<string[]> {
  const refused: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      refused.push(route.request().url());
      return route.abort();
    },
  );
  return refused;
}
