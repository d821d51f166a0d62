import type { ImportIdentifier, ImportPurpose, InFileDuplicates } from '../generated/graphql.ts';
import { ErrorText, issuesAt, StepHeading, type Issues } from '../ui.tsx';

export interface ImportOptions {
  purpose: ImportPurpose;
  identifier: ImportIdentifier;
  doNotOverwrite: boolean;
  defaultCountry: string;
  /** Comma-separated, as typed. */
  tags: string;
  group: 'none' | 'existing' | 'new';
  groupId: string;
  newGroupName: string;
  inFileDuplicates: InFileDuplicates;
}

export const DEFAULT_OPTIONS: ImportOptions = {
  purpose: 'ADD_AND_UPDATE',
  identifier: 'PHONE',
  doNotOverwrite: false,
  defaultCountry: '',
  tags: '',
  group: 'none',
  groupId: '',
  newGroupName: '',
  inFileDuplicates: 'REJECT_ALL',
};

const PURPOSES: { value: ImportPurpose; label: string }[] = [
  { value: 'ADD_AND_UPDATE', label: 'Add new contacts and update existing ones' },
  { value: 'ADD_NEW_ONLY', label: 'Only add new contacts' },
  { value: 'UPDATE_EXISTING_ONLY', label: 'Only update existing contacts' },
  { value: 'ADD_ALL_DESPITE_DUPLICATES', label: 'Add every row as a new contact, even if it exists' },
];

const IDENTIFIERS: { value: ImportIdentifier; label: string }[] = [
  { value: 'PHONE', label: 'Phone number' },
  { value: 'EMAIL', label: 'Email address' },
  { value: 'CONTACT_ID', label: 'Contact ID (update only)' },
];

const DUPLICATES: { value: InFileDuplicates; label: string }[] = [
  { value: 'REJECT_ALL', label: 'Reject them all as errors' },
  { value: 'KEEP_FIRST', label: 'Keep the first row' },
  { value: 'KEEP_LAST', label: 'Keep the last row' },
  { value: 'MERGE', label: 'Merge them into the first row' },
];

/** The inputs this step shows problems beside. */
const PLACED = ['purpose', 'identifier', 'doNotOverwrite', 'inFileDuplicates', 'defaultCountry', 'tags', 'groupIds', 'newGroupName'];

/** Below the form: how many options need a change, and any problem no field of the step shows; else the refusal's message. */
function summary(issues: Issues | undefined, message: string | undefined): string[] {
  const entries = Object.entries(issues ?? {}).filter(([path]) => !path.startsWith('columns'));
  if (entries.length === 0) return message ? [message] : [];
  const placed = entries.filter(([path]) => PLACED.includes(path.split('.')[0]!)).length;
  const unplaced = entries
    .filter(([path]) => !PLACED.includes(path.split('.')[0]!))
    .flatMap(([path, messages]) => messages.map((text) => `${path}: ${text}`));
  return [...(placed > 0 ? [`${placed === 1 ? 'One option needs' : `${placed} options need`} a change: see the messages above.`] : []), ...unplaced];
}

