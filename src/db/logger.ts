import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** The levels LOG_LEVEL may name, from the fewest lines to the most. */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_FORMAT: one JSON object per line, or coloured lines for a person at a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggerOptions {
  level: LogLevel;
  /** Unset: pretty when the lines go to a terminal, JSON otherwise. */
  format?: LogFormat;
  /** Where the lines go: stdout unless given (the tests capture them; the CLI keeps stdout for its result). */
  destination?: NodeJS.WritableStream;
}

/**
 * The process's logger. Each line says what happened and carries ids and counts (request, job,
 * workspace, key, webhook), never a value: no key, secret, password or contact data (names, phones,
 * emails, field values, file contents, filters, search text) goes into a log line.
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stdout;
  // The process's own stdout and stderr are written at once: a line logged just before the process
  // exits is not lost.
  const fd = destination === process.stdout ? 1 : destination === process.stderr ? 2 : undefined;
  const terminal = fd !== undefined && Boolean((destination as { isTTY?: boolean }).isTTY);
  const format = options.format ?? (terminal ? 'pretty' : 'json');
  const stream: DestinationStream =
    format === 'pretty'
      ? pretty({ destination: fd ?? destination, sync: true })
      : fd !== undefined
        ? pino.destination({ dest: fd, sync: true })
        : destination;
  return pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}

/** A logger that writes nothing: the default of the parts a test starts without one. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** The longest error message a line keeps. */
const MESSAGE_MAX_LENGTH = 500;

/**
 * What a line says about an unexpected error: its class, its code (a PostgreSQL SQLSTATE, a Node
 * errno name), its message and where it was thrown. Messages of libraries quote the values they
 * choke on (Prisma prints the arguments of the call, PostgreSQL the text it could not read), so
 * every quoted part of the message is left out; the error's other properties (a PostgreSQL error's
 * `detail` holds the row's values) are not read at all.
 */
export function errorFields(error: unknown): { type: string; code?: string; message: string; stack?: string } {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  if (!(original instanceof Error)) return { type: typeof original, message: 'a thrown value that is not an Error' };
  const code = (original as { code?: unknown }).code;
  const frames = original.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return {
    type: original.constructor.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: withoutQuotedText(original.message).slice(0, MESSAGE_MAX_LENGTH),
    ...(frames ? { stack: frames } : {}),
  };
}

function withoutQuotedText(message: string): string {
  return message.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '"…"');
}
