import { useEffect, useState } from 'preact/hooks';
import { request } from '../api.ts';
import { count, when } from '../format.ts';
import type { WizardJobFragment } from '../generated/graphql.ts';
import { WizardHistory } from '../operations.ts';
import { ErrorText } from '../ui.tsx';

/** The states whose import can be opened again from the history: followed live, or its result shown. */
const OPENABLE = ['QUEUED', 'IMPORTING', 'COMPLETED', 'CANCELLED', 'FAILED', 'EXPIRED', 'REVERTING', 'REVERTED'];

/**
 * The workspace's recent imports, read again whenever `refresh` changes. An import under way or
 * ended can be opened: after a reload, its progress is followed again; an older one can be undone.
 */
export function History({ apiKey, refresh, onOpen }: { apiKey: string; refresh: string; onOpen: (job: WizardJobFragment) => void }) {
  const [jobs, setJobs] = useState<WizardJobFragment[] | undefined>();
  const [total, setTotal] = useState(0);
  const [message, setMessage] = useState<string | undefined>();

  useEffect(() => {
    let current = true;
    request(apiKey, WizardHistory, {}).then(
      ({ importJobs }) => {
        if (!current) return;
        if (importJobs.__typename === 'ImportJobConnection') {
          setJobs(importJobs.edges.map((edge) => edge.node));
          setTotal(importJobs.totalCount);
          setMessage(undefined);
        } else setMessage(importJobs.message);
      },
      (error: Error) => current && setMessage(error.message),
    );
    return () => {
      current = false;
    };
  }, [apiKey, refresh]);

  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">Recent imports</h2>
      <ErrorText messages={message ? [message] : []} />
      {jobs && jobs.length === 0 && <p>No imports yet.</p>}
      {jobs && jobs.length > 0 && (
        <>
          <div class="table-scroll">
            <table class="history-table" data-testid="history">
              <thead>
                <tr>
                  <th scope="col" class="file">
                    File
                  </th>
                  <th scope="col" class="started">
                    Started
                  </th>
                  <th scope="col" class="state">
                    Status
                  </th>
                  <th scope="col" class="number">
                    Rows
                  </th>
                  <th scope="col" class="number">
                    Created
                  </th>
                  <th scope="col" class="number">
                    Updated
                  </th>
                  <th scope="col" class="number">
                    Failed
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr key={job.id} data-job-id={job.id}>
                    <th scope="row">{job.fileName}</th>
                    <td>{when(job.createdAt)}</td>
                    <td>
                      <span class={`status status-${job.status.toLowerCase()}`}>{job.status}</span>
                    </td>
                    <td class="number">{count(job.totalRows)}</td>
                    <td class="number">{count(job.counts.created)}</td>
                    <td class="number">{count(job.counts.updated)}</td>
                    <td class="number">{count(job.counts.failed)}</td>
                    <td>
                      {OPENABLE.includes(job.status) && (
                        <button type="button" onClick={() => onOpen(job)} aria-label={`Open the import of ${job.fileName}`}>
                          Open
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > jobs.length && (
            <p class="hint">
              The {jobs.length} newest of {count(total)}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
