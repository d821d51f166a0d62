import { count, rows, value, when } from '../format.ts';
import type { WizardJobFragment, WizardReviewQuery } from '../generated/graphql.ts';
import { ProgressPanel } from '../progress.tsx';
import { ErrorText, StepHeading } from '../ui.tsx';

export type Review = Extract<WizardReviewQuery['importJob'], { __typename: 'ImportJob' }>;

/** Step 5: what the import will do, once every row has been checked; nothing is written yet. */
export function ReviewStep({
  job,
  review,
  message,
  busy,
  onChangeMapping,
  onCancel,
  onConfirm,
}: {
  job: WizardJobFragment;
  review: Review | undefined;
  message: string | undefined;
  busy: boolean;
  onChangeMapping: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const checking = job.status === 'VALIDATING' || !review;
  return (
    <section aria-labelledby="review-heading" aria-busy={checking}>
      <StepHeading id="review-heading">Review</StepHeading>
      {checking ? (
        <>
          <p>Every row is being checked against your contacts. Nothing is written yet.</p>
          <ProgressPanel job={job} />
        </>
      ) : (
        <ReviewDetails review={review} />
      )}
      <ErrorText messages={message ? [message] : []} />
      <div class="actions">
        <button type="button" onClick={onChangeMapping} disabled={busy || checking}>
          Change the mapping
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel the import
        </button>
        <button type="button" class="primary" onClick={onConfirm} disabled={busy || checking || review?.status !== 'REVIEW'}>
          {review ? `Import ${rows(review.counts.toCreate + review.counts.toUpdate)}` : 'Import'}
        </button>
      </div>
    </section>
  );
}

function ReviewDetails({ review }: { review: Review }) {
  const { counts } = review;
  return (
    <>
      <p>
        {review.fileName}: {rows(review.totalRows)} checked.
        {review.reviewExpiresAt ? ` Confirm before ${when(review.reviewExpiresAt)}, or the import expires.` : ''}
      </p>
      <dl class="counts" data-testid="review-counts">
        <div>
          <dt>New contacts</dt>
          <dd>{count(counts.toCreate)}</dd>
        </div>
        <div>
          <dt>Updates</dt>
          <dd>{count(counts.toUpdate)}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{count(counts.toSkip)}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>{count(counts.errors)}</dd>
        </div>
      </dl>

      {review.skipReasons.length > 0 && (
        <>
          <h3>Why rows are skipped</h3>
          <ul class="reasons">
            {review.skipReasons.map((reason) => (
              <li key={reason.reason}>
                <span class="figure">{count(reason.count)}</span> {reason.reason}
              </li>
            ))}
          </ul>
        </>
      )}

      {counts.errors > 0 && (
        <p>
          {review.errorFileUrl ? (
            <a href={review.errorFileUrl} download>
              Download the {rows(counts.errors)} with errors (CSV, with an Error column)
            </a>
          ) : (
            `${rows(counts.errors)} have errors; the error file is no longer kept.`
          )}
        </p>
      )}

      {review.updatePreview.length > 0 && (
        <>
          <h3>What the updates change (first {review.updatePreview.length})</h3>
          <div class="table-scroll">
            <table class="changes">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Field</th>
                  <th scope="col">Now</th>
                  <th scope="col">After the import</th>
                </tr>
              </thead>
              <tbody>
                {review.updatePreview.flatMap((update) =>
                  update.changes.map((change, index) => (
                    <tr key={`${update.rowNumber}:${change.field}`}>
                      {index === 0 && (
                        <th scope="row" rowSpan={update.changes.length}>
                          {update.rowNumber}
                        </th>
                      )}
                      <td>{change.field}</td>
                      <td class="old">{value(change.old)}</td>
                      <td class="new">
                        <span aria-hidden="true">→ </span>
                        {value(change.new)}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
