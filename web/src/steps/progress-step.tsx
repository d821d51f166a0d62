import type { Transport } from '../api.ts';
import type { WizardJobFragment } from '../generated/graphql.ts';
import { ProgressPanel } from '../progress.tsx';
import { ErrorText, StepHeading } from '../ui.tsx';

/** Step 6: the write, live. */
export function ProgressStep({
  job,
  transport,
  message,
  busy,
  onCancel,
}: {
  job: WizardJobFragment;
  transport: Transport | undefined;
  message: string | undefined;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <section aria-labelledby="progress-heading" aria-busy="true">
      <StepHeading id="progress-heading">Importing {job.fileName}</StepHeading>
      <p>You may leave this page: the import goes on in the background, and its result stays in the history below.</p>
      <ProgressPanel job={job} />
      <p class="hint transport">{transport ? `Live over ${transport}.` : 'Connecting…'}</p>
      <ErrorText messages={message ? [message] : []} />
      <div class="actions">
        <button type="button" onClick={onCancel} disabled={busy || job.cancelRequested}>
          {job.cancelRequested ? 'Cancelling…' : 'Cancel the import'}
        </button>
      </div>
    </section>
  );
}
