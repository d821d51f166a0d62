import { useState } from 'preact/hooks';
import { bytes } from '../format.ts';
import { ErrorText, StepHeading, type Failure } from '../ui.tsx';

export type Source = { kind: 'file'; file: File } | { kind: 'text'; text: string };

const ACCEPT = '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 2: a CSV or XLSX file (dropped or picked), or text pasted from a spreadsheet. */
export function SourceStep({
  maxBytes,
  failure,
  busy,
  onSubmit,
}: {
  maxBytes: number | undefined;
  failure: Failure | undefined;
  busy: boolean;
  onSubmit: (source: Source) => void;
}) {
  const [kind, setKind] = useState<'file' | 'text'>('file');
  const [file, setFile] = useState<File | undefined>();
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const messages = failure ? [failure.message, ...Object.values(failure.issues).flat()] : [];
  const ready = kind === 'file' ? file !== undefined : text.trim() !== '';

  return (
    <section aria-labelledby="source-heading">
      <StepHeading id="source-heading">Choose what to import</StepHeading>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (kind === 'file' && file) onSubmit({ kind: 'file', file });
          if (kind === 'text' && text.trim()) onSubmit({ kind: 'text', text });
        }}
      >
        <fieldset>
          <legend>Source</legend>
          <div class="choices">
            <label class="choice">
              <input type="radio" name="source-kind" value="file" checked={kind === 'file'} onChange={() => setKind('file')} />A CSV or Excel (XLSX)
              file
            </label>
            <label class="choice">
              <input type="radio" name="source-kind" value="text" checked={kind === 'text'} onChange={() => setKind('text')} />
              Text pasted from a spreadsheet
            </label>
          </div>
        </fieldset>

        {kind === 'file' ? (
          <fieldset
            class={dragging ? 'drop-zone dragging' : 'drop-zone'}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              const dropped = event.dataTransfer?.files[0];
              if (dropped) setFile(dropped);
            }}
          >
            <legend>File</legend>
            <label for="source-file">Drop a file here, or pick one</label>
            <input
              id="source-file"
              type="file"
              accept={ACCEPT}
              aria-describedby="source-file-hint source-error"
              onChange={(event) => setFile(event.currentTarget.files?.[0])}
            />
            <p id="source-file-hint" class="hint">
              {file ? `${file.name}, ${bytes(file.size)}` : 'The first row names the columns.'}
              {maxBytes ? ` At most ${bytes(maxBytes)}.` : ''}
            </p>
          </fieldset>
        ) : (
          <div class="field">
            <label for="source-text">Pasted rows</label>
            <textarea
              id="source-text"
              rows={8}
              spellcheck={false}
              value={text}
              aria-describedby="source-text-hint source-error"
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <p id="source-text-hint" class="hint">
              Tab- or comma-separated, with or without a header line.
            </p>
          </div>
        )}
        <ErrorText id="source-error" messages={messages} />
        <div class="actions">
          <button type="submit" class="primary" disabled={!ready || busy}>
            {busy ? 'Reading…' : 'Read the columns'}
          </button>
        </div>
      </form>
    </section>
  );
}