/** Step 4: what the import does with the rows, and what every imported contact gets. */
export function OptionsStep({
  options,
  groups,
  issues,
  message,
  busy,
  onChange,
  onBack,
  onSubmit,
}: {
  options: ImportOptions;
  groups: readonly { id: string; name: string }[];
  issues: Issues | undefined;
  /** A refusal that is not about one option. */
  message: string | undefined;
  busy: boolean;
  onChange: (options: ImportOptions) => void;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const set = <K extends keyof ImportOptions>(name: K, value: ImportOptions[K]) => onChange({ ...options, [name]: value });
  const identifies = options.purpose !== 'ADD_ALL_DESPITE_DUPLICATES';
  const updates = options.purpose === 'ADD_AND_UPDATE' || options.purpose === 'UPDATE_EXISTING_ONLY';
  const problems = (name: string) => issuesAt(issues, name);
  const describedBy = (name: string) => (problems(name).length ? `${name}-error` : undefined);

  return (
    <section aria-labelledby="options-heading">
      <StepHeading id="options-heading">Set the options</StepHeading>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <fieldset aria-describedby={describedBy('purpose')}>
          <legend>What to do with the rows</legend>
          <div class="choices">
            {PURPOSES.map((purpose) => (
              <label class="choice" key={purpose.value}>
                <input
                  type="radio"
                  name="purpose"
                  value={purpose.value}
                  checked={options.purpose === purpose.value}
                  onChange={() => set('purpose', purpose.value)}
                />
                {purpose.label}
              </label>
            ))}
          </div>
          <ErrorText id="purpose-error" messages={problems('purpose')} />
        </fieldset>

        <fieldset>
          <legend>Existing contacts</legend>
          <div class="field">
            <label for="identifier">Recognise existing contacts by</label>
            <select
              id="identifier"
              disabled={!identifies}
              value={options.identifier}
              aria-describedby={describedBy('identifier')}
              onChange={(event) => set('identifier', event.currentTarget.value as ImportIdentifier)}
            >
              {IDENTIFIERS.map((identifier) => (
                <option key={identifier.value} value={identifier.value}>
                  {identifier.label}
                </option>
              ))}
            </select>
            <ErrorText id="identifier-error" messages={problems('identifier')} />
          </div>
          <label class="choice">
            <input
              type="checkbox"
              checked={options.doNotOverwrite && updates}
              disabled={!updates}
              onChange={(event) => set('doNotOverwrite', event.currentTarget.checked)}
            />
            Don’t overwrite: only fill fields that are empty
          </label>
          <div class="field">
            <label for="in-file-duplicates">Rows of the file that share a phone or email</label>
            <select
              id="in-file-duplicates"
              disabled={!identifies}
              value={options.inFileDuplicates}
              aria-describedby={describedBy('inFileDuplicates')}
              onChange={(event) => set('inFileDuplicates', event.currentTarget.value as InFileDuplicates)}
            >
              {DUPLICATES.map((duplicates) => (
                <option key={duplicates.value} value={duplicates.value}>
                  {duplicates.label}
                </option>
              ))}
            </select>
            <ErrorText id="inFileDuplicates-error" messages={problems('inFileDuplicates')} />
          </div>
        </fieldset>

        <fieldset>
          <legend>Every imported contact</legend>
          <div class="field">
            <label for="default-country">Country of phone numbers written without one</label>
            <input
              id="default-country"
              class="short"
              maxLength={2}
              autoComplete="off"
              placeholder="US"
              value={options.defaultCountry}
              aria-describedby={['default-country-hint', describedBy('defaultCountry')].filter(Boolean).join(' ')}
              onInput={(event) => set('defaultCountry', event.currentTarget.value.toUpperCase())}
            />
            <p class="hint" id="default-country-hint">
              Two letters (ISO 3166), e.g. US, GB, DE. Leave empty when every number starts with +.
            </p>
            <ErrorText id="defaultCountry-error" messages={problems('defaultCountry')} />
          </div>
          <div class="field">
            <label for="tags">Tags to add</label>
            <input
              id="tags"
              autoComplete="off"
              value={options.tags}
              aria-describedby={['tags-hint', describedBy('tags')].filter(Boolean).join(' ')}
              onInput={(event) => set('tags', event.currentTarget.value)}
            />
            <p class="hint" id="tags-hint">
              Separated by commas.
            </p>
            <ErrorText id="tags-error" messages={problems('tags')} />
          </div>
        </fieldset>

        <fieldset aria-describedby={problems('groupIds').length + problems('newGroupName').length ? 'group-error' : undefined}>
          <legend>Add the contacts to a group</legend>
          <div class="choices">
            <label class="choice">
              <input type="radio" name="group" value="none" checked={options.group === 'none'} onChange={() => set('group', 'none')} />
              No group
            </label>
            <label class="choice">
              <input
                type="radio"
                name="group"
                value="existing"
                checked={options.group === 'existing'}
                disabled={groups.length === 0}
                onChange={() => onChange({ ...options, group: 'existing', groupId: options.groupId || (groups[0]?.id ?? '') })}
              />
              An existing group
            </label>
            <label class="choice">
              <input type="radio" name="group" value="new" checked={options.group === 'new'} onChange={() => set('group', 'new')} />A new group
            </label>
          </div>
          {options.group === 'existing' && (
            <div class="field">
              <label for="group-id">Group</label>
              <select id="group-id" value={options.groupId} onChange={(event) => set('groupId', event.currentTarget.value)}>
                {groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {options.group === 'new' && (
            <div class="field">
              <label for="new-group-name">New group’s name</label>
              <input
                id="new-group-name"
                required
                maxLength={200}
                value={options.newGroupName}
                onInput={(event) => set('newGroupName', event.currentTarget.value)}
              />
            </div>
          )}
          <ErrorText id="group-error" messages={[...problems('groupIds'), ...problems('newGroupName')]} />
        </fieldset>

        <ErrorText messages={summary(issues, message)} />
        <div class="actions">
          <button type="button" onClick={onBack}>
            Back to the columns
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Sending…' : 'Next: check the rows'}
          </button>
        </div>
      </form>
    </section>
  );
}
