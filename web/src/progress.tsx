import type { WizardJobFragment } from './generated/graphql.ts';
import { count, duration } from './format.ts';

/** What a working job is doing, for the bar's label. */
const PHASES: Partial<Record<WizardJobFragment['status'], string>> = {
  VALIDATING: 'Checking the rows',
  QUEUED: 'Waiting for its turn',
  IMPORTING: 'Importing',
  REVERTING: 'Undoing the import',
};

/**
 * A job's progress: a bar, the rows done, rows per second and time left. Every figure has its own
 * reserved width in tabular numerals, so nothing around it moves while the numbers change; screen
 * readers hear the phase and each tenth done (a polite live region), not every update.
 */
export function ProgressPanel({ job }: { job: WizardJobFragment }) {
  const { processedRows, totalRows, rowsPerSecond, etaSeconds } = job.progress;
  const phase = PHASES[job.status] ?? 'Finished';
  const fraction = totalRows > 0 ? Math.min(1, processedRows / totalRows) : 0;
  const tenth = Math.floor(fraction * 10) * 10;
  const unit = job.status === 'REVERTING' ? 'contacts' : 'rows';
  return (
    <div class="progress-panel">
      <label for="job-progress" class="progress-label">
        {phase}
        {job.cancelRequested ? ' (cancelling at the next batch)' : ''}
      </label>
      <progress
        id="job-progress"
        max={Math.max(totalRows, 1)}
        value={processedRows}
        aria-valuetext={`${count(processedRows)} of ${count(totalRows)} ${unit}`}
      />
      <dl class="progress-figures" data-testid="progress-figures">
        <div>
          <dt>Done</dt>
          <dd>
            <span class="figure wide">{count(processedRows)}</span> of {count(totalRows)} {unit}
          </dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>
            <span class="figure">{rowsPerSecond ? count(rowsPerSecond) : '–'}</span> {unit}/s
          </dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>
            <span class="figure">{etaSeconds === null || etaSeconds === undefined ? '–' : duration(etaSeconds)}</span>
          </dd>
        </div>
      </dl>
      <p class="visually-hidden" aria-live="polite">
        {phase}: {tenth}% done
      </p>
    </div>
  );
}
