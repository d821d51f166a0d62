import { errorFields, silentLogger, type Logger } from '../db/logger.ts';

export interface PeriodicTask {
  /** Lets the pass under way finish, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` until stopped: again at once when it reports more work waiting, else after
 * `intervalMs`. A failing pass is logged and the next one runs on schedule.
 */
export function startPeriodic(options: { name: string; intervalMs: number; pass: () => Promise<boolean>; logger?: Logger }): PeriodicTask {
  const { name, intervalMs, pass } = options;
  const logger = options.logger ?? silentLogger;
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      const moreWaiting = await pass().catch((error) => {
        logger.error({ task: name, err: errorFields(error) }, 'a periodic pass failed');
        return false;
      });
      if (moreWaiting || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
