export interface PeriodicTask {
  /** Lets the pass under way finish, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` until stopped: again at once when it reports more work waiting, else after
 * `intervalMs`. A failing pass is logged and the next one runs on schedule.
 */
export function startPeriodic(options: {
  name: string;
  intervalMs: number;
  pass: () => Promise<boolean>;
  log?: (line: string) => void;
}): PeriodicTask {
  const { name, intervalMs, pass } = options;
  const log = options.log ?? (() => {});
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      const moreWaiting = await pass().catch((error) => {
        log(`${name} failed: ${error?.stack ?? error}`);
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
