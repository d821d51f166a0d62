import { count, rows } from '../format.ts';
import type { WizardJobFragment } from '../generated/graphql.ts';
import { ProgressPanel } from '../progress.tsx';
import { ErrorText, StepHeading } from '../ui.tsx';

const OUTCOMES: Partial<Record<WizardJobFragment['status'], string>> = {
  COMPLETED: 'The import is complete.',
  CANCELLED: 'The import was cancelled. Batches written before the cancel stay until you undo them.',
  FAILED: 'The import failed.',
  EXPIRED: 'The import expired before it was confirmed.',
  REVERTING: 'Undoing the import…',
  REVERTED: 'The import was undone.',
};

/** Step 7: what happened, the result file, and undo. */
export function ResultStep({
  job,
  message,
  busy,
  onRevert,
  onAnother,
}: {
  job: WizardJobFragment;
  message: string | undefined;
  busy: boolean;
  onRevert: () => void;
  onAnother: () => void;
}) {
  const { counts } = job;
  const written = counts.created + counts.updated > 0;
  const canRevert = (job.status === 'COMPLETED' || job.status === 'CANCELLED') && written;
  return (
    <section aria-labelledby="result-heading">
      <StepHeading id="result-heading">Result</StepHeading>
      <p class="outcome" data-testid="job-status" data-status={job.status}>
        <span class={`status status-${job.status.toLowerCase()}`}>{job.status}</span> {OUTCOMES[job.status]}
      </p>
      {job.failureReason && <p class="error">{job.failureReason}</p>}
      <dl class="counts" data-testid="result-counts">
        <div>
          <dt>Created</dt>
          <dd>{count(counts.created)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{count(counts.updated)}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{count(counts.skipped)}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd>{count(counts.failed)}</dd>
        </div>
        {(job.status === 'REVERTING' || job.status === 'REVERTED') && (
          <>
            <div>
              <dt>Undone</dt>
              <dd>{count(counts.reverted)}</dd>
            </div>
            <div>
              <dt>Left as changed since</dt>
              <dd>{count(counts.revertConflicts)}</dd>
            </div>
          </>
        )}
      </dl>
      {job.status === 'REVERTING' && <ProgressPanel job={job} />}
      {job.resultFileUrl && (
        <p>
          <a href={job.resultFileUrl} download>
            Download the result file (CSV: {rows(job.totalRows)}, each with its Import Status)
          </a>
        </p>
      )}
      <ErrorText messages={message ? [message] : []} />
      <div class="actions">
        {canRevert && (
          <button type="button" onClick={onRevert} disabled={busy}>
            Undo this import
          </button>
        )}
        <button type="button" class="primary" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </section>
  );
}
