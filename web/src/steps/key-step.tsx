import { useState } from 'preact/hooks';
import { ErrorText, StepHeading } from '../ui.tsx';

/** Step 1: the API key, asked once per browser tab. */
export function KeyStep({ error, busy, onSubmit }: { error: string | undefined; busy: boolean; onSubmit: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <section aria-labelledby="key-heading">
      <StepHeading id="key-heading">Your API key</StepHeading>
      <p>
        The page calls the Switchboard API with a key of scope WRITE or ADMIN. It is kept in this tab only (session storage) until you close it or
        choose “Forget key”.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) onSubmit(key.trim());
        }}
      >
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          required
          value={key}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'api-key-error' : undefined}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
        <ErrorText id="api-key-error" messages={error ? [error] : []} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Checking…' : 'Use this key'}
          </button>
        </div>
      </form>
    </section>
  );
}
