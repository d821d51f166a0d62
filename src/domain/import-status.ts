/**
 * An import job's states, in the order a job goes through them, and the moves between them. The
 * statements that change a job (src/import/job-store.ts) follow this table: those that check the
 * status a job is in before moving it take the statuses to check from here.
 */
export const IMPORT_STATUSES = [
  'MAPPING',
  'VALIDATING',
  'REVIEW',
  'QUEUED',
  'IMPORTING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'REVERTING',
  'REVERTED',
] as const;

export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Every job starts here: its source is stored and its columns wait for a mapping. */
export const IMPORT_START_STATUS = 'MAPPING' satisfies ImportStatus;

/**
 * Where a job may move from each status. Who moves it:
 * - MAPPING → VALIDATING, REVIEW → VALIDATING: the client sets a mapping (again, from REVIEW);
 * - VALIDATING → REVIEW: the worker, once every row is decided;
 * - REVIEW → QUEUED: the client confirms; QUEUED → IMPORTING: the worker starts the write;
 * - IMPORTING → COMPLETED: the worker, after the last batch;
 * - → CANCELLED: the client, at once for a job no worker holds; the worker, at a batch boundary,
 *   for one it holds (a write keeps its committed batches);
 * - MAPPING, REVIEW → EXPIRED: the sweeper, at the job's deadline;
 * - → FAILED: the worker, on an unexpected error, from any status it holds a job in — those it
 *   claims, and REVIEW between the end of validation and the job's release;
 * - COMPLETED, CANCELLED → REVERTING: the client asks for an undo of what was written;
 *   REVERTING → REVERTED: the worker, after the last batch of the journal.
 */
export const IMPORT_TRANSITIONS = {
  MAPPING: ['VALIDATING', 'CANCELLED', 'EXPIRED'],
  VALIDATING: ['REVIEW', 'CANCELLED', 'FAILED'],
  REVIEW: ['VALIDATING', 'QUEUED', 'CANCELLED', 'EXPIRED', 'FAILED'],
  QUEUED: ['IMPORTING', 'CANCELLED', 'FAILED'],
  IMPORTING: ['COMPLETED', 'CANCELLED', 'FAILED'],
  COMPLETED: ['REVERTING'],
  FAILED: [],
  CANCELLED: ['REVERTING'],
  EXPIRED: [],
  REVERTING: ['REVERTED', 'FAILED'],
  REVERTED: [],
} as const satisfies Record<ImportStatus, readonly ImportStatus[]>;

/**
 * The statuses an import ends in: reaching one is what webhooks are told, and a job in one holds
 * no import slot of its workspace. Only an undo moves a job on from one (COMPLETED or CANCELLED
 * to REVERTING).
 */
export const IMPORT_END_STATUSES = ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REVERTED'] as const satisfies readonly ImportStatus[];

/** The statuses a job may enter `To` from, as a type: a statement's status check may name only these. */
export type EnteredFrom<To extends ImportStatus> = {
  [From in ImportStatus]: To extends (typeof IMPORT_TRANSITIONS)[From][number] ? From : never;
}[ImportStatus];

/** The statuses a job may enter `to` from, in their order. */
export function enteredFrom<To extends ImportStatus>(to: To): EnteredFrom<To>[] {
  return IMPORT_STATUSES.filter((from): from is EnteredFrom<To> => (IMPORT_TRANSITIONS[from] as readonly ImportStatus[]).includes(to));
}
