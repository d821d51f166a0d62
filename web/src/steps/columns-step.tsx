import type { FieldType, WizardStartImportMutation } from '../generated/graphql.ts';
import { ErrorText, issuesAt, StepHeading, type Issues } from '../ui.tsx';

export type ImportColumn = Extract<WizardStartImportMutation['startContactImport'], { __typename: 'ImportJob' }>['columns'][number];
export interface FieldOption {
  key: string;
  label: string;
  builtIn: boolean;
}

/** What the import does with one column. */
export type ColumnChoice = { kind: 'field'; key: string } | { kind: 'new'; label: string; type: FieldType } | { kind: 'ignore' };

const FIELD_TYPES: FieldType[] = ['TEXT', 'NUMBER', 'DATE', 'DATETIME', 'BOOLEAN', 'EMAIL', 'PHONE', 'URL', 'SELECT', 'MULTI_SELECT'];
/** Not a field: a column of Switchboard contact ids identifies the contacts an update-only import changes. */
const CONTACT_ID = { key: 'contactId', label: 'Contact ID' };

/** The suggested field of each column, or ignore where none was found. */
export function suggestedChoices(columns: readonly ImportColumn[]): ColumnChoice[] {
  return columns.map((column) => (column.suggestedFieldKey ? { kind: 'field', key: column.suggestedFieldKey } : { kind: 'ignore' }));
}

function encode(choice: ColumnChoice): string {
  return choice.kind === 'field' ? `field:${choice.key}` : choice.kind;
}

function decode(value: string, column: ImportColumn): ColumnChoice {
  if (value.startsWith('field:')) return { kind: 'field', key: value.slice('field:'.length) };
  if (value === 'new') return { kind: 'new', label: column.header, type: 'TEXT' };
  return { kind: 'ignore' };
}

/** Step 3: each column's header and first values, and the field it goes to. */
export function ColumnsStep({
  columns,
  choices,
  fields,
  issues,
  onChange,
  onBack,
  onNext,
}: {
  columns: readonly ImportColumn[];
  choices: readonly ColumnChoice[];
  fields: readonly FieldOption[];
  issues: Issues | undefined;
  onChange: (index: number, choice: ColumnChoice) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const mapped = choices.filter((choice) => choice.kind !== 'ignore').length;
  return (
    <section aria-labelledby="columns-heading">
      <StepHeading id="columns-heading">Match the columns</StepHeading>
      <p>
        Each column goes to a contact field, to a new custom field, or is left out. {mapped} of {columns.length} columns will be imported.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onNext();
        }}
      >
        <ol class="columns">
          {columns.map((column) => {
            const choice = choices[column.index] ?? { kind: 'ignore' };
            const problems = issuesAt(issues, `columns.${column.index}`);
            const id = `column-${column.index}`;
            return (
              <li key={column.index}>
                <fieldset class="column" aria-describedby={problems.length ? `${id}-error` : undefined}>
                  <legend>
                    Column {column.index + 1}: <span class="header-name">{column.header}</span>
                  </legend>
                  <p class="samples" id={`${id}-samples`}>
                    <span class="visually-hidden">First values: </span>
                    {column.samples.length ? column.samples.slice(0, 3).join(' · ') : '(empty)'}
                  </p>
                  <label for={`${id}-target`}>Import as</label>
                  <select
                    id={`${id}-target`}
                    value={encode(choice)}
                    aria-describedby={`${id}-samples${column.needsDecision ? ` ${id}-note` : ''}`}
                    onChange={(event) => onChange(column.index, decode(event.currentTarget.value, column))}
                  >
                    <optgroup label="Contact fields">
                      {fields
                        .filter((field) => field.builtIn)
                        .map((field) => (
                          <option key={field.key} value={`field:${field.key}`}>
                            {field.label}
                          </option>
                        ))}
                      <option value={`field:${CONTACT_ID.key}`}>{CONTACT_ID.label}</option>
                    </optgroup>
                    {fields.some((field) => !field.builtIn) && (
                      <optgroup label="Custom fields">
                        {fields
                          .filter((field) => !field.builtIn)
                          .map((field) => (
                            <option key={field.key} value={`field:${field.key}`}>
                              {field.label}
                            </option>
                          ))}
                      </optgroup>
                    )}
                    <optgroup label="Other">
                      <option value="new">A new custom field…</option>
                      <option value="ignore">Don’t import</option>
                    </optgroup>
                  </select>
                  {column.needsDecision && (
                    <p class="hint" id={`${id}-note`}>
                      No field matched this header: choose one, or leave it out.
                    </p>
                  )}
                  {choice.kind === 'new' && (
                    <div class="new-field">
                      <div class="field">
                        <label for={`${id}-label`}>New field’s name</label>
                        <input
                          id={`${id}-label`}
                          required
                          maxLength={100}
                          value={choice.label}
                          onInput={(event) => onChange(column.index, { ...choice, label: event.currentTarget.value })}
                        />
                      </div>
                      <div class="field">
                        <label for={`${id}-type`}>Type</label>
                        <select
                          id={`${id}-type`}
                          value={choice.type}
                          onChange={(event) => onChange(column.index, { ...choice, type: event.currentTarget.value as FieldType })}
                        >
                          {FIELD_TYPES.map((type) => (
                            <option key={type} value={type}>
                              {type.replace('_', ' ').toLowerCase()}
                            </option>
                          ))}
                        </select>
                      </div>
                    </div>
                  )}
                  <ErrorText id={`${id}-error`} messages={problems} />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <ErrorText messages={issues?.columns ?? []} />
        <div class="actions">
          <button type="button" onClick={onBack}>
            Start over
          </button>
          <button type="submit" class="primary" disabled={mapped === 0}>
            Next: options
          </button>
        </div>
      </form>
    </section>
  );
}
