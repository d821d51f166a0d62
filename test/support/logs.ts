import { Writable } from 'node:stream';
import { createLogger, type Logger, type LogLevel } from '../../src/db/logger.ts';

/** A logger whose JSON lines are kept in memory, for tests that read what was logged. */
export interface CapturedLogs {
  logger: Logger;
  /** Everything written so far, exactly as written. */
  text(): string;
  /** Every line so far, parsed (a line that is not JSON throws). */
  lines(): Record<string, unknown>[];
}

/** Captures the log lines of `level` and above (every level unless given). */
export function captureLogs(level: LogLevel = 'trace'): CapturedLogs {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    logger: createLogger({ level, format: 'json', destination }),
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
