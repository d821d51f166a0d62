import { useEffect, useState } from 'preact/hooks';
import { ApiError, request, subscribe, type Transport, upload } from './api.ts';
import type { ImportColumnInput, SetContactImportMappingInput, WizardJobFragment, WizardWorkspaceQuery } from './generated/graphql.ts';
import {
  WizardCancel,
  WizardConfirm,
  WizardProgress,
  WizardRevert,
  WizardReview,
  WizardSetMapping,
  WizardStartImport,
  WizardWorkspace,
} from './operations.ts';
import { type ColumnChoice, ColumnsStep, type ImportColumn, suggestedChoices } from './steps/columns-step.tsx';
import { History } from './steps/history.tsx';
import { KeyStep } from './steps/key-step.tsx';
import { DEFAULT_OPTIONS, type ImportOptions, OptionsStep } from './steps/options-step.tsx';
import { ProgressStep } from './steps/progress-step.tsx';
import { ResultStep } from './steps/result-step.tsx';
import { type Review, ReviewStep } from './steps/review-step.tsx';
import { type Source, SourceStep } from './steps/source-step.tsx';
import { type Failure, outcome } from './ui.tsx';

type Step = 'key' | 'source' | 'columns' | 'options' | 'review' | 'progress' | 'result';

const STEPS: { step: Step; label: string }[] = [
  { step: 'key', label: 'Key' },
  { step: 'source', label: 'Source' },
  { step: 'columns', label: 'Columns' },
  { step: 'options', label: 'Options' },
  { step: 'review', label: 'Review' },
  { step: 'progress', label: 'Import' },
  { step: 'result', label: 'Result' },
];

/** The states in which a job changes by itself: the page follows it live. */
const WORKING = ['VALIDATING', 'QUEUED', 'IMPORTING', 'REVERTING'];
/** The states after the write (or instead of it). */
const ENDED = ['COMPLETED', 'CANCELLED', 'FAILED', 'EXPIRED', 'REVERTING', 'REVERTED'];

const KEY_STORAGE = 'switchboard.import.apiKey';

type Workspace = WizardWorkspaceQuery;

/** The import wizard: one import at a time, from the key to the result, with the history below. */
export function Wizard() {
  const [apiKey, setApiKey] = useState<string | null>(() => sessionStorage.getItem(KEY_STORAGE));
  const [workspace, setWorkspace] = useState<Workspace | undefined>();
  const [step, setStep] = useState<Step>(apiKey ? 'source' : 'key');
  const [busy, setBusy] = useState(false);
  const [keyError, setKeyError] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [job, setJob] = useState<WizardJobFragment | undefined>();
  const [columns, setColumns] = useState<ImportColumn[]>([]);
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [review, setReview] = useState<Review | undefined>();
  const [transport, setTransport] = useState<Transport | undefined>();

  // The workspace's fields and groups, for the mapping and the options; a refused key is asked again.
  useEffect(() => {
    if (!apiKey) return;
    let current = true;
    request(apiKey, WizardWorkspace, {}).then(
      (data) => current && setWorkspace(data),
      (error: Error) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) forgetKey(error.message);
        else setFailure({ message: error.message, issues: {} });
      },
    );
    return () => {
      current = false;
    };
  }, [apiKey]);

  // A working job is followed live; each state the server sends replaces the one shown.
  const working = job !== undefined && WORKING.includes(job.status);
  useEffect(() => {
    if (!apiKey || !job || !working) return;
    return subscribe(
      apiKey,
      WizardProgress,
      { jobId: job.id },
      {
        next: ({ contactImportProgress }) => setJob(contactImportProgress),
        error: (message) => setFailure({ message, issues: {} }),
        transport: setTransport,
      },
    );
  }, [apiKey, job?.id, working]);

  // Validation done: the review is read once; the write ended: the result shows.
  useEffect(() => {
    if (!apiKey || !job) return;
    if (step === 'review' && job.status !== 'VALIDATING' && review?.id !== job.id) {
      request(apiKey, WizardReview, { id: job.id }).then(
        ({ importJob }) => {
          const read = outcome(importJob, 'ImportJob');
          if ('ok' in read) setReview(read.ok);
          else setFailure(read.failure);
        },
        (error: Error) => setFailure({ message: error.message, issues: {} }),
      );
    }
    if ((step === 'review' || step === 'progress') && ENDED.includes(job.status)) setStep('result');
  }, [apiKey, step, job?.id, job?.status]);

  function forgetKey(reason?: string) {
    sessionStorage.removeItem(KEY_STORAGE);
    setApiKey(null);
    setWorkspace(undefined);
    setJob(undefined);
    setReview(undefined);
    setFailure(undefined);
    setKeyError(reason);
    setStep('key');
  }

  /** Runs one request with the buttons disabled; a refusal outside the result union is shown like a typed one. */
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetKey(error.message);
      else setFailure({ message: (error as Error).message, issues: {} });
    } finally {
      setBusy(false);
    }
  }

  const submitKey = (key: string) =>
    run(async () => {
      try {
        setWorkspace(await request(key, WizardWorkspace, {}));
      } catch (error) {
        setKeyError(
          error instanceof ApiError && error.status === 401 ? 'This key is unknown or revoked: check it and try again.' : (error as Error).message,
        );
        return;
      }
      sessionStorage.setItem(KEY_STORAGE, key);
      setKeyError(undefined);
      setApiKey(key);
      setStep('source');
    });

  const start = (source: Source) =>
    run(async () => {
      const { startContactImport } =
        source.kind === 'file'
          ? await upload(apiKey!, WizardStartImport, {}, source.file)
          : await request(apiKey!, WizardStartImport, { input: { text: source.text } });
      const started = outcome(startContactImport, 'ImportJob');
      if ('failure' in started) return setFailure(started.failure);
      setJob(started.ok);
      setColumns(started.ok.columns);
      setChoices(suggestedChoices(started.ok.columns));
      setReview(undefined);
      setStep('columns');
    });

  const sendMapping = () =>
    run(async () => {
      const { setContactImportMapping } = await request(apiKey!, WizardSetMapping, { input: mappingInput(job!.id, choices, options) });
      const mapped = outcome(setContactImportMapping, 'ImportJob');
      if ('failure' in mapped) {
        setFailure(mapped.failure);
        // Problems with columns are shown on the columns.
        if (Object.keys(mapped.failure.issues).some((path) => path.startsWith('columns'))) setStep('columns');
        return;
      }
      setJob(mapped.ok);
      setReview(undefined);
      setStep('review');
    });

  const confirm = () =>
    run(async () => {
      const { confirmContactImport } = await request(apiKey!, WizardConfirm, { jobId: job!.id });
      const confirmed = outcome(confirmContactImport, 'ImportJob');
      if ('failure' in confirmed) return setFailure(confirmed.failure);
      setTransport(undefined);
      setJob(confirmed.ok);
      setStep('progress');
    });

  const cancel = () =>
    run(async () => {
      const { cancelContactImport } = await request(apiKey!, WizardCancel, { jobId: job!.id });
      const cancelled = outcome(cancelContactImport, 'ImportJob');
      if ('failure' in cancelled) return setFailure(cancelled.failure);
      setJob(cancelled.ok);
    });

  const revert = () =>
    run(async () => {
      const { revertContactImport } = await request(apiKey!, WizardRevert, { jobId: job!.id });
      const reverting = outcome(revertContactImport, 'ImportJob');
      if ('failure' in reverting) return setFailure(reverting.failure);
      setJob(reverting.ok);
    });

  /** Back to the source; an import still waiting for its mapping is cancelled, so it does not linger. */
  const startOver = () =>
    run(async () => {
      if (job?.status === 'MAPPING') {
        const { cancelContactImport } = await request(apiKey!, WizardCancel, { jobId: job.id });
        const cancelled = outcome(cancelContactImport, 'ImportJob');
        if ('failure' in cancelled) return setFailure(cancelled.failure);
      }
      setJob(undefined);
      setReview(undefined);
      setOptions(DEFAULT_OPTIONS);
      setStep('source');
    });

  const another = () => {
    setJob(undefined);
    setReview(undefined);
    setFailure(undefined);
    setOptions(DEFAULT_OPTIONS);
    setStep('source');
  };

  /** An import picked in the history: followed live while it is written, else its result. */
  const open = (picked: WizardJobFragment) => {
    setFailure(undefined);
    setTransport(undefined);
    setReview(undefined);
    setJob(picked);
    setStep(picked.status === 'QUEUED' || picked.status === 'IMPORTING' ? 'progress' : 'result');
  };

  const goTo = (next: Step) => {
    setFailure(undefined);
    setStep(next);
  };

  const message = failure && Object.keys(failure.issues).length === 0 ? failure.message : undefined;
  const groups = (workspace?.groups.edges ?? []).map((edge) => edge.node).filter((group) => group.type === 'STATIC');

  return (
    <>
      <header class="page-header">
        <h1>Import contacts</h1>
        {apiKey && (
          <div class="key-status">
            <span>{workspace ? `Workspace: ${workspace.workspace.name}` : 'Key saved in this tab'}</span>
            <button type="button" onClick={() => forgetKey()}>
              Forget key
            </button>
          </div>
        )}
      </header>
      <nav aria-label="Import steps">
        <ol class="steps">
          {STEPS.map(({ step: each, label }, index) => (
            <li
              key={each}
              aria-current={each === step ? 'step' : undefined}
              class={index < STEPS.findIndex((s) => s.step === step) ? 'done' : undefined}
            >
              {label}
            </li>
          ))}
        </ol>
      </nav>
      <main>
        {step === 'key' && <KeyStep error={keyError} busy={busy} onSubmit={submitKey} />}
        {step === 'source' && <SourceStep maxBytes={workspace?.workspace.importMaxBytes} failure={failure} busy={busy} onSubmit={start} />}
        {step === 'columns' && (
          <ColumnsStep
            columns={columns}
            choices={choices}
            fields={workspace?.fields ?? []}
            issues={failure?.issues}
            onChange={(index, choice) => setChoices((all) => all.map((each, at) => (at === index ? choice : each)))}
            onBack={startOver}
            onNext={() => goTo('options')}
          />
        )}
        {step === 'options' && (
          <OptionsStep
            options={options}
            groups={groups}
            issues={failure?.issues}
            message={failure?.message}
            busy={busy}
            onChange={setOptions}
            onBack={() => goTo('columns')}
            onSubmit={sendMapping}
          />
        )}
        {step === 'review' && job && (
          <ReviewStep
            job={job}
            review={review?.id === job.id ? review : undefined}
            message={failure?.message}
            busy={busy}
            onChangeMapping={() => goTo('columns')}
            onCancel={cancel}
            onConfirm={confirm}
          />
        )}
        {step === 'progress' && job && <ProgressStep job={job} transport={transport} message={message} busy={busy} onCancel={cancel} />}
        {step === 'result' && job && <ResultStep job={job} message={message} busy={busy} onRevert={revert} onAnother={another} />}
      </main>
      {apiKey && <History apiKey={apiKey} refresh={`${job?.id}:${job?.status}`} onOpen={open} />}
    </>
  );
}

/** The mapping and options as `setContactImportMapping` takes them. */
function mappingInput(jobId: string, choices: readonly ColumnChoice[], options: ImportOptions): SetContactImportMappingInput {
  const columns = choices.map((choice, index): ImportColumnInput => {
    if (choice.kind === 'field') return { index, fieldKey: choice.key };
    if (choice.kind === 'new') return { index, newField: { label: choice.label.trim(), type: choice.type } };
    return { index, ignore: true };
  });
  const identifies = options.purpose !== 'ADD_ALL_DESPITE_DUPLICATES';
  const tags = options.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return {
    jobId,
    columns,
    purpose: options.purpose,
    identifier: identifies ? options.identifier : null,
    inFileDuplicates: identifies ? options.inFileDuplicates : null,
    doNotOverwrite: options.doNotOverwrite,
    defaultCountry: options.defaultCountry.trim() || null,
    tags,
    groupIds: options.group === 'existing' && options.groupId ? [options.groupId] : [],
    newGroupName: options.group === 'new' ? options.newGroupName.trim() : null,
  };
}
